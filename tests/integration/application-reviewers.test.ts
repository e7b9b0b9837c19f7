import { auditLog, expertProfiles } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The optional review council of an application (issue 14.5), over HTTP. */
let t: TestApp;
const password = 'demo password for tests';
const tok: Record<string, string> = {};
const pid: Record<string, string> = {};

const call = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
const ok = async (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token?: string, payload?: object, status = 200) => {
  const res = await call(method, url, token, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  return res.json();
};
const declaration = { conflict: false, description: '', familyOrFinancial: false, confidentiality: true };

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password, syntheticProfiles: 6 });
  expect(await t.app.seedDemoPrograms()).toBe(true);
  for (const who of ['officer', 'agency', 'expert']) tok[who] = (await signIn(t.app, `${who}@demo.local`, password)).accessToken;
  for (const who of ['r1', 'r2', 'r3']) {
    tok[who] = (await registerAndSignIn(t, `${who}@reviewers.test`)).accessToken;
    pid[who] = (await ok('GET', '/api/me/profile', tok[who])).id;
  }
}, 240_000);
afterAll(async () => {
  await t?.close();
});

describe('the review council of an application', () => {
  it('seats screened reviewers who declare their interests, read the dossier and give opinions until the decision', async () => {
    const queue = (await ok('GET', '/api/applications?scope=queue', tok.officer)).items as Array<{ id: string; status: string }>;
    const id = queue.find((a) => a.status === 'in_review')!.id;
    const asOfficer = await ok('GET', `/api/applications/${id}`, tok.officer);
    // The demo seated its expert there, who accepted and gave an opinion.
    expect(asOfficer.viewer).toBe('manager');
    expect(asOfficer.reviewers).toEqual([
      expect.objectContaining({ status: 'accepted', opinion: expect.objectContaining({ recommendation: 'approve' }) }),
    ]);
    const demoSeats = asOfficer.reviewers.length as number;
    // …and invited them on the submitted dossier: their list shows both.
    const demoList = (await ok('GET', '/api/me/application-reviews', tok.expert)).items;
    expect(demoList.map((r: { status: string }) => r.status).sort()).toEqual(['accepted', 'invited']);
    const reviewerNotices = async () =>
      (await ok('GET', '/api/me/notifications', tok.officer)).items.filter(
        (n: { kind: string }) => n.kind === 'program_application.reviewer',
      ).length as number;
    const noticesBefore = await reviewerNotices();
    expect(asOfficer.can).toContain('seat_reviewers');
    const base = `/api/applications/${id}/reviewers`;

    // Screening: the applicant is refused with the reason, as is an expert without an account, and a second seat.
    const applicant = await call('POST', base, tok.officer, { profileId: asOfficer.profileId });
    expect(applicant.statusCode).toBe(409);
    expect(applicant.json().error).toMatchObject({
      code: 'programs.reviewer_conflict',
      fields: [expect.objectContaining({ code: 'applicant' })],
    });
    const [unregistered] = await t.database.db
      .select({ id: expertProfiles.id })
      .from(expertProfiles)
      .where(isNull(expertProfiles.userId))
      .limit(1);
    expect((await call('POST', base, tok.officer, { profileId: unregistered!.id })).json().error.code).toBe(
      'programs.reviewer_unregistered',
    );
    // Only the program's officers seat reviewers; to anyone else the application does not exist.
    expect((await call('POST', base, tok.agency, { profileId: pid.r1 })).statusCode).toBe(404);
    expect((await call('POST', base, tok.r1, { profileId: pid.r1 })).statusCode).toBe(404);
    // Candidates: by the applicant's fields at first, by words when asked; never the applicant; each screened and said
    // whether they have an account.
    const suggested = (await ok('GET', `/api/applications/${id}/reviewer-candidates`, tok.officer)).items as Array<{
      profileId: string;
      registered: boolean;
      seated: boolean;
      conflicts: unknown[];
    }>;
    expect(suggested.length).toBeGreaterThan(0);
    expect(suggested.some((c) => c.profileId === asOfficer.profileId)).toBe(false);
    const firstConflicted = suggested.findIndex((c) => c.conflicts.length > 0);
    if (firstConflicted >= 0) expect(suggested.slice(firstConflicted).every((c) => c.conflicts.length > 0)).toBe(true);
    await t.searchSettled();
    const byName = async () =>
      (
        (await ok('GET', `/api/applications/${id}/reviewer-candidates?q=${encodeURIComponent('Nguyễn Thị Lan')}`, tok.officer))
          .items as typeof suggested
      ).filter((c) => [pid.r1, pid.r2, pid.r3].includes(c.profileId));
    expect((await byName()).map((c) => [c.registered, c.seated, c.conflicts])).toEqual([
      [true, false, []],
      [true, false, []],
      [true, false, []],
    ]);
    expect((await call('GET', `/api/applications/${id}/reviewer-candidates`, tok.agency)).statusCode).toBe(404);
    expect((await call('GET', `/api/applications/${id}/reviewer-candidates?q=${'x'.repeat(201)}`, tok.officer)).statusCode).toBe(400);
    const seats: Record<string, string> = {};
    for (const who of ['r1', 'r2', 'r3']) seats[who] = (await ok('POST', base, tok.officer, { profileId: pid[who] }, 201)).id;
    expect((await call('POST', base, tok.officer, { profileId: pid.r1 })).json().error.code).toBe('programs.reviewer_seated');
    expect((await byName()).every((c) => c.seated)).toBe(true);

    // Invited: whose application it is and nothing more, until they accept.
    const invited = await ok('GET', `/api/applications/${id}`, tok.r1);
    expect(invited).toMatchObject({
      viewer: 'reviewer',
      can: ['answer_review'],
      documents: [],
      checklist: [],
      statement: '',
      assessment: null,
    });
    expect(Object.keys(invited.snapshot)).toEqual(['fullName']);
    expect(invited.reviewers.map((r: { id: string }) => r.id)).toEqual([seats.r1]);
    const documentId = asOfficer.documents[0]?.id as string | undefined;
    if (documentId) expect((await call('GET', `/api/applications/${id}/documents/${documentId}`, tok.r1)).statusCode).toBe(404);
    expect((await ok('GET', '/api/me/application-reviews', tok.r1)).items).toEqual([
      expect.objectContaining({ id: seats.r1, applicationId: id, status: 'invited', applicantName: asOfficer.applicantName }),
    ]);

    // Accepting needs the confidentiality undertaking; a declared conflict recuses; declining needs a reason.
    const noSecrecy = await call('POST', `/api/application-reviews/${seats.r1}/answer`, tok.r1, {
      accept: true,
      declaration: { ...declaration, confidentiality: false },
    });
    expect(noSecrecy.statusCode).toBe(400);
    expect(noSecrecy.json().error.code).toBe('programs.confidentiality_required');
    expect((await call('POST', `/api/application-reviews/${seats.r1}/answer`, tok.r2, { accept: true, declaration })).statusCode).toBe(404);
    expect((await ok('POST', `/api/application-reviews/${seats.r1}/answer`, tok.r1, { accept: true, declaration })).status).toBe(
      'accepted',
    );
    expect((await call('POST', `/api/application-reviews/${seats.r1}/answer`, tok.r1, { accept: true, declaration })).statusCode).toBe(409);
    const recused = await ok('POST', `/api/application-reviews/${seats.r2}/answer`, tok.r2, {
      accept: true,
      declaration: { ...declaration, conflict: true, description: 'Người hướng dẫn luận án của ứng viên' },
    });
    expect(recused).toMatchObject({ status: 'recused', declaration: expect.objectContaining({ conflict: true }) });
    expect((await call('POST', `/api/application-reviews/${seats.r3}/answer`, tok.r3, { accept: false, reason: '' })).statusCode).toBe(400);
    expect(
      (await ok('POST', `/api/application-reviews/${seats.r3}/answer`, tok.r3, { accept: false, reason: 'Đang đi công tác' })).status,
    ).toBe('declined');
    for (const who of ['r2', 'r3']) expect((await call('GET', `/api/applications/${id}`, tok[who])).statusCode).toBe(404);

    // Accepted: the profile as agencies see it (not the applicant's own view), the assessment and the evidence.
    const reading = await ok('GET', `/api/applications/${id}`, tok.r1);
    expect(reading.can).toEqual(['give_opinion']);
    expect(reading.assessment).toEqual(asOfficer.assessment);
    expect(reading.documents).toEqual(asOfficer.documents);
    const asAgencies = await ok('GET', `/api/experts/${asOfficer.profileId}`, tok.agency);
    expect(reading.snapshot).toEqual(asAgencies);
    if (documentId) expect((await call('GET', `/api/applications/${id}/documents/${documentId}`, tok.r1)).statusCode).toBe(200);
    // A reviewer only reads: no checklist, no decision, no seats.
    expect((await call('PUT', `/api/applications/${id}/checklist`, tok.r1, { items: [] })).statusCode).toBe(403);
    expect(
      (await call('POST', `/api/applications/${id}/decision`, tok.r1, { outcome: 'approved', number: '1/QĐ', date: '2026-03-01' }))
        .statusCode,
    ).toBe(403);

    const opinion = { recommendation: 'approve', comment: 'Đủ điều kiện nhóm tiến sĩ; minh chứng rõ ràng.' };
    expect((await ok('PUT', `/api/application-reviews/${seats.r1}/opinion`, tok.r1, opinion)).opinion).toMatchObject(opinion);
    expect((await call('PUT', `/api/application-reviews/${seats.r2}/opinion`, tok.r2, opinion)).statusCode).toBe(403);
    expect((await call('PUT', `/api/application-reviews/${seats.r1}/opinion`, tok.r1, { recommendation: 'maybe' })).statusCode).toBe(400);

    // The officer sees every seat, declaration and opinion, and was told of each answer.
    const council = (await ok('GET', `/api/applications/${id}`, tok.officer)).reviewers as Array<{
      id: string;
      status: string;
      opinion: unknown;
    }>;
    expect(council.slice(demoSeats).map((r) => [r.id, r.status])).toEqual([
      [seats.r1, 'accepted'],
      [seats.r2, 'recused'],
      [seats.r3, 'declined'],
    ]);
    expect(council[demoSeats]!.opinion).toMatchObject(opinion);
    // Told of r1's acceptance and opinion, r2's conflict and r3's refusal.
    expect((await reviewerNotices()) - noticesBefore).toBe(4);
    expect((await ok('DELETE', `${base}/${seats.r3}`, tok.officer)).ok).toBe(true);
    expect((await call('DELETE', `${base}/${seats.r3}`, tok.officer)).statusCode).toBe(404);

    // The decision closes the council.
    await ok('POST', `/api/applications/${id}/decision`, tok.officer, { outcome: 'approved', number: '12/QĐ-SNV', date: '2026-11-30' });
    const closed = await call('PUT', `/api/application-reviews/${seats.r1}/opinion`, tok.r1, opinion);
    expect(closed.json().error.code).toBe('programs.review_closed');
    expect((await call('POST', base, tok.officer, { profileId: pid.r3 })).json().error.code).toBe('programs.review_closed');
    expect((await ok('GET', `/api/applications/${id}`, tok.r1)).can).toEqual([]);

    const actions = (
      await t.database.db.select({ action: auditLog.action }).from(auditLog).where(like(auditLog.action, 'program_application.reviewer%'))
    ).map((r) => r.action);
    expect(new Set(actions)).toEqual(
      new Set([
        'program_application.reviewer_seated',
        'program_application.reviewer_accepted',
        'program_application.reviewer_recused',
        'program_application.reviewer_declined',
        'program_application.reviewer_opinion',
        'program_application.reviewer_unseated',
      ]),
    );
  });
});
