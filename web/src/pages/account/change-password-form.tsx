import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { changePassword } from '../../api/me.api';
import { PasswordField } from '../../forms/fields';
import { PasswordHint } from '../../forms/password-hint';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useZodForm(async () => (await import('./account-schemas')).changePasswordBodySchema, {
    currentPassword: '',
    newPassword: '',
  });
  const mutation = useMutation({
    mutationFn: changePassword,
    onError: (error) => {
      form.applyError(error);
      if (isApiError(error) && error.code === 'auth.invalid_credentials') {
        form.setErrors({ currentPassword: t('account.currentPasswordWrong') });
        form.setFormError(t('account.currentPasswordWrong'));
      }
    },
    onSuccess: () => {
      form.reset();
      // The server signs other devices out on a password change: show the shorter list.
      return queryClient.invalidateQueries({ queryKey: ['me', 'sessions'] });
    },
  });

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{t('account.passwordTitle')}</h2>
      <form
        onSubmit={form.handleSubmit((data) => {
          mutation.reset();
          mutation.mutate(data);
        })}
        noValidate
        className="form"
      >
        <FormMessage kind="error">{form.formError}</FormMessage>
        <FormMessage kind="success">{mutation.isSuccess ? t('account.passwordSaved') : null}</FormMessage>
        <PasswordField {...form.field('currentPassword')} label={t('fields.currentPassword')} autoComplete="current-password" required />
        <PasswordField
          {...form.field('newPassword')}
          label={t('fields.newPassword')}
          hint={<PasswordHint password={form.values.newPassword} />}
          autoComplete="new-password"
          required
        />
        <SubmitButton pending={mutation.isPending}>{t('account.passwordSubmit')}</SubmitButton>
      </form>
    </section>
  );
}
