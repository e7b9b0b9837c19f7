import type { ConsultationStatus } from '@hpen/db/enums';
import { consultationsErrors } from './consultations.errors.js';

/** What happens to a case; each event moves it along one edge of the state machine, or is refused. */
export type ConsultationEvent = 'invite' | 'member_accepted' | 'start_review' | 'draft_report' | 'send' | 'reply' | 'close' | 'cancel';

/**
 * draft → panel_forming → in_review → consolidating → sent → replied → closed; cancelled from any
 * open state before the opinion is sent. Events that keep the state (more invitations while the
 * panel forms, a revised report) are listed with the same state as target.
 */
const edges: Record<ConsultationStatus, Partial<Record<ConsultationEvent, ConsultationStatus>>> = {
  draft: { invite: 'panel_forming', start_review: 'in_review', cancel: 'cancelled' },
  panel_forming: { invite: 'panel_forming', member_accepted: 'in_review', start_review: 'in_review', cancel: 'cancelled' },
  in_review: { invite: 'in_review', member_accepted: 'in_review', draft_report: 'consolidating', cancel: 'cancelled' },
  consolidating: { draft_report: 'consolidating', member_accepted: 'consolidating', send: 'sent', cancel: 'cancelled' },
  sent: { reply: 'replied' },
  replied: { close: 'closed' },
  closed: {},
  cancelled: {},
};

export function nextStatus(from: ConsultationStatus, event: ConsultationEvent): ConsultationStatus {
  const to = edges[from][event];
  if (!to) throw consultationsErrors.badTransition(from, event);
  return to;
}

export const canHappen = (from: ConsultationStatus, event: ConsultationEvent) => edges[from][event] !== undefined;

/** States in which a case still occupies its panel (counts towards an expert's workload). */
export const activeStatuses: readonly ConsultationStatus[] = ['panel_forming', 'in_review', 'consolidating'];

/** Which panel-member kind of availability each case kind needs. */
export const availabilityFor = { tu_van: 'consultation', phan_bien: 'critical_review', giam_dinh: 'appraisal' } as const;
