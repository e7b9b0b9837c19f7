import { emailBodySchema } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { Link } from 'react-router';
import { forgotPassword } from '../../api/auth.api';
import { AuthPanel } from '../../components/auth-panel';
import { TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import '../../i18n/parts/auth';
import { useTranslation } from '../../i18n/use-translation';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useZodForm(emailBodySchema, { email: '' });
  const mutation = useMutation({
    mutationFn: (body: { email: string }) => forgotPassword(body.email),
    onError: form.applyError,
  });

  return (
    <AuthPanel title={t('forgot.title')} intro={mutation.isSuccess ? undefined : t('forgot.intro')}>
      <FormMessage kind="success" testId="forgot-done">
        {mutation.isSuccess ? t('forgot.done') : null}
      </FormMessage>
      {mutation.isSuccess ? null : (
        <form onSubmit={form.handleSubmit((data) => mutation.mutate(data))} noValidate className="form">
          <FormMessage kind="error">{form.formError}</FormMessage>
          <TextField {...form.field('email')} type="email" label={t('fields.email')} autoComplete="email" inputMode="email" required />
          <SubmitButton pending={mutation.isPending}>{t('forgot.submit')}</SubmitButton>
        </form>
      )}
      <p className="form-footer">
        <Link to="/sign-in">{t('forgot.back')}</Link>
      </p>
    </AuthPanel>
  );
}
