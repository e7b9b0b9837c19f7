import { consultationStatuses, type ConsultationStatus } from '@hpen/db/enums';
import { describe, expect, it } from 'vitest';
import { canHappen, type ConsultationEvent, nextStatus } from './consultations.state.js';

const events: ConsultationEvent[] = ['invite', 'member_accepted', 'start_review', 'draft_report', 'send', 'reply', 'close', 'cancel'];

describe('consultation state machine', () => {
  it('walks the whole happy path', () => {
    let s: ConsultationStatus = 'draft';
    for (const [event, expected] of [
      ['invite', 'panel_forming'],
      ['invite', 'panel_forming'],
      ['member_accepted', 'in_review'],
      ['draft_report', 'consolidating'],
      ['draft_report', 'consolidating'],
      ['send', 'sent'],
      ['reply', 'replied'],
      ['close', 'closed'],
    ] as const) {
      s = nextStatus(s, event);
      expect(s).toBe(expected);
    }
  });

  it('refuses skipping steps with a stable 409 code', () => {
    expect(() => nextStatus('draft', 'send')).toThrow(expect.objectContaining({ statusCode: 409, code: 'consultations.invalid_state' }));
    expect(() => nextStatus('panel_forming', 'draft_report')).toThrow(/Cannot draft report while the case is panel forming/);
    expect(() => nextStatus('in_review', 'close')).toThrow();
    expect(() => nextStatus('sent', 'cancel')).toThrow();
  });

  it('lets nothing leave a closed or cancelled case', () => {
    for (const terminal of ['closed', 'cancelled'] as const) for (const e of events) expect(canHappen(terminal, e)).toBe(false);
  });

  it('can cancel only before the opinion is sent', () => {
    const cancellable = consultationStatuses.filter((s) => canHappen(s, 'cancel'));
    expect(cancellable).toEqual(['draft', 'panel_forming', 'in_review', 'consolidating']);
  });

  it('reaches every state from draft', () => {
    const seen = new Set<ConsultationStatus>(['draft']);
    const queue: ConsultationStatus[] = ['draft'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const e of events)
        if (canHappen(s, e)) {
          const t = nextStatus(s, e);
          if (!seen.has(t)) {
            queue.push(t);
            seen.add(t);
          }
        }
    }
    expect([...seen].sort()).toEqual([...consultationStatuses].sort());
  });
});
