import { auditLog } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let agency: { accessToken: string };
let officer: { accessToken: string };
let expert: { accessToken: string; id: string };

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, token: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp();
  const password = 'demo password for tests';
  await seedDemo(t.database.db, { password });
  agency = await signIn(t.app, 'agency@demo.local', password);
  officer = await signIn(t.app, 'officer@demo.local', password);
  const session = await registerAndSignIn(t, 'shortlisted@example.vn');
  const res = await call('PATCH', '/api/me/profile', session.accessToken, {
    fullName: '=Trần Đức Thọ',
    highestDegree: 'TS',
    fields: [{ code: '201', primary: true }],
    sectors: ['seaport'],
    contact: { email: 'tho.tran@example.vn', phone: '+84 913 222 333' },
    visibility: { contact: 'agencies' },
  });
  expert = { accessToken: session.accessToken, id: res.json().id };
});
afterAll(async () => {
  await t?.close();
});

describe('shortlists', () => {
  it('lets an agency user keep a named list with notes and export it as CSV', async () => {
    const created = await call('POST', '/api/shortlists', agency.accessToken, { name: 'Phản biện đề án cảng Lạch Huyện' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    const added = await call('PUT', `/api/shortlists/${id}/items/${expert.id}`, agency.accessToken, { note: 'Mời phản biện vòng 1' });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().expert).toMatchObject({ fullName: '=Trần Đức Thọ', contact: { phone: '+84 913 222 333' } });
    // Saving again changes the note, not the number of entries.
    await call('PUT', `/api/shortlists/${id}/items/${expert.id}`, agency.accessToken, { note: 'Đã liên hệ' });

    const list = (await call('GET', `/api/shortlists/${id}`, agency.accessToken)).json();
    expect(list).toMatchObject({
      name: 'Phản biện đề án cảng Lạch Huyện',
      count: 1,
      items: [{ profileId: expert.id, note: 'Đã liên hệ' }],
    });
    expect((await call('GET', '/api/shortlists', agency.accessToken)).json().items).toEqual([expect.objectContaining({ id, count: 1 })]);

    const csv = await call('GET', `/api/shortlists/${id}/export.csv`, agency.accessToken);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="Phan-bien-de-an-cang-Lach-Huyen.csv"');
    expect(csv.body.startsWith('\uFEFFHọ và tên,')).toBe(true);
    const line = csv.body.split('\n')[1]!;
    expect(line).toContain("'=Trần Đức Thọ"); // a formula-looking cell is defused
    expect(line).toContain('Kỹ thuật dân dụng');
    expect(line).toContain('Dịch vụ cảng biển');
    expect(line).toContain('+84 913 222 333');
    expect(line).toContain(`/experts/${expert.id}`);

    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['shortlist.created', 'shortlist.item_saved', 'shortlist.exported']));

    expect((await call('DELETE', `/api/shortlists/${id}/items/${expert.id}`, agency.accessToken)).statusCode).toBe(204);
    expect((await call('DELETE', `/api/shortlists/${id}`, agency.accessToken)).statusCode).toBe(204);
    expect((await call('GET', `/api/shortlists/${id}`, agency.accessToken)).statusCode).toBe(404);
  });

  it('keeps each list to its owner and off-limits to experts', async () => {
    const id = (await call('POST', '/api/shortlists', agency.accessToken, { name: 'Riêng' })).json().id;
    for (const [method, url] of [
      ['GET', `/api/shortlists/${id}`],
      ['PATCH', `/api/shortlists/${id}`],
      ['DELETE', `/api/shortlists/${id}`],
      ['PUT', `/api/shortlists/${id}/items/${expert.id}`],
      ['GET', `/api/shortlists/${id}/export.csv`],
    ] as const) {
      const res = await call(
        method,
        url,
        officer.accessToken,
        method === 'PATCH' || method === 'PUT' ? { note: 'x', ...(method === 'PATCH' ? { name: 'x' } : {}) } : undefined,
      );
      expect(res.statusCode, `${method} ${url}`).toBe(method === 'PATCH' ? 400 : 404);
    }
    expect((await call('PATCH', `/api/shortlists/${id}`, officer.accessToken, { name: 'x' })).statusCode).toBe(404);
    expect((await call('GET', `/api/shortlists/${id}`, agency.accessToken)).json().name).toBe('Riêng');
    expect((await call('POST', '/api/shortlists', expert.accessToken, { name: 'x' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/shortlists' })).statusCode).toBe(401);
  });

  it('validates names and refuses experts who do not share their profile with agencies', async () => {
    const bad = await call('POST', '/api/shortlists', agency.accessToken, { name: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('name');
    const id = (await call('POST', '/api/shortlists', agency.accessToken, { name: 'Ẩn' })).json().id;
    await call('PATCH', '/api/me/profile', expert.accessToken, { visibility: { identity: 'private' } });
    expect((await call('PUT', `/api/shortlists/${id}/items/${expert.id}`, agency.accessToken, {})).statusCode).toBe(404);
    await call('PATCH', '/api/me/profile', expert.accessToken, { visibility: { identity: 'public' } });
    expect((await call('PUT', `/api/shortlists/${id}/items/${expert.id}`, agency.accessToken, {})).statusCode).toBe(200);
    // Hidden later: the entry stays with its note, the expert's data does not.
    await call('PATCH', '/api/me/profile', expert.accessToken, { visibility: { identity: 'private' } });
    const list = (await call('GET', `/api/shortlists/${id}`, agency.accessToken)).json();
    expect(list.items).toEqual([expect.objectContaining({ profileId: expert.id, expert: null })]);
    expect(JSON.stringify(list)).not.toContain('Trần Đức Thọ');
  });
});
