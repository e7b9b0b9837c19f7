import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSearchClient, expertIndexName, startLocalMeilisearch } from '@hpen/search';
import { runExpertSearch } from '../../server/src/modules/search/search.service.js';
import { searchQuerySchema } from '../../server/src/modules/search/search.schemas.js';
import { createProfileDataset } from './dataset.js';
import { startApp, waitSearchIdle } from './lib.js';
import { type ClassFigures, ndcgAt, precisionAt, summarise } from './relevance/metrics.js';
import { type Grade, JUDGED_QUERIES, type JudgedQuery, nameQueries, type Truth } from './relevance/queries.js';

const COUNT = Number(process.env.BENCH_RELEVANCE_PROFILES ?? 10_000);
const NAMES = Number(process.env.BENCH_RELEVANCE_NAMES ?? 100);
const PREFIX = 'relevance';
const K = 10;

/** Classes typed without diacritics: the targets (nDCG@10 ≥ 0.90, top-1 relevant ≥ 95 %) apply to them together. */
const PLAIN = ['topic', 'typo', 'english', 'degree_title', 'shared_syllables'];

/**
 * Relevance on generated profiles whose true topics are known: the judged queries of
 * relevance/queries.ts through the API (as a visitor) and straight to Meilisearch with the same
 * parameters; nDCG@10, precision@10 and top-1 relevance per query class.
 */
export async function benchRelevance() {
  const truth = new Map<string, Truth>();
  const order: string[] = [];
  // Every section keeps its default visibility, so the public index holds every topic the truth knows.
  const dataset = await createProfileDataset(COUNT, 31, {
    visibilityVariation: 0,
    onGenerated: (id, { content, topics }) => {
      truth.set(id, { fullName: content.fullName, topics, degree: content.highestDegree, title: content.academicTitle });
      order.push(id);
    },
  });
  const meiliDir = mkdtempSync(join(tmpdir(), 'hpen-bench-meili-'));
  const meili = await startLocalMeilisearch({ dataDir: meiliDir });
  const client = createSearchClient(meili.url, meili.masterKey).client;
  const index = client.index(expertIndexName(PREFIX, 'public'));
  try {
    const app = await startApp({
      ...dataset.env,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      MEILI_INDEX_PREFIX: PREFIX,
      RATE_LIMIT_PER_MINUTE: '100000000',
    });
    try {
      await waitSearchIdle(app.url);
      const step = Math.max(1, Math.floor(order.length / NAMES));
      const names = order
        .filter((_, i) => i % step === 0)
        .slice(0, NAMES)
        .map((id) => truth.get(id)!.fullName);
      const queries = [...JUDGED_QUERIES, ...nameQueries(names)];
      const viaApi = async (q: string) => {
        const res = await fetch(`${app.url}/api/experts/search?${new URLSearchParams({ q, pageSize: String(K) })}`);
        if (res.status !== 200) throw new Error(`search ${q}: ${res.status} ${await res.text()}`);
        return ((await res.json()) as { hits: Array<{ id: string }> }).hits.map((h) => h.id);
      };
      const direct = async (q: string) => {
        const query = searchQuerySchema.parse({ q, pageSize: String(K) });
        return (await runExpertSearch(client, index.uid, query)).res.hits.map((h) => String(h.id));
      };
      const api = await judge(queries, truth, viaApi);
      const meiliOnly = await judge(queries, truth, direct);
      return { ...figures('API', api), ...figures('Meilisearch alone', meiliOnly), ...targets(api, names.length) };
    } finally {
      await app.stop();
    }
  } finally {
    await meili.stop();
    rmSync(meiliDir, { recursive: true, force: true });
    await dataset.dispose();
  }
}

interface Judged {
  query: JudgedQuery;
  ndcg: number;
  precision: number;
  top1: boolean;
}

async function judge(queries: readonly JudgedQuery[], truth: Map<string, Truth>, run: (q: string) => Promise<string[]>): Promise<Judged[]> {
  const out: Judged[] = [];
  const truths = [...truth.values()];
  for (const query of queries) {
    const all = truths.map(query.judge);
    const ranked = (await run(query.q)).map((id): Grade => {
      const t = truth.get(id);
      return t ? query.judge(t) : 0;
    });
    out.push({
      query,
      ndcg: ndcgAt(K, ranked, all),
      precision: precisionAt(K, ranked, all.filter((g) => g > 0).length),
      top1: (ranked[0] ?? 0) >= (query.strictTop1 ? 2 : 1),
    });
  }
  if (process.env.BENCH_VERBOSE) {
    for (const j of [...out].sort((a, b) => a.ndcg - b.ndcg).slice(0, 25))
      console.error(`  ${j.ndcg.toFixed(2)} ${j.top1 ? 'top1 ok ' : 'top1 BAD'} [${j.query.class}] ${j.query.q}`);
  }
  return out;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const line = (f: ClassFigures) =>
  `nDCG@10 ${f.ndcg.toFixed(3)}  P@10 ${f.precision.toFixed(3)}  top-1 ${pct(f.top1)}  (${f.queries} queries)`;

function figures(path: string, judged: Judged[]): Record<string, string> {
  const out: Record<string, string> = {};
  const byClass = summarise(judged.map((j) => ({ cls: j.query.class, ndcg: j.ndcg, precision: j.precision, top1: j.top1 })));
  for (const [cls, f] of byClass) out[`${path}: ${cls}`] = line(f);
  const plain = summarise(judged.filter((j) => PLAIN.includes(j.query.class)).map((j) => ({ cls: 'plain', ...pick(j) }))).get('plain');
  if (plain) out[`${path}: all typed without diacritics`] = line(plain);
  return out;
}

const pick = (j: Judged) => ({ ndcg: j.ndcg, precision: j.precision, top1: j.top1 });

function targets(api: Judged[], names: number): Record<string, string> {
  const of = (classes: string[]) =>
    summarise(api.filter((j) => classes.includes(j.query.class)).map((j) => ({ cls: 'x', ...pick(j) }))).get('x')!;
  const plain = of(PLAIN);
  const marked = of(['topic_diacritics']);
  const sameWithout = of(['topic']);
  const fullNames = of(['name', 'name_diacritics']);
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return {
    'target nDCG@10 ≥ 0.90 without diacritics (API)': `${plain.ndcg.toFixed(3)} ${verdict(plain.ndcg >= 0.9)}`,
    'target top-1 relevant ≥ 95 % without diacritics (API)': `${pct(plain.top1)} ${verdict(plain.top1 >= 0.95)}`,
    'target with diacritics at least as good (topics, API)': `${marked.ndcg.toFixed(3)} vs ${sameWithout.ndcg.toFixed(3)} ${verdict(marked.ndcg >= sameWithout.ndcg)}`,
    [`target full name rank 1 ≥ 99 % (${names} names, API)`]: `${pct(fullNames.top1)} ${verdict(fullNames.top1 >= 0.99)}`,
  };
}
