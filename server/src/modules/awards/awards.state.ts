import type { NominationStatus } from '@hpen/db';
import { awardsErrors } from './awards.errors.js';

export type NominationEvent =
  'submit' | 'accept_eligible' | 'reject_ineligible' | 'enter_phase' | 'pass_phase' | 'fail_phase' | 'award' | 'not_award' | 'withdraw';

/**
 * draft → submitted → eligible | ineligible (reason) → in phase N → passed | not passed; a passed
 * nomination enters the next phase, or after the last one is awarded or not awarded. Withdrawal is
 * possible until a result is final.
 */
const edges: Record<NominationStatus, Partial<Record<NominationEvent, NominationStatus>>> = {
  draft: { submit: 'submitted', withdraw: 'withdrawn' },
  submitted: { accept_eligible: 'eligible', reject_ineligible: 'ineligible', withdraw: 'withdrawn' },
  eligible: { enter_phase: 'in_phase', withdraw: 'withdrawn' },
  ineligible: {},
  in_phase: { pass_phase: 'passed', fail_phase: 'not_passed', withdraw: 'withdrawn' },
  passed: { enter_phase: 'in_phase', award: 'awarded', not_award: 'not_awarded', withdraw: 'withdrawn' },
  not_passed: {},
  awarded: {},
  not_awarded: {},
  withdrawn: {},
};

export function nextNominationStatus(from: NominationStatus, event: NominationEvent): NominationStatus {
  const to = edges[from][event];
  if (!to) throw awardsErrors.badTransition(from, event);
  return to;
}

export const canHappen = (from: NominationStatus, event: NominationEvent) => edges[from][event] !== undefined;
