import {
  auditLog,
  awardNominations,
  awardRounds,
  awards,
  consultationMembers,
  consultations,
  expertProfiles,
  memberships,
  organisations,
  outbox,
  programApplications,
  programCommitments,
  programs,
  programVersions,
  reportAggregates,
  scheduledJobs,
  verificationRequests,
} from '@hpen/db';
import { seedDemo } from '@hpen/server';
import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { computeCompleteness } from '../../server/src/modules/profiles/profile-completeness.js';
import { rowToContent } from '../../server/src/modules/profiles/profile-document.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { REPORT_AGGREGATES_JOB } from '../../server/src/modules/reports/report-aggregates.js';

let t: TestApp;
const token: Record<string, string> = {};
let assocId: string;
let agencyOrgId: string;
let unlistedId: string;
const password = 'demo password for tests';
const DAY = 86_400_000;
/** What the bulk paths (the generator, member imports, erasure) write beside a profile row: the search outbox's row. */
const outboxRow = (id: string, topic = 'profile.changed') => ({ topic, aggregateType: 'expert_profile', aggregateId: id });
const year = new Date().getFullYear();

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, who?: string, payload?: object) =>
  t.app.inject({ method, url, headers: who ? bearer(token[who]!) : {}, ...(payload ? { payload } : {}) });

const visibility = { identity: 'public', expertise: 'public', location: 'public', contact: 'private', personal: 'private' };
const profile = (fullName: string, over: Partial<typeof expertProfiles.$inferInsert>, content: Record<string, unknown> = {}) => ({
  fullName,
  fullNameFolded: fullName.toLowerCase(),
  visibility,
  content: { fields: [], keywords: [], sectors: [], location: null, ...content },
  ...over,
});

/**
 * The fixture, counted by hand: association A has three approved members (P1, P2, P3), one pending
 * (P5, not counted) and P4 is outside it. Organisation B requested three consultations.
 */
beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password });
  for (const who of ['agency', 'expert', 'curator', 'officer'])
    token[who] = (await signIn(t.app, `${who}@demo.local`, password)).accessToken;
  const db = t.database.db;
  const [a] = await db
    .insert(organisations)
    .values({ code: 'hoi-thu-nghiem', kind: 'association', nameVi: 'Hội thử nghiệm', nameEn: 'Test association' })
    .returning();
  const [b] = await db
    .insert(organisations)
    .values({ code: 'so-thu-nghiem', kind: 'department', nameVi: 'Sở thử nghiệm', nameEn: 'Test department' })
    .returning();
  assocId = a!.id;
  const [p1, p2, p3, p4, p5] = await db
    .insert(expertProfiles)
    .values([
      profile(
        'Phạm Thị Một',
        {
          highestDegree: 'TS',
          academicTitle: 'PGS',
          gender: 'female',
          birthYear: year - 56,
          verifications: { title: { by: 'x', byName: 'x', at: 'x', hash: 'x' } },
        },
        {
          fields: [
            { code: '101', primary: true },
            { code: '203', primary: false },
          ],
          keywords: ['a', 'b', 'c'],
          sectors: ['seaport'],
          location: { kind: 'haiphong', commune: '11383' },
        },
      ),
      profile(
        'Vũ Văn Hai',
        { highestDegree: 'ThS', gender: 'male', birthYear: year - 36 },
        { fields: [{ code: '102', primary: false }], sectors: ['seaport', 'logistics'], location: { kind: 'overseas', country: 'JP' } },
      ),
      profile('Đỗ Ba', {}),
      profile(
        'Ngoài Hội',
        { highestDegree: 'TS', listed: false, contactEmail: 'secret-p4@example.org' },
        { fields: [{ code: '101', primary: true }] },
      ),
      profile(
        'Chờ Duyệt',
        { highestDegree: 'TS' },
        {
          fields: [{ code: '101', primary: true }],
          positions: [
            { id: 'pos-1', title: 'Giảng viên', organisation: 'Trường Đại học Hàng hải Việt Nam', current: true, from: 2015, to: null },
          ],
        },
      ),
    ])
    .returning();
  unlistedId = p4!.id;
  await db.insert(memberships).values([
    { associationId: assocId, profileId: p1!.id, status: 'approved' },
    { associationId: assocId, profileId: p2!.id, status: 'approved' },
    { associationId: assocId, profileId: p3!.id, status: 'approved' },
    { associationId: assocId, profileId: p5!.id, status: 'pending' },
  ]);
  await db.insert(verificationRequests).values([
    { profileId: p1!.id, itemType: 'title', snapshot: {}, associationId: assocId },
    { profileId: p2!.id, itemType: 'degree', snapshot: {}, associationId: assocId, createdAt: new Date(Date.now() - 10 * DAY) },
  ]);
  const now = Date.now();
  const base = {
    title: 'Thử',
    scheme: {},
    budget: {},
    policyCode: 'test',
    dueAt: new Date(now + 30 * DAY),
    panelSize: 3,
    requesterOrganisationId: b!.id,
    organiserOrganisationId: assocId,
  };
  const consulted = await db
    .insert(consultations)
    .values([
      {
        ...base,
        kind: 'tu_van',
        status: 'sent',
        createdAt: new Date(now - 10 * DAY),
        sentAt: new Date(now - 6 * DAY),
        rating: { score: 4, comment: '', by: 'x', at: 'x' },
      },
      {
        ...base,
        kind: 'phan_bien',
        status: 'closed',
        createdAt: new Date(now - 10 * DAY),
        sentAt: new Date(now - 4 * DAY),
        rating: { score: 5, comment: '', by: 'x', at: 'x' },
      },
      { ...base, kind: 'phan_bien', status: 'draft', createdAt: new Date(now - 2 * DAY) },
    ] as Array<typeof consultations.$inferInsert>)
    .returning();
  // Panels: P1 and P5 sat on the first, P3 declined; P1 sat on the second.
  await db.insert(consultationMembers).values([
    { consultationId: consulted[0]!.id, profileId: p1!.id, status: 'accepted' },
    { consultationId: consulted[0]!.id, profileId: p5!.id, status: 'accepted' },
    { consultationId: consulted[0]!.id, profileId: p3!.id, status: 'declined' },
    { consultationId: consulted[1]!.id, profileId: p1!.id, status: 'accepted' },
  ]);
  // Programs of B: A got four applications (one draft on B), see the expectations below.
  const [progA, progB] = await db
    .insert(programs)
    .values([
      { code: 'ct-thu-a', organisationId: b!.id, status: 'published' },
      { code: 'ct-thu-b', organisationId: b!.id, status: 'published' },
    ])
    .returning();
  const [verA, verB] = await db
    .insert(programVersions)
    .values([
      { programId: progA!.id, version: 1, content: {} },
      { programId: progB!.id, version: 1, content: {} },
    ])
    .returning();
  const app = (prog: typeof progA, ver: typeof verA, profileId: string, status: string, outcome: string | null) => ({
    programId: prog!.id,
    programVersionId: ver!.id,
    profileId,
    status,
    snapshot: {},
    assessment: outcome ? { outcome } : null,
    submittedAt: status === 'draft' ? null : new Date(now - DAY),
  });
  const apps = await db
    .insert(programApplications)
    .values([
      app(progA, verA, p1!.id, 'approved', 'eligible'),
      app(progA, verA, p2!.id, 'rejected', 'not_eligible'),
      app(progA, verA, p3!.id, 'submitted', 'eligible'),
      app(progB, verB, p1!.id, 'draft', null),
      app(progB, verB, p4!.id, 'approved', 'eligible'),
    ] as Array<typeof programApplications.$inferInsert>)
    .returning();
  await db.insert(programCommitments).values([
    { applicationId: apps[0]!.id, programId: progA!.id, profileId: p1!.id, startDate: `${year}-01-01`, years: 5 },
    { applicationId: apps[4]!.id, programId: progB!.id, profileId: p4!.id, startDate: `${year}-01-01`, years: 5, status: 'ended_early' },
  ]);
  // Awards nominated by B in this year's round.
  const [award] = await db
    .insert(awards)
    .values({ code: 'giai-thu', titleVi: 'Giải thử', titleEn: 'Test prize', definition: {} as never })
    .returning();
  const [round] = await db
    .insert(awardRounds)
    .values({ awardId: award!.id, year, nominationOpensAt: new Date(now - 30 * DAY), nominationClosesAt: new Date(now), phases: [] })
    .returning();
  const nomination = (status: string, category: string, people = 1) => ({
    roundId: round!.id,
    status,
    nominatorKind: 'agency',
    nominatorOrganisationId: b!.id,
    category,
    nominees: Array.from({ length: people }, (_, i) => ({ profileId: null, name: `Người ${i}`, organisation: '' })),
    work: { title: 'x', summary: '', evidence: [] },
  });
  await db
    .insert(awardNominations)
    .values([
      nomination('draft', 'khtn'),
      nomination('submitted', 'khtn'),
      nomination('awarded', 'ktcn', 2),
      nomination('awarded', 'khtn'),
      nomination('not_awarded', 'ktcn'),
    ] as Array<typeof awardNominations.$inferInsert>);
  const [agencyOrg] = await db.select().from(organisations).where(eq(organisations.code, 'so-xay-dung'));
  agencyOrgId = agencyOrg!.id;
  (globalThis as { orgB?: string }).orgB = b!.id;
});
afterAll(async () => {
  await t?.close();
});

const orgB = () => (globalThis as { orgB?: string }).orgB!;

describe('dashboard aggregates (hand-computed fixture)', () => {
  it('counts the experts of an association by every dimension', async () => {
    const res = await call('GET', `/api/reports/overview?associationId=${assocId}`, 'officer');
    expect(res.statusCode, res.body).toBe(200);
    const e = res.json().experts;
    expect(e).toMatchObject({ total: 3, verified: 1, verifiedShare: 0.333 });
    // P1: degree 10 + primary field 12 + 3 keywords 6 + sector 5 + location 5 = 38; P2: 10 + 5 + 5 = 20; P3: 0.
    expect(e.completeness).toBe(19);
    expect(e.completenessBands).toEqual([{ key: '0-39', count: 3 }]);
    expect(e.byField).toEqual([
      {
        key: '1',
        count: 2,
        sub: [
          { key: '101', count: 1 },
          { key: '102', count: 1 },
        ],
      },
      { key: '2', count: 1, sub: [{ key: '203', count: 1 }] },
    ]);
    expect(e.byDegree).toEqual(
      [
        { key: 'ThS', count: 1 },
        { key: 'TS', count: 1 },
        { key: 'unknown', count: 1 },
      ].sort((x, y) => (x.key < y.key ? -1 : 1)),
    );
    expect(e.byTitle).toEqual([
      { key: 'none', count: 2 },
      { key: 'PGS', count: 1 },
    ]);
    expect(e.byGender).toEqual([
      { key: 'female', count: 1 },
      { key: 'male', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
    expect(e.byAgeBand).toEqual([
      { key: '30_39', count: 1 },
      { key: '50_59', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
    expect(e.byLocation).toEqual([
      { key: 'haiphong:11383', count: 1 },
      { key: 'overseas:JP', count: 1 },
      { key: 'unknown', count: 1 },
    ]);
    expect(e.bySector).toEqual([
      { key: 'seaport', count: 2 },
      { key: 'logistics', count: 1 },
    ]);
    expect(e.byAssociation).toEqual([{ key: 'hoi-thu-nghiem', count: 3 }]);
    const month = new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' }).slice(0, 7);
    expect(e.growth.created).toEqual([{ key: month, count: 3 }]);
    expect(e.growth.claimed).toEqual([]);
  });

  it('computes completeness in SQL as profile-completeness.ts does', async () => {
    // Every profile of the database (demo, generated and fixture) through the TypeScript rules, averaged and banded.
    const rows = await t.database.db.select().from(expertProfiles);
    const scores = rows.map((r) => computeCompleteness(rowToContent(r)).score);
    const res = (await call('GET', '/api/reports/overview', 'officer')).json().experts;
    expect(res.total).toBe(rows.length);
    expect(res.completeness).toBe(Math.round(scores.reduce((a, b) => a + b, 0) / scores.length));
    const band = (s: number) => (s >= 70 ? '70-100' : s >= 40 ? '40-69' : '0-39');
    for (const cell of res.completenessBands) expect(cell.count).toBe(scores.filter((s) => band(s) === cell.key).length);
  });

  it('narrows by field (sub-fields by prefix)', async () => {
    const res = await call('GET', `/api/reports/overview?associationId=${assocId}&field=2`, 'officer');
    expect(res.json().experts.total).toBe(1);
    const sub = await call('GET', `/api/reports/overview?associationId=${assocId}&field=10`, 'officer');
    expect(sub.json().experts.total).toBe(2);
  });

  it('counts curation and consultations', async () => {
    const res = await call('GET', `/api/reports/overview?associationId=${assocId}&agencyId=${orgB()}`, 'officer');
    expect(res.statusCode, res.body).toBe(200);
    const { curation, consultations: c, available } = res.json();
    expect(curation.queue).toBe(2);
    expect(curation.queueAgeing).toEqual([
      { key: '7_30_days', count: 1 },
      { key: 'under_7_days', count: 1 },
    ]);
    expect(curation.memberships).toEqual([
      { key: 'approved', count: 3 },
      { key: 'pending', count: 1 },
    ]);
    expect(c).toMatchObject({ total: 3, sent: 2, daysToOpinion: 5, rated: 2, ratingAverage: 4.5 });
    expect(c.byKind).toEqual([
      { key: 'phan_bien', count: 2 },
      { key: 'tu_van', count: 1 },
    ]);
    expect(c.byRequester).toEqual([{ key: 'so-thu-nghiem', count: 3 }]);
    expect(c.byRating).toEqual([
      { key: '4', count: 1 },
      { key: '5', count: 1 },
    ]);
    // Panels: P1 (female, no position, commune 11383, field 1) twice, P5 (university, no location, field 1) once.
    expect(c.panel).toEqual({
      seats: 3,
      people: 2,
      byGender: [
        { key: 'female', count: 2 },
        { key: 'unknown', count: 1 },
      ],
      byOrganisationType: [
        { key: 'unknown', count: 2 },
        { key: 'university', count: 1 },
      ],
      byLocation: [
        { key: 'haiphong:11383', count: 2 },
        { key: 'unknown', count: 1 },
      ],
      byField: [{ key: '1', count: 3 }],
    });
    expect(available).toEqual(['experts', 'curation', 'consultations', 'programs', 'awards']);
    // The period filter: nothing was requested before last year.
    const old = await call('GET', `/api/reports/overview?agencyId=${orgB()}&from=2020-01-01&to=2020-12-31`, 'officer');
    expect(old.json().consultations.total).toBe(0);
  });

  it('counts programs and awards of an agency', async () => {
    const res = await call('GET', `/api/reports/overview?agencyId=${orgB()}`, 'officer');
    expect(res.statusCode, res.body).toBe(200);
    const { programs: p, awards: a } = res.json();
    // Submitted: A×3 and B×1 (the draft on B is not an application yet); eligible at submission: 3.
    expect(p).toEqual({
      applied: 4,
      eligible: 3,
      approved: 2,
      rejected: 1,
      byStatus: [
        { key: 'approved', count: 2 },
        { key: 'draft', count: 1 },
        { key: 'rejected', count: 1 },
        { key: 'submitted', count: 1 },
      ],
      byProgram: [
        { key: 'ct-thu-a', count: 3 },
        { key: 'ct-thu-b', count: 1 },
      ],
      approvedByProgram: [
        { key: 'ct-thu-a', count: 1 },
        { key: 'ct-thu-b', count: 1 },
      ],
      commitments: { active: 1, ended: 1 },
    });
    // Past draft: 4 nominations; awarded: 2 nominations, 3 people (a team of two).
    expect(a).toEqual({
      nominations: 4,
      awarded: 2,
      awardedPeople: 3,
      byStatus: [
        { key: 'awarded', count: 2 },
        { key: 'draft', count: 1 },
        { key: 'not_awarded', count: 1 },
        { key: 'submitted', count: 1 },
      ],
      awardedByField: [
        { key: 'khtn', count: 1 },
        { key: 'ktcn', count: 1 },
      ],
      awardedByYear: [{ key: String(year), count: 2 }],
    });
    const old = (await call('GET', `/api/reports/overview?agencyId=${orgB()}&from=2020-01-01&to=2020-12-31`, 'officer')).json();
    expect(old.programs).toMatchObject({ applied: 0, approved: 0 });
    expect(old.awards).toMatchObject({ nominations: 0, awarded: 0 });
  });

  it('answers a repeated filtered view from its cache until something is written', async () => {
    const url = `/api/reports/overview?associationId=${assocId}`;
    const first = (await call('GET', url, 'officer')).json();
    const again = (await call('GET', url, 'officer')).json();
    // The same computation (same generatedAt) unless a minute boundary passed in between.
    if (Math.floor(Date.parse(first.generatedAt) / 60_000) === Math.floor(Date.now() / 60_000))
      expect(again.generatedAt).toBe(first.generatedAt);
    expect(again.asOf).toBe(again.generatedAt);
    // A filtered view is computed on request: a profile added in bulk (no audit row, an outbox row for search) is counted at once, and so is its removal.
    const total = async () =>
      (await call('GET', '/api/reports/overview?from=2020-01-01', 'officer')).json().experts as { total: number; verified: number };
    const before = await total();
    const [added] = await t.database.db.insert(expertProfiles).values(profile('Cache Kiểm Tra', {})).returning();
    await t.database.db.insert(outbox).values(outboxRow(added!.id));
    expect((await total()).total).toBe(before.total + 1);
    // An audited change that keeps the count (a verification) is seen at once too.
    await t.database.db
      .update(expertProfiles)
      .set({ verifications: { title: { by: 'test', byName: 'Test', at: new Date().toISOString(), hash: 'x' } } })
      .where(eq(expertProfiles.id, added!.id));
    await t.database.db.insert(auditLog).values({ action: 'profile.verified', targetType: 'profile', targetId: added!.id });
    expect((await total()).verified).toBe(before.verified + 1);
    await t.database.db.delete(expertProfiles).where(eq(expertProfiles.id, added!.id));
    await t.database.db.insert(outbox).values(outboxRow(added!.id, 'profile.deleted'));
    expect(await total()).toMatchObject(before);
  });

  it('answers the unfiltered dashboard and the public figures from the stored aggregates, refreshed by the scheduler', async () => {
    const db = t.database.db;
    const overview = async () => (await call('GET', '/api/reports/overview', 'officer')).json();
    const publicStats = async () => (await call('GET', '/api/public/statistics')).json();
    const stored = async (key: string) =>
      (
        await db
          .select()
          .from(reportAggregates)
          .where(eq(reportAggregates.key, `${key}:v1`))
      )[0]!;
    const refresh = async (key: string) => {
      await t.app.scheduler.schedule(db, { kind: REPORT_AGGREGATES_JOB, key, dueAt: new Date() });
      await t.app.scheduler.drain();
    };
    const first = await overview();
    const firstPublic = await publicStats();
    const row = await stored('overview');
    expect(first.asOf).toBe(row.asOf.toISOString());
    expect(firstPublic.asOf).toBe((await stored('public')).asOf.toISOString());
    // Answered from the stored row, not recomputed: a figure changed in the table is what the API shows.
    const figures = row.figures as { experts: Record<string, unknown> };
    await db
      .update(reportAggregates)
      .set({ figures: { ...figures, experts: { ...figures.experts, total: 424242 } } })
      .where(eq(reportAggregates.key, 'overview:v1'));
    const [added] = await db.insert(expertProfiles).values(profile('Tổng Hợp Mới', {})).returning();
    await db.insert(outbox).values(outboxRow(added!.id));
    const cached = await overview();
    expect(cached.experts.total).toBe(424242);
    expect(cached.asOf).toBe(first.asOf);
    // The scheduler's refresh sees the change and recomputes both audiences (and forgets runs finished over a day ago).
    const longAgo = new Date(Date.now() - 2 * DAY);
    await db
      .insert(scheduledJobs)
      .values({ kind: REPORT_AGGREGATES_JOB, key: 'old-run', dueAt: longAgo, runAt: longAgo, status: 'done', finishedAt: longAgo });
    await refresh('test-after-change');
    const runs = await db.select({ key: scheduledJobs.key }).from(scheduledJobs).where(eq(scheduledJobs.kind, REPORT_AGGREGATES_JOB));
    expect(runs.map((r) => r.key)).toContain('test-after-change');
    expect(runs.map((r) => r.key)).not.toContain('old-run');
    const refreshed = await overview();
    expect(Date.parse(refreshed.asOf)).toBeGreaterThanOrEqual(Date.parse(first.asOf));
    expect(refreshed.experts.total).toBe((await db.select({ id: expertProfiles.id }).from(expertProfiles)).length);
    expect(Date.parse((await publicStats()).asOf)).toBeGreaterThanOrEqual(Date.parse(firstPublic.asOf));
    expect((await stored('public')).stamp).toBe((await stored('overview')).stamp);
    expect((await stored('overview')).stamp).not.toBe(row.stamp);
    // Nothing written since: the next refresh leaves the stored figures as they are.
    const kept = await stored('overview');
    await refresh('test-nothing-changed');
    expect((await stored('overview')).updatedAt).toEqual(kept.updatedAt);
    await db.delete(expertProfiles).where(eq(expertProfiles.id, added!.id));
    await db.insert(outbox).values(outboxRow(added!.id, 'profile.deleted'));
    await refresh('test-cleanup');
    expect((await overview()).experts.total).toBe(refreshed.experts.total - 1);
  });

  it('lets officers and admins in, a curator only for their association, nobody else', async () => {
    expect((await call('GET', '/api/reports/overview')).statusCode).toBe(401);
    expect((await call('GET', '/api/reports/overview', 'expert')).statusCode).toBe(403);
    expect((await call('GET', '/api/reports/overview', 'agency')).statusCode).toBe(403);
    const curator = await call('GET', `/api/reports/overview?associationId=${assocId}`, 'curator');
    expect(curator.statusCode).toBe(200);
    const [union] = await t.database.db.select().from(organisations).where(eq(organisations.code, 'lien-hiep-hoi'));
    expect(curator.json().filters.associationId).toBe(union!.id);
    const bad = await call('GET', '/api/reports/overview?from=2026-05-01&to=2026-01-01', 'officer');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('reports.bad_period');
  });
});

describe('public statistics and open data', () => {
  const numbers = (v: unknown, out: number[] = []): number[] => {
    if (typeof v === 'number') out.push(v);
    else if (Array.isArray(v)) v.forEach((x) => numbers(x, out));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) if (!['minimumCell', 'verifiedShare', 'completeness'].includes(k)) numbers(x, out);
    return out;
  };

  it('shows no figure of 1 to 4 to the public', async () => {
    const res = await call('GET', '/api/public/statistics');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.minimumCell).toBe(5);
    const all = numbers({ experts: body.experts, consultations: body.consultations, programs: body.programs, awards: body.awards });
    expect(all.length).toBeGreaterThan(0);
    for (const n of all) expect(n === 0 || n >= 5).toBe(true);
    // The association of three is pooled, never shown alone.
    expect(JSON.stringify(body)).not.toContain('hoi-thu-nghiem');
    // Programs and awards are public figures too: B's small programs are pooled, never shown alone.
    expect(body.programs.byProgram.map((c: { key: string }) => c.key)).not.toContain('ct-thu-b');
    expect(body.awards.awardedByField.map((c: { key: string }) => c.key)).not.toContain('ktcn');
  });

  it('publishes CSV and JSON with a licence and a version date, listed profiles only, public sections only', async () => {
    const cat = await call('GET', '/api/public/open-data');
    expect(cat.json().licence.name).toContain('CC BY 4.0');
    const stats = await call('GET', '/api/public/open-data/statistics.csv');
    expect(stats.headers['content-type']).toContain('text/csv');
    expect(stats.body.replace('\uFEFF', '').split('\r\n')[0]).toBe('dimension,key,count');
    const json = await call('GET', '/api/public/open-data/experts.json?limit=1000');
    expect(json.statusCode, json.body).toBe(200);
    const { items, licence, versionDate } = json.json();
    expect(licence.url).toContain('creativecommons.org');
    expect(versionDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(items.map((i: { id: string }) => i.id)).not.toContain(unlistedId);
    expect(items.find((i: { fullName: string }) => i.fullName === 'Phạm Thị Một')).toMatchObject({
      fields: ['101', '203'],
      highestDegree: 'TS',
    });
    const csv = await call('GET', '/api/public/open-data/experts.csv');
    expect(csv.body).toContain('Phạm Thị Một');
    expect(csv.body).not.toContain('Ngoài Hội');
    expect(csv.body).not.toContain('@');
  });
});

describe('yearly implementation report', () => {
  let reportId: string;
  const texts = {
    results: 'Đã cập nhật 120 hồ sơ chuyên gia.',
    difficulties: 'Thiếu nhân lực.',
    proposals: '=HYPERLINK("x") Bổ sung kinh phí.',
  };

  it('is written, submitted and accepted, every step audited', async () => {
    expect((await call('POST', `/api/reports/annual/${year}/submit`, 'agency')).statusCode).toBe(404);
    const saved = await call('PUT', `/api/reports/annual/${year}`, 'agency', {
      texts,
      documentNumber: '12/BC-SXD',
      signerName: 'Trần Thị Thu Hà',
      signerTitle: 'GIÁM ĐỐC',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    reportId = saved.json().id;
    const stale = await call('PUT', `/api/reports/annual/${year}`, 'agency', { texts, version: 99 });
    expect(stale.json().error.code).toBe('reports.stale_version');
    expect((await call('POST', `/api/reports/annual/by-id/${reportId}/accept`, 'officer')).json().error.code).toBe('reports.invalid_state');
    expect((await call('POST', `/api/reports/annual/${year}/submit`, 'agency')).json().status).toBe('submitted');
    expect((await call('PUT', `/api/reports/annual/${year}`, 'agency', { texts })).statusCode).toBe(409);
    expect((await call('POST', `/api/reports/annual/by-id/${reportId}/accept`, 'agency')).statusCode).toBe(403);
    const returned = await call('POST', `/api/reports/annual/by-id/${reportId}/return`, 'officer', { reason: 'Bổ sung số liệu' });
    expect(returned.json().status).toBe('draft');
    await call('POST', `/api/reports/annual/${year}/submit`, 'agency');
    expect((await call('POST', `/api/reports/annual/by-id/${reportId}/accept`, 'officer')).json().status).toBe('accepted');
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, reportId));
    const actions = audit.map((i) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining(['annual_report.create', 'annual_report.submit', 'annual_report.return', 'annual_report.accept']),
    );
  });

  it('shows the plan’s sections with figures, and "not yet available" for domains not built', async () => {
    const res = await call('GET', `/api/reports/annual?year=${year}`, 'agency');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ scope: 'agency', status: 'accepted', organisation: { id: agencyOrgId }, texts });
    expect(r.sections.map((s: { code: string }) => s.code)).toEqual(['II.1', 'II.2', 'II.3', 'III']);
    const figures = r.sections.flatMap((s: { figures: unknown[] }) => s.figures);
    // The agency runs no program and nominated nobody: zeros, not "not yet available"; dialogues are not built.
    expect(figures.find((f: { code: string }) => f.code === 'programs.applications')).toMatchObject({ available: true, value: 0 });
    expect(figures.find((f: { code: string }) => f.code === 'dialogues.held')).toMatchObject({ available: false, value: null });
    const b = (await call('GET', `/api/reports/annual?year=${year}&organisationId=${orgB()}`, 'officer')).json();
    const bFigures = Object.fromEntries(
      b.sections.flatMap((s: { figures: Array<{ code: string; value: number }> }) => s.figures.map((f) => [f.code, f.value])),
    );
    expect(bFigures).toMatchObject({
      'programs.applications': 4,
      'programs.eligible': 3,
      'programs.approved': 2,
      'programs.rejected': 1,
      'programs.commitments_active': 1,
      'programs.commitments_ended': 1,
      'awards.nominations': 4,
      'awards.awarded': 3,
      'awards.awarded_nominations': 2,
    });
    expect(b.breakdowns.find((x: { code: string }) => x.code === 'awards.by_field').rows).toEqual([
      { key: 'khtn', count: 1 },
      { key: 'ktcn', count: 1 },
    ]);
    expect(figures.find((f: { code: string }) => f.code === 'experts.total').value).toBeGreaterThanOrEqual(5);
    const city = (await call('GET', `/api/reports/annual?year=${year}`, 'officer')).json();
    expect(city.scope).toBe('city');
    expect(city.submissions).toEqual([expect.objectContaining({ id: reportId, status: 'accepted' })]);
    expect(city.texts.results).toContain('Đã cập nhật 120 hồ sơ');
    const cityFigures = city.sections.flatMap((s: { figures: unknown[] }) => s.figures);
    expect(cityFigures.find((f: { code: string }) => f.code === 'consultations.total').value).toBeGreaterThanOrEqual(3);
    expect(cityFigures.find((f: { code: string }) => f.code === 'reports.accepted').value).toBe(1);
  });

  it('exports XLSX with a sheet per section, CSV and PDF', async () => {
    const xlsx = await call('GET', `/api/reports/annual?year=${year}&format=xlsx`, 'agency');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Thong tin',
      'II.1',
      'II.2',
      'II.3',
      'III',
      'Chuong trinh thu hut',
      'Khen thuong',
      'Kết quả thực hiện',
      'Khó khăn, vướng mắc',
      'Đề xuất, kiến nghị',
    ]);
    const json = (await call('GET', `/api/reports/annual?year=${year}`, 'agency')).json();
    const total = json.sections[1].figures.find((f: { code: string }) => f.code === 'experts.total').value;
    const ii2 = wb.getWorksheet('II.2')!;
    const rows = ii2.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.find((r) => r[1] === 'Số chuyên gia, trí thức trong cơ sở dữ liệu')?.[2]).toBe(total);
    expect(rows.find((r) => r[1] === 'Số hồ sơ đăng ký chính sách thu hút')?.[2]).toBe(0);
    expect(
      (wb.getWorksheet('II.1')!.getSheetValues().filter(Boolean) as unknown[][]).find(
        (r) => r[1] === 'Số cuộc đối thoại với trí thức',
      )?.[2],
    ).toContain('Chưa có dữ liệu');
    // Agency B's report: the programs sheet holds its applications per program.
    const bx = await call('GET', `/api/reports/annual?year=${year}&organisationId=${orgB()}&format=xlsx`, 'officer');
    const bwb = new ExcelJS.Workbook();
    await bwb.xlsx.load(bx.rawPayload as unknown as ArrayBuffer);
    const progRows = bwb.getWorksheet('Chuong trinh thu hut')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(progRows.find((r) => r[1] === '  ct-thu-a')?.[2]).toBe(3);
    const bcsv = await call('GET', `/api/reports/annual?year=${year}&organisationId=${orgB()}&format=csv`, 'officer');
    expect(bcsv.body).toContain('Khen thuong,  khtn,1');
    // A written text that looks like a formula is defused.
    expect(wb.getWorksheet('Đề xuất, kiến nghị')!.getCell('A3').value).toBe(`'${texts.proposals}`);

    const csv = await call('GET', `/api/reports/annual?year=${year}&format=csv`, 'agency');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain(`II.2,"Số chuyên gia, trí thức trong cơ sở dữ liệu",${total}`);
    const pdf = await call('GET', `/api/reports/annual?year=${year}&format=pdf`, 'officer');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });

  it('keeps each agency to its own report', async () => {
    expect((await call('GET', `/api/reports/annual?year=${year}&organisationId=${orgB()}`, 'agency')).statusCode).toBe(403);
    expect((await call('GET', `/api/reports/annual?year=${year}`, 'expert')).statusCode).toBe(403);
    expect((await call('GET', `/api/reports/annual?year=${year}`)).statusCode).toBe(401);
    expect((await call('GET', `/api/reports/annual?year=${year}&organisationId=${agencyOrgId}`, 'officer')).json().status).toBe('accepted');
    expect((await call('GET', '/api/reports/annual?year=1999', 'officer')).statusCode).toBe(400);
  });
});

describe('demo reports', () => {
  it('seeds last year: one report submitted, one accepted, once per database', async () => {
    expect(await t.app.seedDemoReports()).toBe(true);
    expect(await t.app.seedDemoReports()).toBe(false);
    const city = (await call('GET', `/api/reports/annual?year=${year - 1}`, 'officer')).json();
    expect(city.submissions.map((s: { organisationCode: string; status: string }) => [s.organisationCode, s.status]).sort()).toEqual([
      ['lien-hiep-hoi', 'accepted'],
      ['so-xay-dung', 'submitted'],
    ]);
  });
});
