import { describe, expect, it } from 'vitest';
import { addWorkingDays, breachNotifyBy, requestClocks, DEFAULT_PRIVACY_POLICY } from './privacy-clock.js';

const rules = DEFAULT_PRIVACY_POLICY.rules;

describe('privacy clocks from the policy rows', () => {
  it('acknowledges within 2 working days, skipping the weekend (Friday → Tuesday, end of day in Vietnam)', () => {
    // Friday 4 Dec 2026, 10:00 in Hải Phòng.
    expect(addWorkingDays(new Date('2026-12-04T03:00:00Z'), 2, []).toISOString()).toBe('2026-12-08T16:59:59.999Z');
    // A Friday evening in Vietnam is already Friday there even when UTC says Friday noon.
    expect(addWorkingDays(new Date('2026-12-04T16:30:00Z'), 2, []).toISOString()).toBe('2026-12-08T16:59:59.999Z');
  });

  it('skips the holidays listed in the policy (Tết 2026)', () => {
    // Friday 13 Feb 2026: Mon 16 – Fri 20 are holidays, so Mon 23 and Tue 24.
    expect(addWorkingDays(new Date('2026-02-13T03:00:00Z'), 2, rules.holidays).toISOString()).toBe('2026-02-24T16:59:59.999Z');
  });

  it('gives withdrawal, restriction and objection 15 days, 20 with processors', () => {
    const at = new Date('2026-12-04T03:00:00Z');
    for (const type of ['withdrawal', 'restriction', 'objection'] as const) {
      expect(requestClocks(rules, type, at, false).dueAt.toISOString()).toBe('2026-12-19T16:59:59.999Z');
      expect(requestClocks(rules, type, at, true).dueAt.toISOString()).toBe('2026-12-24T16:59:59.999Z');
    }
  });

  it('follows a changed policy row rather than constants', () => {
    const changed = { ...rules, acknowledge: { ...rules.acknowledge, workingDays: 5 }, breach: { ...rules.breach, notifyHours: 24 } };
    expect(requestClocks(changed, 'access', new Date('2026-12-04T03:00:00Z'), false).acknowledgeBy.toISOString()).toBe(
      '2026-12-11T16:59:59.999Z',
    );
    expect(breachNotifyBy(changed, new Date('2026-12-04T03:00:00Z')).toISOString()).toBe('2026-12-05T03:00:00.000Z');
    expect(breachNotifyBy(rules, new Date('2026-12-04T03:00:00Z')).toISOString()).toBe('2026-12-07T03:00:00.000Z');
  });
});
