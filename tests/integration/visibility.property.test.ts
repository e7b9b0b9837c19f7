import fc from 'fast-check';
import { seedDemo } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signInWithTotp } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { leaks, markedProfile, visibilityArb } from '../support/visibility-markers.js';

let t: TestApp;
let owner: { accessToken: string };
let viewers: Array<{ name: string; audience: 'public' | 'agencies'; token?: string }>;

beforeAll(async () => {
  t = await createTestApp();
  const password = 'demo password for tests';
  await seedDemo(t.database.db, { password });
  owner = await registerAndSignIn(t, 'visibility.owner@example.vn');
  const otherExpert = await registerAndSignIn(t, 'visibility.other@example.vn');
  viewers = [
    { name: 'visitor', audience: 'public' },
    { name: 'another expert', audience: 'public', token: otherExpert.accessToken },
    ...(['agency', 'curator', 'officer', 'admin'] as const).map((role) => ({ name: role, audience: 'agencies' as const, token: '' })),
  ];
  for (const v of viewers) if (v.token === '') v.token = (await signInWithTotp(t.app, `${v.name}@demo.local`, password)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/experts/:id (property, real API and database)', () => {
  it('for random profiles and visibility, only the owner ever receives "only me" data and visitors never receive "agencies" data', async () => {
    const { id } = (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: bearer(owner.accessToken) })).json();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), visibilityArb, async (seed, visibility) => {
        const marked = markedProfile(seed, ['101', '201', '502']);
        const saved = await t.app.inject({
          method: 'PATCH',
          url: '/api/me/profile',
          headers: bearer(owner.accessToken),
          payload: { ...marked.content, visibility },
        });
        expect(saved.statusCode, saved.body).toBe(200);
        for (const viewer of viewers) {
          const res = await t.app.inject({
            method: 'GET',
            url: `/api/experts/${id}`,
            ...(viewer.token ? { headers: bearer(viewer.token) } : {}),
          });
          const hidden = visibility.identity === 'private' || (visibility.identity === 'agencies' && viewer.audience === 'public');
          expect(res.statusCode, `${viewer.name}: ${res.body}`).toBe(hidden ? 404 : 200);
          const body = res.json();
          expect(leaks(body, hidden ? null : body, marked, visibility, viewer.audience), viewer.name).toEqual([]);
          if (!hidden) expect(body.audience).toBe(viewer.audience);
        }
        const own = await t.app.inject({ method: 'GET', url: `/api/experts/${id}`, headers: bearer(owner.accessToken) });
        expect(own.json().audience).toBe('owner');
        // Every section the expert writes (completed reviews are written by the consultations module).
        const { completedReviews: _kept, ...written } = marked.markers;
        for (const markers of Object.values(written)) for (const m of markers) expect(own.body).toContain(m);
      }),
      { numRuns: 25 },
    );
  });
});
