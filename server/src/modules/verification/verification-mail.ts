import type { VerificationItemType } from '@hpen/db/enums';

const WHAT: Record<VerificationItemType, [string, string]> = {
  degree: ['bằng cấp', 'degree'],
  title: ['học hàm', 'academic title'],
  position: ['chức vụ', 'position'],
};

/** The notice an expert gets when a curator decides (Vietnamese, English). */
export function decisionText(itemType: VerificationItemType, decision: 'approve' | 'reject' | 'request_changes', reason?: string) {
  const [vi, en] = WHAT[itemType];
  if (decision === 'approve') return { vi: `Yêu cầu xác minh ${vi} của bạn đã được chấp thuận.`, en: `Your ${en} was verified.` };
  if (decision === 'reject')
    return {
      vi: `Yêu cầu xác minh ${vi} của bạn không được chấp thuận. Lý do: ${reason}`,
      en: `Your ${en} could not be verified. Reason: ${reason}`,
    };
  return {
    vi: `Cán bộ xác minh đề nghị bổ sung cho yêu cầu xác minh ${vi}: ${reason}`,
    en: `The curator asks for changes to your ${en} verification: ${reason}`,
  };
}
