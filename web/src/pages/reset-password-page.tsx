import { resetPasswordBodySchema } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../api/api-error';
import { resetPassword } from '../api/auth.api';
import { AuthPanel } from '../components/auth-panel';
import { PasswordField } from '../forms/fields';
import { PasswordHint } from '../forms/password-hint';
import { FormMessage, SubmitButton } from '../forms/form-parts';
import { useZodForm } from '../forms/use-zod-form';
import { useTokenParam } from '../lib/use-token-param';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const token = useTokenParam();
  const form = useZodForm(resetPasswordBodySchema, { password: '' }, { prepare: (values) => ({ ...values, token }) });
  const mutation = useMutation({ mutationFn: resetPassword, onError: form.applyError });
  const tokenRejected = isApiError(mutation.error) && mutation.error.code === 'auth.token_invalid';

  if (token === null) {
    return (
      <AuthPanel title={t('reset.title')}>
        <FormMessage kind="error">{t('reset.missingToken')}</FormMessage>
        <p>
          <Link to="/forgot-password">{t('reset.requestNew')}</Link>
        </p>
      </AuthPanel>
    );
  }

  if (mutation.isSuccess) {
    return (
      <AuthPanel title={t('reset.title')}>
        <FormMessage kind="success" testId="reset-done">
          {t('reset.done')}
        </FormMessage>
        <p>
          <Link className="button-primary" to="/sign-in">
            {t('nav.signIn')}
          </Link>
        </p>
      </AuthPanel>
    );
  }

  return (
    <AuthPanel title={t('reset.title')} intro={t('reset.intro')}>
      <form onSubmit={form.handleSubmit((data) => mutation.mutate(data))} noValidate className="form">
        <FormMessage kind="error">
          {form.formError}
          {tokenRejected ? (
            <span className="notice-extra">
              <Link to="/forgot-password">{t('reset.requestNew')}</Link>
            </span>
          ) : null}
        </FormMessage>
        <PasswordField
          {...form.field('password')}
          label={t('fields.newPassword')}
          hint={<PasswordHint password={form.values.password} />}
          autoComplete="new-password"
          required
        />
        <SubmitButton pending={mutation.isPending}>{t('reset.submit')}</SubmitButton>
      </form>
    </AuthPanel>
  );
}
