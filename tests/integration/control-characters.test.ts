import { seedDemo } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 18 item 3: NUL and other control characters reached PostgreSQL and answered 500 on 25 of
 * these 36 requests. Every one must be a 400 with the field named.
 */
let t: TestApp;
const tokens: Record<string, string> = {};
const PASSWORD = 'demo password for tests';
const NUL = 'a\u0000b';
const ZERO = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, { password: PASSWORD });
  tokens.expert = (await registerAndSignIn(t, 'nul.expert@example.vn')).accessToken;
  for (const role of ['admin', 'agency', 'curator', 'officer'] as const)
    tokens[role] = (await signIn(t.app, `${role}@demo.local`, PASSWORD)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

type Role = 'anonymous' | 'expert' | 'agency' | 'curator' | 'officer' | 'admin';
interface Attempt {
  role: Role;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  payload?: unknown;
}

const q = encodeURIComponent(NUL);
const ATTEMPTS: Attempt[] = [
  { role: 'anonymous', method: 'GET', url: `/api/reference/taxonomy?version=${q}` },
  { role: 'anonymous', method: 'GET', url: `/api/experts/search?q=${q}` },
  { role: 'anonymous', method: 'GET', url: `/api/experts/search?field=${q}` },
  { role: 'anonymous', method: 'GET', url: `/api/experts/search?association=${q}` },
  { role: 'anonymous', method: 'GET', url: `/api/experts/${q}` },
  { role: 'anonymous', method: 'GET', url: `/api/associations/${q}/members` },
  {
    role: 'anonymous',
    method: 'POST',
    url: '/api/auth/sign-up',
    payload: { email: 'x@example.vn', password: 'long enough password', fullName: NUL, acceptPrivacy: true },
  },
  { role: 'anonymous', method: 'POST', url: '/api/auth/sign-in', payload: { email: `x${NUL}@example.vn`, password: 'whatever password' } },
  { role: 'anonymous', method: 'POST', url: '/api/auth/sign-in', payload: { email: 'x@example.vn', password: NUL.repeat(5) } },
  { role: 'anonymous', method: 'POST', url: '/api/auth/forgot-password', payload: { email: `x${NUL}@example.vn` } },
  { role: 'anonymous', method: 'POST', url: '/api/auth/verify-email', payload: { token: NUL } },
  { role: 'anonymous', method: 'POST', url: '/api/auth/reset-password', payload: { token: NUL, password: 'long enough password' } },
  { role: 'expert', method: 'PATCH', url: '/api/me', payload: { fullName: NUL } },
  { role: 'expert', method: 'PATCH', url: '/api/me/profile', payload: { version: 1, fullName: NUL } },
  { role: 'expert', method: 'PATCH', url: '/api/me/profile', payload: { version: 1, bio: { vi: NUL, en: '' } } },
  { role: 'expert', method: 'PATCH', url: '/api/me/profile', payload: { version: 1, keywords: [NUL] } },
  { role: 'expert', method: 'PATCH', url: '/api/me/profile', payload: { version: 1, contact: { email: null, phone: NUL } } },
  { role: 'expert', method: 'PATCH', url: '/api/me/profile', payload: { version: 1, [NUL]: 1 } },
  {
    role: 'expert',
    method: 'POST',
    url: '/api/me/profile/publications/import/preview',
    payload: { format: 'csv', content: `title,year\n${NUL},2020` },
  },
  { role: 'expert', method: 'POST', url: '/api/me/profile/claims', payload: { profileId: NUL } },
  { role: 'expert', method: 'POST', url: '/api/me/memberships', payload: { associationId: ZERO, message: NUL } },
  { role: 'expert', method: 'POST', url: '/api/me/password', payload: { currentPassword: NUL, newPassword: 'long enough password' } },
  { role: 'agency', method: 'POST', url: '/api/shortlists', payload: { name: NUL } },
  { role: 'agency', method: 'PATCH', url: `/api/shortlists/${ZERO}`, payload: { name: NUL } },
  { role: 'agency', method: 'PUT', url: `/api/shortlists/${ZERO}/items/${ZERO}`, payload: { note: NUL } },
  { role: 'agency', method: 'GET', url: `/api/shortlists/${q}` },
  { role: 'agency', method: 'GET', url: `/api/experts/search?q=${q}&sort=${q}` },
  { role: 'curator', method: 'GET', url: `/api/curation/verifications?status=${q}` },
  { role: 'curator', method: 'GET', url: `/api/curation/imports/${q}` },
  { role: 'curator', method: 'POST', url: `/api/curation/memberships/${ZERO}/decision`, payload: { decision: 'approve', note: NUL } },
  { role: 'officer', method: 'GET', url: `/api/experts/search?q=x&language=${q}` },
  { role: 'admin', method: 'GET', url: `/api/admin/audit?action=${q}` },
  { role: 'admin', method: 'GET', url: `/api/admin/audit?entityId=${q}` },
  { role: 'admin', method: 'GET', url: `/api/admin/users?q=${q}` },
  {
    role: 'admin',
    method: 'POST',
    url: '/api/admin/users/invitations',
    payload: { email: 'new.staff@example.vn', fullName: NUL, role: 'agency' },
  },
  { role: 'admin', method: 'POST', url: '/api/associations', payload: { code: 'x', name: NUL } },
  { role: 'admin', method: 'POST', url: '/api/admin/organisations', payload: { code: 'x', name: NUL, kind: 'agency' } },
  { role: 'admin', method: 'GET', url: `/api/curation/duplicates?status=${q}` },
];

describe('control characters in any request text answer 400, never 500', () => {
  it.each(ATTEMPTS)('$role $method $url', async ({ role, method, url, payload }) => {
    const res = await t.app.inject({
      method,
      url,
      ...(role === 'anonymous' ? {} : { headers: bearer(tokens[role]!) }),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { error: { code: string; message: string }; requestId: string };
    expect(body.requestId).toEqual(expect.any(String));
    expect(body.error.message).toEqual(expect.any(String));
  });

  it('names the field and the rule', async () => {
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: bearer(tokens.expert!), payload: { fullName: NUL } });
    expect(res.json()).toMatchObject({
      error: { code: 'validation_failed', fields: [{ path: 'fullName', code: 'control_characters', message: expect.any(String) }] },
    });
  });

  it('keeps line breaks where text has lines, refuses them in one-line fields', async () => {
    const token = tokens.expert!;
    const own = (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: bearer(token) })).json() as { version: number };
    const bio = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(token),
      payload: { version: own.version, bio: { vi: 'Dòng một\nDòng hai\ttab', en: '' } },
    });
    expect(bio.statusCode, bio.body).toBe(200);
    const name = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: bearer(token), payload: { fullName: 'Nguyễn\nVăn' } });
    expect(name.statusCode).toBe(400);
  });
});
