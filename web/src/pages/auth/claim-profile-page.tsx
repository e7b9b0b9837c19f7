import { useQueryClient } from '@tanstack/react-query';
import { claimableKey, confirmProfileClaim, ownProfileKey } from '../../api/profiles.api';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';
import { PendingLine, TokenPage, useTokenOnce } from './token-page';
import '../../i18n/parts/profile';

/** /claim-profile?token= (the link in the claim e-mail; signed in). */
export function ClaimProfilePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const claim = useTokenOnce('claim-profile', async (token) => {
    const profile = await confirmProfileClaim(token);
    queryClient.setQueryData(ownProfileKey, profile);
    void queryClient.invalidateQueries({ queryKey: claimableKey });
    return profile;
  });
  return (
    <TokenPage
      title={t('claim.title')}
      missingToken={t('claim.missingToken')}
      done={
        claim.isSuccess
          ? { testId: 'claim-done', message: t('claim.done'), linkTo: '/profile/edit', linkLabel: t('claim.openProfile') }
          : null
      }
    >
      {() =>
        claim.isError ? <FormMessage kind="error">{describeError(claim.error, t)}</FormMessage> : <PendingLine label={t('claim.pending')} />
      }
    </TokenPage>
  );
}
