import { auditLog, awardBallots, awardVotesCast, expertProfiles, scheduledJobs } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signIn, signInWithTotp } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const password = 'demo password for tests';
const tok: Record<string, string> = {};
const pid: Record<string, string> = {};
const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
const ok = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token?: string, payload?: object, status = 200) => {
  const res = await call(method, url, token, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
};

const definition = {
  organiser: 'Sở Khoa học và Công nghệ Hải Phòng',
  legalBasis: [{ document: 'QĐ 351/2016/QĐ-UBND', article: '', link: '', certainty: 'V' }],
  nominators: ['agency', 'organisation', 'self'],
  prizeLevels: [{ code: 'first', titleVi: 'Giải Nhất', titleEn: 'First' }],
  categories: [{ code: 'applied', titleVi: 'Ứng dụng', titleEn: 'Applied', caps: { first: 1 } }],
  criteria: [
    { code: 'novelty', titleVi: 'Tính mới', titleEn: 'Novelty', weight: 50, min: 0, max: 10 },
    { code: 'effect', titleVi: 'Hiệu quả', titleEn: 'Effect', weight: 50, min: 0, max: 10 },
  ],
  phases: [
    { n: 1, nameVi: 'Cơ sở', nameEn: 'Base', method: 'mean_score', threshold: 70, rulesCode: 'council-3-4', ballot: 'secret' },
    { n: 2, nameVi: 'Thành phố', nameEn: 'City', method: 'ballot', threshold: null, rulesCode: 'council-3-4', ballot: 'secret' },
  ],
  eligibility: {
    schemaVersion: 1,
    requirements: { id: 'pubs', kind: 'publications', min: 1, label: { vi: 'Ít nhất 1 công bố', en: 'At least 1 publication' } },
    groups: [],
    declaredFacts: [],
  },
};

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password, syntheticProfiles: 16 });
  for (const who of ['expert', 'officer', 'admin', 'agency']) tok[who] = (await signIn(t.app, `${who}@demo.local`, password)).accessToken;
  await signInWithTotp(t.app, 'admin@demo.local', password);
  tok.admin = (await signIn(t.app, 'admin@demo.local', password)).accessToken;
  for (const who of ['nominee', 'm1', 'm2', 'm3', 'secretary']) tok[who] = (await registerAndSignIn(t, `${who}@awards.test`)).accessToken;
  for (const who of ['expert', 'nominee', 'm1', 'm2', 'm3', 'secretary']) pid[who] = (await ok('GET', '/api/me/profile', tok[who])).id;
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('awards over HTTP', () => {
  it('seeds the demo: a public catalogue, a finished round on the honour roll, an open round with nominations in several states', async () => {
    expect(await t.app.seedDemoAwards()).toBe(true);
    expect(await t.app.seedDemoAwards()).toBe(false);
    const awards = await ok('GET', '/api/awards');
    expect(awards.items.map((a: { code: string }) => a.code)).toEqual(expect.arrayContaining(['hp-st-city-prize', 'hp-nguyen-binh-khiem']));
    expect(awards.items[0]).toMatchObject({ id: expect.any(String), code: expect.any(String), title: expect.any(String) });
    const roll = await ok('GET', '/api/honour-roll');
    expect(roll.items.length).toBeGreaterThan(0);
    expect(roll.items[0]).toMatchObject({
      awardId: expect.any(String),
      year: expect.any(Number),
      nominees: expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]),
    });
    // The demo's awarded experts carry the award as a verified mark on their public profile.
    const awardee = roll.items
      .flatMap((i: { nominees: Array<{ profileId: string | null }> }) => i.nominees)
      .find((n: { profileId: string | null }) => n.profileId);
    const publicView = await ok('GET', `/api/experts/${awardee.profileId}`);
    expect(publicView.verified).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemType: 'award', provenance: expect.objectContaining({ decisionNumber: '125/QĐ-UBND' }) }),
      ]),
    );
    // … and search results show them as verified (the same badge flag).
    await t.searchSettled();
    const found = await ok('GET', `/api/experts/search?q=${encodeURIComponent(publicView.fullName)}`);
    expect(found.hits.find((h: { id: string }) => h.id === awardee.profileId)).toMatchObject({ verified: true });
    // A database from before marks existed: the one-time backfill job (stored at start-up, run by the
    // scheduler, not by the start-up itself) writes the missing mark.
    const [row] = await t.database.db.select().from(expertProfiles).where(eq(expertProfiles.id, awardee.profileId));
    const key = Object.keys(row!.verifications).find((k) => k.startsWith('award:'))!;
    const { [key]: _removed, ...others } = row!.verifications;
    await t.database.db.update(expertProfiles).set({ verifications: others }).where(eq(expertProfiles.id, awardee.profileId));
    const hasMark = async () =>
      (await ok('GET', `/api/experts/${awardee.profileId}`)).verified.some((v: { itemType: string }) => v.itemType === 'award');
    expect(await hasMark()).toBe(false);
    const backfill = await t.database.db.select().from(scheduledJobs).where(eq(scheduledJobs.kind, 'award.marks_backfill'));
    expect(backfill.map((j) => j.status)).toEqual(['pending']);
    await t.app.scheduler.drain();
    expect(await hasMark()).toBe(true);
    const nbk = awards.items.find((a: { code: string }) => a.code === 'hp-nguyen-binh-khiem');
    const award = await ok('GET', `/api/awards/${nbk.id}`);
    const round = award.rounds[0];
    const list = await ok('GET', `/api/awards/${nbk.id}/rounds/${round.id}/nominations`, tok.officer);
    expect(new Set(list.items.map((n: { status: string }) => n.status))).toEqual(
      new Set(['draft', 'submitted', 'eligible', 'ineligible', 'in_phase', 'withdrawn']),
    );
    const page = await ok('GET', `/api/awards/${nbk.id}/rounds/${round.id}`);
    expect(page.results).toEqual([]); // not decided: nothing public
    const assignments = await ok('GET', '/api/award-council/assignments', tok.expert);
    expect(assignments.items.some((a: { nominations: unknown[] }) => a.nominations.length > 0)).toBe(true);
  }, 120_000);

  it('runs a round from nomination to honour roll, with recusal, secret ballots and minutes', async () => {
    const { id: awardId } = await ok(
      'POST',
      '/api/awards',
      tok.officer,
      { code: 'test-prize', titleVi: 'Giải thử', titleEn: 'Test prize', definition },
      201,
    );
    expect((await call('POST', '/api/awards', tok.expert, { code: 'x-prize', titleVi: 'x', titleEn: 'x', definition })).statusCode).toBe(
      403,
    );
    const { id: roundId } = await ok(
      'POST',
      `/api/awards/${awardId}/rounds`,
      tok.officer,
      {
        year: 2026,
        planReference: '64/KH-UBND',
        nominationOpensAt: iso(-1),
        nominationClosesAt: iso(30),
        phases: [1, 2].map((n) => ({ n, startsAt: iso(-1), endsAt: iso(60) })),
      },
      201,
    );
    // One round per award and year: a second of 2026 is refused with the field named (it was a 500, the unique index's error).
    const again = await call('POST', `/api/awards/${awardId}/rounds`, tok.officer, {
      year: 2026,
      planReference: '65/KH-UBND',
      nominationOpensAt: iso(-1),
      nominationClosesAt: iso(30),
      phases: [{ n: 1, startsAt: iso(-1), endsAt: iso(60) }],
    });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'awards.round_year_taken', fields: [{ path: 'year' }] });
    const base = `/api/awards/${awardId}/rounds/${roundId}`;
    const work = (title: string) => ({
      title,
      summary: 'Kết quả ứng dụng tại Hải Phòng',
      evidence: [{ kind: 'patent', reference: 'VN 1-0012345' }],
    });

    const self = await ok(
      'POST',
      `${base}/nominations`,
      tok.nominee,
      {
        nominatorKind: 'self',
        category: 'applied',
        nominees: [{ profileId: pid.nominee, name: 'Ứng viên', organisation: '' }],
        work: work('Công trình A'),
      },
      201,
    );
    expect(self).toEqual({ id: expect.any(String), status: 'draft' });
    // The dossier: the consultation document store's limits (type from the bytes, 20 MB).
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (token: string | undefined, bytes: Buffer, name = 'ban-thuyet-minh.pdf') => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
      return t.app.inject({
        method: 'POST',
        url: `/api/award-nominations/${self.id}/documents`,
        headers: bearer(token ?? ''),
        payload: form,
      });
    };
    expect((await upload(tok.nominee, PDF)).json()).toMatchObject({ name: 'ban-thuyet-minh.pdf', version: 1, mime: 'application/pdf' });
    expect((await upload(tok.nominee, Buffer.concat([PDF, Buffer.from('% v2\n')]))).json()).toMatchObject({ version: 2 });
    const fake = await upload(tok.nominee, Buffer.from('MZ not a document'), 'virus.pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.code).toBe('awards.document_type');
    const big = await upload(tok.nominee, Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('upload.too_large');
    const empty = await upload(tok.nominee, Buffer.alloc(0));
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().error.code).toBe('upload.empty');
    expect((await upload(tok.m2, PDF)).statusCode).toBe(404);
    const dossier = (await ok('GET', `/api/award-nominations/${self.id}/documents`, tok.nominee)).items;
    expect(dossier.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    const file = await call('GET', `/api/award-nominations/${self.id}/documents/${dossier[1].id}`, tok.nominee);
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const mineList = await ok('GET', '/api/award-nominations/mine', tok.nominee);
    expect(mineList.items).toEqual([expect.objectContaining({ id: self.id, status: 'draft', awardTitle: 'Giải thử', year: 2026 })]);
    const check = (await ok('GET', `/api/award-nominations/${self.id}`, tok.nominee)).eligibilityCheck;
    expect(check).toEqual([expect.objectContaining({ profileId: pid.nominee, criteria: [expect.objectContaining({ id: 'pubs' })] })]);
    // m1 is named on the second work: screened as a conflict, recused automatically.
    const other = await ok(
      'POST',
      `${base}/nominations`,
      tok.agency,
      {
        nominatorKind: 'agency',
        category: 'applied',
        nominees: [{ profileId: pid.m1, name: 'Thành viên 1', organisation: '' }],
        work: work('Công trình B'),
      },
      201,
    );
    const bad = await call('POST', `${base}/nominations`, tok.expert, {
      nominatorKind: 'agency',
      category: 'applied',
      nominees: [{ profileId: null, name: 'X', organisation: '' }],
      work: work('C'),
    });
    expect(bad.json().error.code).toBe('awards.nominator_not_allowed');
    expect((await call('GET', `/api/award-nominations/${self.id}`, tok.m2)).statusCode).toBe(404);

    await ok('POST', `/api/award-nominations/${self.id}/submit`, tok.nominee);
    await ok('POST', '/api/me/consents/award_nomination/grant', tok.m1); // a registered nominee consents first (Law 91/2025)
    await ok('POST', `/api/award-nominations/${other.id}/submit`, tok.agency);
    expect((await call('POST', `/api/award-nominations/${self.id}/eligibility`, tok.nominee, { eligible: true })).statusCode).toBe(403);
    for (const id of [self.id, other.id])
      expect((await ok('POST', `/api/award-nominations/${id}/eligibility`, tok.officer, { eligible: true })).status).toBe('eligible');

    const seat = async (phase: number, who: string, role: string) =>
      (await ok('POST', `${base}/council`, tok.officer, { phase, profileId: pid[who], role }, 201)).id as string;
    const seats: Record<string, string> = {};
    for (const phase of [1, 2]) {
      seats[`chair${phase}`] = await seat(phase, 'expert', 'chair');
      for (const m of ['m1', 'm2', 'm3']) seats[`${m}${phase}`] = await seat(phase, m, m === 'm1' ? 'reviewer' : 'member');
      seats[`sec${phase}`] = await seat(phase, 'secretary', 'secretary');
    }

    await ok('POST', `${base}/phases/1/start`, tok.officer);
    const mine = await ok('GET', `/api/award-nominations/${other.id}`, tok.m1);
    expect(mine.recused).toBe(true);
    expect((await ok('GET', `/api/award-nominations/${self.id}/documents`, tok.m2)).items).toHaveLength(2);
    const m1Seat = (await ok('GET', '/api/award-council/assignments', tok.m1)).items.find(
      (a: { roundId: string }) => a.roundId === roundId,
    );
    expect(m1Seat.nominations.find((n: { id: string }) => n.id === other.id)).toMatchObject({
      recused: true,
      recusal: { codes: ['nominee'] },
    });
    // Recusal holds on every council route for that nomination.
    const scores = { scores: { novelty: 9, effect: 8 }, review: { summary: 'Tốt' } };
    for (const [method, url, body] of [
      ['PUT', `/api/award-nominations/${other.id}/score`, scores],
      ['GET', `/api/award-nominations/${other.id}/score`, undefined],
      ['GET', `/api/award-nominations/${other.id}/scores`, undefined],
      ['POST', `/api/award-nominations/${other.id}/vote`, { choice: 'yes' }],
      ['POST', `/api/award-nominations/${other.id}/recusal`, { reason: 'x' }],
    ] as const) {
      const res = await call(method, url, tok.m1, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().error.code).toBe('awards.recused');
    }
    const outOfScale = await call('PUT', `/api/award-nominations/${self.id}/score`, tok.m2, {
      scores: { novelty: 11, effect: 8 },
      review: { summary: '' },
    });
    expect(outOfScale.statusCode).toBe(400);
    for (const who of ['expert', 'm2', 'm3'])
      for (const id of [self.id, other.id]) await ok('PUT', `/api/award-nominations/${id}/score`, tok[who], scores);
    await ok('PUT', `/api/award-nominations/${self.id}/score`, tok.m1, scores);
    expect((await call('PUT', `/api/award-nominations/${self.id}/score`, tok.secretary, scores)).statusCode).toBe(403);
    const sheets = await ok('GET', `/api/award-nominations/${self.id}/scores`, tok.expert);
    expect(sheets.items).toHaveLength(4);
    expect((await call('GET', `/api/award-nominations/${self.id}/scores`, tok.m2)).statusCode).toBe(403);

    const all = (phase: number) => ['chair', 'm1', 'm2', 'm3', 'sec'].map((k) => seats[`${k}${phase}`]);
    const console1 = await ok('PUT', `${base}/phases/1/attendance`, tok.secretary, { presentMemberIds: all(1) });
    const rowB = console1.rows.find((r: { nominationId: string }) => r.nominationId === other.id);
    expect(rowB.quorum).toMatchObject({ base: 3, presentCounted: 3, met: true });
    expect(rowB.cast).toBe(3);
    expect(rowB.recused.map((r: { memberId: string }) => r.memberId)).toEqual([seats.m11]);
    expect((await ok('POST', `${base}/phases/1/close`, tok.secretary)).items.map((i: { status: string }) => i.status)).toEqual([
      'passed',
      'passed',
    ]);

    await ok('POST', `${base}/phases/2/start`, tok.officer);
    const opened = await ok('PUT', `${base}/phases/2/attendance`, tok.officer, { presentMemberIds: all(2) });
    // Before any ballot the console says so (cast 0), not "not passed".
    expect(opened.rows.map((r: { cast: number }) => r.cast)).toEqual([0, 0]);
    for (const who of ['expert', 'm1', 'm2', 'm3']) await ok('POST', `/api/award-nominations/${self.id}/vote`, tok[who], { choice: 'yes' });
    expect((await call('POST', `/api/award-nominations/${self.id}/vote`, tok.m2, { choice: 'no' })).json().error.code).toBe(
      'awards.already_voted',
    );
    await ok('POST', `/api/award-nominations/${other.id}/vote`, tok.expert, { choice: 'yes' });
    await ok('POST', `/api/award-nominations/${other.id}/vote`, tok.m2, { choice: 'yes' });
    await ok('POST', `/api/award-nominations/${other.id}/vote`, tok.m3, { choice: 'no' });
    const console2 = await ok('GET', `${base}/phases/2/console`, tok.officer);
    const byId = new Map(console2.rows.map((r: { nominationId: string }) => [r.nominationId, r]));
    expect(byId.get(self.id)).toMatchObject({ yes: 4, yesRequired: 3, passed: true, signedVotes: null, cast: 4 });
    expect(byId.get(other.id)).toMatchObject({ yes: 2, no: 1, yesRequired: 3, passed: false, signedVotes: null, cast: 3 });

    // Secret ballots: no voter stored, the audit log does not carry the choice.
    const ballots = (await t.database.db.select().from(awardBallots)).filter((b) => [self.id, other.id].includes(b.nominationId));
    expect(ballots).toHaveLength(7);
    expect(ballots.every((b) => b.voterMemberId === null)).toBe(true);
    expect(Object.keys(ballots[0]!).sort()).toEqual(['choice', 'id', 'nominationId', 'phase', 'voterMemberId']);
    expect((await t.database.db.select().from(awardVotesCast)).filter((v) => [self.id, other.id].includes(v.nominationId))).toHaveLength(7);
    const voted = (await t.database.db.select().from(auditLog).where(like(auditLog.action, 'award_nomination.voted'))).filter((v) =>
      [self.id, other.id].includes(v.targetId ?? ''),
    );
    expect(voted.length).toBeGreaterThan(0);
    expect(voted.every((v) => !('choice' in (v.details as object)))).toBe(true);
    const auditApi = await ok('GET', '/api/admin/audit?action=award_nomination.voted&limit=100', tok.admin);
    const ours = auditApi.items.filter((e: { targetId: string }) => [self.id, other.id].includes(e.targetId));
    expect(ours).toHaveLength(7);
    expect(JSON.stringify(ours)).not.toMatch(/"choice"/);

    const minutes = await call('GET', `${base}/phases/2/minutes.pdf`, tok.secretary);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.headers['content-type']).toContain('application/pdf');
    expect(minutes.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    expect((await call('GET', `${base}/phases/2/minutes.pdf`, tok.m2)).statusCode).toBe(403);

    const closed = await ok('POST', `${base}/phases/2/close`, tok.officer);
    expect(new Map(closed.items.map((i: { nominationId: string; status: string }) => [i.nominationId, i.status]))).toEqual(
      new Map([
        [self.id, 'passed'],
        [other.id, 'not_passed'],
      ]),
    );
    const failedAward = await call('POST', `${base}/decision`, tok.officer, {
      number: '1/QĐ',
      date: '2026-12-01',
      signer: 'Chủ tịch',
      publishAt: iso(-0.01),
      awarded: [{ nominationId: other.id, prizeLevel: 'first' }],
    });
    expect(failedAward.json().error.code).toBe('awards.not_finalist');
    // Published a few seconds later: neither the honour roll nor the profile show it before.
    const publishAt = new Date(Date.now() + 3000);
    await ok('POST', `${base}/decision`, tok.officer, {
      number: '125/QĐ-UBND',
      date: '2026-12-01',
      signer: 'Chủ tịch UBND thành phố',
      publishAt: publishAt.toISOString(),
      awarded: [{ nominationId: self.id, prizeLevel: 'first' }],
    });
    expect((await ok('GET', `/api/award-nominations/${self.id}`, tok.nominee)).status).toBe('awarded');
    // The nominee heard of each state change: eligible, each phase passed, the decision.
    const heard = ((await ok('GET', '/api/me/notifications?limit=50', tok.nominee)).items as Array<{ kind: string }>).map((n) => n.kind);
    expect(heard.filter((k) => k === 'award.phase_result')).toHaveLength(2);
    expect(heard).toEqual(expect.arrayContaining(['award.eligibility', 'award.decision']));
    const marks = async () =>
      ((await ok('GET', `/api/experts/${pid.nominee}`, tok.officer)).verified as Array<{ itemType: string }>).filter(
        (b) => b.itemType === 'award',
      );
    expect(await marks()).toEqual([]);
    expect((await ok('GET', `/api/honour-roll?awardId=${awardId}`)).items).toEqual([]);
    await new Promise((r) => setTimeout(r, Math.max(0, publishAt.getTime() - Date.now() + 200)));
    await t.app.scheduler.drain();
    // The award is a verified mark on the nominee's profile, by the same badges as a curator's verification.
    expect(await marks()).toEqual([
      expect.objectContaining({
        itemType: 'award',
        itemId: self.id,
        by: 'Chủ tịch UBND thành phố',
        provenance: expect.objectContaining({
          awardId,
          nominationId: self.id,
          decisionNumber: '125/QĐ-UBND',
          decisionDate: '2026-12-01',
          signer: 'Chủ tịch UBND thành phố',
          prizeLevelTitle: 'Giải Nhất',
          workTitle: 'Công trình A',
        }),
      }),
    ]);
    // Not for anyone else named nowhere in it; and the owner cannot forge or keep a changed one (server-kept).
    expect((await ok('GET', `/api/experts/${pid.m2}`, tok.officer)).verified).toEqual([]);
    await t.app.scheduler.drain();
    expect(await marks()).toHaveLength(1);
    // The owner's own edits keep it (the mark is server-kept, not an item of the content).
    await ok('PATCH', '/api/me/profile', tok.nominee, { keywords: ['quan trắc môi trường'] });
    expect(await marks()).toHaveLength(1);

    const roll = await ok('GET', `/api/honour-roll?awardId=${awardId}`);
    expect(roll.items).toHaveLength(1);
    expect(roll.items[0]).toMatchObject({
      awardId,
      year: 2026,
      prizeLevel: 'first',
      workTitle: 'Công trình A',
      decision: { number: '125/QĐ-UBND' },
    });
    const page = await ok('GET', base);
    expect(page.results).toHaveLength(1);
  }, 180_000);

  it('reminds nominators of drafts before the window closes and members who owe scores before the phase ends', async () => {
    const { id: awardId } = await ok(
      'POST',
      '/api/awards',
      tok.officer,
      { code: 'reminder-prize', titleVi: 'Giải nhắc hạn', titleEn: 'Reminder prize', definition },
      201,
    );
    // The window closes in 2 days and phase 1 ends in 1 day: both reminders are due now (3 and 2 days ahead).
    const { id: roundId } = await ok(
      'POST',
      `/api/awards/${awardId}/rounds`,
      tok.officer,
      {
        year: 2027,
        planReference: 'Nhắc hạn',
        nominationOpensAt: iso(-1),
        nominationClosesAt: iso(2),
        phases: [{ n: 1, startsAt: iso(-1), endsAt: iso(1) }],
      },
      201,
    );
    const base = `/api/awards/${awardId}/rounds/${roundId}`;
    const nominate = (title: string) =>
      ok(
        'POST',
        `${base}/nominations`,
        tok.agency,
        {
          nominatorKind: 'agency',
          category: 'applied',
          nominees: [{ profileId: pid.nominee, name: 'Ứng viên', organisation: '' }],
          work: { title, summary: '', evidence: [] },
        },
        201,
      );
    const draft = await nominate('Bản nháp chưa nộp');
    const sent = await nominate('Hồ sơ đã nộp');
    await ok('POST', `/api/award-nominations/${sent.id}/submit`, tok.agency);
    await ok('POST', `/api/award-nominations/${sent.id}/eligibility`, tok.officer, { eligible: true });
    for (const [who, role] of [
      ['m2', 'member'],
      ['m3', 'member'],
    ] as const)
      await ok('POST', `${base}/council`, tok.officer, { phase: 1, profileId: pid[who], role }, 201);
    await ok('POST', `${base}/phases/1/start`, tok.officer);
    await ok('PUT', `/api/award-nominations/${sent.id}/score`, tok.m3, { scores: { novelty: 8, effect: 8 }, review: { summary: 'Tốt' } });
    await t.app.scheduler.drain();
    const reminders = async (who: string) =>
      (
        (await ok('GET', '/api/me/notifications?limit=50', tok[who])).items as Array<{ kind: string; link: string | null; body: string }>
      ).filter((n) => n.kind === 'award.reminder');
    expect((await reminders('agency')).map((n) => n.link)).toEqual([`/awards/nominations/${draft.id}`]);
    expect(await reminders('m2')).toHaveLength(1); // owes a score sheet
    expect(await reminders('m3')).toEqual([]); // scored already
    // Each reminder fires once.
    await t.app.scheduler.drain();
    expect(await reminders('m2')).toHaveLength(1);
    // A member who declares a conflict is recused from then on: no dossier, no scores, listed among my declarations.
    await ok('POST', `/api/award-nominations/${sent.id}/recusal`, tok.m2, { reason: 'Đồng tác giả công trình' });
    expect((await call('GET', `/api/award-nominations/${sent.id}/documents`, tok.m2)).json().error.code).toBe('awards.recused');
    expect((await call('GET', `/api/award-nominations/${sent.id}/score`, tok.m2)).json().error.code).toBe('awards.recused');
    const seatOfM2 = (await ok('GET', '/api/award-council/assignments', tok.m2)).items.find(
      (a: { roundId: string }) => a.roundId === roundId,
    );
    expect(seatOfM2.nominations).toEqual([
      expect.objectContaining({ id: sent.id, recused: true, recusal: { codes: ['declared'], evidence: 'Đồng tác giả công trình' } }),
    ]);
  });

  it('keeps council rules as versioned data that officers edit', async () => {
    const rules = await ok('GET', '/api/award-rules', tok.officer);
    expect(rules.items[0]).toMatchObject({
      code: 'council-3-4',
      version: 1,
      data: { quorumRatio: 0.75, passRatio: 0.75 },
      legalReference: { certainty: 'V' },
    });
    expect((await call('GET', '/api/award-rules', tok.expert)).statusCode).toBe(403);
    const v2 = await ok(
      'POST',
      '/api/award-rules',
      tok.admin,
      {
        code: 'council-3-4',
        title: 'Thử',
        data: { ...rules.items[0].data, excludeRecusedFromBase: false },
        legalReference: rules.items[0].legalReference,
      },
      201,
    );
    expect(v2).toMatchObject({ version: 2, isCurrent: true });
  });
});

/** An award (of `definition`) with a 2027 round open for nominations for 30 days, both phases running. */
async function openRound(code: string, titleVi: string) {
  const { id: awardId } = await ok('POST', '/api/awards', tok.officer, { code, titleVi, titleEn: code, definition }, 201);
  const round = {
    year: 2027,
    planReference: '',
    nominationOpensAt: iso(-1),
    nominationClosesAt: iso(30),
    phases: [1, 2].map((n) => ({ n, startsAt: iso(-1), endsAt: iso(60) })),
  };
  const { id: roundId } = await ok('POST', `/api/awards/${awardId}/rounds`, tok.officer, round, 201);
  return { awardId: awardId as string, roundId: roundId as string };
}

describe('consent to award nomination (Law 91/2025)', () => {
  it('lets a nominee read the nomination but not submit or withdraw it, and shows them only their own eligibility line', async () => {
    const { awardId, roundId } = await openRound('nominee-reads', 'Giải người được đề cử');
    const nominees = [
      { profileId: pid.m1, name: 'M1', organisation: '' },
      { profileId: pid.m2, name: 'M2', organisation: '' },
    ];
    const work = { title: 'Công trình của nhóm', summary: 'Tóm tắt', evidence: [] };
    const { id } = await ok(
      'POST',
      `/api/awards/${awardId}/rounds/${roundId}/nominations`,
      tok.agency,
      { nominatorKind: 'agency', category: 'applied', team: 'Nhóm M', nominees, work },
      201,
    );
    const asNominator = await ok('GET', `/api/award-nominations/${id}`, tok.agency);
    expect(asNominator.can).toEqual(['submit', 'withdraw', 'add_documents']);
    expect(asNominator.eligibilityCheck.map((c: { profileId: string }) => c.profileId).sort()).toEqual([pid.m1, pid.m2].sort());

    const asNominee = await ok('GET', `/api/award-nominations/${id}`, tok.m1);
    expect(asNominee.can).toEqual([]);
    expect(asNominee.eligibilityCheck.map((c: { profileId: string }) => c.profileId)).toEqual([pid.m1]);
    expect((await ok('GET', `/api/award-nominations/${id}/documents`, tok.m1)).items).toEqual([]);
    for (const step of ['withdraw', 'submit']) {
      const refused = await call('POST', `/api/award-nominations/${id}/${step}`, tok.m1);
      expect(refused.statusCode, step).toBe(403);
      expect(refused.json().error.code).toBe('awards.forbidden');
    }
    // Nobody outside it learns it exists.
    expect((await call('POST', `/api/award-nominations/${id}/withdraw`, tok.m3)).statusCode).toBe(404);
    expect((await ok('GET', `/api/award-nominations/${id}`, tok.agency)).status).toBe('draft');
    expect((await ok('POST', `/api/award-nominations/${id}/withdraw`, tok.agency)).status).toBe('withdrawn');
    expect((await ok('GET', `/api/award-nominations/${id}`, tok.agency)).can).toEqual([]);
  });

  it('keeps a nomination of a registered expert as a draft, awaiting their consent; self-nomination records it', async () => {
    const { awardId, roundId } = await openRound('consent-prize', 'Giải đồng ý');
    const base = `/api/awards/${awardId}/rounds/${roundId}/nominations`;
    const work = { title: 'Công trình cần đồng ý', summary: 'Tóm tắt', evidence: [] };
    // The demo expert has never answered the award_nomination purpose.
    const consentOf = async (who: string) =>
      (await ok('GET', '/api/me/consents', tok[who])).items.find((c: { purpose: string }) => c.purpose === 'award_nomination');
    expect((await consentOf('expert')).state).toBe('never');
    const { id } = await ok(
      'POST',
      base,
      tok.agency,
      { nominatorKind: 'agency', category: 'applied', nominees: [{ profileId: pid.expert, name: 'Chuyên gia', organisation: '' }], work },
      201,
    );
    expect((await ok('GET', `/api/award-nominations/${id}`, tok.agency)).awaitingConsent).toEqual([pid.expert]);
    const asked = (await ok('GET', '/api/me/notifications', tok.expert)).items.find(
      (n: { kind: string }) => n.kind === 'award.consent_requested',
    );
    expect(asked).toMatchObject({ link: '/account/privacy' });
    const refused = await call('POST', `/api/award-nominations/${id}/submit`, tok.agency);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'awards.nominee_consent_required',
      fields: [expect.objectContaining({ message: pid.expert })],
    });
    expect((await ok('GET', `/api/award-nominations/${id}`, tok.agency)).status).toBe('draft');
    // The expert consents: the nomination goes ahead.
    await ok('POST', '/api/me/consents/award_nomination/grant', tok.expert);
    expect((await ok('GET', `/api/award-nominations/${id}`, tok.agency)).awaitingConsent).toEqual([]);
    expect((await ok('POST', `/api/award-nominations/${id}/submit`, tok.agency)).status).toBe('submitted');

    // Self-nomination is the consent, recorded with the nomination form as evidence.
    expect((await consentOf('m3')).state).not.toBe('granted');
    const self = await ok(
      'POST',
      base,
      tok.m3,
      { nominatorKind: 'self', category: 'applied', nominees: [{ profileId: pid.m3, name: 'M3', organisation: '' }], work },
      201,
    );
    const m3 = await consentOf('m3');
    expect(m3.state).toBe('granted');
    expect(m3.history[0]).toMatchObject({ method: 'web_form', evidence: expect.objectContaining({ nominationId: self.id }) });
    expect((await ok('POST', `/api/award-nominations/${self.id}/submit`, tok.m3)).status).toBe('submitted');
  });
});
