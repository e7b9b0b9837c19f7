import { signInBodySchema } from '@hpen/server/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { isApiError } from '../../api/api-error';
import { resendVerification, signIn } from '../../api/auth.api';
import type { ReturnState } from '../../auth/guards';
import { useSession } from '../../auth/use-session';
import { AuthPanel } from '../../components/auth-panel';
import { PasswordField, TextField } from '../../forms/fields';
import { FormMessage, SubmitButton } from '../../forms/form-parts';
import { useZodForm } from '../../forms/use-zod-form';
import { describeError, formatWait } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { useCountdown } from '../../lib/use-countdown';
import { MfaStep } from './mfa-step';
import '../../i18n/parts/security';
import '../../i18n/parts/auth';

/** Only same-app paths, so a crafted link cannot bounce the user to another site. */
function safeReturnPath(state: unknown): string {
  const from = (state as ReturnState | null)?.from;
  // Without a page to return to, each role starts from its home (pages/home/home-cards.ts).
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const [mfaToken, setMfaToken] = useState<string | null>(null);
  const secondsLeft = useCountdown(blockedUntil);
  const form = useZodForm(signInBodySchema, { email: '', password: '' });

  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (result) => {
      if ('mfaRequired' in result) setMfaToken(result.mfaToken);
    },
    onError: (error) => {
      form.applyError(error);
      if (isApiError(error) && error.code === 'auth.too_many_attempts' && error.retryAfter) {
        setBlockedUntil(Date.now() + error.retryAfter * 1000);
      }
    },
  });
  const resend = useMutation({ mutationFn: resendVerification });

  // Signing in publishes the session; this render then leaves for the role's home (or the page asked for).
  if (session.status === 'authenticated') return <Navigate to={safeReturnPath(location.state)} replace />;

  const errorCode = isApiError(mutation.error) ? mutation.error.code : null;
  const blocked = secondsLeft > 0;
  // While locked out the wait counts down live; once it is over the message goes away.
  const lockedOut = errorCode === 'auth.too_many_attempts' && blockedUntil !== null;
  const formError = lockedOut
    ? blocked
      ? t('errors.auth.too_many_attempts', { time: formatWait(secondsLeft, t) })
      : null
    : form.formError;

  if (mfaToken) {
    return (
      <AuthPanel title={t('signInMfa.mfaTitle')}>
        <MfaStep
          key={mfaToken}
          mfaToken={mfaToken}
          onRestart={() => {
            setMfaToken(null);
            mutation.reset();
          }}
        />
      </AuthPanel>
    );
  }

  return (
    <AuthPanel title={t('signIn.title')}>
      <form
        onSubmit={form.handleSubmit((data) => {
          resend.reset();
          mutation.mutate(data);
        })}
        noValidate
        className="form"
      >
        <FormMessage kind="error">
          {formError}
          {errorCode === 'auth.email_unverified' ? (
            <span className="notice-extra">
              {t('signIn.unverifiedHelp')}{' '}
              <button
                type="button"
                className="button-link"
                disabled={resend.isPending}
                onClick={() => resend.mutate(form.values.email.trim().toLowerCase())}
              >
                {t('signIn.resend')}
              </button>
            </span>
          ) : null}
        </FormMessage>
        <FormMessage kind="success">{resend.isSuccess ? t('signIn.resendDone') : null}</FormMessage>
        {session.expired && !mutation.isError ? <p className="notice notice-info">{t('signIn.expired')}</p> : null}
        {resend.isError ? <FormMessage kind="error">{describeError(resend.error, t)}</FormMessage> : null}
        <TextField {...form.field('email')} type="email" label={t('fields.email')} autoComplete="username" inputMode="email" required />
        <PasswordField {...form.field('password')} label={t('fields.password')} autoComplete="current-password" required />
        <p className="form-aside">
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </p>
        <SubmitButton pending={mutation.isPending} disabled={blocked}>
          {t('signIn.submit')}
        </SubmitButton>
      </form>
      <p className="form-footer">
        {t('signIn.noAccount')} <Link to="/sign-up">{t('nav.signUp')}</Link>
      </p>
    </AuthPanel>
  );
}
