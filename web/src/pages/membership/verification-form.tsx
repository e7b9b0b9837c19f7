import { verificationItemTypes, type OwnProfile } from '@hpen/server/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import { curationKeys, submitVerification, type Verification, type VerificationItemType } from '../../api/curation.api';
import { SelectField, TextAreaField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';
import { organisationName } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';
import { academicTitleLabel, itemSummary } from '../../components/curation/curation-labels';
import { memberAssociations, useAssociations } from '../../components/curation/use-associations';
import { EvidencePicker, evidenceProblems } from './evidence-picker';

const itemTypes = verificationItemTypes;
const empty = { itemType: 'degree', itemId: '', associationId: '', note: '' };

interface Props {
  profile: OwnProfile;
  requests: Verification[];
}

/** Pick an item of my profile, who verifies it, attach 1–3 files; the text fields follow the shared contract. */
export function VerificationForm({ profile, requests }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const associations = useAssociations();
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  // A new key empties the file input after a successful request.
  const [pickerKey, setPickerKey] = useState(0);
  const form = useZodForm(async () => (await import('./membership-schemas')).verificationFieldsSchema, empty, {
    prepare: (v) => ({
      itemType: v.itemType,
      itemId: v.itemType === 'title' ? undefined : v.itemId || undefined,
      associationId: v.associationId || undefined,
      note: v.note,
    }),
  });
  const submit = useMutation({
    mutationFn: submitVerification,
    onError: (error) => {
      form.applyError(error);
      const evidence = isApiError(error) ? error.fields.find((f) => f.path === 'evidence') : undefined;
      if (evidence) setFileError(t('verification.noFiles'));
    },
    onSuccess: () => {
      form.reset({ ...empty, itemType: form.values.itemType });
      setFiles([]);
      setPickerKey((k) => k + 1);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: curationKeys.myVerifications }),
        queryClient.invalidateQueries({ queryKey: ['me', 'profile'] }),
      ]);
    },
  });

  const itemType = form.values.itemType as VerificationItemType;
  const marker = (type: VerificationItemType, itemId: string | null) => {
    if (requests.some((r) => r.itemType === type && r.itemId === itemId && r.status === 'pending'))
      return ` ${t('verification.itemPending')}`;
    if (profile.verified.some((v) => v.itemType === type && v.itemId === itemId)) return ` ${t('verification.itemVerified')}`;
    return '';
  };
  const items =
    itemType === 'degree'
      ? profile.education.map((e) => ({ value: e.id ?? '', label: itemSummary(t, language, 'degree', e) + marker('degree', e.id ?? null) }))
      : itemType === 'position'
        ? profile.positions.map((p) => ({
            value: p.id ?? '',
            label: itemSummary(t, language, 'position', p) + marker('position', p.id ?? null),
          }))
        : [];
  const hasItem = itemType === 'title' ? profile.academicTitle !== null : items.length > 0;
  const associationOptions = memberAssociations(associations.data?.items)
    .map((a) => ({ value: a.id, label: organisationName(a, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));

  const send = form.handleSubmit((fields) => {
    const problems = evidenceProblems(files, t);
    const missingItem = itemType !== 'title' && !fields.itemId;
    if (missingItem) form.setErrors((e) => ({ ...e, itemId: t('validation.choose') }));
    setFileError(problems[0] ?? null);
    if (missingItem || problems.length > 0) return;
    const body = new FormData();
    body.append('itemType', fields.itemType);
    if (fields.itemId) body.append('itemId', fields.itemId);
    if (fields.associationId) body.append('associationId', fields.associationId);
    body.append('note', fields.note);
    for (const file of files) body.append('evidence', file, file.name);
    submit.reset();
    submit.mutate(body);
  });

  return (
    <section className="panel" aria-labelledby="verification-form-title">
      <h2 id="verification-form-title">{t('verification.formTitle')}</h2>
      <form className="form" noValidate onSubmit={send}>
        <FormMessage kind="error">{form.formError}</FormMessage>
        <FormMessage kind="success" testId="verification-submitted">
          {submit.isSuccess ? t('verification.submitted') : null}
        </FormMessage>
        <SelectField
          {...form.field('itemType')}
          onChange={(event) => {
            form.setValue('itemType', event.target.value);
            form.setValue('itemId', '');
          }}
          label={t('verification.itemType')}
          options={itemTypes.map((type) => ({ value: type, label: t(`verification.itemTypes.${type}`) }))}
          required
        />
        {itemType === 'title' && profile.academicTitle ? (
          <p className="chosen-item">
            {t('verification.titleItem', { title: academicTitleLabel(t, profile.academicTitle) + marker('title', null) })}
          </p>
        ) : null}
        {itemType !== 'title' && hasItem ? (
          <SelectField
            {...form.field('itemId')}
            label={t('verification.itemId')}
            placeholder={t('verification.chooseItem')}
            options={items}
            required
          />
        ) : null}
        {!hasItem ? (
          <p className="notice notice-info">
            {t(`verification.noItems.${itemType}`)} <Link to="/profile/edit">{t('verification.addInProfile')}</Link>
          </p>
        ) : null}
        <SelectField
          {...form.field('associationId')}
          label={t('verification.associationId')}
          placeholder={t('verification.union')}
          hint={t('verification.associationHint')}
          options={associationOptions}
        />
        <TextAreaField {...form.field('note')} label={t('verification.note')} hint={t('verification.noteHint')} rows={3} maxLength={1000} />
        <EvidencePicker
          key={pickerKey}
          files={files}
          error={fileError}
          onChange={(chosen) => {
            setFiles(chosen);
            setFileError(evidenceProblems(chosen, t)[0] ?? null);
          }}
        />
        <div className="form-actions">
          <SubmitButton pending={submit.isPending} disabled={!hasItem}>
            {t('verification.submit')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}
