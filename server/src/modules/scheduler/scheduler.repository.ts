import { type DbOrTx, scheduledJobs } from '@hpen/db';
import { and, count, eq, inArray, like, lt, min, sql } from 'drizzle-orm';

export interface NewJob {
  kind: string;
  /** With kind, the job's identity: the same (kind, key) is stored once, whatever the number of enqueues. */
  key: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
  maxAttempts?: number;
}

export function createSchedulerRepository({ db }: { db: DbOrTx }) {
  return {
    /** In the caller's transaction; returns false when the job already existed. */
    async enqueue(tx: DbOrTx, job: NewJob): Promise<boolean> {
      const rows = await tx
        .insert(scheduledJobs)
        .values({
          kind: job.kind,
          key: job.key,
          dueAt: job.dueAt,
          runAt: job.dueAt,
          payload: job.payload ?? {},
          ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
        })
        .onConflictDoNothing()
        .returning({ id: scheduledJobs.id });
      return rows.length > 0;
    },

    /** Cancels pending jobs whose key starts with the prefix (e.g. every reminder of one invitation). */
    async cancelByPrefix(tx: DbOrTx, kind: string, keyPrefix: string) {
      await tx
        .update(scheduledJobs)
        .set({ status: 'cancelled', finishedAt: sql`now()` })
        .where(and(eq(scheduledJobs.kind, kind), eq(scheduledJobs.status, 'pending'), like(scheduledJobs.key, `${keyPrefix}%`)));
    },

    /**
     * Claims due jobs, and running jobs whose lease ran out (their process died), under a new lease;
     * SKIP LOCKED keeps two schedulers from taking the same job.
     */
    async claimDue(now: Date, limit: number, leaseMs: number) {
      const iso = now.toISOString();
      const due = sql`(select ${scheduledJobs.id} from ${scheduledJobs}
        where (${scheduledJobs.status} = 'pending' and ${scheduledJobs.runAt} <= ${iso}::timestamptz)
           or (${scheduledJobs.status} = 'running' and ${scheduledJobs.leaseUntil} < ${iso}::timestamptz)
        order by ${scheduledJobs.runAt} limit ${limit} for update skip locked)`;
      return db
        .update(scheduledJobs)
        .set({
          status: 'running',
          attempts: sql`${scheduledJobs.attempts} + 1`,
          leaseUntil: new Date(now.getTime() + leaseMs),
        })
        .where(inArray(scheduledJobs.id, due))
        .returning();
    },

    async markDone(id: string, now: Date) {
      await db
        .update(scheduledJobs)
        .set({ status: 'done', finishedAt: now, leaseUntil: null, lastError: null })
        .where(eq(scheduledJobs.id, id));
    },

    /** Retry after the backoff, or give up for good once the attempts are spent (kept with its last error). */
    async markFailed(job: { id: string; attempts: number; maxAttempts: number }, error: string, retryAt: Date, now: Date) {
      const gaveUp = job.attempts >= job.maxAttempts;
      await db
        .update(scheduledJobs)
        .set({
          status: gaveUp ? 'failed' : 'pending',
          runAt: retryAt,
          leaseUntil: null,
          lastError: error.slice(0, 1000),
          ...(gaveUp ? { finishedAt: now } : {}),
        })
        .where(eq(scheduledJobs.id, job.id));
    },

    /** Deletes the finished jobs of a kind older than `before` (a frequent job's history). */
    async deleteFinished(kind: string, before: Date) {
      await db
        .delete(scheduledJobs)
        .where(and(eq(scheduledJobs.kind, kind), eq(scheduledJobs.status, 'done'), lt(scheduledJobs.finishedAt, before)));
    },

    async find(kind: string, key: string) {
      const [row] = await db
        .select()
        .from(scheduledJobs)
        .where(and(eq(scheduledJobs.kind, kind), eq(scheduledJobs.key, key)));
      return row;
    },

    async stats() {
      const [row] = await db
        .select({ pending: count(), oldestDue: min(scheduledJobs.runAt) })
        .from(scheduledJobs)
        .where(eq(scheduledJobs.status, 'pending'));
      return { pending: row?.pending ?? 0, oldestDue: row?.oldestDue ?? null };
    },
  };
}
export type SchedulerRepository = ReturnType<typeof createSchedulerRepository>;
