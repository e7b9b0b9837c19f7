import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { verifyEmail } from '../api/auth.api';
import { AuthPanel } from '../components/auth-panel';
import { ResendVerificationForm } from '../components/resend-verification-form';
import { FormMessage } from '../forms/form-parts';
import { describeError } from '../i18n/describe-error';
import { useTokenParam } from '../lib/use-token-param';

/**
 * The token is single-use, so it must be posted exactly once per page view. A query keyed
 * by the token gives that for free: StrictMode's second effect run, re-renders and focus
 * changes all reuse the first result instead of posting again.
 */
function useVerification(token: string | null) {
  return useQuery({
    queryKey: ['verify-email', token],
    queryFn: () => verifyEmail(token ?? ''),
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function VerifyEmailPage() {
  const { t } = useTranslation();
  const token = useTokenParam();
  const verification = useVerification(token);

  return (
    <AuthPanel title={t('verify.title')}>
      {token === null ? <FormMessage kind="error">{t('verify.missingToken')}</FormMessage> : null}
      {token !== null && verification.isPending ? (
        <p role="status" className="loading">
          <span className="spinner" aria-hidden="true" /> {t('verify.pending')}
        </p>
      ) : null}
      {verification.isSuccess ? (
        <>
          <FormMessage kind="success" testId="verify-done">
            {t('verify.done')}
          </FormMessage>
          <p>
            <Link className="button-primary" to="/sign-in">
              {t('nav.signIn')}
            </Link>
          </p>
        </>
      ) : null}
      {verification.isError ? <FormMessage kind="error">{describeError(verification.error, t)}</FormMessage> : null}
      {token === null || verification.isError ? <ResendVerificationForm /> : null}
    </AuthPanel>
  );
}
