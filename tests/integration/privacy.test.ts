import { auditLog, consents, expertProfiles, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signIn, signInWithTotp } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DEMO_PASSWORD = 'demo password for privacy tests';
let t: TestApp;
let admin: string;
let agency: string;
/** A fixed instant while a test needs exact clocks; the real time otherwise. */
let fixed: Date | null = null;
beforeAll(async () => {
  t = await createTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' },
    clock: () => fixed ?? new Date(),
  });
  await seedDemo(t.database.db, { password: DEMO_PASSWORD, syntheticProfiles: 0 });
  admin = (await signInWithTotp(t.app, 'admin@demo.local', DEMO_PASSWORD)).accessToken;
  agency = (await signIn(t.app, 'agency@demo.local', DEMO_PASSWORD)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, ...(token ? { headers: bearer(token) } : {}) });
const post = (url: string, token: string | undefined, payload?: object) =>
  t.app.inject({ method: 'POST', url, ...(token ? { headers: bearer(token) } : {}), ...(payload ? { payload } : {}) });
const profileOf = async (userId: string) =>
  (await t.database.db.select().from(expertProfiles).where(eq(expertProfiles.userId, userId)))[0]!;
const searchIds = async (q: string, token?: string) =>
  ((await get(`/api/experts/search?q=${encodeURIComponent(q)}`, token)).json().hits as Array<{ id: string }>).map((h) => h.id);
type State = {
  purpose: string;
  state: string;
  required: boolean;
  history: Array<{ action: string; method: string; noticeVersion: string }>;
};
const stateOf = (items: State[], purpose: string) => items.find((i) => i.purpose === purpose)!;

describe('consents per purpose', () => {
  it('lists every purpose by `purpose`, nothing granted that was not ticked, with method and notice version', async () => {
    const me = await registerAndSignIn(t, 'consent.none@example.vn');
    // Signed up without ticking anything but the required purpose.
    const untickedRes = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: 'consent.bare@example.vn', password: 'correct horse battery', fullName: 'Đỗ Văn Bền', acceptPrivacy: true },
    });
    expect(untickedRes.statusCode).toBe(201);
    const [bare] = await t.database.db.select().from(users).where(eq(users.email, 'consent.bare@example.vn'));
    const bareRows = await t.database.db.select().from(consents).where(eq(consents.userId, bare!.id));
    expect(bareRows.map((r) => r.purpose).sort()).toEqual(['privacy_notice', 'registry_profile']);
    expect((await profileOf(bare!.id)).publicationConsent).toBe(false);

    const res = await get('/api/me/consents', me.accessToken);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as State[];
    expect(items.map((i) => i.purpose)).toEqual([
      'registry_profile',
      'public_profile',
      'share_with_agencies',
      'consultation_invitations',
      'program_assessment',
      'award_nomination',
    ]);
    expect(stateOf(items, 'registry_profile')).toMatchObject({ state: 'granted', required: true });
    expect(stateOf(items, 'public_profile').history[0]).toMatchObject({
      action: 'granted',
      method: 'sign_up',
      noticeVersion: '2026-12-01',
    });
    expect(stateOf(items, 'award_nomination')).toMatchObject({ state: 'never', required: false, history: [] });
    expect((await get('/api/me/consents')).statusCode).toBe(401);
  });

  it('withdrawing publication: 200, gone from visitor search within 5 s and 404 to a visitor; the history keeps both records', async () => {
    const me = await registerAndSignIn(t, 'consent.publish@example.vn');
    const name = 'Lò Thị Quyên';
    expect(
      (await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: bearer(me.accessToken), payload: { fullName: name } }))
        .statusCode,
    ).toBe(200);
    const { id } = await profileOf(me.userId);
    await t.searchSettled();
    expect(await searchIds(name)).toContain(id);
    expect((await get(`/api/experts/${id}`)).statusCode).toBe(200);

    const res = await post('/api/me/consents/public_profile/withdraw', me.accessToken);
    expect(res.statusCode, res.body).toBe(200);
    expect(stateOf(res.json().items, 'public_profile').state).toBe('withdrawn');
    // The relay follows the outbox by itself (nudged after the response): poll, as a visitor would, for at most 5 s.
    const deadline = Date.now() + 5000;
    let found = true;
    while (Date.now() < deadline) {
      found = (await searchIds(name)).includes(id);
      if (!found) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).toBe(false);
    expect((await get(`/api/experts/${id}`)).statusCode).toBe(404);
    // Agency sharing is a separate consent: agencies still see it.
    expect((await get(`/api/experts/${id}`, agency)).statusCode).toBe(200);
    expect((await get('/api/me/profile', me.accessToken)).statusCode).toBe(200);

    // Granting again publishes again; the history has all three records, newest first.
    const again = await post('/api/me/consents/public_profile/grant', me.accessToken);
    expect(again.statusCode).toBe(200);
    expect(stateOf(again.json().items, 'public_profile').history.map((h) => [h.action, h.method])).toEqual([
      ['granted', 'web_form'],
      ['withdrawn', 'web_form'],
      ['granted', 'sign_up'],
    ]);
    await t.searchSettled();
    expect((await get(`/api/experts/${id}`)).statusCode).toBe(200);

    // The self-service withdrawal is logged as a fulfilled request.
    const requests = (await get('/api/me/data-requests', me.accessToken)).json().items;
    expect(requests).toEqual([
      expect.objectContaining({ type: 'withdrawal', status: 'fulfilled', selfService: true, purpose: 'public_profile' }),
    ]);
  });

  it('withdrawing agency sharing gives agencies only the public view', async () => {
    const me = await registerAndSignIn(t, 'consent.share@example.vn');
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(me.accessToken),
      payload: { bio: { vi: 'Chỉ cơ quan mới thấy', en: '' }, visibility: { bio: 'agencies' } },
    });
    const { id } = await profileOf(me.userId);
    expect((await get(`/api/experts/${id}`, agency)).json().bio).toMatchObject({ vi: 'Chỉ cơ quan mới thấy' });
    expect((await post('/api/me/consents/share_with_agencies/withdraw', me.accessToken)).statusCode).toBe(200);
    const seen = await get(`/api/experts/${id}`, agency);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).not.toContain('Chỉ cơ quan mới thấy');
  });

  it('refuses to withdraw the required purpose (delete the account instead) and unknown purposes', async () => {
    const me = await registerAndSignIn(t, 'consent.required@example.vn');
    const res = await post('/api/me/consents/registry_profile/withdraw', me.accessToken);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('privacy.consent_required');
    expect((await post('/api/me/consents/marketing/grant', me.accessToken)).statusCode).toBe(400);
  });

  it('backfilled existing users from their settings (method "backfill")', async () => {
    const [demo] = await t.database.db.select().from(users).where(eq(users.email, 'expert@demo.local'));
    // Here the demo accounts were seeded after start-up (at `npm start` the backfill runs at onReady,
    // after the seed); the demo privacy seed runs the same idempotent backfill first.
    expect(await t.app.seedDemoPrivacy()).toBe(true);
    expect(await t.app.seedDemoPrivacy()).toBe(false);
    const rows = await t.database.db.select().from(consents).where(eq(consents.userId, demo!.id));
    expect(
      rows
        .filter((r) => r.method === 'backfill')
        .map((r) => r.purpose)
        .sort(),
    ).toEqual(['public_profile', 'registry_profile', 'share_with_agencies']);
  });
});

describe('data-subject requests', () => {
  it('computes the clocks from the policy row: 2 working days to acknowledge, 15 days for an objection, 20 with processors', async () => {
    const me = await registerAndSignIn(t, 'dsr.objection@example.vn');
    fixed = new Date('2026-12-04T03:00:00Z'); // a Friday, 10:00 in Hải Phòng
    const filed = await post('/api/me/data-requests', me.accessToken, { type: 'objection', details: 'Không đồng ý dùng cho thống kê' });
    fixed = null;
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({
      status: 'received',
      policyVersion: '2026-01-01',
      acknowledgeBy: '2026-12-08T16:59:59.999Z',
      dueAt: '2026-12-19T16:59:59.999Z',
    });
    const id = filed.json().id;
    const queue = await get('/api/admin/privacy/requests', admin);
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((r: { id: string }) => r.id)).toContain(id);
    const ack = await post(`/api/admin/privacy/requests/${id}`, admin, { action: 'acknowledge', involvesProcessors: true });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', dueAt: '2026-12-24T16:59:59.999Z' });
    const ext = await post(`/api/admin/privacy/requests/${id}`, admin, { action: 'extend', days: 15, reason: 'Cần hỏi ý kiến bên xử lý' });
    expect(ext.json()).toMatchObject({ status: 'extended', dueAt: '2027-01-08T16:59:59.999Z' });
    const twice = await post(`/api/admin/privacy/requests/${id}`, admin, { action: 'extend', days: 5, reason: 'Thêm lần nữa' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('privacy.extension_not_allowed');
    const done = await post(`/api/admin/privacy/requests/${id}`, admin, { action: 'fulfil', outcome: 'Đã ngừng dùng hồ sơ cho thống kê' });
    expect(done.json()).toMatchObject({ status: 'fulfilled', outcome: 'Đã ngừng dùng hồ sơ cho thống kê', overdue: false });
    const notes = (await get('/api/me/notifications', me.accessToken)).json().items.map((n: { kind: string }) => n.kind);
    expect(notes.filter((k: string) => k === 'privacy.request_update').length).toBe(3);
    const audit = (await get(`/api/admin/audit?targetId=${id}`, admin)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['data_request.filed', 'data_request.acknowledged', 'data_request.extended', 'data_request.fulfilled']),
    );
  });

  it('a new policy version times new requests; old ones keep theirs', async () => {
    const current = (await get('/api/admin/privacy/policies', admin)).json().items[0];
    const rules = { ...current.rules, acknowledge: { ...current.rules.acknowledge, workingDays: 5 } };
    const created = await post('/api/admin/privacy/policies', admin, { version: '2027-test', rules, note: 'test' });
    expect(created.statusCode, created.body).toBe(201);
    const me = await registerAndSignIn(t, 'dsr.newpolicy@example.vn');
    fixed = new Date('2026-12-04T03:00:00Z');
    const filed = await post('/api/me/data-requests', me.accessToken, { type: 'access' });
    fixed = null;
    expect(filed.json()).toMatchObject({ policyVersion: '2027-test', acknowledgeBy: '2026-12-11T16:59:59.999Z' });
    expect((await post('/api/admin/privacy/policies', admin, { version: '2027-test', rules })).statusCode).toBe(409);
  });

  it('reminds admins before the deadline through the scheduler, and marks an overdue request', async () => {
    const me = await registerAndSignIn(t, 'dsr.reminder@example.vn');
    fixed = new Date(Date.now() - 30 * 86_400_000);
    const filed = (await post('/api/me/data-requests', me.accessToken, { type: 'correction', details: 'Sai năm sinh' })).json();
    fixed = null;
    await t.app.scheduler.drain();
    const mine = (await get('/api/me/data-requests', me.accessToken)).json().items;
    expect(mine.find((r: { id: string }) => r.id === filed.id)).toMatchObject({ overdue: true, status: 'received' });
    const notes = (await get('/api/me/notifications?limit=100', admin)).json().items as Array<{ kind: string; link: string }>;
    expect(notes.filter((n) => n.kind === 'privacy.request_reminder' && n.link.includes(filed.id)).length).toBeGreaterThanOrEqual(1);
  });

  it('logs self-service export and erasure as fulfilled requests', async () => {
    const me = await registerAndSignIn(t, 'dsr.self@example.vn');
    expect((await get('/api/me/export', me.accessToken)).statusCode).toBe(200);
    expect((await get('/api/me/data-requests', me.accessToken)).json().items).toEqual([
      expect.objectContaining({ type: 'access', status: 'fulfilled', selfService: true }),
    ]);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(me.accessToken) })).statusCode).toBe(204);
    const closed = (await get('/api/admin/privacy/requests?status=closed', admin)).json().items as Array<{
      type: string;
      userId: string | null;
      selfService: boolean;
    }>;
    expect(closed).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'deletion', userId: null, selfService: true })]));
  });

  it('keeps the queue to admins', async () => {
    expect((await get('/api/admin/privacy/requests', agency)).statusCode).toBe(403);
    expect((await get('/api/admin/privacy/requests')).statusCode).toBe(401);
    const me = await registerAndSignIn(t, 'dsr.nosy@example.vn');
    expect((await get('/api/admin/privacy/breaches', me.accessToken)).statusCode).toBe(403);
  });
});

describe('breach register', () => {
  it('sets the 72-hour deadline from detection, reminds, and moves to "notified" when the authority is told', async () => {
    const res = await post('/api/admin/privacy/breaches', admin, {
      title: 'Lộ danh sách e-mail',
      dataCategories: ['e-mail'],
      peopleAffected: 12,
      detectedAt: new Date(Date.now() - 80 * 3_600_000).toISOString(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    expect(Date.parse(b.notifyBy) - Date.parse(b.detectedAt)).toBe(72 * 3_600_000);
    expect(b).toMatchObject({ status: 'detected', overdue: true, policyVersion: expect.any(String) });
    await t.app.scheduler.drain();
    const notes = (await get('/api/me/notifications?limit=100', admin)).json().items as Array<{ kind: string; link: string }>;
    expect(notes.some((n) => n.kind === 'privacy.breach_reminder' && n.link.includes(b.id))).toBe(true);
    const upd = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/privacy/breaches/${b.id}`,
      headers: bearer(admin),
      payload: { authorityNotifiedAt: new Date().toISOString(), notifiedParties: 'A05, Bộ Công an' },
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({ status: 'notified', overdue: false, notifiedParties: 'A05, Bộ Công an' });
    expect((await get('/api/admin/privacy/breaches', admin)).json().items.map((x: { id: string }) => x.id)).toContain(b.id);
  });
});

describe('privacy notice', () => {
  it('asks for a review when a new version is published, until the expert reviews it', async () => {
    const me = await registerAndSignIn(t, 'notice.review@example.vn');
    expect((await get('/api/me/privacy-notice', me.accessToken)).json()).toMatchObject({
      needsReview: false,
      reviewedVersion: '2026-12-01',
    });
    const current = (await get('/api/privacy-notice')).json();
    expect(current.content.vi.controller).toContain('Hải Phòng');
    const published = await post('/api/admin/privacy/notices', admin, { version: '2027-01-01', content: current.content });
    expect(published.statusCode, published.body).toBe(201);
    expect((await get('/api/me/privacy-notice', me.accessToken)).json()).toMatchObject({
      needsReview: true,
      current: { version: '2027-01-01' },
    });
    const reviewed = await post('/api/me/privacy-notice/review', me.accessToken);
    expect(reviewed.json()).toMatchObject({ needsReview: false, reviewedVersion: '2027-01-01' });
    expect((await get('/api/auth/privacy-notice')).json().version).toBe('2027-01-01');
  });
});

describe('retention of untouched profiles', () => {
  it('mails the owner after N years (N from the policy row), unlists after the grace days without an answer, keeps an answered one', async () => {
    // A policy version with N = 2 years: 2.5 years untouched is stale under it (it would not be under the default 3).
    const current = (await get('/api/admin/privacy/policies', admin)).json().items[0];
    const rules = { ...current.rules, retention: { ...current.rules.retention, untouchedYears: 2, graceDays: 60 } };
    expect((await post('/api/admin/privacy/policies', admin, { version: '2028-retention', rules, note: 'N = 2' })).statusCode).toBe(201);
    const YEAR = 365.25 * 86_400_000;
    const people = {
      silent: { email: 'retention.silent@example.vn', name: 'Hà Thị Im Lặng', ageYears: 2.5 },
      answers: { email: 'retention.answers@example.vn', name: 'Tạ Văn Trả Lời', ageYears: 2.5 },
      recent: { email: 'retention.recent@example.vn', name: 'Mai Thị Gần Đây', ageYears: 1.5 },
    };
    const ids: Record<string, string> = {};
    const tokens: Record<string, string> = {};
    for (const [key, p] of Object.entries(people)) {
      const me = await registerAndSignIn(t, p.email);
      tokens[key] = me.accessToken;
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/me/profile',
        headers: bearer(me.accessToken),
        payload: { fullName: p.name },
      });
      expect(res.statusCode).toBe(200);
      ids[key] = (await profileOf(me.userId)).id;
      await t.database.db
        .update(expertProfiles)
        .set({ updatedAt: new Date(Date.now() - p.ageYears * YEAR) })
        .where(eq(expertProfiles.id, ids[key]!));
    }
    await t.searchSettled();
    expect(await searchIds(people.silent.name)).toContain(ids.silent);

    // The daily scan (run now) asks the two stale owners, by e-mail through the notifications service.
    await t.app.scheduler.schedule(t.database.db, { kind: 'privacy.retention.scan', key: 'retention-test', dueAt: new Date() });
    await t.app.scheduler.drain();
    expect(t.mailTo(people.silent.email).at(-1)).toContain('Xin xác nhận hồ sơ của bạn');
    expect(t.mailTo(people.answers.email).at(-1)).toContain('Xin xác nhận hồ sơ của bạn');
    expect(t.mailTo(people.recent.email).some((m) => m.includes('Xin xác nhận hồ sơ'))).toBe(false);

    // One answers; 61 days later the other leaves the public directory (not deleted).
    expect((await post('/api/me/profile/confirm', tokens.answers)).statusCode).toBe(204);
    fixed = new Date(Date.now() + 61 * 86_400_000);
    await t.app.scheduler.drain();
    fixed = null;
    await t.searchSettled();
    expect(await searchIds(people.silent.name)).not.toContain(ids.silent);
    expect((await get(`/api/experts/${ids.silent}`)).statusCode).toBe(404);
    expect((await get(`/api/experts/${ids.answers}`)).statusCode).toBe(200);
    expect(await searchIds(people.answers.name)).toContain(ids.answers);
    expect((await get(`/api/experts/${ids.recent}`)).statusCode).toBe(200);
    expect((await get('/api/me/profile', tokens.silent)).statusCode).toBe(200); // kept: its owner still has it
  });
});

describe('data protection officers', () => {
  it('lets an admin designate an officer, who then works the request queue and the breach register and nothing else', async () => {
    const officer = await signIn(t.app, 'officer@demo.local', DEMO_PASSWORD);
    expect((await get('/api/admin/privacy/requests', officer.accessToken)).statusCode).toBe(403);
    const put = (userIds: string[], token = admin) =>
      t.app.inject({ method: 'PUT', url: '/api/admin/privacy/officers', headers: bearer(token), payload: { userIds } });
    // Only officer-role staff can be designated; only admins designate.
    const expertId = (await registerAndSignIn(t, 'dpo.not.officer@example.vn')).userId;
    const refused = await put([expertId]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('privacy.not_an_officer');
    expect((await put([officer.userId], officer.accessToken)).statusCode).toBe(403);
    const designated = await put([officer.userId]);
    expect(designated.statusCode, designated.body).toBe(200);
    expect(designated.json().items.map((o: { email: string }) => o.email)).toEqual(['officer@demo.local']);

    expect((await get('/api/admin/privacy/requests', officer.accessToken)).statusCode).toBe(200);
    expect((await get('/api/admin/privacy/breaches', officer.accessToken)).statusCode).toBe(200);
    const breach = await post('/api/admin/privacy/breaches', officer.accessToken, {
      title: 'Thư gửi nhầm người nhận',
      description: 'Danh sách hội viên gửi nhầm địa chỉ',
      dataCategories: ['email'],
      peopleAffected: 12,
      detectedAt: new Date().toISOString(),
    });
    expect(breach.statusCode, breach.body).toBe(201);
    // Nothing else of the admin area.
    expect((await get('/api/admin/privacy/policies', officer.accessToken)).statusCode).toBe(403);
    expect((await get('/api/admin/privacy/officers', officer.accessToken)).statusCode).toBe(403);
    expect((await get('/api/admin/users', officer.accessToken)).statusCode).toBe(403);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.officers_designated'));
    expect(audit.at(-1)?.details).toMatchObject({ after: [officer.userId] });

    // Designation withdrawn: back to 403.
    expect((await put([])).statusCode).toBe(200);
    expect((await get('/api/admin/privacy/requests', officer.accessToken)).statusCode).toBe(403);
  });
});
