import { expertProfiles, notifications, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { attachApplicationDocuments, missingPurposes } from '../support/program-documents.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
/** The app's clock: real time, moved ahead to reach a reminder. */
let ahead = 0;
const clock = () => new Date(Date.now() + ahead);
const password = 'demo password for tests';
let expert: string;
let agency: string;
let officer: string;
let curator: string;
let r53: string;
let expertProfileId: string;
const R53_FACTS = { recruited_by_city_unit: true, field_needed_by_city: true, commit_5_years: true };

const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

const kinds = async (kind: string) => t.database.db.select().from(notifications).where(eq(notifications.kind, kind));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addYears = (iso: string, k: number) => `${Number(iso.slice(0, 4)) + k}${iso.slice(4)}`;

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' }, clock });
  await seedDemo(t.database.db, { password, syntheticProfiles: 12 });
  expert = (await signIn(t.app, 'expert@demo.local', password)).accessToken;
  agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
  officer = (await signIn(t.app, 'officer@demo.local', password)).accessToken;
  curator = (await signIn(t.app, 'curator@demo.local', password)).accessToken;
  expertProfileId = (await call('GET', '/api/me/profile', expert)).json().id;
  // The seeded programs get their agencies (created by the demo seed) and the demo applications.
  await t.app.seedDemoPrograms();
  r53 = (await call('GET', '/api/programs')).json().items.find((p: { code: string }) => p.code === 'hp-nq53-2025').id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const port = {
  title: 'Chuyên gia quy hoạch cảng biển',
  kind: 'position',
  mode: 'on_site',
  description: 'Tham mưu quy hoạch cảng và logistics.',
  fields: ['502'],
  sectors: ['seaport', 'logistics'],
  communeCode: '11329',
  requirements: 'Tiến sĩ kinh tế vận tải biển.',
  overseasWelcome: true,
};

describe('positions offered', () => {
  let offerId: string;
  let otherId: string;

  it('an agency posts a draft that only it sees; publishing lists it publicly and alerts opted-in experts who fit', async () => {
    expect((await call('PUT', '/api/me/offer-alerts', expert, { enabled: true })).json()).toEqual({ enabled: true });
    expect((await call('GET', '/api/me/offer-alerts', expert)).json()).toEqual({ enabled: true });
    expect((await call('POST', '/api/offers', expert, port)).statusCode).toBe(403);
    const bad = await call('POST', '/api/offers', agency, { ...port, kind: 'job' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeDefined();

    const created = await call('POST', '/api/offers', agency, { ...port, programId: r53 });
    expect(created.statusCode, created.body).toBe(201);
    offerId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', programCode: 'hp-nq53-2025', can: expect.arrayContaining(['edit']) });
    expect((await call('GET', `/api/offers/${offerId}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/offers/${offerId}`, expert)).statusCode).toBe(404);
    expect((await call('GET', '/api/offers')).json().items.map((o: { id: string }) => o.id)).not.toContain(offerId);

    const other = await call('POST', '/api/offers', agency, {
      title: 'Tư vấn từ xa về dữ liệu y tế',
      kind: 'remote',
      mode: 'remote',
      fields: ['302'],
      sectors: ['health'],
    });
    otherId = other.json().id;
    expect((await call('POST', `/api/offers/${offerId}/status`, officer, { status: 'published' })).statusCode).toBe(404);
    for (const id of [offerId, otherId])
      expect((await call('POST', `/api/offers/${id}/status`, agency, { status: 'published' })).statusCode).toBe(200);

    const list = await call('GET', '/api/offers');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((o: { id: string }) => o.id)).toEqual(expect.arrayContaining([offerId, otherId]));
    expect(list.json().facets.kind).toMatchObject({ position: 1, remote: 1 });
    expect(list.json().facets.program).toEqual({ [r53]: 1 });

    await t.app.scheduler.drain();
    const alerts = await kinds('offer.alert');
    expect(alerts).toHaveLength(1); // the port offer fits the demo expert (field 502, seaport); the health one does not
    expect(alerts[0]!.link).toBe(`/offers/${offerId}`);
  });

  it('searches text without diacritics and filters by facets (OR within, AND across)', async () => {
    const q = (await call('GET', '/api/offers?q=quy%20hoach%20cang')).json();
    expect(q.items.map((o: { id: string }) => o.id)).toEqual([offerId]);
    const remote = (await call('GET', '/api/offers?kind=remote')).json();
    expect(remote.items.map((o: { id: string }) => o.id)).toEqual([otherId]);
    expect(remote.facets.kind).toMatchObject({ position: 1, remote: 1 }); // a facet ignores its own filter
    expect((await call('GET', '/api/offers?kind=remote,position&sector=health')).json().total).toBe(1);
    expect((await call('GET', `/api/offers?programId=${r53}&field=5`)).json().items.map((o: { id: string }) => o.id)).toEqual([offerId]);
    expect((await call('GET', '/api/offers?kind=nonsense')).statusCode).toBe(400);
  });

  it('experts express interest with a note and withdraw it; the poster sees only what each expert shares', async () => {
    const i = await call('POST', `/api/offers/${offerId}/interest`, expert, { note: 'Sẵn sàng về Hải Phòng.' });
    expect(i.statusCode, i.body).toBe(201);
    expect((await kinds('offer.interest')).length).toBeGreaterThan(0);
    const seen = await call('GET', `/api/offers/${offerId}/interests`, agency);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().items).toHaveLength(1);
    const shown = seen.json().items[0];
    expect(shown).toMatchObject({ profileId: expertProfileId, message: 'Sẵn sàng về Hải Phòng.' });
    // Exactly the agencies' projection of the profile (the same as GET /api/experts/{id} for agency staff).
    const asAgencySees = (await call('GET', `/api/experts/${expertProfileId}`, agency)).json();
    expect(Object.keys(shown.profile).sort()).toEqual(Object.keys(asAgencySees).sort());
    expect(shown.profile.audience).toBe('agencies');

    expect((await call('GET', `/api/offers/${offerId}/interests`, curator)).statusCode).toBe(403);
    expect((await call('GET', `/api/offers/${offerId}/interests`, expert)).statusCode).toBe(403);
    expect((await call('GET', `/api/offers/${offerId}`, expert)).json().myInterest).toEqual({
      status: 'active',
      message: 'Sẵn sàng về Hải Phòng.',
    });
    expect((await call('GET', `/api/offers/manage`, agency)).json().items.find((o: { id: string }) => o.id === offerId).interestCount).toBe(
      1,
    );

    expect((await call('DELETE', `/api/offers/${offerId}/interest`, expert)).json().status).toBe('withdrawn');
    expect((await call('GET', `/api/offers/${offerId}/interests`, agency)).json().items).toEqual([]);
    expect((await call('GET', '/api/me/offer-interests', expert)).json().items[0]).toMatchObject({ offerId, status: 'withdrawn' });
    expect((await call('DELETE', `/api/offers/${offerId}/interest`, expert)).statusCode).toBe(404);
  });

  it('suggests fitting experts to the poster and fitting offers to the expert', async () => {
    await t.searchSettled();
    const s = await call('GET', `/api/offers/${offerId}/suggestions`, agency);
    expect(s.statusCode, s.body).toBe(200);
    const me = s.json().items.find((x: { profileId: string }) => x.profileId === expertProfileId);
    expect(me?.reasons).toEqual(expect.arrayContaining(['field:502', 'sector:seaport']));
    expect((await call('GET', `/api/offers/${offerId}/suggestions`, expert)).statusCode).toBe(403);
    const mine = await call('GET', '/api/me/offers/suggested', expert);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.map((x: { offer: { id: string } }) => x.offer.id)).toEqual([offerId]);
  });

  it('a closed offer leaves the list and takes no interest', async () => {
    expect((await call('POST', `/api/offers/${otherId}/status`, agency, { status: 'closed' })).statusCode).toBe(200);
    expect((await call('GET', '/api/offers')).json().items.map((o: { id: string }) => o.id)).not.toContain(otherId);
    expect((await call('POST', `/api/offers/${otherId}/interest`, expert, { note: '' })).statusCode).toBe(409);
  });
});

describe('service commitments', () => {
  let commitmentId: string;

  it('an approval starts the commitment with the years of the version applied to', async () => {
    const unclaimed = await t.database.db.select({ id: expertProfiles.id }).from(expertProfiles).where(isNull(expertProfiles.userId));
    let appId: string | null = null;
    for (const p of unclaimed) {
      const r = await call('POST', `/api/programs/${r53}/applications`, officer, {
        declared: R53_FACTS,
        statement: 'Hồ sơ giấy',
        profileId: p.id,
        // The officer attests the signed consent to assessment in the paper dossier.
        assessmentConsent: true,
      });
      if (r.statusCode === 201) {
        appId = r.json().id;
        break;
      }
    }
    expect(appId).not.toBeNull();
    const { missing } = (await call('GET', `/api/applications/${appId}`, officer)).json();
    await attachApplicationDocuments(t, officer, appId!, missingPurposes(missing));
    expect((await call('POST', `/api/applications/${appId}/submit`, officer)).statusCode).toBe(200);
    expect((await call('POST', `/api/applications/${appId}/start-review`, officer)).statusCode).toBe(200);
    const decided = await call('POST', `/api/applications/${appId}/decision`, officer, {
      outcome: 'approved',
      number: '12/QĐ-UBND',
      date: isoDay(clock()),
      reason: '',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const list = (await call('GET', '/api/commitments?scope=manage', officer)).json().items;
    const c = list.find((x: { applicationId: string }) => x.applicationId === appId);
    expect(c).toMatchObject({
      years: 5,
      status: 'active',
      startDate: isoDay(clock()),
      next: { year: 1, dueDate: addYears(isoDay(clock()), 1) },
    });
    commitmentId = c.id;
    expect((await call('GET', `/api/commitments/${commitmentId}`, expert)).statusCode).toBe(404);
    expect((await call('GET', `/api/commitments/${commitmentId}`, agency)).statusCode).toBe(404);
    expect((await call('GET', '/api/commitments', expert)).json().items).toEqual([]);
  });

  it('the employer confirms each year, not before it is due; reminders go out before each unconfirmed year', async () => {
    const early = await call('POST', `/api/commitments/${commitmentId}/confirmations`, officer, { year: 1, note: '' });
    expect(early.statusCode, early.body).toBe(400);
    const c = (await call('GET', `/api/commitments/${commitmentId}`, officer)).json();
    const [agencyUser] = await t.database.db.select().from(users).where(eq(users.email, 'agency@demo.local'));
    const agencyOrg = agencyUser!.organisationId;
    expect(agencyOrg).toBeTruthy();
    const start = isoDay(new Date(Date.now() - 400 * 86_400_000));
    expect((await call('PATCH', `/api/commitments/${commitmentId}`, agency, { startDate: start, version: c.version })).statusCode).toBe(
      404,
    );
    const moved = await call('PATCH', `/api/commitments/${commitmentId}`, officer, {
      startDate: start,
      employerOrganisationId: agencyOrg,
      employer: 'Sở Xây dựng',
      version: c.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().can).toContain('confirm');
    expect((await call('POST', `/api/commitments/${commitmentId}/confirmations`, agency, { year: 2, note: '' })).statusCode).toBe(400);
    const ok = await call('POST', `/api/commitments/${commitmentId}/confirmations`, agency, { year: 1, note: 'Hoàn thành tốt nhiệm vụ' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'active', confirmations: [{ year: 1, note: 'Hoàn thành tốt nhiệm vụ' }], next: { year: 2 } });
    expect((await call('GET', '/api/commitments', agency)).json().items.map((x: { id: string }) => x.id)).toContain(commitmentId);

    await t.app.scheduler.drain();
    expect((await kinds('commitment.reminder')).filter((n) => n.data.commitmentId === commitmentId)).toEqual([]); // year 1 is confirmed
    const due2 = new Date(`${addYears(start, 2)}T00:00:00Z`).getTime();
    ahead = due2 - 29 * 86_400_000 - Date.now();
    await t.app.scheduler.drain();
    const sent = (await kinds('commitment.reminder')).filter((n) => n.data.commitmentId === commitmentId);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((n) => n.data.year === 2)).toBe(true);
    ahead = 0;
  });

  it('an early exit records its consequence from the program version ("to confirm" without an amount)', async () => {
    expect(
      (await call('POST', `/api/commitments/${commitmentId}/exit`, expert, { date: isoDay(clock()), reason: 'Chuyển công tác' }))
        .statusCode,
    ).toBe(404);
    const ended = await call('POST', `/api/commitments/${commitmentId}/exit`, agency, { date: isoDay(clock()), reason: 'Chuyển công tác' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({
      status: 'ended_early',
      next: null,
      exit: { reason: 'Chuyển công tác', consequence: { amountVnd: null, toConfirm: true } },
    });
    expect(ended.json().exit.consequence.text.length).toBeGreaterThan(0);
    expect((await call('POST', `/api/commitments/${commitmentId}/confirmations`, agency, { year: 2, note: '' })).statusCode).toBe(409);
  });
});

describe('"eligible for program X" in staff search', () => {
  it('counts and pages the experts whose outcome is eligible (or nearly), as staff see them', async () => {
    expect((await call('GET', `/api/experts/eligible?programId=${r53}`)).statusCode).toBe(401);
    expect((await call('GET', `/api/experts/eligible?programId=${r53}`, expert)).statusCode).toBe(403);
    expect((await call('GET', `/api/experts/eligible?programId=not-a-uuid`, officer)).statusCode).toBe(400);
    const all = await call('GET', `/api/experts/eligible?programId=${r53}&nearly=true&pageSize=50`, agency);
    expect(all.statusCode, all.body).toBe(200);
    const body = all.json();
    expect(body.counts.scanned).toBeGreaterThanOrEqual(13);
    expect(body.total).toBe(body.counts.eligible + body.counts.nearly);
    const strict = (await call('GET', `/api/experts/eligible?programId=${r53}`, agency)).json();
    expect(strict.total).toBe(body.counts.eligible);
    expect(strict.items.every((i: { outcome: string }) => i.outcome === 'eligible')).toBe(true);
    // Declared facts (recruited by a city unit, the 5-year commitment…) are assumed and named.
    expect(body.assumedFacts).toEqual(expect.arrayContaining(['recruited_by_city_unit', 'commit_5_years']));
    expect(body.counts.eligible).toBeGreaterThan(0);
    // An eligible expert's requirements, as staff see them without declarations, fail on nothing but those.
    for (const item of strict.items.slice(0, 5)) {
      const one = (await call('GET', `/api/experts/${item.profileId}/eligibility`, agency)).json();
      const program = one.programs.find((p: { programId: string }) => p.programId === r53);
      expect(program.criteria[0].status).not.toBe('not_met');
    }
    expect((await call('GET', `/api/experts/eligible?programId=00000000-0000-4000-8000-000000000000`, agency)).statusCode).toBe(404);
  });
});

describe('the demo', () => {
  it('seeds offers with interests and commitments in force and ended early', async () => {
    expect(await t.app.seedDemoOffers()).toBe(true);
    expect(await t.app.seedDemoOffers()).toBe(false);
    expect((await call('GET', '/api/offers')).json().items.length).toBeGreaterThanOrEqual(5);
    const commitments = (await call('GET', '/api/commitments?scope=manage', officer)).json().items;
    const statuses = commitments.map((c: { status: string }) => c.status);
    expect(statuses).toEqual(expect.arrayContaining(['active', 'ended_early']));
    expect(commitments.some((c: { confirmations: unknown[] }) => c.confirmations.length > 0)).toBe(true);
  });
});
