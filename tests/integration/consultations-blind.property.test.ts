import { organisations } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let agency: string;
let curator: string;
let unionId: string;
const experts: Array<{ token: string; profileId: string; name: string; email: string; phone: string }> = [];
const password = 'demo password for tests';

const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
const ok = async <R extends { statusCode: number; body: string }>(p: Promise<R>, status = 200): Promise<R> => {
  const res = await p;
  expect(res.statusCode, res.body).toBe(status);
  return res;
};

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password });
  agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
  curator = (await signIn(t.app, 'curator@demo.local', password)).accessToken;
  unionId = (await t.database.db.select().from(organisations).where(eq(organisations.code, 'lien-hiep-hoi')))[0]!.id;
  for (const n of ['Mot', 'Hai', 'Ba']) {
    const email = `blind.${n.toLowerCase()}@example.vn`;
    const s = await registerAndSignIn(t, email);
    const name = `Chuyên Gia Kín${n}`;
    const phone = `+84 90 000 00${experts.length}`;
    const res = await call('PATCH', '/api/me/profile', s.accessToken, {
      fullName: name,
      fields: [{ code: '502', primary: true }],
      contact: { email, phone },
      visibility: { contact: 'agencies' },
    });
    experts.push({ token: s.accessToken, profileId: res.json().id, name, email, phone });
  }
});
afterAll(async () => {
  await t?.close();
});

const stepsArb = fc.record({
  blind: fc.boolean(),
  panel: fc.subarray([0, 1, 2], { minLength: 1 }),
  consents: fc.array(fc.record({ shareContact: fc.boolean(), publishName: fc.boolean(), accept: fc.boolean() }), {
    minLength: 3,
    maxLength: 3,
  }),
  /** How far the case goes: 0 invited … 5 closed. */
  progress: fc.integer({ min: 0, max: 5 }),
  publish: fc.boolean(),
});

/** Everything the requesting agency can read about its cases. */
async function requesterSees(id: string) {
  const bodies = [(await call('GET', `/api/consultations/${id}`, agency)).body, (await call('GET', '/api/consultations', agency)).body];
  bodies.push((await call('GET', `/api/consultations/${id}/reviews`, agency)).body);
  bodies.push((await call('GET', '/api/me/notifications', agency)).body);
  return bodies.join('\n');
}

describe('blind consultations (property, real API and database)', () => {
  it('never show the requester who reviewed before publication, nor contact details without consent', async () => {
    await fc.assert(
      fc.asyncProperty(stepsArb, async ({ blind, panel, consents, progress, publish }) => {
        const body = {
          kind: 'phan_bien',
          title: `Đề án ${Math.random()}`,
          fields: ['502'],
          dueAt: new Date(Date.now() + 9e8).toISOString().slice(0, 10),
          panelSize: 3,
          blind,
          organiserOrganisationId: unionId,
        };
        const id = (await ok(call('POST', '/api/consultations', agency, body), 201)).json().id;
        const invited = panel.map((i) => experts[i]!);
        await ok(call('POST', `/api/consultations/${id}/invitations`, curator, { profileIds: invited.map((e) => e.profileId) }), 201);
        const accepted: typeof invited = [];
        for (const [k, e] of invited.entries()) {
          const inv = (await call('GET', '/api/me/invitations', e.token))
            .json()
            .items.find((i: { consultationId: string }) => i.consultationId === id);
          const c = consents[k]!;
          if (c.accept || k === 0) {
            await ok(
              call('POST', `/api/me/invitations/${inv.id}/accept`, e.token, {
                declaration: { conflict: false, confidentiality: true, shareContact: c.shareContact, publishName: c.publishName },
              }),
            );
            accepted.push(e);
          } else await ok(call('POST', `/api/me/invitations/${inv.id}/decline`, e.token, { reason: 'Bận' }));
        }
        if (progress >= 1) {
          await ok(call('PUT', `/api/consultations/${id}/reviews/mine`, accepted[0]!.token, { summary: 'Tóm tắt', verdict: 'Đồng ý' }));
          await ok(call('POST', `/api/consultations/${id}/reviews/mine/submit`, accepted[0]!.token));
        }
        if (progress >= 2) await ok(call('POST', `/api/consultations/${id}/report`, curator, { summary: 'Tổng hợp', body: 'Nội dung' }));
        if (progress >= 3) await ok(call('POST', `/api/consultations/${id}/send`, curator));
        if (progress >= 4)
          await ok(call('POST', `/api/consultations/${id}/reply`, agency, { accepted: 'A', notAccepted: '', explanation: 'B' }));
        if (progress >= 5) await ok(call('POST', `/api/consultations/${id}/close`, agency, { publish }));

        const published = progress >= 5 && publish;
        const seen = await requesterSees(id);
        for (const e of invited) {
          const acceptedWithConsent = accepted.includes(e) && consents[invited.indexOf(e)]!.shareContact;
          if (blind && !published) {
            expect(seen).not.toContain(e.name);
            expect(seen).not.toContain(e.profileId);
          }
          if (!acceptedWithConsent || (blind && !published)) {
            expect(seen).not.toContain(e.email);
            expect(seen).not.toContain(e.phone);
          }
        }
        const record = (await call('GET', '/api/public/consultations')).json().items.find((i: { id: string }) => i.id === id);
        if (!published) expect(record).toBeUndefined();
        else {
          const consenting = accepted.filter((e) => consents[invited.indexOf(e)]!.publishName).map((e) => e.name);
          expect(record.panel.map((p: { name: string }) => p.name).sort()).toEqual(consenting.sort());
        }
      }),
      { numRuns: 20 },
    );
  });
});
