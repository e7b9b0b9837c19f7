/**
 * CPU-budget tests measure the event loop of a process that shares the machine with everything
 * else (the CI box, Meilisearch, the garbage collector). A parser that blocks the loop blocks it
 * on every attempt; a collector pause or a busy neighbour does not recur on cue. So a budget is
 * met when one of a few attempts meets it, and a test fails only when every attempt is over.
 */
export const BUDGET_ATTEMPTS = 3;

/** Measures up to BUDGET_ATTEMPTS times; returns the first measurement that fits, else the last (to report). */
export async function firstWithin<T>(measure: () => Promise<T>, fits: (measured: T) => boolean): Promise<T> {
  let measured = await measure();
  for (let attempt = 1; attempt < BUDGET_ATTEMPTS && !fits(measured); attempt++) measured = await measure();
  return measured;
}
