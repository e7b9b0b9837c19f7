import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { claimableKey, confirmProfileClaim, ownProfileKey } from '../api/profiles.api';
import { AuthPanel } from '../components/auth-panel';
import { FormMessage } from '../forms/form-parts';
import { describeError } from '../i18n/describe-error';
import { useTokenParam } from '../lib/use-token-param';
import '../i18n/parts/profile';

/**
 * /claim-profile?token= (the link in the claim e-mail; signed in). Like e-mail verification,
 * the single-use token is posted once per page view through a query keyed by the token.
 */
function useClaim(token: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['claim-profile', token],
    queryFn: async () => {
      const profile = await confirmProfileClaim(token ?? '');
      queryClient.setQueryData(ownProfileKey, profile);
      void queryClient.invalidateQueries({ queryKey: claimableKey });
      return profile;
    },
    enabled: token !== null,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function ClaimProfilePage() {
  const { t } = useTranslation();
  const token = useTokenParam();
  const claim = useClaim(token);
  return (
    <AuthPanel title={t('claim.title')}>
      {token === null ? <FormMessage kind="error">{t('claim.missingToken')}</FormMessage> : null}
      {token !== null && claim.isPending ? (
        <p role="status" className="loading">
          <span className="spinner" aria-hidden="true" /> {t('claim.pending')}
        </p>
      ) : null}
      {claim.isSuccess ? (
        <>
          <FormMessage kind="success" testId="claim-done">
            {t('claim.done')}
          </FormMessage>
          <p>
            <Link className="button-primary" to="/profile/edit">
              {t('claim.openProfile')}
            </Link>
          </p>
        </>
      ) : null}
      {claim.isError ? <FormMessage kind="error">{describeError(claim.error, t)}</FormMessage> : null}
    </AuthPanel>
  );
}
