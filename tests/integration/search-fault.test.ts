import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startLocalMeilisearch, createSearchClient, type LocalMeilisearch } from '@hpen/search';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDrift } from '../../server/src/modules/search/search-sync.js';
import { bearer, registerAndSignIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Its own Meilisearch, to stop and start; same port, key and data folder across restarts.
const meiliDir = mkdtempSync(join(tmpdir(), 'hpen-fault-meili-'));
const masterKey = 'fault-test-master-key-0123456789';
let port: number;
let meili: LocalMeilisearch | undefined;
let t: TestApp;
const start = async () => (meili = await startLocalMeilisearch({ dataDir: meiliDir, masterKey, port }));

beforeAll(async () => {
  port = await freePort();
  await start();
  t = await createTestApp({
    search: createSearchClient(`http://127.0.0.1:${port}`, masterKey),
    env: { SEARCH_RELAY_MAX_BACKOFF_MS: '500' },
  });
});
afterAll(async () => {
  await t?.close();
  await meili?.stop();
  rmSync(meiliDir, { recursive: true, force: true });
});

const find = async (q: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/experts/search?q=${encodeURIComponent(q)}` });
  return res.statusCode === 200 ? res.json().hits.map((h: { fullName: string }) => h.fullName) : res.statusCode;
};

describe('Meilisearch stops while people keep writing', () => {
  it('answers 503, shows degraded readiness, loses nothing, and converges after the restart', async () => {
    const a = await registerAndSignIn(t, 'fault.a@example.vn');
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(a.accessToken),
      payload: { fullName: 'Hoàng Thị Ánh Tuyết' },
    });
    await t.searchSettled();
    expect(await find('anh tuyet')).toEqual(['Hoàng Thị Ánh Tuyết']);

    await meili!.stop();
    const b = await registerAndSignIn(t, 'fault.b@example.vn');
    await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: bearer(b.accessToken), payload: { fullName: 'Lưu Quang Vũ' } });
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(a.accessToken),
      payload: { fullName: 'Hoàng Thị Ánh Nguyệt' },
    });
    const c = await registerAndSignIn(t, 'fault.c@example.vn');
    await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(c.accessToken) });

    expect(await find('quang vu')).toBe(503);
    // The relay keeps trying: the changes wait in the outbox and readiness says so.
    await expect
      .poll(async () => (await t.app.inject({ method: 'GET', url: '/readyz' })).json().checks.searchSync, { timeout: 10_000 })
      .toMatchObject({ ok: true, degraded: expect.stringMatching(/retried/), details: { failing: expect.any(Number) } });

    await start();
    await expect.poll(() => find('quang vu'), { timeout: 20_000, interval: 200 }).toEqual(['Lưu Quang Vũ']);
    await t.searchSettled();
    expect(await find('anh nguyet')).toEqual(['Hoàng Thị Ánh Nguyệt']);
    expect(await find('anh tuyet')).not.toContain('Hoàng Thị Ánh Tuyết');
    const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready.status).toBe('ready');
    expect(ready.checks.searchSync.details).toMatchObject({ pending: 0, failing: 0 });
    for (const report of await checkDrift(t.app.searchSync.deps))
      expect([report.missing, report.extra, report.stale]).toEqual([[], [], []]);
  });
});
