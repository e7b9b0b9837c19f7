import { auditLog, userMfa } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, enrolTotp, nextTotpCode, PASSWORD, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, refreshCookieOf, TEST_MFA_SECRET_KEY, type TestApp } from '../support/test-app.js';
import { createMfaRepository } from '../../server/src/modules/mfa/mfa.repository.js';
import { sealStoredMfaSecrets } from '../../server/src/modules/mfa/seal-stored-secrets.js';
import { createSecretBox } from '../../server/src/modules/mfa/secret-box.js';

const DEMO_PASSWORD = 'demo password for mfa tests';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  await seedDemo(t.database.db, { password: DEMO_PASSWORD, syntheticProfiles: 0 });
});
afterAll(async () => {
  await t?.close();
});

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, ...(token ? { headers: bearer(token) } : {}), ...(payload ? { payload } : {}) });
const passwordStep = (email: string, password = PASSWORD) => call('POST', '/api/auth/sign-in', undefined, { email, password });
const actionsOf = async (userId: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, userId))).map((r) => r.action);

describe('TOTP enrolment and the second sign-in step', () => {
  const email = 'totp.expert@example.vn';
  let session: { accessToken: string; userId: string };
  let secret: string;
  let recoveryCodes: string[];

  it('sets up with a secret and an otpauth URL, and turns on only with a right code', async () => {
    session = await registerAndSignIn(t, email);
    const setup = await call('POST', '/api/me/mfa/totp/setup', session.accessToken);
    expect(setup.statusCode).toBe(200);
    expect(setup.json().otpauthUrl).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    const wrong = await call('POST', '/api/me/mfa/totp/enable', session.accessToken, { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('mfa.code_invalid');
    ({ secret, recoveryCodes } = await enrolTotp(t.app, email, session.accessToken));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect((await call('GET', '/api/me/mfa', session.accessToken)).json()).toEqual({
      totpEnabled: true,
      required: false,
      recoveryCodesLeft: 10,
    });
    // Encrypted at rest: the column holds neither the secret nor its bytes, only what the key opens for this user.
    const [row] = await t.database.db.select().from(userMfa).where(eq(userMfa.userId, session.userId));
    expect(row?.totpSecret).toMatch(/^v1:/);
    expect(row?.totpSecret).not.toContain(secret);
    expect(row?.pendingSecret).toBeNull();
    const box = createSecretBox(TEST_MFA_SECRET_KEY);
    expect(box.open(session.userId, row!.totpSecret!)).toBe(secret);
    expect(() => box.open(randomUUID(), row!.totpSecret!)).toThrow();
    expect(() => createSecretBox('another key, 0123456789-0123456789').open(session.userId, row!.totpSecret!)).toThrow();
    expect(await actionsOf(session.userId)).toEqual(expect.arrayContaining(['user.mfa_setup_started', 'user.mfa_enabled']));
  });

  it('answers a right password with a challenge only: no access token, no refresh cookie', async () => {
    const res = await passwordStep(email);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ mfaRequired: true, mfaToken: expect.any(String) });
    expect(refreshCookieOf(res)).toBeUndefined();
  });

  it('refuses a code already used, then completes with a fresh one; the challenge is single-use', async () => {
    const { mfaToken } = (await passwordStep(email)).json();
    // The code that turned TOTP on belongs to a time step the server has seen.
    const replay = await generate({ secret, epoch: Math.floor(Date.now() / 30_000) * 30 });
    const replayed = await call('POST', '/api/auth/sign-in/mfa', undefined, { mfaToken, code: replay });
    expect(replayed.statusCode).toBe(400);
    const code = await nextTotpCode(t.app, email);
    const ok = await call('POST', '/api/auth/sign-in/mfa', undefined, { mfaToken, code });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer', user: { email } });
    expect(refreshCookieOf(ok)).toBeTruthy();
    const again = await call('POST', '/api/auth/sign-in/mfa', undefined, { mfaToken, code: recoveryCodes[0] });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('mfa.challenge_invalid');
  });

  it('accepts each recovery code once', async () => {
    const first = (await passwordStep(email)).json().mfaToken;
    expect(
      (await call('POST', '/api/auth/sign-in/mfa', undefined, { mfaToken: first, code: recoveryCodes[1]!.toUpperCase() })).statusCode,
    ).toBe(200);
    const second = (await passwordStep(email)).json().mfaToken;
    const reused = await call('POST', '/api/auth/sign-in/mfa', undefined, { mfaToken: second, code: recoveryCodes[1] });
    expect(reused.statusCode).toBe(400);
    expect((await call('GET', '/api/me/mfa', session.accessToken)).json().recoveryCodesLeft).toBe(9);
  });

  it('uses a challenge up after five wrong codes, even for the right code', async () => {
    const { mfaToken } = (await passwordStep(email)).json();
    for (let i = 0; i < 5; i++) {
      expect((await call('POST', '/api/auth/sign-in/mfa', undefined, { mfaToken, code: `12345${i}` })).statusCode).toBe(400);
    }
    const late = await call('POST', '/api/auth/sign-in/mfa', undefined, { mfaToken, code: recoveryCodes[2] });
    expect(late.statusCode).toBe(401);
  });

  it('turns off only with the password and a code', async () => {
    const noPassword = await call('POST', '/api/me/mfa/totp/disable', session.accessToken, {
      password: 'wrong password',
      code: recoveryCodes[3],
    });
    expect(noPassword.statusCode).toBe(400);
    const noCode = await call('POST', '/api/me/mfa/totp/disable', session.accessToken, { password: PASSWORD, code: '999999' });
    expect(noCode.statusCode).toBe(400);
    const off = await call('POST', '/api/me/mfa/totp/disable', session.accessToken, { password: PASSWORD, code: recoveryCodes[3] });
    expect(off.statusCode).toBe(204);
    expect((await passwordStep(email)).json().accessToken).toEqual(expect.any(String));
    expect(await actionsOf(session.userId)).toContain('user.mfa_disabled');
  });
});

describe('TOTP secrets stored before encryption', () => {
  it('are sealed at start-up, and sign-in with a code still works', async () => {
    const email = 'legacy.totp@example.vn';
    const session = await registerAndSignIn(t, email);
    const { secret } = await enrolTotp(t.app, email, session.accessToken);
    // As a row written before secrets were encrypted: the secret in the clear.
    await t.database.db.update(userMfa).set({ totpSecret: secret }).where(eq(userMfa.userId, session.userId));
    const before = await signIn(t.app, email);
    expect(before.accessToken).toEqual(expect.any(String));

    // What buildApp runs on ready (here on the same database and key as the test app).
    const mfaRepository = createMfaRepository({ db: t.database.db });
    const secretBox = createSecretBox(TEST_MFA_SECRET_KEY);
    expect(await sealStoredMfaSecrets({ mfaRepository, secretBox })).toBe(1);
    const [row] = await t.database.db.select().from(userMfa).where(eq(userMfa.userId, session.userId));
    expect(row?.totpSecret).toMatch(/^v1:/);
    expect(row?.totpSecret).not.toContain(secret);
    expect(secretBox.open(session.userId, row!.totpSecret!)).toBe(secret);
    expect(await sealStoredMfaSecrets({ mfaRepository, secretBox })).toBe(0);

    const after = await signIn(t.app, email);
    expect(after.accessToken).toEqual(expect.any(String));
  });
});

describe('admins and the per-role policy', () => {
  let admin: { accessToken: string; userId: string };

  it('lets an admin without TOTP sign in, but not use admin routes until enrolled', async () => {
    admin = await signIn(t.app, 'admin@demo.local', DEMO_PASSWORD);
    const blocked = await call('GET', '/api/admin/users', admin.accessToken);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.mfa_required');
    expect((await call('GET', '/api/me', admin.accessToken)).statusCode).toBe(200);
    expect((await call('GET', '/api/me/mfa', admin.accessToken)).json()).toMatchObject({ totpEnabled: false, required: true });
    await enrolTotp(t.app, 'admin@demo.local', admin.accessToken);
    expect((await call('GET', '/api/admin/users', admin.accessToken)).statusCode).toBe(200);
  });

  it('does not let an admin turn TOTP off', async () => {
    const code = await nextTotpCode(t.app, 'admin@demo.local');
    const res = await call('POST', '/api/me/mfa/totp/disable', admin.accessToken, { password: DEMO_PASSWORD, code });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('mfa.required_by_policy');
  });

  it('requires TOTP of a staff role once an admin says so, and audits the change', async () => {
    const agency = await signIn(t.app, 'agency@demo.local', DEMO_PASSWORD);
    expect((await call('GET', '/api/shortlists', agency.accessToken)).statusCode).toBe(200);
    const put = await call('PUT', '/api/admin/settings/mfa', admin.accessToken, { requiredRoles: ['agency'] });
    expect(put.json()).toEqual({ requiredRoles: ['agency'] });
    const blocked = await call('GET', '/api/shortlists', agency.accessToken);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.mfa_required');
    expect((await call('GET', '/api/me/mfa', agency.accessToken)).json().required).toBe(true);
    await enrolTotp(t.app, 'agency@demo.local', agency.accessToken);
    expect((await call('GET', '/api/shortlists', agency.accessToken)).statusCode).toBe(200);
    const [entry] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'settings.mfa_policy_updated'), eq(auditLog.actorUserId, admin.userId)));
    expect(entry?.details).toEqual({ before: [], after: ['agency'] });
    // Curators were not listed: nothing changes for them.
    const curator = await signIn(t.app, 'curator@demo.local', DEMO_PASSWORD);
    expect((await call('GET', '/api/me/mfa', curator.accessToken)).json().required).toBe(false);
  });

  it('lets an admin reset the second factor of someone who lost it', async () => {
    const agencyId = (await signIn(t.app, 'agency@demo.local', DEMO_PASSWORD)).userId;
    expect((await call('POST', `/api/admin/users/${agencyId}/mfa/reset`, admin.accessToken)).statusCode).toBe(204);
    expect((await passwordStep('agency@demo.local', DEMO_PASSWORD)).json().accessToken).toEqual(expect.any(String));
    expect(await actionsOf(agencyId)).toContain('user.mfa_reset_by_admin');
  });
});
