import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { jobStatuses } from './enums.js';

/**
 * Jobs stored in the database. (kind, key) is unique: enqueueing the same reminder twice, or again
 * after a restart, is a no-op, so a job fires once per due time. A running job holds a lease; a
 * lease that runs out (the process died) makes the job claimable again.
 */
export const scheduledJobs = pgTable(
  'scheduled_jobs',
  {
    id: id(),
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    status: text('status', { enum: jobStatuses }).notNull().default('pending'),
    dueAt: timestampTz('due_at').notNull(),
    /** When it may run next: dueAt at first, later after a retry backoff. */
    runAt: timestampTz('run_at').notNull(),
    leaseUntil: timestampTz('lease_until'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(8),
    lastError: text('last_error'),
    finishedAt: timestampTz('finished_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('scheduled_jobs_kind_key_uq').on(t.kind, t.key), index('scheduled_jobs_due_idx').on(t.status, t.runAt)],
);
export type ScheduledJobRow = typeof scheduledJobs.$inferSelect;
