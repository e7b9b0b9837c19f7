import type { CouncilRulesData } from '@hpen/db';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkQuorum, tallyBallots, tallyScores, weightedScore } from './award-tally.js';

const rules: CouncilRulesData = {
  quorumRatio: 0.75,
  chairRequired: true,
  passRatio: 0.75,
  passBase: 'all_members',
  excludeRecusedFromBase: true,
};
const roles = ['chair', 'vice_chair', 'reviewer', 'member', 'member', 'secretary'] as const;

/** A random council (1–25 seats), who attends, who is recused, and a ballot from each counted member. */
const councilArb = fc
  .array(
    fc.record({
      role: fc.constantFrom(...roles),
      present: fc.boolean(),
      recused: fc.boolean(),
      choice: fc.constantFrom('yes', 'no', 'abstain'),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((seats) => seats.map((s, i) => ({ ...s, id: `m${i}` })));

const rulesArb = fc.record({
  quorumRatio: fc.constantFrom(0.5, 2 / 3, 0.75, 1),
  chairRequired: fc.boolean(),
  passRatio: fc.constantFrom(0.5, 2 / 3, 0.75, 1),
  passBase: fc.constantFrom('all_members' as const, 'present' as const),
  excludeRecusedFromBase: fc.boolean(),
});

function input(
  seats: Array<{ id: string; role: (typeof roles)[number]; present: boolean; recused: boolean; choice: 'yes' | 'no' | 'abstain' }>,
  r: CouncilRulesData,
) {
  const counted = seats.filter((s) => s.role !== 'secretary' && s.present && !s.recused);
  return {
    rules: r,
    members: seats.map((s) => ({ id: s.id, role: s.role })),
    present: seats.filter((s) => s.present).map((s) => s.id),
    recused: seats.filter((s) => s.recused).map((s) => s.id),
    ballots: counted.map((s) => s.choice),
  };
}

describe('council quorum and thresholds (3/4 rules as data)', () => {
  it('passes exactly when 4 × yes ≥ 3 × (voting members not recused) and 4 × present ≥ 3 × that base, with a chair present', () => {
    fc.assert(
      fc.property(councilArb, (seats) => {
        const t = tallyBallots(input(seats, rules));
        const voting = seats.filter((s) => s.role !== 'secretary' && !s.recused);
        const present = voting.filter((s) => s.present);
        const yes = present.filter((s) => s.choice === 'yes').length;
        const chair = present.some((s) => s.role === 'chair' || s.role === 'vice_chair');
        const expected = voting.length > 0 && 4 * present.length >= 3 * voting.length && chair && 4 * yes >= 3 * voting.length && yes >= 1;
        expect(t.passed).toBe(expected);
        expect(t.quorum.base).toBe(voting.length);
      }),
      { numRuns: 500 },
    );
  });

  it('never passes without quorum; one more yes never turns a pass into a failure; recused and secretaries never count as present', () => {
    fc.assert(
      fc.property(councilArb, rulesArb, (seats, r) => {
        const i = input(seats, r);
        const t = tallyBallots(i);
        if (t.passed) expect(t.quorum.met).toBe(true);
        if (t.passed) expect(tallyBallots({ ...i, ballots: [...i.ballots, 'yes'] }).passed).toBe(true);
        expect(t.quorum.presentCounted).toBe(seats.filter((s) => s.role !== 'secretary' && s.present && !s.recused).length);
        expect(t.quorum.required).toBeLessThanOrEqual(t.quorum.base);
      }),
      { numRuns: 500 },
    );
  });

  it('counting recused members in the base (the other setting) never makes a pass easier', () => {
    fc.assert(
      fc.property(councilArb, rulesArb, (seats, r) => {
        const kept = tallyBallots(input(seats, { ...r, excludeRecusedFromBase: false }));
        const excluded = tallyBallots(input(seats, { ...r, excludeRecusedFromBase: true }));
        if (kept.passed) expect(excluded.passed).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('mean-score phases apply the same quorum, and the mean is on 0–100', () => {
    const criteria = [
      { code: 'a', titleVi: 'a', titleEn: 'a', weight: 30, min: 0, max: 10 },
      { code: 'b', titleVi: 'b', titleEn: 'b', weight: 70, min: 1, max: 5 },
    ];
    expect(weightedScore(criteria, { a: 10, b: 5 })).toBe(100);
    expect(weightedScore(criteria, { a: 0, b: 1 })).toBe(0);
    fc.assert(
      fc.property(
        councilArb,
        fc.array(fc.record({ a: fc.integer({ min: 0, max: 10 }), b: fc.integer({ min: 1, max: 5 }) }), { maxLength: 25 }),
        (seats, sheets) => {
          const i = input(seats, rules);
          const t = tallyScores({ ...i, criteria, threshold: 70, sheets });
          expect(t.mean).toBeGreaterThanOrEqual(0);
          expect(t.mean).toBeLessThanOrEqual(100);
          expect(t.passed).toBe(checkQuorum(i).met && sheets.length > 0 && t.mean >= 70);
        },
      ),
      { numRuns: 300 },
    );
  });
});
