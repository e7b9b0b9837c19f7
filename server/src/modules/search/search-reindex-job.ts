import type { SearchAudience } from '@hpen/search';
import { type ReindexProgress, reindexAll, type SyncDeps } from './search-sync.js';

export interface ReindexState {
  running: boolean;
  reason: string | null;
  phase: ReindexProgress['phase'] | null;
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  ms: number | null;
  documents: Record<SearchAudience, number> | null;
  error: string | null;
  /** Failed attempts of the current reindex; it is retried with backoff until it succeeds. */
  attempts: number;
  retryAt: string | null;
}

const idle = (): ReindexState => ({
  running: false,
  reason: null,
  phase: null,
  done: 0,
  total: 0,
  startedAt: null,
  finishedAt: null,
  ms: null,
  documents: null,
  error: null,
  attempts: 0,
  retryAt: null,
});

/**
 * One reindex at a time inside the app, with its progress visible (admin API, logs). A failed
 * reindex (Meilisearch died, the database hiccuped) never escapes: it is logged, shown in
 * /readyz, and tried again with backoff; the old indexes stay in use meanwhile.
 */
export function createReindexJob(deps: SyncDeps, options: { maxBackoffMs?: number; onDone?: () => Promise<void> } = {}) {
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const state = idle();
  let current: Promise<void> | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function attempt(reason: string): Promise<void> {
    Object.assign(state, { phase: 'building', done: 0, total: 0, retryAt: null });
    let lastLogged = 0;
    try {
      const result = await reindexAll(deps, (p) => {
        Object.assign(state, { phase: p.phase, done: p.done, total: p.total });
        if (p.done - lastLogged >= 20_000) {
          lastLogged = p.done;
          deps.logger.info({ done: p.done, total: p.total }, 'search: reindex progress');
        }
      });
      await options.onDone?.();
      Object.assign(state, { ms: Math.round(result.ms), documents: result.documents, error: null, running: false });
      state.finishedAt = new Date().toISOString();
      deps.logger.info({ ms: state.ms, documents: result.documents }, 'search: reindex done');
    } catch (error) {
      state.error = error instanceof Error ? error.message : String(error);
      state.attempts += 1;
      if (stopped) return void Object.assign(state, { running: false, finishedAt: new Date().toISOString() });
      const delay = Math.min(1_000 * 2 ** (state.attempts - 1), maxBackoffMs);
      state.retryAt = new Date(Date.now() + delay).toISOString();
      deps.logger.warn(
        { err: state.error, attempts: state.attempts, retryInMs: delay },
        'search: reindex failed; the old indexes stay in use, retrying',
      );
      retryTimer = setTimeout(() => (current = attempt(reason)), delay);
    }
  }

  return {
    state: (): ReindexState => ({ ...state }),
    /** Starts a reindex unless one runs (or waits for its retry); returns false then. */
    start(reason: string): boolean {
      if (state.running || stopped) return false;
      Object.assign(state, idle(), { running: true, reason, startedAt: new Date().toISOString() });
      deps.logger.info({ reason }, 'search: reindex started');
      current = attempt(reason);
      return true;
    },
    /** The attempt in flight (a pending retry is not waited for). */
    wait: () => current ?? Promise.resolve(),
    /** On shutdown: no more retries; waits for the attempt in flight. */
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      await current;
      state.running = false;
    },
  };
}
export type ReindexJob = ReturnType<typeof createReindexJob>;
