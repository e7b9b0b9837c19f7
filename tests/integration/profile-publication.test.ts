import { expertProfiles, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn, signInWithTotp, signUp } from '../support/auth-flows.js';
import { createTestApp, type TestApp, tokenFromMail } from '../support/test-app.js';

const DEMO_PASSWORD = 'demo password for publication tests';
let t: TestApp;
let admin: string;
let agency: string;
beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
  await seedDemo(t.database.db, { password: DEMO_PASSWORD, syntheticProfiles: 0 });
  admin = (await signInWithTotp(t.app, 'admin@demo.local', DEMO_PASSWORD)).accessToken;
  agency = (await signIn(t.app, 'agency@demo.local', DEMO_PASSWORD)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, token?: string) => t.app.inject({ method: 'GET', url, ...(token ? { headers: bearer(token) } : {}) });
const searchIds = async (q: string, token?: string) =>
  ((await get(`/api/experts/search?q=${encodeURIComponent(q)}`, token)).json().hits as Array<{ id: string }>).map((h) => h.id);

async function profileIdOf(email: string) {
  const [user] = await t.database.db.select().from(users).where(eq(users.email, email));
  const [profile] = await t.database.db.select().from(expertProfiles).where(eq(expertProfiles.userId, user!.id));
  if (!profile) throw new Error(`no profile for ${email}`);
  return { profileId: profile.id, userId: user!.id };
}

async function expectPublished(profileId: string, name: string, published: boolean) {
  await t.searchSettled();
  expect((await get(`/api/experts/${profileId}`)).statusCode).toBe(published ? 200 : 404);
  expect((await get(`/api/experts/${profileId}`, agency)).statusCode).toBe(published ? 200 : 404);
  expect(await searchIds(name)).toEqual(published ? expect.arrayContaining([profileId]) : expect.not.arrayContaining([profileId]));
  expect(await searchIds(name, agency)).toEqual(published ? expect.arrayContaining([profileId]) : expect.not.arrayContaining([profileId]));
}

describe('publishing a profile', () => {
  let ids: { profileId: string; userId: string };
  const email = 'unverified.expert@example.vn';
  const name = 'Quách Thị Xuyến';

  it('keeps a new sign-up out of the directory and the indexes until the e-mail is verified', async () => {
    expect((await signUp(t.app, email, name)).statusCode).toBe(201);
    ids = await profileIdOf(email);
    await expectPublished(ids.profileId, name, false);
    const token = tokenFromMail(t, email, '/verify-email');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
    await expectPublished(ids.profileId, name, true);
  });

  it('withdraws the profile of a disabled account, and restores it when enabled again', async () => {
    // On an agency's shortlist too: the one projection hides it (issue 18 item 15).
    const list = (
      await t.app.inject({ method: 'POST', url: '/api/shortlists', headers: bearer(agency), payload: { name: 'Ứng viên' } })
    ).json();
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/shortlists/${list.id}/items/${ids.profileId}`,
      headers: bearer(agency),
      payload: {},
    });
    expect(put.statusCode, put.body).toBe(200);
    const shortlisted = async () => (await get(`/api/shortlists/${list.id}`, agency)).json().items[0].expert;
    expect(await shortlisted()).toMatchObject({ fullName: name });
    const disable = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${ids.userId}`,
      headers: bearer(admin),
      payload: { status: 'disabled' },
    });
    expect(disable.statusCode, disable.body).toBe(200);
    await expectPublished(ids.profileId, name, false);
    const [row] = await t.database.db.select().from(expertProfiles).where(eq(expertProfiles.id, ids.profileId));
    expect(row?.listed).toBe(false);
    expect(await shortlisted()).toBeNull();
    const enable = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${ids.userId}`,
      headers: bearer(admin),
      payload: { status: 'active' },
    });
    expect(enable.statusCode).toBe(200);
    await expectPublished(ids.profileId, name, true);
    expect(await shortlisted()).toMatchObject({ fullName: name });
  });
});
