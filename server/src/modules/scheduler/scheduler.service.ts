import type { DbOrTx, ScheduledJobRow } from '@hpen/db';
import type { FastifyBaseLogger } from 'fastify';
import type { NewJob, SchedulerRepository } from './scheduler.repository.js';
import { createWakeableSleep } from '../shared/wakeable-sleep.js';

export type JobHandler = (job: ScheduledJobRow) => Promise<void>;

interface SchedulerOptions {
  pollMs?: number;
  leaseMs?: number;
  batchSize?: number;
  maxBackoffMs?: number;
  /** Jobs of one batch run this many at a time (e-mails wait on the network, not on each other). */
  concurrency?: number;
}

/**
 * Runs stored jobs: inside the app (like the search relay) or alone (scripts/scheduler.ts).
 * A handler's failure is retried with backoff and recorded; nothing here may crash the process.
 * Modules register their kinds at start-up (consultations: reminders; notifications: e-mail, digest).
 */
export function createScheduler(
  deps: { schedulerRepository: SchedulerRepository; logger: FastifyBaseLogger; clock: () => Date },
  options: SchedulerOptions = {},
) {
  const { schedulerRepository: repo, logger, clock } = deps;
  const pollMs = options.pollMs ?? 1000;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 50;
  const maxBackoffMs = options.maxBackoffMs ?? 3_600_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const handlers = new Map<string, JobHandler>();
  let running = false;
  let loop: Promise<void> | undefined;
  const { sleep, wake } = createWakeableSleep();

  async function runJob(job: ScheduledJobRow) {
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler(job);
      await repo.markDone(job.id, clock());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = clock();
      const backoff = Math.min(maxBackoffMs, 1000 * 2 ** Math.min(job.attempts, 20));
      await repo.markFailed(job, message, new Date(now.getTime() + backoff), now);
      logger.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: message }, 'scheduler: job failed');
    }
  }

  /** One batch; returns how many jobs it ran. */
  async function runOnce(): Promise<number> {
    const jobs = await repo.claimDue(clock(), batchSize, leaseMs);
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) await runJob(jobs[next++]!);
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
    return jobs.length;
  }

  return {
    register(kind: string, handler: JobHandler) {
      handlers.set(kind, handler);
    },

    /** Stores a job in the caller's transaction; the same (kind, key) twice is one job. */
    schedule: (tx: DbOrTx, job: NewJob) => repo.enqueue(tx, job),
    cancel: (tx: DbOrTx, kind: string, keyPrefix: string) => repo.cancelByPrefix(tx, kind, keyPrefix),
    /** Forgets the finished runs of a frequent job (kept for a while to show it ran). */
    forgetFinished: (kind: string, before: Date) => repo.deleteFinished(kind, before),
    runOnce,

    /** Runs every job that is due now (tests, scripts). */
    async drain() {
      while ((await runOnce()) > 0);
    },

    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let ran = 0;
          try {
            ran = await runOnce();
          } catch (error) {
            logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'scheduler: cannot read the jobs');
          }
          if (running && ran === 0) await sleep(pollMs);
        }
      })();
    },

    /** A job was just stored for now: look without waiting for the next poll. */
    nudge() {
      wake();
    },

    async stop() {
      running = false;
      wake();
      await loop;
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
