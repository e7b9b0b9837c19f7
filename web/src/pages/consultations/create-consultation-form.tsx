import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { consultationKeys, createConsultation } from '../../api/consultations.api';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';

const list = (s: string) =>
  s
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A new request: the shared contract validates it before it is sent. */
export function CreateConsultationForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial = { kind: 'phan_bien', title: '', summary: '', fields: '', keywords: '', dueAt: '', panelSize: '5', blind: false };
  const form = useZodForm(async () => (await import('./consultation-schemas')).createConsultationBodySchema, initial, {
    prepare: (v) => ({ ...v, fields: list(v.fields), keywords: list(v.keywords), panelSize: Number(v.panelSize) }),
  });
  const create = useMutation({
    mutationFn: createConsultation,
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: consultationKeys.all });
      void navigate(`/consultations/${created.id}`);
    },
    onError: form.applyError,
  });
  const kinds = (['tu_van', 'phan_bien', 'giam_dinh'] as const).map((k) => ({ value: k, label: t(`consultations.kind.${k}`) }));
  return (
    <section className="panel" aria-labelledby="consultation-create-title">
      <h2 id="consultation-create-title">{t('consultations.create.title')}</h2>
      <form className="form" noValidate onSubmit={form.handleSubmit((body) => create.mutate(body))}>
        <SelectField {...form.field('kind')} label={t('consultations.colKind')} options={kinds} />
        <TextField {...form.field('title')} label={t('consultations.create.name')} />
        <TextAreaField {...form.field('summary')} label={t('consultations.create.summary')} rows={4} />
        <TextField {...form.field('fields')} label={t('consultations.create.fields')} placeholder="502, 201" />
        <TextField {...form.field('keywords')} label={t('consultations.create.keywords')} placeholder="logistics, cảng biển" />
        <TextField {...form.field('dueAt')} type="date" label={t('consultations.create.dueAt')} />
        <TextField {...form.field('panelSize')} type="number" min={1} max={25} label={t('consultations.create.panelSize')} />
        <CheckboxField {...form.checkbox('blind')} label={t('consultations.create.blind')} />
        {form.formError ? <FormMessage kind="error">{form.formError}</FormMessage> : null}
        <SubmitButton pending={create.isPending}>{t('consultations.create.submit')}</SubmitButton>
      </form>
    </section>
  );
}
