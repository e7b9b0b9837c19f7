import { seedDemo } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let agency: string;
let expert: string;
let curator: string;
let profileId: string;
const password = 'demo password for tests';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

/** Runs a case to its end with the demo expert as chair; `publishName` is the expert's consent at acceptance. */
async function completeCase(title: string, publishName: boolean, publish: boolean) {
  const id = (
    await call('POST', '/api/consultations', agency, {
      kind: 'phan_bien',
      title,
      summary: 'Đề án phát triển dịch vụ logistics.',
      fields: ['502'],
      keywords: ['logistics'],
      dueAt: inDays(30),
      panelSize: 3,
      blind: false,
    })
  ).json().id;
  expect((await call('POST', `/api/consultations/${id}/invitations`, agency, { profileIds: [profileId], role: 'chair' })).statusCode).toBe(
    201,
  );
  const invitation = (await call('GET', '/api/me/invitations', expert))
    .json()
    .items.find((i: { consultationId: string }) => i.consultationId === id);
  await call('POST', `/api/me/invitations/${invitation.id}/accept`, expert, {
    declaration: { conflict: false, confidentiality: true, publishName },
  });
  await call('PUT', `/api/consultations/${id}/reviews/mine`, expert, { summary: 'Cần thiết', verdict: 'Đồng ý' });
  await call('POST', `/api/consultations/${id}/reviews/mine/submit`, expert);
  for (const [url, body] of [
    [`/api/consultations/${id}/report`, { summary: 'Ý kiến tổng hợp', body: 'Hội đồng đồng ý.' }],
    [`/api/consultations/${id}/send`, undefined],
    [`/api/consultations/${id}/reply`, { accepted: 'Tiếp thu', notAccepted: '', explanation: 'Tiếp thu toàn bộ' }],
    [`/api/consultations/${id}/close`, { publish }],
  ] as const) {
    const res = await call('POST', url, agency, body);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  }
  return id;
}

const reviewsAs = async (token?: string) => (await call('GET', `/api/experts/${profileId}`, token)).json().completedReviews;
const setVisibility = async (level: string) => {
  const res = await call('PATCH', '/api/me/profile', expert, { visibility: { completedReviews: level } });
  expect(res.statusCode, res.body).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password });
  agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
  expert = (await signIn(t.app, 'expert@demo.local', password)).accessToken;
  curator = (await signIn(t.app, 'curator@demo.local', password)).accessToken;
  profileId = (await call('GET', '/api/me/profile', expert)).json().id;
});
afterAll(async () => {
  await t?.close();
});

describe('completed reviews on the expert profile', () => {
  it('lists published cases the expert agreed to be named for, through the projection for every audience', async () => {
    const named = await completeCase('Phản biện đề án logistics Đình Vũ', true, true);
    await completeCase('Phản biện đề án không nêu tên', false, true);
    await completeCase('Phản biện đề án không công bố', true, false);

    const own = (await call('GET', '/api/me/profile', expert)).json();
    expect(own.visibility.completedReviews).toBe('public');
    expect(own.completedReviews).toEqual([
      expect.objectContaining({ consultationId: named, kind: 'phan_bien', title: 'Phản biện đề án logistics Đình Vũ', role: 'chair' }),
    ]);
    expect(own.completedReviews[0].requester).not.toBe('');
    // The entry points at a public record that exists.
    expect((await call('GET', `/api/public/consultations/${named}`)).statusCode).toBe(200);

    // public: everyone sees it
    for (const token of [undefined, agency, curator]) expect(await reviewsAs(token)).toHaveLength(1);
    // agencies: staff see it, the public does not (the key is absent, not empty)
    await setVisibility('agencies');
    expect((await call('GET', `/api/experts/${profileId}`)).json()).not.toHaveProperty('completedReviews');
    expect(await reviewsAs(agency)).toHaveLength(1);
    expect(await reviewsAs(curator)).toHaveLength(1);
    // private: only the owner
    await setVisibility('private');
    expect((await call('GET', `/api/experts/${profileId}`, agency)).json()).not.toHaveProperty('completedReviews');
    expect((await call('GET', `/api/experts/${profileId}`)).json()).not.toHaveProperty('completedReviews');
    expect((await call('GET', '/api/me/profile', expert)).json().completedReviews).toHaveLength(1);
    await setVisibility('public');
  });

  it('is kept by the server: the expert cannot write it', async () => {
    const entry = {
      consultationId: '00000000-0000-4000-8000-000000000000',
      kind: 'tu_van',
      title: 'Tự khai',
      requester: 'X',
      role: 'chair',
      date: '2026-01-01',
    };
    expect((await call('PATCH', '/api/me/profile', expert, { completedReviews: [entry] })).statusCode).toBe(400);
    const own = (await call('GET', '/api/me/profile', expert)).json();
    const { id: _id, version: _v, completeness: _c, verified: _vf, claimed: _cl, createdAt: _ca, updatedAt: _u, ...content } = own;
    expect((await call('PUT', '/api/me/profile', expert, { ...content, completedReviews: [entry] })).statusCode).toBe(400);
    // Saving the rest of the profile keeps the record.
    const { completedReviews: _kept, ...editable } = content;
    expect((await call('PUT', '/api/me/profile', expert, { ...editable, bio: { vi: 'Tiểu sử mới', en: '' } })).statusCode).toBe(200);
    expect((await call('GET', '/api/me/profile', expert)).json().completedReviews).toHaveLength(1);
  });
});
