import { type ChildProcess, spawn } from 'node:child_process';
import { freePort } from '@hpen/search';

export interface RunningApp {
  url: string;
  process: ChildProcess;
  /** Milliseconds from spawn to the first 200 from /readyz. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Starts the real server (as `npm start` does, minus the web build) and waits until ready. */
/** How long the app may take to answer /readyz (BENCH_READY_TIMEOUT_MS; a busy machine needs more). */
const READY_TIMEOUT_MS = Number(process.env.BENCH_READY_TIMEOUT_MS ?? 120_000);

/** Detached children still running: ended if the bench itself is stopped (Ctrl-C, `timeout`) or exits. */
const live = new Set<ChildProcess>();
let handlersInstalled = false;
function track(child: ChildProcess) {
  live.add(child);
  child.once('exit', () => live.delete(child));
  if (handlersInstalled) return;
  handlersInstalled = true;
  const killAll = () => {
    for (const c of live)
      try {
        process.kill(-c.pid!, 'SIGKILL');
      } catch {
        // gone already
      }
  };
  process.once('exit', killAll);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.once(sig, () => {
      process.stderr.write(`\n${sig}: stopping ${live.size} app process group(s)\n`);
      killAll();
      process.exit(128 + (sig === 'SIGINT' ? 2 : sig === 'SIGTERM' ? 15 : 1));
    });
}

export async function startApp(env: Record<string, string>): Promise<RunningApp> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  // BENCH_CPU_PROF=<dir>: the app writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  track(child);
  let output = '';
  child.stdout?.on('data', (c) => (output += c));
  child.stderr?.on('data', (c) => (output += c));
  let ready = false;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`app exited:\n${output}`);
      try {
        const res = await fetch(`${url}/readyz`);
        if (res.ok) break;
      } catch {
        // not up yet
      }
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`app not ready in ${READY_TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    ready = true;
  } finally {
    // A start-up that failed or timed out must not leave a detached app (and its children) running.
    if (!ready) await stopGroup(child);
  }
  const readyMs = performance.now() - started;
  // What the first start spent on each demo seed step (main.ts says so), as progress beside the figures.
  for (const line of output.split('\n')) if (line.startsWith('demo: ')) process.stderr.write(`  ${line}\n`);
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) process.stderr.write(`\nthe app exited unexpectedly (${code ?? signal}); its last output:\n${output.slice(-4000)}\n`);
  });
  return {
    url,
    process: child,
    readyMs,
    stop: () => {
      stopping = true;
      return stopGroup(child);
    },
  };
}

/**
 * Ends a detached child's whole process group: SIGTERM, then SIGKILL if it is still there after
 * `graceMs`. Resolves once the child has exited (at once if it already had).
 */
export async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // the group is gone already
    }
  };
  if (child.exitCode !== null || child.signalCode !== null) {
    signal('SIGKILL'); // the leader is gone; its children may not be
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
  if ((await Promise.race([exited, late])) === 'late') {
    signal('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

export interface LoadResult {
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/**
 * Closed-loop load: `connections` clients each send the next request when the last answers.
 * Exact percentiles from every latency (autocannon's histogram has no p95 bucket).
 */
export async function runLoad(options: {
  connections: number;
  durationMs: number;
  warmupMs?: number;
  send: () => Promise<boolean>;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const warmupEnd = performance.now() + (options.warmupMs ?? 1000);
  const end = warmupEnd + options.durationMs;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const ok = await options.send().catch(() => false);
      const t1 = performance.now();
      if (t0 < warmupEnd) continue;
      if (ok) latencies.push(t1 - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    perSecond: latencies.length / (options.durationMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
  };
}

/** Starts scripts/bench/bare-server.ts: the same machine's ceiling for a trivial Fastify route. */
export async function startBareServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/bare-server.ts'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  track(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (c: Buffer) => c.toString().includes('ready') && resolve());
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        process.kill(-child.pid!, 'SIGTERM');
      }),
  };
}

/** Formats a load result under a label, for the figures table. */
export function loadFigures(label: string, r: LoadResult): Record<string, string> {
  return {
    [`${label}: requests/s`]: r.perSecond.toFixed(0),
    [`${label}: p50`]: fmt(r.p50),
    [`${label}: p95`]: fmt(r.p95),
    [`${label}: ok / errors`]: `${r.requests} / ${r.errors}`,
  };
}

/** Waits until the app reports no search rebuild running and nothing waiting in the outbox. */
export async function waitSearchIdle(url: string, timeoutMs = 900_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ready = (await (await fetch(`${url}/readyz`)).json()) as {
      checks: { searchSync?: { details?: { pending?: number; reindex?: unknown; usable?: boolean } } };
    };
    const d = ready.checks.searchSync?.details;
    if (d && d.usable !== false && !d.reindex && d.pending === 0) return;
    if (Date.now() > until) throw new Error('search did not settle');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Turns on two-step sign-in for a signed-in admin (admin routes refuse an admin without it),
 * as the web's security page does; the access token keeps working.
 */
export async function enrolAdminTotp(url: string, accessToken: string) {
  const post = (path: string, body: object = {}) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const { secret } = (await (await post('/api/me/mfa/totp/setup')).json()) as { secret: string };
  const { generate } = await import('otplib');
  const code = await generate({ secret, epoch: Math.floor(Date.now() / 30_000) * 30 });
  const res = await post('/api/me/mfa/totp/enable', { code });
  if (res.status !== 200) throw new Error(`TOTP enrolment failed: ${res.status} ${await res.text()}`);
}
