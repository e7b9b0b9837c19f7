import { auditLog, expertProfiles, outbox, profileVersions, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq, inArray, or } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let agency: { accessToken: string };

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, { password: 'demo password for tests' });
  agency = await signIn(t.app, 'agency@demo.local', 'demo password for tests');
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, ...(token ? { headers: bearer(token) } : {}) });

describe('data export and consent history', () => {
  it('gives the owner all their data as a JSON download', async () => {
    const me = await registerAndSignIn(t, 'export.me@example.vn');
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(me.accessToken),
      payload: { contact: { email: 'export.me@example.vn', phone: '0912 345 678' }, keywords: ['cảng biển'] },
    });

    const res = await get('/api/me/export', me.accessToken);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="hpen-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.json();
    expect(data).toMatchObject({
      format: 'hpen-export/1',
      account: { email: 'export.me@example.vn', role: 'expert' },
      profile: { contact: { phone: '0912 345 678' }, keywords: ['cảng biển'], version: 2 },
    });
    expect(data.consents.map((c: { purpose: string }) => c.purpose).sort()).toEqual([
      'privacy_notice',
      'public_profile',
      'registry_profile',
      'share_with_agencies',
    ]);
    expect(data.consents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'privacy_notice', action: 'granted', noticeVersion: expect.any(String) }),
      ]),
    );
    expect(data.profileHistory.map((v: { version: number }) => v.version)).toEqual([2]);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.activity.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['user.signed_up', 'profile.updated']));
    // Secrets are never part of it.
    expect(res.body).not.toMatch(/argon2|passwordHash|tokenHash/);
  });

  it('lists the consent history to its owner only, and needs a signed-in user', async () => {
    const me = await registerAndSignIn(t, 'consent.me@example.vn');
    const res = await get('/api/me/consents', me.accessToken);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { purpose: string; state: string }) => [c.purpose, c.state])).toEqual([
      ['registry_profile', 'granted'],
      ['public_profile', 'granted'],
      ['share_with_agencies', 'granted'],
      ['consultation_invitations', 'never'],
      ['program_assessment', 'never'],
      ['award_nomination', 'never'],
    ]);
    expect((await get('/api/me/consents')).statusCode).toBe(401);
    expect((await get('/api/me/export')).statusCode).toBe(401);
  });
});

describe('deleting the account', () => {
  it('removes the account and profile everywhere, keeps an anonymous tombstone, and queues the index removal', async () => {
    const me = await registerAndSignIn(t, 'delete.me@example.vn');
    const profile = (await get('/api/me/profile', me.accessToken)).json();
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(me.accessToken),
      payload: { bio: { vi: 'Tôi sẽ rời đi', en: '' } },
    });
    expect((await get(`/api/experts/${profile.id}`)).statusCode).toBe(200);

    const res = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(me.accessToken) });
    expect(res.statusCode, res.body).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/hpen_refresh=;/);

    for (const token of [undefined, agency.accessToken]) expect((await get(`/api/experts/${profile.id}`, token)).statusCode).toBe(404);
    expect((await get('/api/me', me.accessToken)).statusCode).toBe(401);
    const signInAgain = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'delete.me@example.vn', password: PASSWORD },
    });
    expect(signInAgain.statusCode).toBe(401);

    const db = t.database.db;
    expect(await db.select().from(users).where(eq(users.id, me.userId))).toEqual([]);
    expect(await db.select().from(expertProfiles).where(eq(expertProfiles.id, profile.id))).toEqual([]);
    expect(await db.select().from(profileVersions).where(eq(profileVersions.profileId, profile.id))).toEqual([]);

    const entries = await db
      .select()
      .from(auditLog)
      .where(or(eq(auditLog.actorUserId, me.userId), inArray(auditLog.targetId, [me.userId, profile.id])));
    const tombstone = entries.find((e) => e.action === 'user.deleted');
    expect(tombstone).toMatchObject({
      targetId: me.userId,
      details: { profileId: profile.id, consentWithdrawn: true },
      ip: null,
      userAgent: null,
    });
    const remaining = JSON.stringify(entries.filter((e) => e !== tombstone));
    expect(remaining).not.toContain('delete.me@example.vn');
    expect(remaining).not.toContain('Tôi sẽ rời đi');
    expect(entries.filter((e) => e !== tombstone).every((e) => e.ip === null && e.userAgent === null)).toBe(true);

    const queued = await db.select().from(outbox).where(eq(outbox.aggregateId, profile.id));
    expect(queued.map((q) => q.topic)).toContain('profile.deleted');

    // The address is free again for a new sign-up.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-up',
      payload: { email: 'delete.me@example.vn', password: PASSWORD, fullName: 'Người mới', acceptPrivacy: true },
    });
    expect(again.statusCode).toBe(201);
  });

  it('refuses to delete the last active admin', async () => {
    const admin = await signIn(t.app, 'admin@demo.local', 'demo password for tests');
    const res = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(admin.accessToken) });
    expect(res.statusCode).toBe(409);
    expect((await get('/api/me', admin.accessToken)).statusCode).toBe(200);
  });
});
