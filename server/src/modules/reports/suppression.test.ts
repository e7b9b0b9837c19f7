import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_PUBLIC_CELL, SUPPRESSED_KEY } from './reports.schemas.js';
import { suppressCells, suppressTotal } from './suppression.js';

const cellsArb = fc.uniqueArray(fc.record({ key: fc.string({ minLength: 1, maxLength: 6 }), count: fc.nat({ max: 40 }) }), {
  selector: (c) => c.key,
  maxLength: 12,
});

describe('small-cell suppression', () => {
  it('never shows a public figure of 1 to 4 people, nor lets the total minus the shown cells reveal one', () => {
    fc.assert(
      fc.property(cellsArb, (cells) => {
        const out = suppressCells(cells);
        for (const c of out) expect(c.count === null || c.count === 0 || c.count >= MIN_PUBLIC_CELL).toBe(true);
        const total = cells.reduce((n, c) => n + c.count, 0);
        const shownTotal = suppressTotal(total);
        const shown = out.filter((c) => c.count !== null).reduce((n, c) => n + c.count!, 0);
        // What an attacker can deduce: the published total minus every published cell.
        if (shownTotal !== null) {
          const deduced = shownTotal - shown;
          expect(deduced === 0 || deduced >= MIN_PUBLIC_CELL).toBe(true);
        }
        // Nothing is lost: pooled and visible cells still add up to the total when the pool is shown.
        if (out.every((c) => c.count !== null)) expect(shown).toBe(total);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps large cells and pools small ones (hand-computed)', () => {
    expect(
      suppressCells([
        { key: 'a', count: 12 },
        { key: 'b', count: 3 },
        { key: 'c', count: 1 },
        { key: 'd', count: 7 },
      ]),
    ).toEqual([
      { key: 'a', count: 12 },
      { key: SUPPRESSED_KEY, count: 11 },
    ]);
    expect(suppressCells([{ key: 'a', count: 3 }])).toEqual([{ key: SUPPRESSED_KEY, count: null }]);
    expect(
      suppressCells([
        { key: 'a', count: 5 },
        { key: 'b', count: 0 },
      ]),
    ).toEqual([{ key: 'a', count: 5 }]);
    expect(suppressTotal(4)).toBeNull();
    expect(suppressTotal(0)).toBe(0);
  });
});
