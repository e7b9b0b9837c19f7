import { auditLog, awardCouncilMembers, awardNominations } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const password = 'demo password for tests';
const tok: Record<string, string> = {};

const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

interface Suggestion {
  profileId: string;
  name: string;
  score: number;
  reasons: Array<{ code: string; detail: string; points: number }>;
  conflicts: Array<{ code: string; evidence: string }>;
  seatedPhases: number[];
}

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password, syntheticProfiles: 16 });
  await t.app.seedDemoAwards();
  await t.searchSettled();
  for (const who of ['expert', 'officer', 'agency']) tok[who] = (await signIn(t.app, `${who}@demo.local`, password)).accessToken;
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('independent reviewers for award nominations', () => {
  it('suggests reviewers with reasons and conflict flags; the secretariat seats one; a member seated after the start is screened', async () => {
    const awards = (await call('GET', '/api/awards')).json();
    const nbk = awards.items.find((a: { code: string }) => a.code === 'hp-nguyen-binh-khiem');
    const round = (await call('GET', `/api/awards/${nbk.id}`)).json().rounds[0];
    const base = `/api/awards/${nbk.id}/rounds/${round.id}`;
    const noms = (await call('GET', `${base}/nominations`, tok.officer)).json().items;
    const inPhase = noms.find((n: { status: string }) => n.status === 'in_phase');
    expect(inPhase).toBeTruthy();

    const url = `/api/award-nominations/${inPhase.id}/reviewer-suggestions`;
    expect((await call('GET', url, tok.expert)).statusCode).toBe(403);
    const res = await call('GET', url, tok.officer);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { nominationId: string; phase: number; items: Suggestion[] };
    expect(body).toMatchObject({ nominationId: inPhase.id, phase: 1 });
    expect(body.items.length).toBeGreaterThan(0);
    for (const s of body.items) {
      expect(s.reasons.length).toBeGreaterThan(0);
      expect(s.score).toBe(s.reasons.reduce((sum, r) => sum + r.points, 0));
    }
    // Clean candidates come first.
    const firstConflicted = body.items.findIndex((s) => s.conflicts.length > 0);
    if (firstConflicted >= 0) expect(body.items.slice(firstConflicted).every((s) => s.conflicts.length > 0)).toBe(true);

    const pick = body.items.find((s) => s.conflicts.length === 0 && !s.seatedPhases.includes(1));
    expect(pick).toBeTruthy();
    const seat = await call('POST', `${base}/council`, tok.officer, {
      phase: 1,
      profileId: pick!.profileId,
      role: 'reviewer',
      independent: true,
    });
    expect(seat.statusCode, seat.body).toBe(201);
    expect(seat.json()).toMatchObject({ profileId: pick!.profileId, role: 'reviewer', independent: true, phase: 1 });
    const again = await call('POST', `${base}/council`, tok.officer, {
      phase: 1,
      profileId: pick!.profileId,
      role: 'reviewer',
      independent: true,
    });
    expect(again.statusCode).toBe(409);
    const after = (await call('GET', url, tok.officer)).json() as { items: Suggestion[] };
    expect(after.items.find((s) => s.profileId === pick!.profileId)?.seatedPhases).toEqual([1]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'award_council.member_added'));
    expect(audits.some((a) => (a.details as { profileId?: string }).profileId === pick!.profileId)).toBe(true);

    // A nominee seated on the phase after it started is recused from their own nomination at once.
    const nominee = inPhase.nominees.find((n: { profileId: string | null }) => n.profileId);
    expect(nominee).toBeTruthy();
    const selfSeat = await call('POST', `${base}/council`, tok.officer, { phase: 1, profileId: nominee.profileId, role: 'member' });
    expect(selfSeat.statusCode, selfSeat.body).toBe(201);
    const console = (await call('GET', `${base}/phases/1/console`, tok.officer)).json();
    const row = console.rows.find((r: { nominationId: string }) => r.nominationId === inPhase.id);
    expect(row.recused).toEqual(
      expect.arrayContaining([expect.objectContaining({ memberId: selfSeat.json().id, codes: expect.arrayContaining(['nominee']) })]),
    );
  }, 120_000);

  it('lets the nominator edit a draft only, and only while it is a draft', async () => {
    const awards = (await call('GET', '/api/awards')).json();
    const nbk = awards.items.find((a: { code: string }) => a.code === 'hp-nguyen-binh-khiem');
    const award = (await call('GET', `/api/awards/${nbk.id}`)).json();
    const round = award.rounds[0];
    const base = `/api/awards/${nbk.id}/rounds/${round.id}`;
    const work = { title: 'Bản nháp', summary: 'Tóm tắt', evidence: [] };
    const created = await call('POST', `${base}/nominations`, tok.agency, {
      nominatorKind: 'agency',
      category: award.definition.categories[0].code,
      nominees: [{ profileId: null, name: 'Nguyễn Văn Nháp', organisation: '' }],
      work,
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/award-nominations/${created.json().id}`;
    const edit = {
      team: 'Nhóm cảng biển',
      nominees: [{ profileId: null, name: 'Nguyễn Văn Sửa', organisation: 'Đại học Hàng hải' }],
      work: { title: 'Công trình đã sửa', summary: 'Tóm tắt mới', evidence: [{ kind: 'patent', reference: 'VN 1-0099999' }] },
    };
    const patched = await call('PATCH', url, tok.agency, edit);
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'draft', team: edit.team, work: edit.work });
    expect(patched.json().nominees[0]).toMatchObject({ name: 'Nguyễn Văn Sửa' });
    expect((await call('PATCH', url, tok.agency, { work: { title: '', summary: '', evidence: [] } })).statusCode).toBe(400);
    // Not the nominator: the officer sees it but cannot edit it; a council member of the round does not
    // even see a draft (it has not reached the council).
    expect((await call('PATCH', url, tok.officer, { team: 'x' })).statusCode).toBe(403);
    expect((await call('PATCH', url, tok.expert, { team: 'x' })).statusCode).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'award_nomination.updated'));
    expect(audits.some((a) => a.targetId === created.json().id)).toBe(true);
    expect((await call('POST', `${url}/submit`, tok.agency)).statusCode).toBe(200);
    const late = await call('PATCH', url, tok.agency, { team: 'y' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('awards.not_draft');
    expect((await call('GET', url, tok.agency)).json().team).toBe(edit.team);
  }, 60_000);

  it('shows a council member only the nominations before their council, not drafts or ineligible ones of the round', async () => {
    const expertProfileId = (await call('GET', '/api/me/profile', tok.expert!)).json().id;
    const nbk = (await call('GET', '/api/awards')).json().items.find((a: { code: string }) => a.code === 'hp-nguyen-binh-khiem');
    const round = (await call('GET', `/api/awards/${nbk.id}`)).json().rounds[0];
    const seats = await t.database.db.select().from(awardCouncilMembers).where(eq(awardCouncilMembers.profileId, expertProfileId));
    expect(seats.map((x) => x.roundId)).toContain(round.id);
    const ofRound = await t.database.db.select().from(awardNominations).where(eq(awardNominations.roundId, round.id));
    const me = (await call('GET', '/api/me', tok.expert!)).json().id;
    // Nominations the expert made or is named in are theirs to see anyway.
    const mine = (n: typeof awardNominations.$inferSelect) => n.createdBy === me || n.nominees.some((x) => x.profileId === expertProfileId);
    const hidden = ofRound.filter((n) => n.phase === 0 && !mine(n));
    const shown = ofRound.filter((n) => n.phase >= 1 && n.status === 'in_phase' && !mine(n));
    expect(hidden.map((n) => n.status)).toEqual(expect.arrayContaining(['draft', 'ineligible']));
    expect(shown.length).toBeGreaterThan(0);
    for (const n of hidden) {
      expect((await call('GET', `/api/award-nominations/${n.id}`, tok.expert!)).statusCode).toBe(404);
      expect((await call('GET', `/api/award-nominations/${n.id}/documents`, tok.expert!)).statusCode).toBe(404);
      // The council steps do not tell a member of the round that it exists either (they answered 403 "not your phase").
      const steps = [
        await call('GET', `/api/award-nominations/${n.id}/score`, tok.expert!),
        await call('GET', `/api/award-nominations/${n.id}/scores`, tok.expert!),
        await call('POST', `/api/award-nominations/${n.id}/vote`, tok.expert!, { choice: 'yes' }),
        await call('POST', `/api/award-nominations/${n.id}/recusal`, tok.expert!, { reason: 'Đồng tác giả' }),
      ];
      expect(steps.map((r) => `${r.statusCode} ${r.json().error.code}`)).toEqual(Array(4).fill('404 awards.nomination_not_found'));
    }
    // The secretariat, who may read every nomination, are told they have no seat, not that it does not exist.
    const asOfficer = await call('GET', `/api/award-nominations/${shown[0]!.id}/score`, tok.officer!);
    expect(asOfficer.statusCode, asOfficer.body).toBe(403);
    for (const n of shown) expect((await call('GET', `/api/award-nominations/${n.id}`, tok.expert!)).statusCode).toBe(200);
  });
});
