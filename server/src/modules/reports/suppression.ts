import { type Cell, MIN_PUBLIC_CELL, type PublicCell, SUPPRESSED_KEY } from './reports.schemas.js';

/** A single figure for the public: hidden (null) when it counts fewer than `min` people (zero stays zero). */
export const suppressTotal = (n: number, min = MIN_PUBLIC_CELL): number | null => (n > 0 && n < min ? null : n);

/**
 * Small-cell suppression for a public breakdown. Cells under `min` people are pooled under
 * SUPPRESSED_KEY; if the pool itself would hold fewer than `min` people (so that the total minus
 * the visible cells would single out a group of 1–4), the smallest visible cells join it until it
 * holds at least `min`. If even then it is too small (everything counted is under `min`), the pool
 * is shown as null. Every number the public sees is therefore 0 or at least `min`.
 */
export function suppressCells(cells: Cell[], min = MIN_PUBLIC_CELL): PublicCell[] {
  const nonEmpty = cells.filter((c) => c.count > 0);
  const ascending = [...nonEmpty].sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
  const hidden = new Set(ascending.filter((c) => c.count < min).map((c) => c.key));
  let pooled = ascending.filter((c) => hidden.has(c.key)).reduce((n, c) => n + c.count, 0);
  for (const c of ascending) {
    if (hidden.size === 0 || pooled >= min) break;
    if (hidden.has(c.key)) continue;
    hidden.add(c.key);
    pooled += c.count;
  }
  const visible: PublicCell[] = nonEmpty.filter((c) => !hidden.has(c.key)).map((c) => ({ key: c.key, count: c.count }));
  if (hidden.size > 0) visible.push({ key: SUPPRESSED_KEY, count: pooled >= min ? pooled : null });
  return visible;
}
