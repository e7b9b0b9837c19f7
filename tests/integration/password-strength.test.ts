import { seedDemo } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, PASSWORD, registerAndSignIn, signInWithTotp } from '../support/auth-flows.js';
import { createTestApp, type TestApp, tokenFromMail } from '../support/test-app.js';

const WEAK = ['aaaaaaaaaa', '1234567890', 'password12', ' '.repeat(10), 'matkhau2026', 'haiphong123'];
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => {
  await t?.close();
});

const post = (url: string, payload: object, token?: string) =>
  t.app.inject({ method: 'POST', url, payload, ...(token ? { headers: bearer(token) } : {}) });

function expectWeak(res: { statusCode: number; json: () => unknown }, field: string) {
  expect(res.statusCode).toBe(400);
  const body = res.json() as { error: { code: string; fields: Array<{ path: string; code: string; message: string }> } };
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.fields).toEqual([{ path: field, code: 'password_weak', message: expect.stringMatching(/too easy to guess/) }]);
}

describe('password strength', () => {
  it.each(WEAK)('refuses %j at sign-up with a field message, creating nothing', async (password) => {
    const email = `weak${WEAK.indexOf(password)}@example.vn`;
    expectWeak(await post('/api/auth/sign-up', { email, password, fullName: 'Trần Văn Yếu', acceptPrivacy: true }), 'password');
    expect(t.mailTo(email)).toHaveLength(0);
  });

  it('refuses a weak new password on change and on reset, keeping the old one and the link', async () => {
    const email = 'strong.owner@example.vn';
    const { accessToken } = await registerAndSignIn(t, email);
    expectWeak(await post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'password12' }, accessToken), 'newPassword');
    expect((await post('/api/auth/forgot-password', { email })).statusCode).toBe(202);
    const token = tokenFromMail(t, email, '/reset-password');
    expectWeak(await post('/api/auth/reset-password', { token, password: '1234567890' }), 'password');
    expect((await post('/api/auth/reset-password', { token, password: 'a brand new passphrase' })).statusCode).toBe(200);
  });

  it('refuses a weak password when accepting an invitation', async () => {
    await seedDemo(t.database.db, { password: 'demo password for strength tests', syntheticProfiles: 0 });
    const admin = await signInWithTotp(t.app, 'admin@demo.local', 'demo password for strength tests');
    const orgs = (await t.app.inject({ method: 'GET', url: '/api/organisations' })).json().items as Array<{ id: string }>;
    const invite = await post(
      '/api/admin/users/invitations',
      { email: 'invitee.weak@example.vn', fullName: 'Lê Thị Mời', role: 'agency', organisationId: orgs[0]!.id },
      admin.accessToken,
    );
    expect(invite.statusCode, invite.body).toBe(201);
    const token = tokenFromMail(t, 'invitee.weak@example.vn', '/accept-invitation');
    expectWeak(await post('/api/auth/accept-invitation', { token, password: 'aaaaaaaaaa' }), 'password');
    expect((await post('/api/auth/accept-invitation', { token, password: 'officer passphrase 1' })).statusCode).toBe(200);
  });

  it('answers the web hint with a score, weak for a password made of the account name', async () => {
    const weak = await post('/api/auth/password-strength', { password: 'password12' });
    expect(weak.json()).toEqual({ score: expect.any(Number), acceptable: false });
    const strong = await post('/api/auth/password-strength', { password: 'correct horse battery' });
    expect(strong.json()).toEqual({ score: 4, acceptable: true });
    const own = await post('/api/auth/password-strength', {
      password: 'tranvanyeu',
      email: 'tranvanyeu@example.vn',
      fullName: 'Trần Văn Yếu',
    });
    expect(own.json().acceptable).toBe(false);
  });
});
