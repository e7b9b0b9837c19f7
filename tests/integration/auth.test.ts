import { consents, refreshTokens, sessions, users } from '@hpen/db';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, registerAndSignIn, signIn, signUp } from '../support/auth-flows.js';
import { createTestApp, refreshCookieOf, type TestApp, tokenFromMail } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, payload?: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });

describe('sign-up and e-mail verification', () => {
  it('creates an unverified expert with a recorded consent and e-mails a verification link', async () => {
    const res = await signUp(t.app, 'Lan.Nguyen@Example.vn');
    expect(res.statusCode).toBe(201);
    const { user } = res.json();
    expect(user).toMatchObject({ email: 'lan.nguyen@example.vn', fullName: 'Nguyễn Thị Lan', role: 'expert', emailVerified: false });
    expect(JSON.stringify(res.json())).not.toMatch(/password/i);

    const rows = await t.database.db.select().from(consents).where(eq(consents.userId, user.id));
    // The notice read, the required purpose, and the two optional purposes the helper ticks; one notice version.
    expect(rows.map((r) => r.purpose).sort()).toEqual(['privacy_notice', 'public_profile', 'registry_profile', 'share_with_agencies']);
    expect(rows.every((r) => r.action === 'granted' && r.method === 'sign_up' && r.noticeVersion === rows[0]!.noticeVersion)).toBe(true);

    const mail = t.mailTo('lan.nguyen@example.vn');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatch(/http:\/\/localhost:3000\/verify-email\?token=[A-Za-z0-9_-]{43}/);
  });

  it('refuses sign-in until the e-mail is verified, then accepts it', async () => {
    const email = 'verify.me@example.vn';
    await signUp(t.app, email);
    const before = await post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('auth.email_unverified');

    const token = tokenFromMail(t, email, '/verify-email');
    expect((await post('/api/auth/verify-email', { token })).statusCode).toBe(200);
    // single use
    const again = await post('/api/auth/verify-email', { token });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('auth.token_invalid');

    const { accessToken } = await signIn(t.app, email);
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(accessToken) });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email, emailVerified: true, role: 'expert' });
  });

  it('answers 409 to a duplicate e-mail in any letter case and writes nothing more', async () => {
    await signUp(t.app, 'dup@example.vn');
    const countUsers = async () => (await t.database.db.select({ n: count() }).from(users))[0]?.n;
    const countConsents = async () => (await t.database.db.select({ n: count() }).from(consents))[0]?.n;
    const [u0, c0] = [await countUsers(), await countConsents()];
    const res = await signUp(t.app, 'DUP@example.vn');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('auth.email_taken');
    expect(await countUsers()).toBe(u0);
    expect(await countConsents()).toBe(c0);
  });

  it('requires explicit consent to the privacy notice', async () => {
    const res = await post('/api/auth/sign-up', {
      email: 'no.consent@example.vn',
      password: PASSWORD,
      fullName: 'Trần Văn B',
      acceptPrivacy: false,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain('acceptPrivacy');
  });
});

describe('bad input', () => {
  it('answers malformed JSON with 400 bad_request.invalid_json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.vn",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'bad_request.invalid_json' }, requestId: expect.any(String) });
  });

  it('rejects unknown fields, naming them', async () => {
    const res = await post('/api/auth/sign-up', {
      email: 'x@example.vn',
      password: PASSWORD,
      fullName: 'Lê Văn C',
      acceptPrivacy: true,
      role: 'admin',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
    expect(JSON.stringify(res.json().error.fields)).toContain('role');
  });

  it('rejects over-long strings with a field message', async () => {
    const res = await post('/api/auth/sign-up', {
      email: 'long@example.vn',
      password: PASSWORD,
      fullName: 'A'.repeat(121),
      acceptPrivacy: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'fullName', code: 'too_big' })]);
    const longPassword = await post('/api/auth/sign-in', { email: 'long@example.vn', password: 'x'.repeat(129) });
    expect(longPassword.statusCode).toBe(400);
    expect(longPassword.json().error.fields[0].path).toBe('password');
  });

  it('rejects wrong types and a bad e-mail, listing every field', async () => {
    const res = await post('/api/auth/sign-up', { email: 'not-an-email', password: 12345678901, fullName: ['x'], acceptPrivacy: 'yes' });
    expect(res.statusCode).toBe(400);
    const paths = [...new Set(res.json().error.fields.map((f: { path: string }) => f.path))].sort();
    expect(paths).toEqual(['acceptPrivacy', 'email', 'fullName', 'password']);
  });

  it('rejects a too-short password', async () => {
    const res = await post('/api/auth/sign-up', {
      email: 'short@example.vn',
      password: 'short',
      fullName: 'Lê Văn D',
      acceptPrivacy: true,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'password', code: 'too_small' });
  });
});

describe('sign-in, tokens and sessions', () => {
  it('gives one generic 401 for a wrong password and for an unknown account', async () => {
    await registerAndSignIn(t, 'generic@example.vn');
    const wrong = await post('/api/auth/sign-in', { email: 'generic@example.vn', password: 'wrong password 1' });
    const unknown = await post('/api/auth/sign-in', { email: 'nobody@example.vn', password: 'wrong password 1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.code).toBe('auth.invalid_credentials');
  });

  it('sets the refresh token as an httpOnly, SameSite=Strict cookie scoped to /api/auth', async () => {
    await registerAndSignIn(t, 'cookie@example.vn');
    const res = await post('/api/auth/sign-in', { email: 'cookie@example.vn', password: PASSWORD });
    const cookie = String(([] as unknown[]).concat(res.headers['set-cookie'])[0]);
    expect(cookie).toMatch(/^hpen_refresh=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/auth/);
    const body = res.json();
    expect(body.tokenType).toBe('Bearer');
    expect(body.expiresIn).toBeLessThanOrEqual(900);
    // The access token itself lives at most 15 minutes.
    const payload = JSON.parse(Buffer.from(body.accessToken.split('.')[1], 'base64url').toString());
    expect(payload.exp - payload.iat).toBeLessThanOrEqual(900);
  });

  it('rotates the refresh token; reusing an old one revokes the whole family', async () => {
    const { refresh: first, accessToken } = await registerAndSignIn(t, 'rotate@example.vn');
    const r1 = await post('/api/auth/refresh', undefined, { cookie: `hpen_refresh=${first}` });
    expect(r1.statusCode).toBe(200);
    const second = refreshCookieOf(r1);
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);
    expect(r1.json().accessToken).toEqual(expect.any(String));

    // The stolen first token comes back: 401 and the whole session (family) is revoked.
    const reuse = await post('/api/auth/refresh', undefined, { cookie: `hpen_refresh=${first}` });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('auth.refresh_reused');
    const afterReuse = await post('/api/auth/refresh', undefined, { cookie: `hpen_refresh=${second}` });
    expect(afterReuse.statusCode).toBe(401);
    // Access tokens of the revoked session stop working at once.
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(accessToken) });
    expect(me.statusCode).toBe(401);
  });

  it('lets only one of two concurrent refreshes with the same token win', async () => {
    const { refresh } = await registerAndSignIn(t, 'race@example.vn');
    const [a, b] = await Promise.all([
      post('/api/auth/refresh', undefined, { cookie: `hpen_refresh=${refresh}` }),
      post('/api/auth/refresh', undefined, { cookie: `hpen_refresh=${refresh}` }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 401]);
  });

  it('answers 401 without a cookie or with a forged one', async () => {
    expect((await post('/api/auth/refresh')).statusCode).toBe(401);
    const forged = await post('/api/auth/refresh', undefined, { cookie: 'hpen_refresh=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error.code).toBe('auth.refresh_invalid');
  });

  it('signs out: the session, its refresh token and its access token all stop working', async () => {
    const { refresh, accessToken } = await registerAndSignIn(t, 'bye@example.vn');
    const out = await post('/api/auth/sign-out', undefined, { cookie: `hpen_refresh=${refresh}`, ...bearer(accessToken) });
    expect(out.statusCode).toBe(204);
    expect(String(([] as unknown[]).concat(out.headers['set-cookie'])[0])).toMatch(/hpen_refresh=;/);
    expect((await post('/api/auth/refresh', undefined, { cookie: `hpen_refresh=${refresh}` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(accessToken) })).statusCode).toBe(401);
  });

  it('rejects forged, malformed and expired access tokens with 401', async () => {
    const { accessToken, userId } = await registerAndSignIn(t, 'tokens@example.vn');
    const [h, p] = accessToken.split('.');
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    const get = (token: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(token) });
    expect((await get(forged)).statusCode).toBe(401);
    expect((await get('not-a-jwt')).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me' })).json().error.code).toBe('auth.unauthenticated');

    const [session] = await t.database.db.select().from(sessions).where(eq(sessions.userId, userId));
    const expired = t.app.jwt.sign(
      { sub: userId, sid: session!.id, role: 'expert' },
      { expiresIn: 1, clockTimestamp: Date.now() - 60_000 },
    );
    const res = await get(expired);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('auth.token_expired');
  });

  it('throttles repeated failures for one account with 429 and Retry-After, even with the right password', async () => {
    const email = 'throttle@example.vn';
    await registerAndSignIn(t, email);
    for (let i = 0; i < 5; i++) {
      expect((await post('/api/auth/sign-in', { email, password: `wrong-password-${i}` })).statusCode).toBe(401);
    }
    const blocked = await post('/api/auth/sign-in', { email, password: PASSWORD });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('auth.too_many_attempts');
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  });

  it('throttles one IP trying many accounts', async () => {
    const ip = '203.0.113.7';
    for (let i = 0; i < 30; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        remoteAddress: ip,
        payload: { email: `spray${i}@example.vn`, password: 'wrong password x' },
      });
      expect(res.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: ip,
      payload: { email: 'spray-next@example.vn', password: 'wrong password x' },
    });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another IP is unaffected.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      remoteAddress: '203.0.113.8',
      payload: { email: 'spray-next@example.vn', password: 'wrong password x' },
    });
    expect(other.statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('e-mails a single-use link, sets the new password and signs out every device', async () => {
    const email = 'reset@example.vn';
    const { refresh } = await registerAndSignIn(t, email);
    const ask = await post('/api/auth/forgot-password', { email });
    expect(ask.statusCode).toBe(202);
    const token = tokenFromMail(t, email, '/reset-password');
    const res = await post('/api/auth/reset-password', { token, password: 'a brand new passphrase' });
    expect(res.statusCode).toBe(200);
    expect((await post('/api/auth/reset-password', { token, password: 'another new passphrase' })).json().error.code).toBe(
      'auth.token_invalid',
    );
    expect((await post('/api/auth/refresh', undefined, { cookie: `hpen_refresh=${refresh}` })).statusCode).toBe(401);
    expect((await post('/api/auth/sign-in', { email, password: PASSWORD })).statusCode).toBe(401);
    await signIn(t.app, email, 'a brand new passphrase');
  });

  it('answers the same for an unknown e-mail and sends nothing', async () => {
    const res = await post('/api/auth/forgot-password', { email: 'ghost@example.vn' });
    expect(res.statusCode).toBe(202);
    expect(t.mailTo('ghost@example.vn')).toHaveLength(0);
  });

  it('keeps the old password when the reset is invalid', async () => {
    const email = 'reset.bad@example.vn';
    await registerAndSignIn(t, email);
    const res = await post('/api/auth/reset-password', { token: 'A'.repeat(43), password: 'a brand new passphrase' });
    expect(res.statusCode).toBe(400);
    await signIn(t.app, email);
  });
});

describe('my account', () => {
  it('updates name and language, changes the password and signs out other devices', async () => {
    const email = 'me@example.vn';
    const a = await registerAndSignIn(t, email);
    const b = await signIn(t.app, email);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: bearer(a.accessToken),
      payload: { fullName: 'Đỗ Thị Mai', locale: 'en' },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json()).toMatchObject({ fullName: 'Đỗ Thị Mai', locale: 'en' });

    const sessionsRes = await t.app.inject({ method: 'GET', url: '/api/me/sessions', headers: bearer(a.accessToken) });
    expect(sessionsRes.json().items).toHaveLength(2);

    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: bearer(a.accessToken),
      payload: { currentPassword: 'nope nope nope', newPassword: 'another long passphrase' },
    });
    expect(wrong.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: bearer(a.accessToken),
      payload: { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(b.accessToken) })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: bearer(a.accessToken) })).statusCode).toBe(200);
    const tokens = await t.database.db.select({ n: count() }).from(refreshTokens);
    expect(tokens[0]?.n).toBeGreaterThan(0);
  });
});
