import { eligibilityOutcomes, eligibilityRuns, expertProfiles, outbox, programs, programVersions, scheduledJobs } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEligibilityOutcomesRepository } from '../../server/src/modules/eligibility/eligibility-outcomes.repository.js';
import {
  createEligibilityOutcomesService,
  ELIGIBILITY_PASS_JOB,
} from '../../server/src/modules/eligibility/eligibility-outcomes.service.js';
import { profileChanged } from '../../server/src/modules/outbox/outbox.events.js';
import { createProfilesRepository } from '../../server/src/modules/profiles/profiles.repository.js';
import { createSearchRelay } from '../../server/src/modules/search/search-sync.js';
import { nameSortKey } from '../../server/src/modules/shared/name-sort-key.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Nothing runs on its own: the relay and the scheduler are driven by hand, step by step.
const env = { SCHEDULER: 'off', SEARCH_RELAY: 'off' };
let t: TestApp;
let r53Version: string;
const today = () => new Date().toISOString().slice(0, 10);

const relay = () => t.app.searchSync.relay;
const outboxRepository = () => t.app.searchSync.deps.outboxRepository;
const keysOf = (profileId: string) =>
  t.database.db
    .select({ nameKey: eligibilityOutcomes.nameKey })
    .from(eligibilityOutcomes)
    .where(eq(eligibilityOutcomes.profileId, profileId));
/** Profiles with at least one stored outcome (a rename rewrites their rows). */
const withOutcomes = async (n: number) =>
  (
    await t.database.db
      .selectDistinct({ id: eligibilityOutcomes.profileId })
      .from(eligibilityOutcomes)
      .orderBy(asc(eligibilityOutcomes.profileId))
      .limit(n)
  ).map((r) => r.id);
/** A profile change as services write it: the row and its outbox entry in one transaction. */
const rename = (tx: Parameters<Parameters<TestApp['database']['db']['transaction']>[0]>[0], profileId: string, fullName: string) =>
  tx
    .update(expertProfiles)
    .set({ fullName })
    .where(eq(expertProfiles.id, profileId))
    .then(() => outboxRepository().enqueue(tx, profileChanged(profileId)));

beforeAll(async () => {
  t = await createTestApp({ env });
  await seedDemo(t.database.db, { password: 'demo password for tests', syntheticProfiles: 40 });
  await t.app.seedDemoPrograms();
  await t.app.scheduler.drain();
  await relay().drain();
  const [v] = await t.database.db
    .select({ id: programVersions.id })
    .from(programs)
    .innerJoin(programVersions, and(eq(programVersions.programId, programs.id), eq(programVersions.version, programs.currentVersion)))
    .where(eq(programs.code, 'hp-nq53-2025'));
  r53Version = v!.id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('eligibility follows profile changes through the outbox relay', () => {
  it('does not skip a change whose transaction commits after a later one was consumed', async () => {
    const [early, late] = await withOutcomes(2);
    if (t.database.driver === 'postgres') {
      // A real late commit: the early transaction takes its outbox id first and commits last.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let wrote!: () => void;
      const written = new Promise<void>((r) => (wrote = r));
      const slow = t.database.db.transaction(async (tx) => {
        await rename(tx, early!, 'Ă Late Commit');
        wrote();
        await held;
      });
      await written;
      await t.database.db.transaction((tx) => rename(tx, late!, 'Ba Early Commit'));
      expect(await relay().runOnce()).toBe(1);
      release();
      await slow;
    } else {
      // PGlite runs one transaction at a time; what a late commit leaves is the same: a row whose
      // id is below one already consumed (here in the gap left by pruning) appears afterwards.
      await t.database.db.transaction((tx) => rename(tx, late!, 'Ba Early Commit'));
      expect(await relay().runOnce()).toBe(1);
      const [consumed] = await t.database.db.select({ id: outbox.id }).from(outbox).where(eq(outbox.aggregateId, late!));
      expect(await outboxRepository().pruneProcessed(0)).toBeGreaterThan(0);
      await t.database.db.transaction(async (tx) => {
        await tx.update(expertProfiles).set({ fullName: 'Ă Late Commit' }).where(eq(expertProfiles.id, early!));
        await tx.insert(outbox).values({ ...profileChanged(early!), id: consumed!.id - 1 });
      });
    }
    expect((await keysOf(late!)).map((r) => r.nameKey)).toContain(nameSortKey('Ba Early Commit'));
    await relay().drain();
    const keys = await keysOf(early!);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.every((r) => r.nameKey === nameSortKey('Ă Late Commit'))).toBe(true);
  });

  it('keeps a change that eligibility has not taken: pruning leaves it, and it is delivered later', async () => {
    const [, , profileId] = await withOutcomes(3);
    await t.database.db.transaction((tx) => rename(tx, profileId!, 'Chưa Đọc'));
    // A relay whose eligibility consumer fails: search alone must not mark the row delivered.
    const failing = createSearchRelay(
      {
        ...t.app.searchSync.deps,
        profileConsumers: [
          async () => {
            throw new Error('eligibility unavailable');
          },
        ],
      },
      { maxBackoffMs: 10 },
    );
    expect(await failing.runOnce()).toBe(1);
    await outboxRepository().pruneProcessed(0);
    const pending = await t.database.db.select().from(outbox).where(eq(outbox.aggregateId, profileId!));
    expect(pending.map((r) => [r.processedAt, r.lastError])).toEqual([[null, 'eligibility unavailable']]);
    expect((await keysOf(profileId!)).some((r) => r.nameKey === nameSortKey('Chưa Đọc'))).toBe(false);
    await relay().drain();
    expect((await keysOf(profileId!)).every((r) => r.nameKey === nameSortKey('Chưa Đọc'))).toBe(true);
    expect(await outboxRepository().undeliveredCount()).toBe(0);
  });
});

describe('a pass cut short by a restart continues', () => {
  it('resumes after the stored cursor, with the same pass, and the daily job is not run again', async () => {
    const db = t.database.db;
    // The same service as the app's, with slices of one batch of ten profiles.
    const small = createEligibilityOutcomesService({
      db,
      eligibilityOutcomesRepository: createEligibilityOutcomesRepository({ db }),
      profilesRepository: createProfilesRepository({ db }),
      scheduler: t.app.scheduler,
      clock: () => new Date(),
      batchSize: 10,
      sliceMs: 0,
    });
    const [r53] = await db.select({ id: programs.id }).from(programs).where(eq(programs.code, 'hp-nq53-2025'));
    await small.runPass({ programId: r53!.id, day: today() });
    const [first] = await db
      .select()
      .from(scheduledJobs)
      .where(and(eq(scheduledJobs.kind, ELIGIBILITY_PASS_JOB), eq(scheduledJobs.status, 'pending')));
    // The first slice runs here, then the process "stops": its job is still stored as pending.
    await small.runPass(first!.payload as unknown as Parameters<typeof small.runPass>[0]);
    const [cut] = await db.select().from(eligibilityRuns).where(eq(eligibilityRuns.programVersionId, r53Version));
    expect(cut!.scanned).toBe(10);
    const done = await db
      .select({ profileId: eligibilityOutcomes.profileId, updatedAt: eligibilityOutcomes.updatedAt })
      .from(eligibilityOutcomes)
      .where(and(eq(eligibilityOutcomes.programVersionId, r53Version), sql`${eligibilityOutcomes.profileId} <= ${cut!.cursor}`))
      .orderBy(asc(eligibilityOutcomes.profileId));
    expect(done.length).toBeGreaterThan(0);

    await t.app.close();
    t = await createTestApp({ env, database: t.database });
    const restartedAt = new Date();
    await t.app.scheduler.drain();

    const [run] = await t.database.db.select().from(eligibilityRuns).where(eq(eligibilityRuns.programVersionId, r53Version));
    expect(run!.completeFor).toBe(today());
    expect(run!.computingFor).toBeNull();
    expect(run!.startedAt).toEqual(cut!.startedAt);
    // The first ten were evaluated once, before the restart; the rest after it.
    const again = await t.database.db
      .select({ profileId: eligibilityOutcomes.profileId, updatedAt: eligibilityOutcomes.updatedAt })
      .from(eligibilityOutcomes)
      .where(
        and(
          eq(eligibilityOutcomes.programVersionId, r53Version),
          inArray(
            eligibilityOutcomes.profileId,
            done.map((d) => d.profileId),
          ),
        ),
      )
      .orderBy(asc(eligibilityOutcomes.profileId));
    expect(again).toEqual(done);
    const rest = await t.database.db
      .select({ updatedAt: eligibilityOutcomes.updatedAt })
      .from(eligibilityOutcomes)
      .where(and(eq(eligibilityOutcomes.programVersionId, r53Version), gt(eligibilityOutcomes.profileId, cut!.cursor!)));
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.every((r) => r.updatedAt >= restartedAt)).toBe(true);
    const daily = await t.database.db.select().from(scheduledJobs).where(eq(scheduledJobs.kind, 'eligibility.daily'));
    expect(daily.filter((j) => j.key === today())).toHaveLength(1);
  });
});
