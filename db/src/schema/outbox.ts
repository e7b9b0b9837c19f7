import { bigserial, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, timestampTz } from './columns.js';

/**
 * Transactional outbox: services add a row in the same transaction as the change;
 * a relay (search/) delivers it after commit and marks it processed. Undelivered rows are never
 * dropped; delivered ones are pruned after OUTBOX_RETENTION_DAYS.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    aggregateType: text('aggregate_type').notNull(),
    aggregateId: text('aggregate_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestampTz('next_attempt_at').notNull().defaultNow(),
    processedAt: timestampTz('processed_at'),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending_idx').on(t.processedAt, t.nextAttemptAt)],
);

/** Small key/value facts about this installation (e.g. whether the demo seed ran). */
export const appMeta = pgTable('app_meta', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedAt: timestampTz('updated_at').notNull().defaultNow(),
});
