import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { expect } from 'vitest';
import { refreshCookieOf, type TestApp, tokenFromMail } from './test-app.js';

export const PASSWORD = 'correct horse battery';

/** Signs up ticking publication and agency sharing (nothing is pre-ticked: pass [] for a person who ticks none). */
export async function signUp(
  app: FastifyInstance,
  email: string,
  fullName = 'Nguyễn Thị Lan',
  consents: string[] = ['public_profile', 'share_with_agencies'],
) {
  return app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    payload: { email, password: PASSWORD, fullName, acceptPrivacy: true, consents },
  });
}

/** Sign up, follow the e-mailed verification link, sign in; returns the tokens. */
export async function registerAndSignIn(t: TestApp, email: string) {
  expect((await signUp(t.app, email)).statusCode).toBe(201);
  const token = tokenFromMail(t, email, '/verify-email');
  expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
  return signIn(t.app, email);
}

/** Signs in; an account with TOTP enrolled through `enrolTotp` answers its second step with a fresh code. */
export async function signIn(app: FastifyInstance, email: string, password = PASSWORD) {
  let res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  expect(res.statusCode, res.body).toBe(200);
  if ((res.json() as { mfaRequired?: boolean }).mfaRequired) {
    const code = await nextTotpCode(app, email);
    const mfaToken = (res.json() as { mfaToken: string }).mfaToken;
    res = await app.inject({ method: 'POST', url: '/api/auth/sign-in/mfa', payload: { mfaToken, code } });
    expect(res.statusCode, res.body).toBe(200);
  }
  const body = res.json() as { accessToken: string; user: { id: string } };
  const refresh = refreshCookieOf(res);
  if (!refresh) throw new Error('no refresh cookie');
  return { accessToken: body.accessToken, refresh, userId: body.user.id };
}

/** TOTP secrets of the accounts a test enrolled, per app (each app has its own database). */
const enrolled = new WeakMap<FastifyInstance, Map<string, { secret: string; lastStep: number; recoveryCodes: string[] }>>();
const enrolledIn = (app: FastifyInstance) => enrolled.get(app) ?? enrolled.set(app, new Map()).get(app)!;
const stepNow = () => Math.floor(Date.now() / 30_000);

/**
 * A TOTP code the server has not seen yet: it refuses a time step twice, so a second sign-in in the
 * same 30 s uses the next step (accepted one period early) or waits for it.
 */
export async function nextTotpCode(app: FastifyInstance, email: string): Promise<string> {
  const entry = enrolledIn(app).get(email);
  if (!entry) throw new Error(`${email} has no TOTP enrolled by the test support`);
  const step = Math.max(stepNow(), entry.lastStep + 1);
  while (step > stepNow() + 1) await new Promise((r) => setTimeout(r, 500));
  entry.lastStep = step;
  return generate({ secret: entry.secret, epoch: step * 30 });
}

/** Turns TOTP on for the signed-in account (as the web's security page does); returns the secret and recovery codes. */
export async function enrolTotp(app: FastifyInstance, email: string, accessToken: string) {
  const setup = await app.inject({ method: 'POST', url: '/api/me/mfa/totp/setup', headers: bearer(accessToken) });
  expect(setup.statusCode, setup.body).toBe(200);
  const { secret } = setup.json() as { secret: string };
  const step = stepNow();
  const code = await generate({ secret, epoch: step * 30 });
  const enable = await app.inject({ method: 'POST', url: '/api/me/mfa/totp/enable', headers: bearer(accessToken), payload: { code } });
  expect(enable.statusCode, enable.body).toBe(200);
  const { recoveryCodes } = enable.json() as { recoveryCodes: string[] };
  enrolledIn(app).set(email, { secret, lastStep: step, recoveryCodes });
  return { secret, recoveryCodes };
}

/** Signs in an admin (or a staff role that must use TOTP), enrolling TOTP first if the account has none. */
export async function signInWithTotp(app: FastifyInstance, email: string, password = PASSWORD) {
  const session = await signIn(app, email, password);
  if (!enrolledIn(app).has(email)) await enrolTotp(app, email, session.accessToken);
  return session;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
