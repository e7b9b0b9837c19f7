import type { DbHandle } from '@hpen/db';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchedulerRepository } from '../../server/src/modules/scheduler/scheduler.repository.js';
import { createScheduler } from '../../server/src/modules/scheduler/scheduler.service.js';
import { createTestDb } from '../support/test-db.js';

let database: DbHandle;
const logger = pino({ level: 'silent' });
let now = new Date('2026-12-01T00:00:00Z');
const clock = () => now;

/** A scheduler as one process would build it at start: a restart is a new one over the same database. */
function boot(fired: string[], fail = false) {
  const scheduler = createScheduler(
    { schedulerRepository: createSchedulerRepository({ db: database.db }), logger, clock },
    { leaseMs: 60_000 },
  );
  scheduler.register('test.reminder', async (job) => {
    if (fail) throw new Error('mail server down');
    fired.push(`${job.key}@${now.toISOString()}`);
  });
  return scheduler;
}

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(async () => {
  await database?.close();
});

describe('scheduler', () => {
  it('fires a reminder once per due time, also when enqueued again and across a restart', async () => {
    const fired: string[] = [];
    const first = boot(fired);
    const dueAt = new Date('2026-12-03T00:00:00Z');
    expect(await first.schedule(database.db, { kind: 'test.reminder', key: 'inv-1:before:2', dueAt })).toBe(true);
    expect(await first.schedule(database.db, { kind: 'test.reminder', key: 'inv-1:before:2', dueAt })).toBe(false);

    await first.drain();
    expect(fired).toEqual([]); // not due yet

    now = new Date('2026-12-03T00:00:01Z');
    await first.drain();
    await first.drain();
    expect(fired).toHaveLength(1);

    // The app restarts: its start-up code schedules the same reminder again, and polls.
    const second = boot(fired);
    expect(await second.schedule(database.db, { kind: 'test.reminder', key: 'inv-1:before:2', dueAt })).toBe(false);
    await second.drain();
    expect(fired).toHaveLength(1);
  });

  it('runs a job again after its process died holding the lease, and only then', async () => {
    const fired: string[] = [];
    const repo = createSchedulerRepository({ db: database.db });
    const dueAt = new Date(now.getTime() - 1000);
    await repo.enqueue(database.db, { kind: 'test.reminder', key: 'inv-2:day', dueAt });
    // A process claims it and dies before finishing.
    expect(await repo.claimDue(now, 10, 60_000)).toHaveLength(1);
    const restarted = boot(fired);
    await restarted.drain();
    expect(fired).toEqual([]); // the lease still holds
    now = new Date(now.getTime() + 61_000);
    await restarted.drain();
    expect(fired).toEqual([`inv-2:day@${now.toISOString()}`]);
    await restarted.drain();
    expect(fired).toHaveLength(1);
    expect(await repo.find('test.reminder', 'inv-2:day')).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('retries a failing job with backoff, records the error, and never throws out of the loop', async () => {
    const key = 'inv-3:overdue';
    const repo = createSchedulerRepository({ db: database.db });
    await repo.enqueue(database.db, { kind: 'test.reminder', key, dueAt: now, maxAttempts: 2 });
    const failing = boot([], true);
    await failing.drain();
    const afterFirst = await repo.find('test.reminder', key);
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lastError: 'mail server down' });
    expect(afterFirst!.runAt.getTime()).toBeGreaterThan(now.getTime());

    now = new Date(afterFirst!.runAt.getTime() + 1);
    await failing.drain();
    expect(await repo.find('test.reminder', key)).toMatchObject({ status: 'failed', attempts: 2 });

    // An unknown kind fails like any other job instead of stopping the scheduler.
    await repo.enqueue(database.db, { kind: 'no.such.kind', key: 'x', dueAt: now });
    await failing.drain();
    expect(await repo.find('no.such.kind', 'x')).toMatchObject({ status: 'pending', lastError: 'no handler for job kind "no.such.kind"' });
  });
});
