import { type DbOrTx, insertMany, outbox } from '@hpen/db';
import type { OutboxEvent } from './outbox.events.js';
import { and, asc, count, gt, inArray, isNull, min, sql } from 'drizzle-orm';

/** Services enqueue in their own transaction; the search relay delivers after commit. Delivery never deletes a row; pruning deletes delivered rows after the retention period. */
export function createOutboxRepository(deps: { db?: DbOrTx } = {}) {
  const dbOf = () => {
    if (!deps.db) throw new Error('outbox repository built without a database handle');
    return deps.db;
  };
  let written = false;
  return {
    async enqueue(tx: DbOrTx, event: OutboxEvent) {
      await tx.insert(outbox).values({ ...event, payload: event.payload ?? {} });
      written = true;
    },

    /** Many events in one statement (bulk imports and seeds). */
    async enqueueMany(tx: DbOrTx, events: readonly OutboxEvent[]) {
      await insertMany(
        tx,
        outbox,
        events.map((event) => ({ ...event, payload: event.payload ?? {} })),
      );
      written = true;
    },

    /** Whether anything was enqueued through this repository since the last call. */
    takeWritten(): boolean {
      const was = written;
      written = false;
      return was;
    },

    /**
     * Claims up to `limit` due rows by pushing their next attempt `leaseMs` ahead: another relay
     * skips them, and if this one dies they come back when the lease runs out.
     */
    async claimDue(limit: number, leaseMs: number): Promise<OutboxRow[]> {
      const due = sql`(select id from ${outbox} where ${outbox.processedAt} is null and ${outbox.nextAttemptAt} <= now() order by ${outbox.id} limit ${limit} for update skip locked)`;
      return dbOf()
        .update(outbox)
        .set({ nextAttemptAt: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
        .where(inArray(outbox.id, due))
        .returning();
    },

    async markProcessed(ids: number[]) {
      if (ids.length)
        await dbOf()
          .update(outbox)
          .set({ processedAt: sql`now()`, lastError: null })
          .where(inArray(outbox.id, ids));
    },

    /** Schedules a retry with exponential backoff (1 s, 2 s, 4 s … up to maxBackoffMs). */
    async markFailed(ids: number[], error: string, maxBackoffMs: number) {
      if (!ids.length) return;
      await dbOf()
        .update(outbox)
        .set({
          attempts: sql`${outbox.attempts} + 1`,
          lastError: error.slice(0, 1000),
          nextAttemptAt: sql`now() + least(${maxBackoffMs}, 1000 * power(2, least(${outbox.attempts}, 20)))::int * interval '1 millisecond'`,
        })
        .where(inArray(outbox.id, ids));
    },

    async stats() {
      const [pending] = await dbOf()
        .select({ n: count(), oldest: min(outbox.createdAt) })
        .from(outbox)
        .where(isNull(outbox.processedAt));
      const [failing] = await dbOf()
        .select({ n: count() })
        .from(outbox)
        .where(and(isNull(outbox.processedAt), gt(outbox.attempts, 0)));
      const [last] = await dbOf()
        .select({ lastError: outbox.lastError })
        .from(outbox)
        .where(and(isNull(outbox.processedAt), gt(outbox.attempts, 0)))
        .orderBy(asc(outbox.id))
        .limit(1);
      return {
        pending: pending?.n ?? 0,
        oldestPendingAt: pending?.oldest ?? null,
        failing: failing?.n ?? 0,
        lastError: last?.lastError ?? null,
      };
    },

    async maxId(): Promise<number> {
      const [row] = await dbOf()
        .select({ id: sql<number>`coalesce(max(${outbox.id}), 0)::int` })
        .from(outbox);
      return Number(row?.id ?? 0);
    },

    /**
     * Deletes up to `limit` rows delivered more than `days` ago (oldest first) and returns how
     * many went; a caller with more to delete calls again. Undelivered rows are never deleted.
     */
    async pruneProcessed(days: number, limit = 10_000): Promise<number> {
      const old = sql`(select id from ${outbox} where ${outbox.processedAt} < now() - ${`${days} days`}::interval order by ${outbox.id} limit ${limit})`;
      return (await dbOf().delete(outbox).where(inArray(outbox.id, old)).returning({ id: outbox.id })).length;
    },

    /** Makes rows written after `afterId` due again (a reindex replays what changed while it ran). */
    async replayAfter(afterId: number) {
      await dbOf()
        .update(outbox)
        .set({ processedAt: null, nextAttemptAt: sql`now()` })
        .where(gt(outbox.id, afterId));
    },

    /** Rows not delivered yet: due, claimed, or waiting out a retry backoff. */
    async undeliveredCount(): Promise<number> {
      const [row] = await dbOf().select({ n: count() }).from(outbox).where(isNull(outbox.processedAt));
      return row?.n ?? 0;
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;

export type OutboxRow = typeof outbox.$inferSelect;
