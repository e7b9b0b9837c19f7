import type { OutboxRepository } from '../outbox/outbox.repository.js';
import type { ExpertIndexes } from './search-indexes.js';
import type { SearchReadiness } from './search-readiness.js';
import type { ReindexJob, ReindexState } from './search-reindex-job.js';

export interface SearchSyncStatus {
  /** False until the indexes exist with their settings (search answers 503 meanwhile). */
  usable: boolean;
  /** Why readiness is degraded, if it is. */
  degraded: string | null;
  relay: 'inline' | 'off';
  reindex: ReindexState;
  outbox: { pending: number; failing: number; oldestPendingAt: string | null; lagSeconds: number; lastError: string | null };
  /** How often the app restarted its own Meilisearch (null: an external server, not supervised). */
  meilisearchRestarts: number | null;
  /** Documents per index (only when asked: two more requests to Meilisearch). */
  indexes?: { public: number | null; agencies: number | null };
}

export interface SearchStatusDeps {
  outboxRepository: OutboxRepository;
  indexes: ExpertIndexes;
  readiness: SearchReadiness;
  reindexJob: ReindexJob;
  relay: 'inline' | 'off';
  lagDegradedSeconds: number;
  clock: () => Date;
  restarts?: (() => number) | undefined;
}

function degradedReason(s: Omit<SearchSyncStatus, 'degraded'>, lagDegradedSeconds: number): string | null {
  if (!s.usable) return 'the search indexes are being prepared; search answers 503 until they are usable';
  if (s.reindex.retryAt) return `the search reindex failed and is being retried: ${s.reindex.error ?? ''}`;
  if (s.outbox.failing > 0) return `${s.outbox.failing} change(s) failed to reach the search index and are being retried`;
  if (s.outbox.lagSeconds > lagDegradedSeconds) return `the search index is ${s.outbox.lagSeconds}s behind`;
  return null;
}

/** The one description of the search side's health: /readyz and the admin status both read it. */
export function createSearchStatus(deps: SearchStatusDeps) {
  return async function searchSyncStatus(options: { withCounts?: boolean } = {}): Promise<SearchSyncStatus> {
    const stats = await deps.outboxRepository.stats();
    const lagSeconds = stats.oldestPendingAt
      ? Math.max(0, Math.round((deps.clock().getTime() - stats.oldestPendingAt.getTime()) / 1000))
      : 0;
    const base = {
      usable: deps.readiness.usable(),
      relay: deps.relay,
      reindex: deps.reindexJob.state(),
      outbox: {
        pending: stats.pending,
        failing: stats.failing,
        oldestPendingAt: stats.oldestPendingAt?.toISOString() ?? null,
        lagSeconds,
        lastError: stats.lastError,
      },
      meilisearchRestarts: deps.restarts ? deps.restarts() : null,
    };
    const count = (audience: 'public' | 'agencies') => deps.indexes.count(audience).catch(() => null);
    return {
      ...base,
      degraded: degradedReason(base, deps.lagDegradedSeconds),
      ...(options.withCounts ? { indexes: { public: await count('public'), agencies: await count('agencies') } } : {}),
    };
  };
}
export type SearchSyncStatusFn = ReturnType<typeof createSearchStatus>;

/** /readyz's view: degraded with a reason, and the figures an operator needs. */
export async function searchSyncCheck(status: SearchSyncStatusFn) {
  const s = await status();
  const details = {
    usable: s.usable,
    pending: s.outbox.pending,
    failing: s.outbox.failing,
    lagSeconds: s.outbox.lagSeconds,
    relay: s.relay,
    ...(s.meilisearchRestarts !== null ? { meilisearchRestarts: s.meilisearchRestarts } : {}),
    ...(s.outbox.lastError ? { lastError: s.outbox.lastError } : {}),
    ...(s.reindex.running ? { reindex: { phase: s.reindex.phase, done: s.reindex.done, total: s.reindex.total } } : {}),
    ...(s.reindex.retryAt ? { reindexError: s.reindex.error, reindexRetryAt: s.reindex.retryAt } : {}),
  };
  return s.degraded ? { degraded: s.degraded, details } : { details };
}
