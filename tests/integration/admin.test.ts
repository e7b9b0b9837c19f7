import { auditLog } from '@hpen/db';
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@hpen/server';
import { bearer, registerAndSignIn, signIn, signInWithTotp } from '../support/auth-flows.js';
import { createTestApp, type TestApp, tokenFromMail } from '../support/test-app.js';

const DEMO_PASSWORD = 'demo password for tests';
let t: TestApp;
let admin: { accessToken: string; userId: string };
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, { password: DEMO_PASSWORD });
  admin = await signInWithTotp(t.app, 'admin@demo.local', DEMO_PASSWORD);
  const orgs = (await t.app.inject({ method: 'GET', url: '/api/organisations' })).json().items as Array<{ id: string; code: string }>;
  orgId = orgs.find((o) => o.code === 'so-y-te')!.id;
  otherOrgId = orgs.find((o) => o.code === 'hoi-tin-hoc')!.id;
});
afterAll(async () => {
  await t?.close();
});

const asAdmin = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(admin.accessToken), ...(payload ? { payload } : {}) });

const lastAudit = async (targetId: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, targetId)).orderBy(desc(auditLog.id)).limit(1))[0];

describe('demo seed', () => {
  it('is idempotent: a second run creates nothing and reports it', async () => {
    const again = await seedDemo(t.database.db, { password: 'another password here' });
    expect(again.seeded).toBe(false);
    await signIn(t.app, 'curator@demo.local', DEMO_PASSWORD);
  });

  it('gives every staff role an organisation', async () => {
    const res = await asAdmin('GET', '/api/admin/users?pageSize=100');
    const byEmail = new Map<string, { role: string; organisation: unknown }>(res.json().items.map((u: { email: string }) => [u.email, u]));
    for (const role of ['admin', 'agency', 'curator', 'officer']) {
      expect(byEmail.get(`${role}@demo.local`)).toMatchObject({ role, organisation: expect.objectContaining({ id: expect.any(String) }) });
    }
    expect(byEmail.get('expert@demo.local')).toMatchObject({ role: 'expert', organisation: null });
  });
});

describe('staff invitations', () => {
  it('invites staff by e-mail into an organisation; the invitee sets a password and signs in', async () => {
    const res = await asAdmin('POST', '/api/admin/users/invitations', {
      email: 'new.officer@haiphong.gov.vn',
      fullName: 'Vũ Thị Hồng',
      role: 'officer',
      organisationId: orgId,
    });
    expect(res.statusCode).toBe(201);
    const invited = res.json();
    expect(invited).toMatchObject({ status: 'invited', role: 'officer', organisation: { id: orgId } });
    expect(await lastAudit(invited.id)).toMatchObject({ action: 'user.invited', actorUserId: admin.userId, ip: expect.any(String) });

    const token = tokenFromMail(t, 'new.officer@haiphong.gov.vn', '/accept-invitation');
    const accept = await t.app.inject({
      method: 'POST',
      url: '/api/auth/accept-invitation',
      payload: { token, password: 'officer passphrase 1' },
    });
    expect(accept.statusCode).toBe(200);
    const session = await signIn(t.app, 'new.officer@haiphong.gov.vn', 'officer passphrase 1');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(session.accessToken) });
    expect(me.json()).toMatchObject({ role: 'officer', status: 'active', organisation: { id: orgId } });
  });

  it('refuses an unknown organisation and an existing e-mail, writing nothing', async () => {
    const unknownOrg = await asAdmin('POST', '/api/admin/users/invitations', {
      email: 'x1@haiphong.gov.vn',
      fullName: 'Ngô Văn X',
      role: 'agency',
      organisationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().error.fields[0].path).toBe('organisationId');
    const dup = await asAdmin('POST', '/api/admin/users/invitations', {
      email: 'agency@demo.local',
      fullName: 'Ngô Văn X',
      role: 'agency',
      organisationId: orgId,
    });
    expect(dup.statusCode).toBe(409);
    const list = await asAdmin('GET', '/api/admin/users?q=x1%40haiphong');
    expect(list.json().total).toBe(0);
  });

  it('does not let an invitation invite an expert or skip the organisation', async () => {
    const expert = await asAdmin('POST', '/api/admin/users/invitations', {
      email: 'x2@haiphong.gov.vn',
      fullName: 'Ngô Văn Y',
      role: 'expert',
      organisationId: orgId,
    });
    expect(expert.statusCode).toBe(400);
    const noOrg = await asAdmin('POST', '/api/admin/users/invitations', {
      email: 'x2@haiphong.gov.vn',
      fullName: 'Ngô Văn Y',
      role: 'agency',
    });
    expect(noOrg.statusCode).toBe(400);
  });
});

describe('managing accounts', () => {
  it('changes a role and an organisation, with before/after in the audit log', async () => {
    const { userId } = await registerAndSignIn(t, 'promote.me@example.vn');
    const noOrg = await asAdmin('PATCH', `/api/admin/users/${userId}`, { role: 'agency' });
    expect(noOrg.statusCode).toBe(400);
    expect(noOrg.json().error.code).toBe('users.organisation_required');

    const res = await asAdmin('PATCH', `/api/admin/users/${userId}`, { role: 'curator', organisationId: otherOrgId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ role: 'curator', organisation: { id: otherOrgId } });
    const entry = await lastAudit(userId);
    expect(entry).toMatchObject({ action: 'user.admin_updated', actorUserId: admin.userId, actorRole: 'admin' });
    expect(entry?.details).toMatchObject({ before: { role: 'expert' }, after: { role: 'curator', organisationId: otherOrgId } });
  });

  it('disables an account: its sessions end at once and it cannot sign in', async () => {
    const victim = await registerAndSignIn(t, 'disable.me@example.vn');
    const res = await asAdmin('PATCH', `/api/admin/users/${victim.userId}`, { status: 'disabled' });
    expect(res.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(victim.accessToken) })).statusCode).toBe(401);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'disable.me@example.vn', password: 'correct horse battery' },
    });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('auth.account_disabled');
    expect((await asAdmin('PATCH', `/api/admin/users/${victim.userId}`, { status: 'active' })).statusCode).toBe(200);
    await signIn(t.app, 'disable.me@example.vn');
  });

  it('does not let an admin change their own role or status', async () => {
    const res = await asAdmin('PATCH', `/api/admin/users/${admin.userId}`, { status: 'disabled' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('users.cannot_change_self');
  });

  it('answers 404 for an unknown user and 400 for a malformed id', async () => {
    expect((await asAdmin('PATCH', '/api/admin/users/00000000-0000-4000-8000-000000000000', { status: 'disabled' })).statusCode).toBe(404);
    expect((await asAdmin('PATCH', '/api/admin/users/not-a-uuid', { status: 'disabled' })).statusCode).toBe(400);
  });

  it('searches and filters the user list', async () => {
    const res = await asAdmin('GET', '/api/admin/users?role=curator&pageSize=5');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((u: { role: string }) => u.role === 'curator')).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|password_hash/);
    expect((await asAdmin('GET', '/api/admin/users?pageSize=1000')).statusCode).toBe(400);
  });

  it('keeps admin pages from every other role', async () => {
    const agency = await signIn(t.app, 'agency@demo.local', DEMO_PASSWORD);
    for (const url of ['/api/admin/users', '/api/admin/audit', '/api/admin/audit/actions']) {
      const res = await t.app.inject({ method: 'GET', url, headers: bearer(agency.accessToken) });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/users' })).statusCode).toBe(401);
  });
});

describe('audit log', () => {
  it('records sign-ins, sign-ups and admin changes with actor, time and origin', async () => {
    const res = await asAdmin('GET', '/api/admin/audit?pageSize=100');
    expect(res.statusCode).toBe(200);
    const actions = new Set(res.json().items.map((e: { action: string }) => e.action));
    for (const a of [
      'system.demo_seeded',
      'auth.signed_in',
      'user.signed_up',
      'user.email_verified',
      'user.invited',
      'user.invitation_accepted',
      'user.admin_updated',
    ]) {
      expect(actions).toContain(a);
    }
    const filtered = await asAdmin('GET', '/api/admin/audit?action=user.invited');
    expect(filtered.json().items.every((e: { action: string }) => e.action === 'user.invited')).toBe(true);
    expect(JSON.stringify(res.json())).not.toMatch(/passphrase|correct horse/);
  });

  it('names the actors, filters by actor name and by a known action, and pages through the log', async () => {
    const admin = (await asAdmin('GET', '/api/admin/audit?action=auth.signed_in&pageSize=100')).json();
    const adminEntry = admin.items.find((e: { actorRole: string | null }) => e.actorRole === 'admin');
    expect(adminEntry.actorName).toEqual(expect.any(String));
    expect(adminEntry.actorName.length).toBeGreaterThan(1);

    // A part of the name, in any case, finds that actor's entries and only theirs.
    const part = adminEntry.actorName.split(' ').at(-1).toUpperCase();
    const byName = (await asAdmin('GET', `/api/admin/audit?actor=${encodeURIComponent(part)}&pageSize=100`)).json();
    expect(byName.items.length).toBeGreaterThan(0);
    expect(byName.items.every((e: { actorName: string | null }) => e.actorName?.toUpperCase().includes(part))).toBe(true);
    const byEmail = (await asAdmin('GET', '/api/admin/audit?actor=admin%40demo&pageSize=100')).json();
    expect(byEmail.items.every((e: { actorUserId: string }) => e.actorUserId === adminEntry.actorUserId)).toBe(true);
    expect((await asAdmin('GET', '/api/admin/audit?actor=%25_nobody_%25')).json().total).toBe(0);

    const actions = (await asAdmin('GET', '/api/admin/audit/actions')).json().items as string[];
    expect(actions).toEqual([...actions].sort());
    expect(actions).toEqual(expect.arrayContaining(['auth.signed_in', 'user.invited', 'system.demo_seeded']));
    expect(new Set(actions).size).toBe(actions.length);

    const all = (await asAdmin('GET', '/api/admin/audit?pageSize=100')).json();
    const first = (await asAdmin('GET', '/api/admin/audit?pageSize=2&page=1')).json();
    const second = (await asAdmin('GET', '/api/admin/audit?pageSize=2&page=2')).json();
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((e: { id: number }) => e.id)).toEqual(
      all.items.slice(0, 4).map((e: { id: number }) => e.id),
    );
  });

  it('creates organisations with a unique code', async () => {
    const body = { code: 'so-tai-chinh', kind: 'department', nameVi: 'Sở Tài chính', nameEn: 'Department of Finance' };
    const res = await asAdmin('POST', '/api/admin/organisations', body);
    expect(res.statusCode).toBe(201);
    expect((await asAdmin('POST', '/api/admin/organisations', body)).statusCode).toBe(409);
    expect((await asAdmin('POST', '/api/admin/organisations', { ...body, code: 'Bad Code!' })).statusCode).toBe(400);
  });
});
