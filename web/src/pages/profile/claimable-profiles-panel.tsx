import { useMutation, useQuery } from '@tanstack/react-query';
import { claimableKey, listClaimableProfiles, requestProfileClaim } from '../../api/profiles.api';
import { useSession } from '../../auth/use-session';
import { FormMessage } from '../../forms/form-parts';
import { describeError } from '../../i18n/describe-error';
import { useTranslation } from '../../i18n/use-translation';

/**
 * Profiles a curator created with this account's e-mail. Claiming sends a link to that
 * address; opening it (signed in) links the profile to the account (/claim-profile).
 */
export function ClaimableProfilesPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const isExpert = session.user?.role === 'expert';
  const claimable = useQuery({ queryKey: claimableKey, queryFn: listClaimableProfiles, enabled: isExpert });
  const claim = useMutation({ mutationFn: requestProfileClaim });
  const items = claimable.data?.items ?? [];
  if (!isExpert || items.length === 0) return null;

  return (
    <section className="panel claimable-panel" aria-labelledby="claimable-title" data-testid="claimable-profiles">
      <h2 id="claimable-title">{t('claim.listTitle')}</h2>
      <p className="muted">{t('claim.listIntro')}</p>
      <FormMessage kind="error">{claim.isError ? describeError(claim.error, t) : null}</FormMessage>
      <FormMessage kind="success" testId="claim-sent">
        {claim.isSuccess ? t('claim.sent') : null}
      </FormMessage>
      <ul className="claimable-list">
        {items.map((item) => (
          <li key={item.id} data-testid="claimable-profile">
            <span>
              <span className="cell-title">{item.fullName}</span>
              <span className="cell-sub">{item.contactEmail}</span>
            </span>
            <button
              type="button"
              className="button-secondary button-small"
              aria-label={t('claim.claimFor', { name: item.fullName })}
              disabled={claim.isPending || (claim.isSuccess && claim.variables === item.id)}
              onClick={() => claim.mutate(item.id)}
            >
              {t('claim.claimButton')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
