import type { ExpertView } from '@hpen/server/contracts';
import { Link } from 'react-router';
import { useTranslation } from '../../i18n/use-translation';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

export type VerificationBadges = ExpertView['verified'];
export type VerificationBadge = VerificationBadges[number];

/**
 * The badge for one item of a profile (the title: itemId null), if a curator verified it; for an
 * award (itemId: the nomination), the decision behind it and a link to the honour roll.
 */
export function VerifiedBadge({
  badges,
  itemType,
  itemId,
}: {
  badges: VerificationBadges | undefined;
  itemType: VerificationBadge['itemType'];
  itemId: string | null | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const badge = badges?.find((b) => b.itemType === itemType && (itemType === 'title' || b.itemId === itemId));
  if (!badge) return null;
  const p = badge.provenance;
  return (
    <span className="verified-badge" data-testid="verified-badge" data-item-type={itemType}>
      <span className="verified-mark">
        <span aria-hidden="true">✓ </span>
        {t('verification.badge')}
      </span>{' '}
      {p ? (
        <span className="verified-by">
          {t('verification.awardBy', { number: p.decisionNumber, date: formatDate(p.decisionDate, language), signer: p.signer })} ·{' '}
          <Link to={`/awards/honour-roll#n-${p.nominationId}`}>{t('verification.honourRoll')}</Link>
        </span>
      ) : (
        <span className="verified-by">{t('verification.badgeBy', { by: badge.by, date: formatDate(badge.at, language) })}</span>
      )}
    </span>
  );
}
