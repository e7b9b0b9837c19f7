import type { ExpertView } from '@hpen/server/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format';
import { useLanguage } from '../../lib/use-language';

export type VerificationBadges = ExpertView['verified'];

/** The badge for one item of a profile (the title: itemId null), if a curator verified it. */
export function VerifiedBadge({
  badges,
  itemType,
  itemId,
}: {
  badges: VerificationBadges | undefined;
  itemType: VerificationBadges[number]['itemType'];
  itemId: string | null | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const badge = badges?.find((b) => b.itemType === itemType && (itemType === 'title' || b.itemId === itemId));
  if (!badge) return null;
  return (
    <span className="verified-badge" data-testid="verified-badge" data-item-type={itemType}>
      <span className="verified-mark">
        <span aria-hidden="true">✓ </span>
        {t('verification.badge')}
      </span>{' '}
      <span className="verified-by">{t('verification.badgeBy', { by: badge.by, date: formatDate(badge.at, language) })}</span>
    </span>
  );
}
