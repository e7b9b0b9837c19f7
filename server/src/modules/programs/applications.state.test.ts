import { applicationStatuses } from '@hpen/db/enums';
import { describe, expect, it } from 'vitest';
import { type ApplicationEvent, canApply, nextApplicationStatus } from './applications.state.js';

const events: ApplicationEvent[] = ['submit', 'start_review', 'request_information', 'respond', 'approve', 'reject', 'withdraw'];

describe('application state machine', () => {
  it('walks the happy path and the information loop', () => {
    let s = nextApplicationStatus('draft', 'submit');
    s = nextApplicationStatus(s, 'start_review');
    s = nextApplicationStatus(s, 'request_information');
    expect(s).toBe('needs_information');
    s = nextApplicationStatus(s, 'respond');
    expect(nextApplicationStatus(s, 'approve')).toBe('approved');
    expect(nextApplicationStatus(s, 'reject')).toBe('rejected');
  });

  it('refuses decisions before review and anything after a rejection or withdrawal', () => {
    expect(() => nextApplicationStatus('submitted', 'approve')).toThrow(/Cannot approve/);
    expect(() => nextApplicationStatus('draft', 'reject')).toThrow();
    for (const e of events) {
      expect(canApply('rejected', e)).toBe(false);
      expect(canApply('withdrawn', e)).toBe(false);
    }
  });

  it('lets the applicant withdraw from every open state', () => {
    for (const s of applicationStatuses.filter((x) => x !== 'rejected' && x !== 'withdrawn'))
      expect(nextApplicationStatus(s, 'withdraw')).toBe('withdrawn');
  });
});
