import { describe, expect, it } from 'vitest';
import { nextAnnualStatus } from './annual-reports.state.js';

describe('yearly report states', () => {
  it('goes draft → submitted → accepted, and back to draft when returned', () => {
    expect(nextAnnualStatus('draft', 'edit')).toBe('draft');
    expect(nextAnnualStatus('draft', 'submit')).toBe('submitted');
    expect(nextAnnualStatus('submitted', 'accept')).toBe('accepted');
    expect(nextAnnualStatus('submitted', 'return')).toBe('draft');
  });
  it('refuses everything else with a stable code', () => {
    expect(() => nextAnnualStatus('draft', 'accept')).toThrow(expect.objectContaining({ code: 'reports.invalid_state', statusCode: 409 }));
    expect(() => nextAnnualStatus('submitted', 'edit')).toThrow(expect.objectContaining({ code: 'reports.invalid_state' }));
    expect(() => nextAnnualStatus('accepted', 'return')).toThrow(expect.objectContaining({ code: 'reports.invalid_state' }));
    expect(() => nextAnnualStatus('accepted', 'edit')).toThrow(expect.objectContaining({ code: 'reports.invalid_state' }));
  });
});
