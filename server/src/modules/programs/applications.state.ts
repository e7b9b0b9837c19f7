import type { ApplicationStatus } from '@hpen/db/enums';
import { programsErrors } from './programs.errors.js';

export type ApplicationEvent = 'submit' | 'start_review' | 'request_information' | 'respond' | 'approve' | 'reject' | 'withdraw';

/**
 * draft → submitted → in_review ⇄ needs_information → approved | rejected. The applicant may
 * withdraw at any time before a rejection (an approved person may renounce the support).
 */
const edges: Record<ApplicationStatus, Partial<Record<ApplicationEvent, ApplicationStatus>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { start_review: 'in_review', withdraw: 'withdrawn' },
  in_review: { request_information: 'needs_information', approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  needs_information: { respond: 'in_review', withdraw: 'withdrawn' },
  approved: { withdraw: 'withdrawn' },
  rejected: {},
  withdrawn: {},
};

export function nextApplicationStatus(from: ApplicationStatus, event: ApplicationEvent): ApplicationStatus {
  const to = edges[from][event];
  if (!to) throw programsErrors.badTransition(from, event);
  return to;
}

export const canApply = (from: ApplicationStatus, event: ApplicationEvent) => edges[from][event] !== undefined;

/** Events the applicant takes; the others are the reviewing officers'. */
export const applicantEvents: readonly ApplicationEvent[] = ['submit', 'respond', 'withdraw'];
