import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSearchClient, freePort, type LocalMeilisearch, type SearchHandle, startLocalMeilisearch } from '@hpen/search';
import { afterAll, describe, expect, it } from 'vitest';
import { insertSyntheticProfiles } from '../../server/src/app/seed.js';
import { checkDrift } from '../../server/src/modules/search/search-sync.js';
import { bearer, registerAndSignIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Each test gets its own supervised Meilisearch to kill with SIGKILL, as an OOM killer or an operator would.
const masterKey = 'supervision-test-master-key-0123';
const dirs: string[] = [];
const servers: LocalMeilisearch[] = [];
const apps: TestApp[] = [];
const FAST = { SEARCH_RELAY_MAX_BACKOFF_MS: '500' };

async function supervised(port?: number): Promise<LocalMeilisearch> {
  const dir = mkdtempSync(join(tmpdir(), 'hpen-supervised-meili-'));
  dirs.push(dir);
  const meili = await startLocalMeilisearch({ dataDir: dir, masterKey, maxRestartBackoffMs: 500, ...(port ? { port } : {}) });
  servers.push(meili);
  return meili;
}
const handleOf = (meili: LocalMeilisearch): SearchHandle => ({ ...createSearchClient(meili.url, masterKey), restarts: meili.restarts });
async function appOn(search: SearchHandle, waitForSearch = true) {
  const t = await createTestApp({ search, env: FAST, waitForSearch });
  apps.push(t);
  return t;
}
const find = async (t: TestApp, q: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/experts/search?q=${encodeURIComponent(q)}` });
  return res.statusCode === 200 ? res.json().hits.map((h: { fullName: string }) => h.fullName) : res.statusCode;
};
const kill = (meili: LocalMeilisearch) => process.kill(meili.pid()!, 'SIGKILL');
async function expectNoDrift(t: TestApp) {
  await t.searchSettled();
  for (const report of await checkDrift(t.app.searchSync.deps)) expect([report.missing, report.extra, report.stale]).toEqual([[], [], []]);
}

afterAll(async () => {
  for (const t of apps) await t.close().catch(() => {});
  for (const m of servers) await m.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('Meilisearch killed (SIGKILL) while people write', () => {
  it('is restarted by the app, no write fails, search comes back and the restart shows in /readyz', async () => {
    const meili = await supervised();
    const t = await appOn(handleOf(meili));
    const a = await registerAndSignIn(t, 'kill.a@example.vn');
    const rename = (token: string, fullName: string) =>
      t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: bearer(token), payload: { fullName } });
    expect((await rename(a.accessToken, 'Đặng Thùy Trâm')).statusCode).toBe(200);
    await t.searchSettled();
    expect(await find(t, 'thuy tram')).toEqual(['Đặng Thùy Trâm']);

    const pid = meili.pid();
    kill(meili);
    const b = await registerAndSignIn(t, 'kill.b@example.vn');
    const writes = await Promise.all([rename(b.accessToken, 'Tạ Quang Bửu'), rename(a.accessToken, 'Đặng Thùy Linh')]);
    expect(writes.map((w) => w.statusCode)).toEqual([200, 200]);

    await expect.poll(() => find(t, 'quang buu'), { timeout: 30_000, interval: 200 }).toEqual(['Tạ Quang Bửu']);
    expect(meili.pid()).not.toBe(pid);
    expect(meili.restarts()).toBeGreaterThanOrEqual(1);
    await expectNoDrift(t);
    expect(await find(t, 'thuy linh')).toEqual(['Đặng Thùy Linh']);
    const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready.checks.searchSync.details.meilisearchRestarts).toBeGreaterThanOrEqual(1);
  }, 150_000);
});

describe('Meilisearch killed during a reindex', () => {
  it('does not end the process: the reindex fails, is retried once Meilisearch is back, and completes', async () => {
    const meili = await supervised();
    const t = await appOn(handleOf(meili));
    await insertSyntheticProfiles(t.database.db, { count: 4100, seed: 7 });
    const job = t.app.searchSync.reindex;
    expect(job.start('fault test')).toBe(true);
    // Kill while later pages are still being sent (the first page's tasks are already queued).
    await expect.poll(() => job.state().done, { timeout: 60_000, interval: 5 }).toBeGreaterThan(0);
    kill(meili);
    await expect.poll(() => job.state().attempts, { timeout: 30_000, interval: 50 }).toBeGreaterThanOrEqual(1);
    const degraded = (await t.app.inject({ method: 'GET', url: '/readyz' })).json().checks.searchSync;
    expect(degraded.details.reindexError ?? degraded.error ?? degraded.degraded).toBeTruthy();
    await expect.poll(() => job.state().running, { timeout: 240_000, interval: 200 }).toBe(false);
    expect(job.state()).toMatchObject({ error: null, documents: { public: expect.any(Number) } });
    expect(await t.app.searchSync.indexes.count('agencies')).toBe(4100);
    await expectNoDrift(t);
  }, 300_000);
});

describe('start-up', () => {
  it('stops the Meilisearch a crashed run left on the data folder before starting its own', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hpen-orphan-meili-'));
    dirs.push(dir);
    // The first server stays running, as when its app was killed with -9 (no exit handler ran).
    const orphan = await startLocalMeilisearch({ dataDir: dir, masterKey, supervise: false });
    servers.push(orphan);
    const orphanPid = orphan.pid()!;
    const next = await startLocalMeilisearch({ dataDir: dir, masterKey });
    servers.push(next);
    expect(() => process.kill(orphanPid, 0)).toThrow();
    expect((await fetch(`${next.url}/health`)).status).toBe(200);
  });

  it('serves at once while Meilisearch is down, answers 503 for search, and search comes back without a write', async () => {
    const port = await freePort();
    const t = await appOn(createSearchClient(`http://127.0.0.1:${port}`, masterKey), false);
    // Ready (createTestApp awaited app.ready()) with no Meilisearch at all; readiness says why search is off.
    const before = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(before.checks.searchSync).toMatchObject({ ok: true, degraded: expect.stringMatching(/prepared/), details: { usable: false } });
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'GET', url: '/api/experts/search?q=hai' });
    expect([res.statusCode, res.json().error.code]).toEqual([503, 'search.unavailable']);

    await supervised(port);
    await expect.poll(() => find(t, 'hai'), { timeout: 30_000, interval: 200 }).toEqual([]);
    const ready = (await t.app.inject({ method: 'GET', url: '/readyz' })).json();
    expect(ready.checks.searchSync.details.usable).toBe(true);
  }, 150_000);

  it('starts with a master key that begins with "-" (a random base64url key does, 1 time in 64)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hpen-dash-key-meili-'));
    dirs.push(dir);
    const dashKey = '-dash-first-master-key-0123456789';
    const meili = await startLocalMeilisearch({ dataDir: dir, masterKey: dashKey, supervise: false });
    servers.push(meili);
    const keys = await fetch(`${meili.url}/keys`, { headers: { authorization: `Bearer ${dashKey}` } });
    expect(keys.status).toBe(200);
  });

  it('says why when Meilisearch refuses to start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hpen-bad-meili-'));
    dirs.push(dir);
    await expect(startLocalMeilisearch({ dataDir: dir, maxIndexingMemory: 'lots', lockWaitMs: 0 })).rejects.toThrow(
      /exited early with code 2: .*'lots'/,
    );
  });
});
