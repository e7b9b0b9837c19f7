import { readFileSync, writeFileSync } from 'node:fs';
import { createProfileDataset } from './dataset.js';
import { fmt, percentile, startApp, waitSearchIdle } from './lib.js';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 100_000);
/** Warm requests per endpoint (BENCH_REPORTS_WARM; fewer on a busy machine), and yearly reports per format. */
const WARM = Math.max(1, Number(process.env.BENCH_REPORTS_WARM ?? 20));
const REPORTS = Math.max(1, Number(process.env.BENCH_REPORTS_ANNUAL ?? 3));
const PASSWORD = 'bench demo password';

/** Peak and current resident memory of a process (Linux /proc), in MB. */
function memoryOf(pid: number) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return { peakMb: Number.NaN, rssMb: Number.NaN };
  }
}

/** Resets a process's peak resident memory (Linux: "5" to clear_refs), so the next peak is that of what follows. */
function resetPeak(pid: number) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function timed(n: number, run: () => Promise<Response>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    const res = await run();
    if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  return ms;
}
const p95 = (ms: number[]) => `p50 ${fmt(percentile(ms, 50))}, p95 ${fmt(percentile(ms, 95))} (${ms.length} requests)`;

/**
 * Reports over PROFILES generated profiles: the dashboard overview cold (the first request after
 * start) and warm (goal p95 ≤ 200 ms warm, ≤ 2 s cold), the public statistics, and the yearly report
 * as XLSX and PDF (goal ≤ 10 s) with the server's peak memory.
 */
export async function benchReports() {
  const step = (what: string) => process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${what}\n`);
  step(`generating ${PROFILES} profiles`);
  const dataset = await createProfileDataset(PROFILES);
  step('starting the app (demo seed)');
  const app = await startApp({ ...dataset.env, SEED_DEMO: 'true', SEED_DEMO_PASSWORD: PASSWORD, RATE_LIMIT_PER_MINUTE: '1000000' });
  try {
    step(`app ready in ${fmt(app.readyMs)}; waiting for the search index`);
    await waitSearchIdle(app.url);
    step('measuring');
    const signIn = await fetch(`${app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'officer@demo.local', password: PASSWORD }),
    });
    const headers = { authorization: `Bearer ${((await signIn.json()) as { accessToken: string }).accessToken}` };
    const get = (path: string) => () => fetch(`${app.url}/api${path}`, { headers });
    const firstAt = new Date().toISOString();
    const [cold] = await timed(1, get('/reports/overview'));
    step(`overview cold ${fmt(cold!)}`);
    // Whether the scheduler had stored the figures before the first request (asOf), or the request computed them.
    const asOf = ((await (await get('/reports/overview')()).json()) as { asOf?: string }).asOf;
    const warm = await timed(WARM, get('/reports/overview'));
    step(`overview warm ${p95(warm)}`);
    // A filtered view is computed on request (the whole overview for that filter): its first request is the cost of a computation.
    const [filteredCold] = await timed(1, get('/reports/overview?field=2&from=2020-01-01'));
    step(`overview filtered cold ${fmt(filteredCold!)}`);
    const filtered = await timed(Math.ceil(WARM / 2), get('/reports/overview?field=2&from=2020-01-01'));
    const publicStats = await timed(Math.ceil(WARM / 2), get('/public/statistics'));
    // The peak since start includes the first start's work (seeding, the first passes): reset it for the reports alone.
    const startPeak = memoryOf(app.process.pid!).peakMb;
    const reset = resetPeak(app.process.pid!);
    const before = memoryOf(app.process.pid!);
    const year = new Date().getFullYear();
    step('yearly reports');
    const xlsx = await timed(REPORTS, get(`/reports/annual?year=${year}&format=xlsx`));
    const pdf = await timed(REPORTS, get(`/reports/annual?year=${year}&format=pdf`));
    const after = memoryOf(app.process.pid!);
    return {
      [`overview over ${PROFILES} profiles (${dataset.driver}): cold`]: fmt(cold!),
      'overview: figures as of (stored by the scheduler)': asOf ? `${asOf} (first request at ${firstAt})` : 'not stored',
      'overview: warm': p95(warm),
      'overview filtered by field and period: cold (computed on request)': fmt(filteredCold!),
      'overview filtered by field and period: warm': p95(filtered),
      'public statistics: warm': p95(publicStats),
      'yearly report (city-wide) XLSX': p95(xlsx),
      'yearly report (city-wide) PDF': p95(pdf),
      'server memory: peak from start to the reports': `${startPeak.toFixed(0)} MB`,
      [`server memory: RSS before reports / peak ${reset ? 'during them' : 'since start (clear_refs refused)'}`]: `${before.rssMb.toFixed(0)} MB / ${after.peakMb.toFixed(0)} MB`,
    };
  } finally {
    await app.stop();
    await dataset.dispose();
  }
}
