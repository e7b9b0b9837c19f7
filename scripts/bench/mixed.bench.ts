import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createProfileDataset } from './dataset.js';
import { fmt, percentile, type RunningApp, startApp, waitSearchIdle } from './lib.js';

/**
 * Mixed load: `clients` closed-loop clients for `seconds` each picking search (50 %), a profile
 * read (30 %), a profile write (15 %) or a sign-in (5 %); errors and p50/p99 per route. Then the
 * same run with the app's Meilisearch killed (SIGKILL) a third of the way in: writes must not
 * fail, and search must come back (the supervisor restarts it) within 30 s.
 * Sizes: BENCH_MIXED_PROFILES (2000), BENCH_MIXED_CLIENTS (200), BENCH_MIXED_SECONDS (60), BENCH_MIXED_EXPERTS (one per client).
 */
const PASSWORD = 'bench: ngựa pin đúng kẹp ghim 2026';
const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
type Route = 'search' | 'profile read' | 'profile write' | 'sign-in';
const WORDS = ['hai', 'nguyen', 'kinh te', 'cang bien', 'y hoc', 'moi truong', 'tran', 'logistics', 'dien', 'hoa hoc'];

interface Expert {
  email: string;
  token: string;
}

async function json(app: RunningApp, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${app.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: (await res.text()) || '{}' };
}

/** Runs `task(i)` for i < count, a few at a time (argon2 makes sign-up and sign-in the slow part). */
async function inParallel<T>(count: number, task: (i: number) => Promise<T>, width = 8): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** Signs up experts and follows their verification links from the dev mail outbox. */
async function createExperts(app: RunningApp, dataDir: string, count: number): Promise<Expert[]> {
  const email = (i: number) => `bench.expert${i}@example.vn`;
  await inParallel(count, async (i) => {
    const up = await json(app, 'POST', '/api/auth/sign-up', {
      email: email(i),
      password: PASSWORD,
      fullName: `Chuyên gia ${i}`,
      acceptPrivacy: true,
    });
    if (up.status !== 201) throw new Error(`sign-up ${up.status}: ${up.body}`);
  });
  const mailDir = join(dataDir, 'mail');
  const tokens = readdirSync(mailDir).map((f) => /verify-email\?token=([\w-]+)/.exec(readFileSync(join(mailDir, f), 'utf8'))?.[1]);
  const found = tokens.filter((t): t is string => Boolean(t));
  await inParallel(found.length, (i) => json(app, 'POST', '/api/auth/verify-email', { token: found[i] }));
  return inParallel(count, async (i) => {
    const res = await json(app, 'POST', '/api/auth/sign-in', { email: email(i), password: PASSWORD });
    return { email: email(i), token: (JSON.parse(res.body) as { accessToken: string }).accessToken };
  });
}

interface Sample {
  route: Route;
  at: number;
  ms: number;
  status: number;
}

async function mixedLoad(app: RunningApp, ids: string[], experts: Expert[], clients: number, seconds: number, midway?: () => void) {
  const samples: Sample[] = [];
  const end = performance.now() + seconds * 1000;
  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  let writes = 0;
  // Each client is one person: their own edits never race each other (as in real use).
  const one = async (expert: Expert): Promise<[Route, number]> => {
    const r = Math.random();
    if (r < 0.5) {
      const res = await json(app, 'GET', `/api/experts/search?q=${encodeURIComponent(pick(WORDS))}&facets=field`);
      return ['search', res.status];
    }
    if (r < 0.8) return ['profile read', (await json(app, 'GET', `/api/experts/${pick(ids)}`)).status];
    if (r < 0.95) {
      const res = await json(
        app,
        'PATCH',
        '/api/me/profile',
        { bio: { vi: `Chuyên gia logistics cảng biển, lần sửa ${++writes}`, en: 'Port logistics expert' } },
        expert.token,
      );
      return ['profile write', res.status];
    }
    return ['sign-in', (await json(app, 'POST', '/api/auth/sign-in', { email: expert.email, password: PASSWORD })).status];
  };
  const midTimer = midway ? setTimeout(midway, (seconds * 1000) / 3) : undefined;
  await Promise.all(
    Array.from({ length: clients }, async (_, i) => {
      const expert = experts[i % experts.length]!;
      while (performance.now() < end) {
        const t0 = performance.now();
        const [route, status] = await one(expert).catch((): [Route, number] => ['search', 0]);
        samples.push({ route, at: t0, ms: performance.now() - t0, status });
      }
    }),
  );
  clearTimeout(midTimer);
  return samples;
}

function figures(label: string, samples: Sample[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const route of ['search', 'profile read', 'profile write', 'sign-in'] as Route[]) {
    const mine = samples.filter((s) => s.route === route);
    const ok = mine.filter((s) => s.status === 200).map((s) => s.ms);
    ok.sort((a, b) => a - b);
    const failed = new Map<number, number>();
    for (const s of mine) if (s.status !== 200) failed.set(s.status, (failed.get(s.status) ?? 0) + 1);
    const why = [...failed].map(([status, n]) => `${n}×${status || 'network'}`).join(', ');
    out[`${label} ${route}: ok / errors`] = `${ok.length} / ${mine.length - ok.length}${why ? ` (${why})` : ''}`;
    out[`${label} ${route}: p50 / p99`] = `${fmt(percentile(ok, 50))} / ${fmt(percentile(ok, 99))}`;
  }
  return out;
}

/** When /readyz first counts a Meilisearch restart (the supervisor's own time, apart from the request backlog). */
async function watchRestart(app: RunningApp): Promise<number> {
  for (let i = 0; i < 600; i++) {
    const ready = (await (await fetch(`${app.url}/readyz`)).json()) as {
      checks: { searchSync?: { details?: { meilisearchRestarts?: number } } };
    };
    if ((ready.checks.searchSync?.details?.meilisearchRestarts ?? 0) > 0) return performance.now();
    await new Promise((r) => setTimeout(r, 100));
  }
  return 0;
}

export async function benchMixed() {
  const clients = num('BENCH_MIXED_CLIENTS', 200);
  const seconds = num('BENCH_MIXED_SECONDS', 60);
  const dataset = await createProfileDataset(num('BENCH_MIXED_PROFILES', 2000));
  const env: Record<string, string> = { ...dataset.env, AUTH_RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_PER_MINUTE: '10000000' };
  const app = await startApp(env);
  try {
    await waitSearchIdle(app.url);
    const experts = await createExperts(app, env.DATA_DIR!, num('BENCH_MIXED_EXPERTS', clients));
    const label = `${dataset.driver}, ${clients} clients`;
    const steady = await mixedLoad(app, dataset.ids, experts, clients, seconds);
    await waitSearchIdle(app.url);

    let killedAt = 0;
    let restartedAt = 0;
    const meiliPid = Number(readFileSync(join(env.DATA_DIR!, 'meilisearch', 'meilisearch.pid'), 'utf8'));
    const faulty = await mixedLoad(app, dataset.ids, experts, clients, seconds, () => {
      killedAt = performance.now();
      process.kill(meiliPid, 'SIGKILL');
      void watchRestart(app).then((at) => (restartedAt = at));
    });
    const searchFailures = faulty.filter((s) => s.route === 'search' && s.status !== 200 && s.at >= killedAt);
    const lastFailure = Math.max(killedAt, ...searchFailures.map((s) => s.at + s.ms));
    const settleStart = performance.now();
    await waitSearchIdle(app.url, 120_000);
    return {
      ...figures(label, steady),
      ...figures(`${label}, Meilisearch killed`, faulty),
      'Meilisearch killed: failed writes': String(faulty.filter((s) => s.route === 'profile write' && s.status !== 200).length),
      'Meilisearch killed: restarted by the app after': restartedAt ? fmt(restartedAt - killedAt) : 'not seen',
      'Meilisearch killed: search back after': killedAt ? fmt(lastFailure - killedAt) : 'not killed',
      'Meilisearch killed: outbox drained after the run in': fmt(performance.now() - settleStart),
    };
  } finally {
    await app.stop();
    await dataset.dispose();
  }
}
