import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle } from '@hpen/db';
import { createSearchClient, expertIndexName, startLocalMeilisearch } from '@hpen/search';
import { sql } from 'drizzle-orm';
import type { Meilisearch } from 'meilisearch';
import { meiliSearchParams } from '../../server/src/modules/search/search.service.js';
import { searchQuerySchema } from '../../server/src/modules/search/search.schemas.js';
import { createProfileDataset } from './dataset.js';
import { enrolAdminTotp, fmt, percentile, runLoad, startApp, type LoadResult } from './lib.js';

const COUNT = Number(process.env.BENCH_PROFILES ?? 100_000);
const PASSWORD = 'bench demo password';
const PREFIX = 'bench';
const DURATION_MS = 10_000;

/** The same faceted searches through every path: words typed without diacritics, one filter, three facets. */
const QUERIES = [
  { q: 'nguyen', sector: 'seaport' },
  { q: 'logistics', sector: 'logistics' },
  { q: 'cang bien', sector: undefined },
  { q: 'hai phong', sector: 'tourism' },
  { q: 'tri tue nhan tao', sector: undefined },
  { q: 'tran thi lan', sector: undefined },
  { q: '', sector: 'health' },
];

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
/** GET through node:http keep-alive; resolves with the status once the whole body has arrived. */
function httpGet(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

async function poll<T>(fn: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // A busy server may drop an idle keep-alive connection: a failed poll is just tried again.
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

const row = (label: string, r: LoadResult) => ({
  [`${label}: p50 / p95 / p99`]: `${fmt(r.p50)} / ${fmt(r.p95)} / ${fmt(r.p99)}  (${r.perSecond.toFixed(0)} req/s, ${r.errors} errors)`,
});
/** Issue 12 item 5's goals: p95 ≤ 1.3× direct at one client, throughput ≥ 0.8× direct at 16. */
const ratio = (value: number, goal: string) => `${value.toFixed(2)} (goal ${goal})`;

/**
 * Search over COUNT generated profiles: reindex time; one faceted query mix at 1 and 16
 * concurrent clients through the API, directly against Meilisearch, and as a PostgreSQL ILIKE
 * baseline; write-to-searchable lag.
 */
export async function benchSearch() {
  const dataset = await createProfileDataset(COUNT);
  const meiliDir = mkdtempSync(join(tmpdir(), 'hpen-bench-meili-'));
  const meili = await startLocalMeilisearch({ dataDir: meiliDir });
  const client = createSearchClient(meili.url, meili.masterKey).client;
  const figures: Record<string, string> = {};
  try {
    const app = await startApp({
      ...dataset.env,
      SEED_DEMO: 'true',
      SEED_DEMO_PASSWORD: PASSWORD,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: PREFIX,
      RATE_LIMIT_PER_MINUTE: '100000000',
      AUTH_RATE_LIMIT_PER_MINUTE: '100000',
    });
    try {
      const signIn = async (email: string) => {
        const res = await fetch(`${app.url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: PASSWORD }),
        });
        return ((await res.json()) as { accessToken: string }).accessToken;
      };
      let admin = await signIn('admin@demo.local');
      await enrolAdminTotp(app.url, admin);
      const status = async () =>
        (await (await fetch(`${app.url}/api/admin/search/status`, { headers: { authorization: `Bearer ${admin}` } })).json()) as {
          reindex: { running: boolean; ms: number | null; finishedAt: string | null; documents: { public: number } | null };
          outbox: { pending: number };
        };
      // The app found empty indexes and rebuilt them at start; then a second, explicit rebuild with swap.
      await poll(async () => ((await status()).reindex.finishedAt ? true : undefined), 600_000);
      const first = (await status()).reindex;
      figures[`reindex at start (${first.documents?.public} public docs)`] = fmt(first.ms ?? NaN);
      const reindexStarted = new Date().toISOString();
      await fetch(`${app.url}/api/admin/search/reindex`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
      const second = await poll(async () => {
        const s = (await status()).reindex;
        return s.running ? undefined : s;
      }, 600_000);
      figures['full reindex with swap, while serving'] = fmt(second.ms ?? NaN);
      const busy = await indexingBusy(client, reindexStarted);
      Object.assign(figures, busy.figures);
      // Issue 12 item 6: our side (reading, projecting, sending) adds at most 15 % to Meilisearch's own work.
      figures['reindex / Meilisearch busy ratio'] = ratio((second.ms ?? NaN) / busy.busyMs, '≤ 1.15');
      await poll(async () => ((await status()).outbox.pending === 0 ? true : undefined), 120_000);
      if (process.env.BENCH_PROXIMITY !== 'off') Object.assign(figures, await proximityCost(client, expertIndexName(PREFIX, 'public')));

      let i = 0;
      /** The next query of the mix, as the API's query string: three facets and the sector filter. */
      const nextQuery = () => {
        const { q, sector } = QUERIES[i++ % QUERIES.length]!;
        return { q, facets: 'degree,sector,locationKind', ...(sector ? { sector } : {}) };
      };
      // Both paths through the same client (node:http keep-alive, as the app's Meilisearch client),
      // so the ratio measures the API, not two HTTP client libraries.
      const viaApi = async () => (await httpGet(`${app.url}/api/experts/search?${new URLSearchParams(nextQuery())}`)) === 200;
      const index = client.index(expertIndexName(PREFIX, 'public'));
      // Directly: exactly the parameters the API sends for the same query (filters, facets, highlights).
      const processing: number[] = [];
      const direct = async () => {
        const query = searchQuerySchema.parse(nextQuery());
        processing.push((await index.search(query.q, meiliSearchParams(query))).processingTimeMs);
        return true;
      };
      // The floor: the least Meilisearch can be asked (words only, 20 ids, no filter, no facet).
      const bare = async () => {
        await index.search(nextQuery().q, { limit: 20, attributesToRetrieve: ['id'] });
        return true;
      };
      for (const c of [1, 16]) {
        const api = await runLoad({ connections: c, durationMs: DURATION_MS, send: viaApi });
        processing.length = 0;
        const meili = await runLoad({ connections: c, durationMs: DURATION_MS, send: direct });
        processing.sort((a, b) => a - b);
        Object.assign(
          figures,
          row(`faceted query, ${c} client(s), API`, api),
          row(`faceted query, ${c} client(s), Meilisearch direct`, meili),
        );
        figures[`API / direct p50 / p95 / p99 ratio, ${c} client(s)`] =
          `${(api.p50 / meili.p50).toFixed(2)} / ${ratio(api.p95 / meili.p95, c === 1 ? '≤ 1.3' : '—')} / ${(api.p99 / meili.p99).toFixed(2)}`;
        figures[`API / direct throughput, ${c} client(s)`] = ratio(api.perSecond / meili.perSecond, c === 16 ? '≥ 0.8' : '—');
        figures[`Meilisearch's own processing time (processingTimeMs), ${c} client(s): p50 / p95`] =
          `${fmt(percentile(processing, 50))} / ${fmt(percentile(processing, 95))}`;
        Object.assign(
          figures,
          row(
            `floor: words only, 20 ids, no filter or facet, ${c} client(s), Meilisearch direct`,
            await runLoad({ connections: c, durationMs: DURATION_MS, send: bare }),
          ),
        );
      }

      // Write-to-searchable lag: an expert saves a new keyword; time until the public index finds it.
      const expert = await signIn('expert@demo.local');
      admin = '';
      const lags: number[] = [];
      const patchTimes: number[] = [];
      let version = (
        (await (await fetch(`${app.url}/api/me/profile`, { headers: { authorization: `Bearer ${expert}` } })).json()) as { version: number }
      ).version;
      for (let n = 0; n < 40; n++) {
        const word = `zlag${n}x${Date.now().toString(36)}`;
        const t0 = performance.now();
        const res = await fetch(`${app.url}/api/me/profile`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${expert}`, 'content-type': 'application/json' },
          body: JSON.stringify({ keywords: [word], version }),
        });
        if (res.status !== 200) throw new Error(`profile save failed: ${res.status} ${await res.text()}`);
        version += 1;
        patchTimes.push(performance.now() - t0);
        await poll(async () => ((await index.search(word, { limit: 1 })).hits.length ? true : undefined), 30_000, 5);
        lags.push(performance.now() - t0);
      }
      // BENCH_VERBOSE=1: every save's lag, with the save request's own time in brackets.
      if (process.env.BENCH_VERBOSE)
        console.error(`lags (save): ${lags.map((l, k) => `${l.toFixed(0)} (${patchTimes[k]!.toFixed(0)})`).join(', ')} ms`);
      lags.sort((a, b) => a - b);
      figures['write-to-searchable lag p50 / p95 (40 saves)'] = `${fmt(percentile(lags, 50))} / ${fmt(percentile(lags, 95))}`;
    } finally {
      await app.stop();
    }

    // PostgreSQL baseline on the same rows and queries: ILIKE on the folded name and the keywords and bio, plus facet counts.
    const pg = await openDataset(dataset.env);
    try {
      const baseline = async () => {
        const { q, sector } = nextBaseline();
        const like = `%${q}%`;
        const where = sql`(${q ? sql`(full_name_folded ilike ${like} or (content->>'keywords') ilike ${like} or (content->'bio'->>'vi') ilike ${like})` : sql`true`}) and ${sector ? sql`content->'sectors' ? ${sector}` : sql`true`}`;
        await Promise.all([
          pg.db.execute(sql`select id, full_name from expert_profiles where ${where} order by full_name_folded limit 20`),
          pg.db.execute(sql`select count(*) from expert_profiles where ${where}`),
          pg.db.execute(sql`select highest_degree, count(*) from expert_profiles where ${where} group by 1`),
          pg.db.execute(
            sql`select s, count(*) from expert_profiles, jsonb_array_elements_text(content->'sectors') s where ${where} group by 1`,
          ),
          pg.db.execute(sql`select content->'location'->>'kind', count(*) from expert_profiles where ${where} group by 1`),
        ]);
        return true;
      };
      let j = 0;
      const nextBaseline = () => QUERIES[j++ % QUERIES.length]!;
      // PGlite has one connection: 16 clients only queue behind each other, so it runs 1 client there.
      for (const c of dataset.driver === 'postgres' ? [1, 16] : [1])
        Object.assign(
          figures,
          row(
            `faceted query, ${c} client(s), PostgreSQL ILIKE (${dataset.driver})`,
            await runLoad({ connections: c, durationMs: 5_000, warmupMs: 0, send: baseline }),
          ),
        );
    } finally {
      await pg.close();
    }
    return figures;
  } finally {
    await meili.stop();
    rmSync(meiliDir, { recursive: true, force: true });
    await dataset.dispose();
  }
}

/** "PT26.41S", "PT1M2.5S" → ms. */
const isoMs = (d: string | null) => {
  const m = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(d ?? '');
  return m ? ((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000 : 0;
};
/** "17.47s", "940.99ms", "97.26µs" → ms. */
const traceMs = (v: unknown) => {
  const m = /^([\d.]+)(s|ms|µs)$/.exec(String(v));
  return m ? Number(m[1]) * { s: 1000, ms: 1, µs: 0.001 }[m[2] as 's' | 'ms' | 'µs'] : 0;
};

/**
 * Where a reindex's time goes: how long Meilisearch itself was busy adding the documents, and
 * how much of that was cutting the text into words (its progress trace), from its batches.
 */
async function indexingBusy(client: Meilisearch, since: string): Promise<{ busyMs: number; figures: Record<string, string> }> {
  const batches = (await client.batches.getBatches({ afterStartedAt: since, types: ['documentAdditionOrUpdate'], limit: 1000 })).results;
  let busy = 0;
  let words = 0;
  for (const b of batches) {
    busy += isoMs(b.duration);
    words += traceMs(b.stats.progressTrace?.['processing tasks > indexing > extracting words']);
  }
  return {
    busyMs: busy,
    figures: {
      'reindex with swap: Meilisearch busy adding documents / of which extracting words': `${fmt(busy)} / ${fmt(words)} (${batches.length} batches)`,
    },
  };
}

/**
 * What proximityPrecision "byWord" costs at indexing (issue 12 item 6): the public index's documents
 * added to two scratch indexes with its settings, byWord and byAttribute, timed by Meilisearch's
 * own task durations. BENCH_PROXIMITY=off skips it (it indexes the documents twice more).
 */
async function proximityCost(client: Meilisearch, source: string): Promise<Record<string, string>> {
  const settings = await client.index(source).getSettings();
  const documents: Array<Record<string, unknown>> = [];
  for (let offset = 0; ; offset += 5000) {
    const page = await client.index(source).getDocuments({ offset, limit: 5000 });
    documents.push(...(page.results as Array<Record<string, unknown>>));
    if (page.results.length < 5000) break;
  }
  const busy: Record<string, number> = {};
  for (const precision of ['byWord', 'byAttribute'] as const) {
    const uid = `${source}_proximity_${precision}`;
    await client.deleteIndex(uid).waitTask({ timeout: 600_000 });
    await client.createIndex(uid, { primaryKey: 'id' }).waitTask({ timeout: 600_000 });
    const index = client.index(uid);
    await index.updateSettings({ ...settings, proximityPrecision: precision }).waitTask({ timeout: 600_000 });
    let ms = 0;
    for (let i = 0; i < documents.length; i += 10_000) {
      const task = await index.addDocuments(documents.slice(i, i + 10_000)).waitTask({ timeout: 600_000, interval: 100 });
      ms += isoMs(task.duration);
    }
    busy[precision] = ms;
    await client.deleteIndex(uid).waitTask({ timeout: 600_000 });
  }
  return {
    [`indexing ${documents.length} public docs: byWord / byAttribute (Meilisearch busy)`]: `${fmt(busy.byWord!)} / ${fmt(busy.byAttribute!)} (byWord costs ${((busy.byWord! / busy.byAttribute! - 1) * 100).toFixed(0)} %)`,
  };
}

async function openDataset(env: Record<string, string>): Promise<DbHandle> {
  return env.DATABASE_URL
    ? createDb({ driver: 'postgres', url: env.DATABASE_URL, maxConnections: 16 })
    : createDb({ driver: 'pglite', dataDir: join(env.DATA_DIR!, 'pglite') });
}
