import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { refreshCookieOf, type TestApp, tokenFromMail } from './test-app.js';

export const PASSWORD = 'correct horse battery';

export async function signUp(app: FastifyInstance, email: string, fullName = 'Nguyễn Thị Lan') {
  return app.inject({ method: 'POST', url: '/api/auth/sign-up', payload: { email, password: PASSWORD, fullName, acceptPrivacy: true } });
}

/** Sign up, follow the e-mailed verification link, sign in; returns the tokens. */
export async function registerAndSignIn(t: TestApp, email: string) {
  expect((await signUp(t.app, email)).statusCode).toBe(201);
  const token = tokenFromMail(t, email, '/verify-email');
  expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
  return signIn(t.app, email);
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { accessToken: string; user: { id: string } };
  const refresh = refreshCookieOf(res);
  if (!refresh) throw new Error('no refresh cookie');
  return { accessToken: body.accessToken, refresh, userId: body.user.id };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
