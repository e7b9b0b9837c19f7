import { eligibilityOutcomes, eligibilityRuns, expertProfiles, programVersions, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The scheduler is driven by hand (drain) so each step is observed before the next.
const env = { SCHEDULER: 'off' };
let t: TestApp;
const password = 'demo password for tests';
let agency: string;
let officer: string;
let expert: string;
let r53: string;
let expertProfileId: string;

const call = async (method: 'GET' | 'PUT' | 'PATCH', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
const eligible = async (programId: string) => {
  const res = await call('GET', `/api/experts/eligible?programId=${programId}&nearly=true&pageSize=50`, agency);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** What a list says, without the timing and where it came from. */
const essence = (b: { total: number; counts: object; items: unknown[]; programVersion: number }) => ({
  total: b.total,
  counts: b.counts,
  items: b.items,
  programVersion: b.programVersion,
});
/** Each hit says where the person works as agencies see the profile (namesakes are common), or null if not shared. */
async function expectWorkplaces(items: Array<{ profileId: string; workplace: string | null }>) {
  for (const hit of items.slice(0, 5)) {
    const view = (await call('GET', `/api/experts/${hit.profileId}`, agency)).json();
    const positions = (view.positions ?? []) as Array<{ title: string; organisation: string; current: boolean }>;
    const p = positions.find((x) => x.current) ?? positions[0];
    expect(hit.workplace).toBe(p ? `${p.title}, ${p.organisation}` : null);
  }
  expect(items.some((h) => h.workplace)).toBe(true);
}
const rowsOf = (profileId: string) =>
  t.database.db
    .select({ v: eligibilityOutcomes.programVersionId, outcome: eligibilityOutcomes.outcome, gap: eligibilityOutcomes.gap })
    .from(eligibilityOutcomes)
    .where(eq(eligibilityOutcomes.profileId, profileId))
    .orderBy(eligibilityOutcomes.programVersionId);

beforeAll(async () => {
  t = await createTestApp({ env });
  await seedDemo(t.database.db, { password, syntheticProfiles: 40 });
  agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
  officer = (await signIn(t.app, 'officer@demo.local', password)).accessToken;
  expert = (await signIn(t.app, 'expert@demo.local', password)).accessToken;
  const [me] = await t.database.db
    .select({ id: expertProfiles.id })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(users.email, 'expert@demo.local'));
  expertProfileId = me!.id;
  // The seeded programs get their agencies (created by the demo seed): the officer may edit them.
  await t.app.seedDemoPrograms();
  r53 = (await call('GET', '/api/programs')).json().items.find((p: { code: string }) => p.code === 'hp-nq53-2025').id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('precomputed "who is eligible for program X"', () => {
  it('answers by scanning until the pass has run, then from the table with the same list', async () => {
    const scanned = await eligible(r53);
    expect(scanned.source).toBe('scan');
    expect(scanned.counts.eligible + scanned.counts.nearly).toBeGreaterThan(0);
    await t.app.scheduler.drain();
    const stored = await eligible(r53);
    expect(stored.source).toBe('precomputed');
    expect(stored.computing).toBe(false);
    expect(stored.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(essence(stored)).toEqual(essence(scanned));
    await expectWorkplaces(stored.items);
    const [run] = await t.database.db.select().from(eligibilityRuns).where(eq(eligibilityRuns.programId, r53));
    expect(run!.completeFor).toBe(stored.asOf);
    expect(run!.scanned).toBe(stored.counts.scanned);
  });

  it('re-evaluates a profile when it changes: its rows follow the edit, and come back when it is undone', async () => {
    await t.app.searchSync.relay.drain();
    const before = await rowsOf(expertProfileId);
    expect(before.length).toBeGreaterThan(0);
    const own = (await call('GET', '/api/me/profile', expert)).json();
    const hidden = { education: 'private', positions: 'private', personal: 'private' };
    const edit = await call('PATCH', '/api/me/profile', expert, { highestDegree: null, visibility: hidden });
    expect(edit.statusCode, edit.body).toBe(200);
    await t.app.searchSync.relay.drain();
    const after = await rowsOf(expertProfileId);
    expect(after).not.toEqual(before);
    // The search answers from the table, and the table's row is what the list shows.
    const list = await eligible(r53);
    expect(list.source).toBe('precomputed');
    const [current] = await t.database.db
      .select({ id: programVersions.id })
      .from(programVersions)
      .where(and(eq(programVersions.programId, r53), eq(programVersions.version, list.programVersion)));
    const inList = list.items.find((i: { profileId: string }) => i.profileId === expertProfileId);
    expect(inList?.outcome ?? null).toBe(after.find((r) => r.v === current!.id)?.outcome ?? null);
    const shown = { education: own.visibility.education, positions: own.visibility.positions, personal: own.visibility.personal };
    const undo = await call('PATCH', '/api/me/profile', expert, { highestDegree: own.highestDegree, visibility: shown });
    expect(undo.statusCode, undo.body).toBe(200);
    await t.app.searchSync.relay.drain();
    expect(await rowsOf(expertProfileId)).toEqual(before);
  });

  it('recomputes a program when an officer publishes a new version, and drops the old version rows', async () => {
    const program = (await call('GET', `/api/programs/${r53}`, officer)).json();
    const other = (await call('GET', '/api/programs')).json().items.find((p: { code: string }) => p.code !== 'hp-nq53-2025');
    const otherRules = (await call('GET', `/api/programs/${other.id}`)).json().content.rules;
    const edited = await call('PUT', `/api/programs/${r53}`, officer, {
      content: { ...program.content, rules: otherRules },
      version: program.version,
      note: 'rules of another program',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const scanned = await eligible(r53);
    expect(scanned.programVersion).toBe(program.version + 1);
    expect(scanned.source).toBe('scan');
    await t.app.scheduler.drain();
    const stored = await eligible(r53);
    expect(stored.source).toBe('precomputed');
    expect(essence(stored)).toEqual(essence(scanned));
    await expectWorkplaces(stored.items);
    const versions = await t.database.db.select().from(programVersions).where(eq(programVersions.programId, r53));
    const old = versions.find((v) => v.version === program.version)!;
    expect(
      await t.database.db
        .select()
        .from(eligibilityOutcomes)
        .where(and(eq(eligibilityOutcomes.programVersionId, old.id))),
    ).toEqual([]);
  });

  it('keeps the outcomes across a restart: the first query after it answers from the table', async () => {
    const before = await eligible(r53);
    await t.app.close();
    const again = await createTestApp({ env, database: t.database });
    t = again;
    agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
    const after = await eligible(r53);
    expect(after.source).toBe('precomputed');
    expect(essence(after)).toEqual(essence(before));
  });
});
