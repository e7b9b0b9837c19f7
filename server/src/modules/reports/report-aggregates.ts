import type { DbOrTx } from '@hpen/db';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import type { ReportAggregatesRepository, StoredAggregate } from './report-aggregates.repository.js';

export const REPORT_AGGREGATES_JOB = 'reports.refresh_aggregates';

/** The stored audiences: the staff dashboard without filters, and the public statistics. */
export type AggregateKey = 'overview' | 'public';

/**
 * Part of the stored row's key: raise it when the figures' shape changes, so that a new version
 * never serves rows an older one stored (it computes once instead).
 */
const FIGURES_VERSION = 1;
const rowKey = (key: AggregateKey) => `${key}:v${FIGURES_VERSION}`;

interface Deps<F> {
  aggregatesRepository: ReportAggregatesRepository;
  /** Changes when anything the figures count changes (reports.repository.ts changeStamp). */
  changeStamp: () => Promise<string>;
  compute: Record<AggregateKey, (now: Date) => Promise<F>>;
  clock: () => Date;
  /**
   * Figures that depend on the clock alone (the default period's last 365 days, the queue's ageing)
   * are recomputed at least this often even when nothing was written.
   */
  maxAgeMs?: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Dashboard figures kept in report_aggregates (issue 16, item 2): the scheduler recomputes them
 * when something changed; a request reads the stored row and never computes, except the very first
 * time, when nothing is stored yet (then it computes once, concurrent requests sharing the work).
 */
export function createReportAggregates<F extends object>({
  aggregatesRepository: repo,
  changeStamp,
  compute,
  clock,
  maxAgeMs = HOUR,
}: Deps<F>) {
  const computing = new Map<AggregateKey, Promise<StoredAggregate>>();

  function computeAndStore(key: AggregateKey, stamp: string): Promise<StoredAggregate> {
    let running = computing.get(key);
    if (running) return running;
    running = (async () => {
      const asOf = clock();
      const started = performance.now();
      const figures = (await compute[key](asOf)) as Record<string, unknown>;
      const row = { key: rowKey(key), figures, stamp, asOf, computeMs: Math.round(performance.now() - started) };
      await repo.store(row);
      return row;
    })().finally(() => computing.delete(key));
    computing.set(key, running);
    return running;
  }

  async function stale(key: AggregateKey, stamp: string, now: Date) {
    const row = await repo.find(rowKey(key));
    return !row || row.stamp !== stamp || now.getTime() - row.asOf.getTime() >= maxAgeMs;
  }

  return {
    /** The stored figures and the moment they were computed for. */
    async read(key: AggregateKey): Promise<{ figures: F; asOf: Date }> {
      const row = (await repo.find(rowKey(key))) ?? (await computeAndStore(key, await changeStamp()));
      return { figures: row.figures as F, asOf: row.asOf };
    },

    /** Recomputes the stored figures that are out of date; returns the keys it recomputed. */
    async refresh(): Promise<AggregateKey[]> {
      const stamp = await changeStamp();
      const now = clock();
      const done: AggregateKey[] = [];
      for (const key of Object.keys(compute) as AggregateKey[])
        if (await stale(key, stamp, now)) {
          await computeAndStore(key, stamp);
          done.push(key);
        }
      return done;
    },
  };
}
export type ReportAggregates = ReturnType<typeof createReportAggregates>;

/**
 * The refresh runs every `everyMs` as a stored job, one per time slot (so a restart or a second
 * process does not double it); each run schedules the next slot first, so a failing refresh does not
 * end the chain.
 */
export function registerReportAggregatesJob(
  scheduler: Scheduler,
  deps: { db: DbOrTx; clock: () => Date; everyMs: number; refresh: () => Promise<unknown> },
) {
  const slot = (t: number) => new Date(Math.floor(t / deps.everyMs) * deps.everyMs);
  const schedule = (dueAt: Date) => scheduler.schedule(deps.db, { kind: REPORT_AGGREGATES_JOB, key: dueAt.toISOString(), dueAt });
  scheduler.register(REPORT_AGGREGATES_JOB, async () => {
    const now = deps.clock().getTime();
    await schedule(slot(now + deps.everyMs));
    // One run every few minutes: keep a day of them, not a year's.
    await scheduler.forgetFinished(REPORT_AGGREGATES_JOB, new Date(now - DAY));
    await deps.refresh();
  });
  return {
    /** Start-up: a refresh now (the current slot's, once), which then keeps itself going. */
    ensureScheduled: () => schedule(slot(deps.clock().getTime())),
  };
}
