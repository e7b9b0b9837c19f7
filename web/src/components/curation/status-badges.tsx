import type { MembershipStatus, VerificationStatus } from '../../api/curation.api';
import { useTranslation } from '../../i18n/use-translation';

const verificationTone: Record<VerificationStatus, string> = {
  pending: 'badge-warn',
  approved: 'badge-ok',
  rejected: 'badge-error',
  changes_requested: 'badge-info',
  superseded: '',
  withdrawn: '',
};

export function VerificationStatusBadge({ status }: { status: VerificationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${verificationTone[status]}`} data-status={status}>
      {t(`verification.status.${status}`)}
    </span>
  );
}

const membershipTone: Record<MembershipStatus, string> = {
  pending: 'badge-warn',
  proposed: 'badge-warn',
  approved: 'badge-ok',
  rejected: 'badge-error',
  left: '',
};

export function MembershipStatusBadge({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${membershipTone[status]}`} data-status={status}>
      {t(`membership.status.${status}`)}
    </span>
  );
}
