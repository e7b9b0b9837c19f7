import type { Me } from '@hpen/server/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateMe } from '../../api/me.api';
import { updateSessionUser } from '../../auth/session-store';
import { SelectField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { languages } from '../../i18n/i18n';
import { useTranslation } from '../../i18n/use-translation';

/** Name and the language used for e-mails; the header switch only changes this screen. */
export function ProfileForm({ user }: { user: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(async () => (await import('./account-schemas')).updateMeBodySchema, {
    fullName: user.fullName,
    locale: user.locale,
  });
  const mutation = useMutation({
    mutationFn: updateMe,
    onError: form.applyError,
    onSuccess: async (updated) => {
      // The contract does not pin PATCH /me's body; trust it only if it looks like a user.
      if (updated && typeof updated === 'object' && 'id' in updated) {
        queryClient.setQueryData(['me'], updated);
        updateSessionUser(updated);
      } else {
        await queryClient.invalidateQueries({ queryKey: ['me'] });
      }
    },
  });

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profileTitle')}</h2>
      <form
        onSubmit={form.handleSubmit((data) => {
          mutation.reset();
          mutation.mutate(data);
        })}
        noValidate
        className="form"
      >
        <FormMessage kind="error">{form.formError}</FormMessage>
        <FormMessage kind="success">{mutation.isSuccess ? t('account.profileSaved') : null}</FormMessage>
        <TextField {...form.field('fullName')} label={t('fields.fullName')} autoComplete="name" required />
        <SelectField
          {...form.field('locale')}
          label={t('fields.locale')}
          options={languages.map((lang) => ({ value: lang, label: t(`languages.${lang}`) }))}
        />
        <SubmitButton pending={mutation.isPending}>{t('account.profileSubmit')}</SubmitButton>
      </form>
    </section>
  );
}
