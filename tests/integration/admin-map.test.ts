import { adminUnits, expertProfiles } from '@hpen/db';
import { createSearchClient } from '@hpen/search';
import { buildApp, loadConfig } from '@hpen/server';
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bearer, registerAndSignIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 13 part 1: the 2025 administrative map as reference data, the location on it, old values moved onto it. */
let t: TestApp;
let expert: { accessToken: string; userId: string };
let profileId: string;

const patch = (payload: object, token = expert.accessToken) =>
  t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: bearer(token), payload });
const own = async (token = expert.accessToken) =>
  (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: bearer(token) })).json();

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  expert = await registerAndSignIn(t, 'le.chan@example.vn');
  profileId = (await own()).id;
});
afterAll(async () => {
  await t?.close();
});

describe('reference lists', () => {
  it('lists the 34 provinces and Hải Phòng’s 114 communes with their kinds', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/reference/lists' });
    expect(res.statusCode, res.body).toBe(200);
    const { provinces, haiphongCommunes } = res.json();
    expect(provinces).toHaveLength(34);
    expect(provinces).toContainEqual(expect.objectContaining({ code: '31', name: 'Thành phố Hải Phòng', kind: 'thành phố trung ương' }));
    expect(haiphongCommunes).toHaveLength(114);
    expect(haiphongCommunes).toContainEqual(
      expect.objectContaining({ code: '11383', name: 'Phường Lê Chân', en: 'Le Chan Ward', kind: 'phường', formerHaiDuong: false }),
    );
    const kinds = haiphongCommunes.reduce(
      (n: Record<string, number>, c: { kind: string }) => ({ ...n, [c.kind]: (n[c.kind] ?? 0) + 1 }),
      {},
    );
    expect(kinds).toEqual({ phường: 45, xã: 67, 'đặc khu': 2 });
    const formerHaiDuong = haiphongCommunes.filter((c: { formerHaiDuong: boolean }) => c.formerHaiDuong);
    expect(formerHaiDuong).toHaveLength(64);
    expect(formerHaiDuong[0]).toMatchObject({ formerProvince: 'Hải Dương' });
  });

  it('lists one province’s communes; 404 for an unknown province, 400 for a malformed one', async () => {
    const hanoi = await t.app.inject({ method: 'GET', url: '/api/reference/provinces/01/communes' });
    expect(hanoi.statusCode).toBe(200);
    expect(hanoi.json().communes).toContainEqual(expect.objectContaining({ code: '00004', name: 'Phường Ba Đình' }));
    expect((await t.app.inject({ method: 'GET', url: '/api/reference/provinces/99/communes' })).statusCode).toBe(404);
    const bad = await t.app.inject({ method: 'GET', url: '/api/reference/provinces/x/communes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBeTruthy();
  });
});

describe('location on the 2025 map', () => {
  it('takes a Hải Phòng commune and finds the expert by it', async () => {
    const res = await patch({ location: { kind: 'haiphong', commune: '11383' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().location).toEqual({ kind: 'haiphong', commune: '11383' });
    await t.searchSettled();
    const found = await t.app.inject({ method: 'GET', url: '/api/experts/search?commune=11383&facets=commune,province' });
    expect(found.statusCode, found.body).toBe(200);
    const body = found.json();
    expect(body.hits.map((h: { id: string }) => h.id)).toContain(profileId);
    expect(body.hits.every((h: { location: { commune: string } }) => h.location.commune === '11383')).toBe(true);
    expect(body.facets.commune).toMatchObject({ '11383': 1 });
    const other = await t.app.inject({ method: 'GET', url: '/api/experts/search?commune=10507' });
    expect(other.json().hits.map((h: { id: string }) => h.id)).not.toContain(profileId);
  });

  it('takes a province elsewhere, with or without a commune of it, and filters by province', async () => {
    expect((await patch({ location: { kind: 'vietnam', province: '01' } })).statusCode).toBe(200);
    expect((await patch({ location: { kind: 'vietnam', province: '01', commune: '00004' } })).statusCode).toBe(200);
    await t.searchSettled();
    const res = await t.app.inject({ method: 'GET', url: '/api/experts/search?province=01' });
    expect(res.json().hits.map((h: { id: string }) => h.id)).toContain(profileId);
  });

  it.each([
    ['a commune of another province', { kind: 'vietnam', province: '01', commune: '11383' }, 'location.commune'],
    ['Hải Phòng as "elsewhere"', { kind: 'vietnam', province: '31' }, 'location.province'],
    ['a Hà Nội commune as Hải Phòng', { kind: 'haiphong', commune: '00004' }, 'location.commune'],
    ['an old district', { kind: 'haiphong', district: 'le-chan' }, 'location'],
  ])('refuses %s (400 naming the field)', async (_name, location, path) => {
    const res = await patch({ location });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });

  it('refuses bad search filters with 400', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/experts/search?commune=le-chan' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/experts/search?district=le-chan' })).statusCode).toBe(400);
  });
});

describe('stored pre-2025 locations', () => {
  it('moves them onto the 2025 map at start-up: unambiguous districts mapped, the others to confirm', async () => {
    const other = await registerAndSignIn(t, 'cat.hai@example.vn');
    const third = await registerAndSignIn(t, 'ha.noi@example.vn');
    const old = async (userId: string, location: object) =>
      t.database.db
        .update(expertProfiles)
        .set({ content: sql`jsonb_set(${expertProfiles.content}, '{location}', ${JSON.stringify(location)}::jsonb)` })
        .where(eq(expertProfiles.userId, userId));
    await old(expert.userId, { kind: 'haiphong', district: 'ngo-quyen' });
    await old(other.userId, { kind: 'haiphong', district: 'cat-hai' });
    await old(third.userId, { kind: 'vietnam', province: 'ha-noi' });

    // A restart on the same database (buildApp runs the migration).
    const config = loadConfig({
      DATA_DIR: t.dataDir,
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://localhost:3000',
      WEB_DIST_DIR: `${t.dataDir}/no-web`,
      MEILI_INDEX_PREFIX: `m${Date.now().toString(36)}`,
    });
    const meili = inject('meili');
    const again = await buildApp({
      config,
      database: t.database,
      search: createSearchClient(meili.url, meili.masterKey),
      jwtSecret: 'test-secret-0123456789-0123456789-0123456789',
    });
    await again.close();
    // The units were loaded by the first start only.
    const [units] = await t.database.db.select({ n: count() }).from(adminUnits);
    expect(units?.n).toBe(34 + 3321);

    const mine = await own();
    expect(mine.location).toEqual({ kind: 'haiphong', commune: null, formerAddress: 'Quận Ngô Quyền' });
    expect(mine.completeness.hints).toContainEqual({ code: 'confirm_commune', section: 'location' });
    expect((await own(other.accessToken)).location).toEqual({ kind: 'haiphong', commune: '11914' });
    expect((await own(third.accessToken)).location).toEqual({ kind: 'vietnam', province: '01', commune: null });

    // Choosing the commune ends "to confirm".
    const res = await patch({ location: { kind: 'haiphong', commune: '11329', formerAddress: 'Quận Ngô Quyền' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().location).toEqual({ kind: 'haiphong', commune: '11329' });
    expect(res.json().completeness.hints.map((h: { code: string }) => h.code)).not.toContain('confirm_commune');
  });
});
