import type { Grade } from './queries.js';

/** nDCG@k with gains 2^g − 1, against the ideal order of every judged profile in the data. */
export function ndcgAt(k: number, ranked: readonly Grade[], allGrades: readonly Grade[]): number {
  const dcg = (grades: readonly Grade[]) => grades.slice(0, k).reduce<number>((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a));
  return ideal === 0 ? Number.NaN : dcg(ranked) / ideal;
}

/** Share of relevant hits in the top k; out of the relevant profiles when fewer than k exist (a name). */
export function precisionAt(k: number, ranked: readonly Grade[], relevantCount: number): number {
  const denominator = Math.min(k, relevantCount);
  return denominator === 0 ? Number.NaN : ranked.slice(0, k).filter((g) => g > 0).length / denominator;
}

export interface ClassFigures {
  queries: number;
  ndcg: number;
  precision: number;
  top1: number;
}

/** Means per query class of nDCG@10, P@10 and "the top hit is relevant". */
export function summarise(rows: ReadonlyArray<{ cls: string; ndcg: number; precision: number; top1: boolean }>): Map<string, ClassFigures> {
  const out = new Map<string, ClassFigures>();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const cls of new Set(rows.map((r) => r.cls))) {
    const mine = rows.filter((r) => r.cls === cls && !Number.isNaN(r.ndcg));
    out.set(cls, {
      queries: mine.length,
      ndcg: mean(mine.map((r) => r.ndcg)),
      precision: mean(mine.map((r) => r.precision)),
      top1: mine.filter((r) => r.top1).length / mine.length,
    });
  }
  return out;
}
