import { resetPasswordBodySchema } from '@hpen/server/contracts';
import { type UseMutationResult, useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../api/api-error';
import { resetPassword } from '../../api/auth.api';
import { PasswordField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { PasswordHint } from '../../forms/password-hint';
import { useZodForm } from '../../forms/use-zod-form';
import { useTranslation } from '../../i18n/use-translation';
import { TokenPage } from './token-page';
import '../../i18n/parts/auth';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const mutation = useMutation({ mutationFn: resetPassword });
  const requestNew = <Link to="/forgot-password">{t('reset.requestNew')}</Link>;
  return (
    <TokenPage
      title={t('reset.title')}
      intro={t('reset.intro')}
      missingToken={t('reset.missingToken')}
      missingTokenExtra={<p>{requestNew}</p>}
      done={mutation.isSuccess ? { testId: 'reset-done', message: t('reset.done'), linkTo: '/sign-in', linkLabel: t('nav.signIn') } : null}
    >
      {(token) => <ResetForm token={token} mutation={mutation} requestNew={requestNew} />}
    </TokenPage>
  );
}

function ResetForm({
  token,
  mutation,
  requestNew,
}: {
  token: string;
  mutation: UseMutationResult<unknown, Error, { token: string; password: string }>;
  requestNew: ReactNode;
}) {
  const { t } = useTranslation();
  const form = useZodForm(resetPasswordBodySchema, { password: '' }, { prepare: (values) => ({ ...values, token }) });
  const tokenRejected = isApiError(mutation.error) && mutation.error.code === 'auth.token_invalid';
  return (
    <form onSubmit={form.handleSubmit((data) => mutation.mutate(data, { onError: form.applyError }))} noValidate className="form">
      <FormMessage kind="error">
        {form.formError}
        {tokenRejected ? <span className="notice-extra">{requestNew}</span> : null}
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
  );
}
