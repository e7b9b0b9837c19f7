import type { SearchAudience } from '@hpen/search';
import type { ExpertIndexes } from './search-indexes.js';

interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface SearchReadinessOptions {
  indexes: ExpertIndexes;
  logger: Logger;
  /** Called once the live indexes exist, with the audiences whose index had to be created. */
  onPrepared?: (created: SearchAudience[]) => void | Promise<void>;
  maxBackoffMs?: number;
}

/**
 * Creates the indexes and applies their settings in the background. Meilisearch runs tasks in
 * order, so a settings task may sit behind a long queue of document tasks (after a crash, ~50 of
 * them): the app serves at once, and search answers 503 until the indexes are usable.
 */
export function createSearchReadiness({ indexes, logger, onPrepared, maxBackoffMs = 30_000 }: SearchReadinessOptions) {
  let usable = false;
  let stopped = false;
  let lastError: string | null = null;
  let inFlight: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;

  /** One attempt at a time; concurrent callers share it. Throws when Meilisearch cannot do it now. */
  function prepareNow(): Promise<void> {
    if (usable) return Promise.resolve();
    inFlight ??= (async () => {
      try {
        const created = await indexes.ensure();
        // Before `usable`: a reindex of new indexes is visible (in /readyz) from the moment search is.
        if (!stopped)
          await Promise.resolve(onPrepared?.(created)).catch((error: unknown) =>
            logger.warn({ err: String(error) }, 'search: after preparing the indexes'),
          );
        usable = true;
        lastError = null;
        logger.info({ created }, 'search: indexes ready');
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        throw error;
      } finally {
        inFlight = undefined;
      }
    })();
    return inFlight;
  }

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, ms);
      wake = resolve;
    });

  return {
    prepareNow,
    usable: () => usable,
    lastError: () => lastError,

    /** Keeps trying with backoff until the indexes are usable; never throws. */
    start() {
      if (loop) return;
      loop = (async () => {
        for (let attempt = 0; !usable && !stopped; attempt += 1) {
          try {
            await prepareNow();
          } catch (error) {
            const delay = Math.min(250 * 2 ** attempt, maxBackoffMs);
            logger.warn(
              { err: lastError ?? String(error), retryInMs: delay },
              'search: indexes not ready yet; search answers 503 meanwhile',
            );
            await pause(delay);
          }
        }
      })();
    },

    /** Resolves once usable (tests, scripts); rejects after `timeoutMs`. */
    async whenUsable(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (!usable) {
        if (Date.now() > until) throw new Error(`search: indexes not usable within ${timeoutMs} ms (${lastError ?? 'waiting'})`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },

    /** Stops retrying; an attempt in flight finishes on its own (its task wait is bounded). */
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
  };
}
export type SearchReadiness = ReturnType<typeof createSearchReadiness>;
