import { type ChildProcess, spawn } from 'node:child_process';
import { generate } from 'otplib';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';

/**
 * Issue 18 guard: the app killed (SIGKILL, no shutdown hooks) in the middle of a member-list
 * import and started again on the same data: the job resumes by itself from its last committed
 * batch, and no profile or membership is created twice.
 */
const ROWS = 20_000;
const PASSWORD = 'demo password for the fault test';
const dataDir = mkdtempSync(join(tmpdir(), 'hpen-import-fault-'));
let child: ChildProcess | null = null;
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startApp(env: Record<string, string>, base: string) {
  // One process (node with tsx's loader), not the tsx CLI: SIGKILL must reach the server itself.
  const started = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  child = started;
  for (let i = 0; i < 600; i++) {
    if (started.exitCode !== null) throw new Error(`the app exited with ${started.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return started;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the app did not start');
}

async function kill(app: ChildProcess) {
  const exited = new Promise((resolve) => app.once('exit', resolve));
  app.kill('SIGKILL');
  await exited;
}

describe('an import survives the app being killed', () => {
  it('resumes after a restart and creates each profile and membership once', { timeout: 600_000 }, async () => {
    const meili = inject('meili');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: base,
      WEB_DIST_DIR: join(dataDir, 'no-web'),
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: `f${randomBytes(5).toString('hex')}`,
      SEED_DEMO: 'true',
      SEED_DEMO_PASSWORD: PASSWORD,
      LOG_LEVEL: 'error',
      RATE_LIMIT_PER_MINUTE: '100000',
      JWT_SECRET: 'fault-test-secret-0123456789-0123456789-0123456789',
    };
    let app = await startApp(env, base);
    const signInAs = async (email: string) => {
      const res = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      expect(res.status).toBe(200);
      return { authorization: `Bearer ${((await res.json()) as { accessToken: string }).accessToken}` };
    };
    const signIn = () => signInAs('curator@demo.local');
    let auth = await signIn();
    const associations = (await (await fetch(`${base}/api/associations`)).json()) as { items: Array<{ id: string; code: string }> };
    const associationId = associations.items.find((a) => a.code === 'hoi-tin-hoc')!.id;
    // The demo start already gave the association members (its curation workload): count from there.
    const approvedMembers = async () =>
      (
        (await (await fetch(`${base}/api/associations/${associationId}/members?status=approved&pageSize=1`, { headers: auth })).json()) as {
          total: number;
        }
      ).total;
    const membersBefore = await approvedMembers();
    const job = async (id: string) =>
      (await (await fetch(`${base}/api/curation/imports/${id}`, { headers: auth })).json()) as {
        status: string;
        processedRows: number;
        counts: Record<string, number>;
      };

    const lines = ['full_name,email'];
    for (let i = 0; i < ROWS; i++) lines.push(`Người Thử ${i},nguoi.thu.${i}@example.vn`);
    const form = new FormData();
    form.append('file', new Blob([lines.join('\n')]), 'danh-sach.csv');
    const uploaded = await fetch(`${base}/api/curation/imports?associationId=${associationId}`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    expect(uploaded.status).toBe(202);
    const { id } = (await uploaded.json()) as { id: string };
    for (let i = 0; i < 2400 && (await job(id)).status === 'parsing'; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await job(id)).status).toBe('dry_run_ready');
    expect((await fetch(`${base}/api/curation/imports/${id}/confirm`, { method: 'POST', headers: auth })).status).toBe(202);

    // Kill it at once, while it runs: the import commits batch by batch in the background (asking
    // for the job's state here would wait behind those batches; the audit below proves it was cut short).
    await kill(app);

    app = await startApp(env, base);
    auth = await signIn();
    let after = await job(id);
    for (let i = 0; i < 2400 && after.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      after = await job(id);
    }
    expect(after).toMatchObject({ status: 'done', processedRows: ROWS, counts: { created: ROWS } });
    // It was cut short and resumed by itself (not finished before the kill).
    // Admins read the audit log only with two-step sign-in on: enrol it, as the security page does.
    const admin = await signInAs('admin@demo.local');
    const post = (path: string, body: object = {}) =>
      fetch(`${base}${path}`, { method: 'POST', headers: { ...admin, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { secret } = (await (await post('/api/me/mfa/totp/setup')).json()) as { secret: string };
    const code = await generate({ secret, epoch: Math.floor(Date.now() / 30_000) * 30 });
    expect((await post('/api/me/mfa/totp/enable', { code })).status).toBe(200);
    const resumed = (await (await fetch(`${base}/api/admin/audit?action=import.resumed&targetId=${id}`, { headers: admin })).json()) as {
      total: number;
    };
    expect(resumed.total).toBe(1);
    expect(await approvedMembers()).toBe(membersBefore + ROWS);
    await kill(app);
    child = null;
  });
});
