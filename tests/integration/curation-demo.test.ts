import { auditLog, expertProfiles, memberships } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const password = 'demo password for tests';

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  // As on `npm start`: the demo accounts and 300 generated profiles.
  await seedDemo(t.database.db, { password, syntheticProfiles: 300 });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Association = { id: string; code: string; members: number };

describe('demo curation workload', () => {
  it('seeds members, applications, verifications, duplicates and imports through the services, once', async () => {
    expect(await t.app.seedDemoCuration()).toBe(true);
    expect(await t.app.seedDemoCuration()).toBe(false);
    const curator = (await signIn(t.app, 'curator@demo.local', password)).accessToken;

    const associations: Association[] = (await t.app.inject({ method: 'GET', url: '/api/associations' })).json().items;
    const counts = associations.map((a) => a.members);
    expect(Math.max(...counts)).toBeGreaterThan(0);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(150);
    expect(new Set(counts.filter((c) => c > 0)).size).toBeGreaterThan(2); // unevenly spread

    const dashboard = (await t.app.inject({ method: 'GET', url: '/api/curation/dashboard', headers: bearer(curator) })).json();
    expect(dashboard.verification.pending).toBeGreaterThan(0);
    expect(dashboard.memberships.pending).toBeGreaterThanOrEqual(3);
    expect(dashboard.duplicates.open).toBeGreaterThanOrEqual(1);
    expect(dashboard.imports.map((j: { status: string }) => j.status)).toEqual(expect.arrayContaining(['done', 'failed']));

    const actions = (await t.database.db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'verification.approved',
        'verification.rejected',
        'verification.changes_requested',
        'import.confirmed',
        'membership.applied',
      ]),
    );

    const profiles = await t.database.db.select().from(expertProfiles);
    const sharing = profiles.filter((p) => p.userId === null && p.visibility.contact === 'agencies').length;
    expect(sharing).toBeGreaterThan(profiles.length / 2);
    expect((await t.database.db.select().from(memberships)).length).toBeGreaterThanOrEqual(150);
  });

  it('imports a member list with old district names and Hải Dương addresses, saying what each became', async () => {
    const curator = (await signIn(t.app, 'curator@demo.local', password)).accessToken;
    const jobs = (await t.app.inject({ method: 'GET', url: '/api/curation/imports', headers: bearer(curator) })).json().items;
    const job = jobs.find((j: { filename: string }) => j.filename === 'hoi-vien-2019-dia-gioi-cu.csv');
    expect(job).toMatchObject({ status: 'done' });
    const places = (
      await t.app.inject({ method: 'GET', url: `/api/curation/imports/${job.id}/rows?only=places`, headers: bearer(curator) })
    ).json().items as Array<{ data: { district: string; place_note: string } }>;
    const note = Object.fromEntries(places.map((r) => [r.data.district, r.data.place_note]));
    expect(note['Quận Lê Chân']).toContain('to confirm');
    expect(note['Xã Thanh Hà, Huyện Thanh Hà, Hải Dương']).toContain('→ Xã Thanh Hà, Hải Phòng');
    expect(Object.keys(note)).toEqual(expect.arrayContaining(['Huyện An Lão', 'Phường Trần Phú, TP Hải Dương', 'Huyện Kiến Thụy']));
    const [thang] = await t.database.db.select().from(expertProfiles).where(eq(expertProfiles.fullName, 'Bùi Đức Thắng'));
    expect(thang?.content.location).toMatchObject({ kind: 'haiphong', commune: '10813' });
  });

  it('never shows a member e-mail the member keeps private', async () => {
    const curator = (await signIn(t.app, 'curator@demo.local', password)).accessToken;
    const associations: Association[] = (await t.app.inject({ method: 'GET', url: '/api/associations' })).json().items;
    const privateEmails = new Map(
      (await t.database.db.select().from(expertProfiles))
        .filter((p) => p.contactEmail && (p.visibility.contact ?? 'private') === 'private')
        .map((p) => [p.id, p.contactEmail]),
    );
    let privateMembers = 0;
    for (const a of associations.filter((x) => x.members > 0)) {
      for (let page = 1; (page - 1) * 100 < a.members; page++) {
        const url = `/api/associations/${a.id}/members?status=approved&pageSize=100&page=${page}`;
        const res = await t.app.inject({ method: 'GET', url, headers: bearer(curator) });
        expect(res.statusCode).toBe(200);
        for (const m of res.json().items as Array<{ profileId: string; contactEmail: string | null }>) {
          if (!privateEmails.has(m.profileId)) continue;
          privateMembers += 1;
          expect(m.contactEmail).toBeNull();
          expect(res.body).not.toContain(privateEmails.get(m.profileId));
        }
      }
    }
    expect(privateMembers).toBeGreaterThan(0);
  });
});
