import { type DbHandle, outbox } from '@hpen/db';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutboxRepository } from '../../server/src/modules/outbox/outbox.repository.js';
import { createTestDb } from '../support/test-db.js';

let database: DbHandle;
beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database?.close();
});

describe('outbox retention', () => {
  it('prunes rows delivered before the retention period, a chunk at a time, and never an undelivered one', async () => {
    const row = (aggregateId: string, processedDaysAgo: number | null, createdDaysAgo = 0) => ({
      topic: 'profile.changed',
      aggregateType: 'expert_profile',
      aggregateId,
      createdAt: sql`now() - ${`${createdDaysAgo} days`}::interval`,
      processedAt: processedDaysAgo === null ? null : sql`now() - ${`${processedDaysAgo} days`}::interval`,
    });
    await database.db
      .insert(outbox)
      .values([...Array.from({ length: 5 }, (_, i) => row(`old-${i}`, 10, 11)), row('recent', 1, 2), row('failing-for-weeks', null, 30)]);
    const repository = createOutboxRepository({ db: database.db });
    // Oldest first, at most a chunk at a time.
    expect([await repository.pruneProcessed(7, 2), await repository.pruneProcessed(7, 2), await repository.pruneProcessed(7, 2)]).toEqual([
      2, 2, 1,
    ]);
    const left = await database.db.select({ id: outbox.aggregateId }).from(outbox).orderBy(asc(outbox.id));
    expect(left.map((r) => r.id)).toEqual(['recent', 'failing-for-weeks']);
    expect(await repository.pruneProcessed(7)).toBe(0);
  });
});
