import { readFileSync } from 'node:fs';
import { auditLog } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signInWithTotp } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 13 part 3: a classification version is uploaded, checked, previewed and applied as data. */
const fixture = (name: string) => readFileSync(new URL(`../fixtures/taxonomy-made-up/${name}`, import.meta.url), 'utf8');
const upload = (over: object = {}) => ({
  code: 'T-2026',
  title: 'Bảng phân loại thử nghiệm (không chính thức)',
  legalReference: 'Made-up fixture',
  classificationCsv: fixture('classification.csv'),
  crosswalkCsv: fixture('crosswalk.csv'),
  ...over,
});

let t: TestApp;
let admin: { accessToken: string };
let expert: { accessToken: string };
let profileId: string;
const post = (url: string, payload: object, token = admin.accessToken) =>
  t.app.inject({ method: 'POST', url, headers: bearer(token), payload });

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, { password: 'demo password for tests', syntheticProfiles: 0 });
  admin = await signInWithTotp(t.app, 'admin@demo.local', 'demo password for tests');
  expert = await registerAndSignIn(t, 'taxonomy.move@example.vn');
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/api/me/profile',
    headers: bearer(expert.accessToken),
    payload: { fields: [{ code: '102', primary: true }, { code: '201' }] },
  });
  expect(res.statusCode, res.body).toBe(200);
  profileId = res.json().id;
});
afterAll(async () => {
  await t?.close();
});

describe('taxonomy version upload', () => {
  it('is for admins only', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/admin/taxonomy/versions/preview', payload: upload() })).statusCode).toBe(401);
    expect((await post('/api/admin/taxonomy/versions/preview', upload(), expert.accessToken)).statusCode).toBe(403);
  });

  it.each([
    ['a duplicate code', 'code,level,parent,name_vi,name_en\n1,1,,A,A\n1,1,,B,B\n', 'classification.3.code', 'duplicate_code'],
    [
      'a parent that does not exist',
      'code,level,parent,name_vi,name_en\n1,1,,A,A\n101,2,9,B,B\n',
      'classification.3.parent',
      'parent_unknown',
    ],
    [
      'levels that do not follow',
      'code,level,parent,name_vi,name_en\n1,1,,A,A\n10101,3,1,B,B\n',
      'classification.3.level',
      'level_inconsistent',
    ],
    ['a level-2 field without parent', 'code,level,parent,name_vi,name_en\n101,2,,A,A\n', 'classification.2.parent', 'parent_missing'],
    ['a missing column', 'code,level,name_vi\n1,1,A\n', 'classification', 'missing_columns'],
  ])('refuses %s (400 naming the row)', async (_name, classificationCsv, path, code) => {
    const res = await post('/api/admin/taxonomy/versions/preview', upload({ classificationCsv, crosswalkCsv: 'old_code,new_code\n' }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('refuses a crosswalk from unknown codes or to codes not in the version', async () => {
    const res = await post('/api/admin/taxonomy/versions/preview', upload({ crosswalkCsv: 'old_code,new_code\n999,1\n101,77\n101,1\n' }));
    expect(res.statusCode).toBe(400);
    const codes = res.json().error.fields.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['old_code_unknown', 'new_code_unknown', 'duplicate_mapping']));
  });

  it('previews what changes for how many profiles, changing nothing', async () => {
    const res = await post('/api/admin/taxonomy/versions/preview', upload());
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ version: 'T-2026', fromVersion: '12/2008', fields: 7, levels: { 1: 2, 2: 3, 3: 2 }, crosswalkRows: 5 });
    expect(preview.profilesChanged).toBeGreaterThanOrEqual(1);
    expect(preview.unmappedCodes).toContainEqual(expect.objectContaining({ code: '201' }));
    expect((await t.app.inject({ method: 'GET', url: '/api/reference/taxonomy' })).json().version).toBe('12/2008');
  });

  it('applies it in one go: current version, mapped codes moved, unmapped ones kept with their version, index following', async () => {
    const res = await post('/api/admin/taxonomy/versions', upload());
    expect(res.statusCode, res.body).toBe(201);
    const taxonomy = (await t.app.inject({ method: 'GET', url: '/api/reference/taxonomy' })).json();
    expect(taxonomy.version).toBe('T-2026');
    expect(taxonomy.fields).toHaveLength(7);
    // The old version stays readable.
    expect((await t.app.inject({ method: 'GET', url: '/api/reference/taxonomy?version=12/2008' })).json().fields.length).toBeGreaterThan(7);

    const own = (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: bearer(expert.accessToken) })).json();
    expect(own.fields).toEqual([
      { code: '10201', primary: true },
      { code: '201', primary: false, version: '12/2008' },
    ]);
    // Saving the profile as it is keeps working (the old code is checked against its own version).
    const save = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(expert.accessToken),
      payload: { fields: own.fields, keywords: ['trí tuệ nhân tạo'] },
    });
    expect(save.statusCode, save.body).toBe(200);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(expert.accessToken),
      payload: { fields: [{ code: '201' }] },
    });
    expect(bad.statusCode).toBe(400);

    await t.searchSettled();
    const found = await t.app.inject({ method: 'GET', url: '/api/experts/search?field=10201' });
    expect(found.json().hits.map((h: { id: string }) => h.id)).toContain(profileId);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'taxonomy.version_applied'));
    expect(audit).toHaveLength(1);
    expect((await post('/api/admin/taxonomy/versions', upload())).statusCode).toBe(409);
  });

  it('lists the versions, newest first, the applied one current', async () => {
    const get = (token?: string) =>
      t.app.inject({ method: 'GET', url: '/api/admin/taxonomy/versions', headers: token ? bearer(token) : {} });
    expect((await get()).statusCode).toBe(401);
    expect((await get(expert.accessToken)).statusCode).toBe(403);
    const res = await get(admin.accessToken);
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res
        .json()
        .items.map((v: { code: string; isCurrent: boolean; fields: number; crosswalkRows: number }) => [
          v.code,
          v.isCurrent,
          v.fields,
          v.crosswalkRows,
        ]),
    ).toEqual([
      ['T-2026', true, 7, 5],
      ['12/2008', false, expect.any(Number), 0],
    ]);
  });
});
