import type { AnnualReportStatus } from '@hpen/db/enums';
import { reportsErrors } from './reports.errors.js';

export type AnnualReportEvent = 'edit' | 'submit' | 'accept' | 'return';

/** draft → submitted → accepted; the Department of S&T may return a submitted report to draft. */
const edges: Record<AnnualReportStatus, Partial<Record<AnnualReportEvent, AnnualReportStatus>>> = {
  draft: { edit: 'draft', submit: 'submitted' },
  submitted: { accept: 'accepted', return: 'draft' },
  accepted: {},
};

export function nextAnnualStatus(from: AnnualReportStatus, event: AnnualReportEvent): AnnualReportStatus {
  const to = edges[from][event];
  if (!to) throw reportsErrors.badTransition(from, event);
  return to;
}
