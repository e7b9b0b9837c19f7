import { createProfileGenerator } from '@hpen/server';
import { createProfileDataset } from './dataset.js';
import { fmt, loadFigures, runLoad, startApp, startBareServer, waitSearchIdle } from './lib.js';

const COUNT = Number(process.env.BENCH_PROFILES ?? 100_000);
const CONNECTIONS = 50;
const DURATION_MS = 15_000;

/**
 * Profiles: generator speed; then GET /api/experts/:id for random ids among COUNT generated
 * profiles at 50 concurrent clients, next to a bare Fastify route in the same run.
 */
export async function benchExperts() {
  const next = createProfileGenerator({ seed: 7, fieldCodes: ['101', '102', '201', '205', '301', '502'] });
  const genStart = performance.now();
  for (let i = 0; i < COUNT; i++) next();
  const generatorMs = performance.now() - genStart;

  const dataset = await createProfileDataset(COUNT);
  try {
    const app = await startApp({ ...dataset.env, RATE_LIMIT_PER_MINUTE: '100000000' });
    // Steady state: the app first builds its (new, empty) search indexes from the 100 000 rows.
    await waitSearchIdle(app.url);
    const bare = await startBareServer();
    try {
      const pick = () => dataset.ids[Math.floor(Math.random() * dataset.ids.length)]!;
      const get = (url: string) => async () => {
        const res = await fetch(url);
        await res.arrayBuffer();
        return res.status === 200;
      };
      const bareResult = await runLoad({
        connections: CONNECTIONS,
        durationMs: DURATION_MS,
        send: () => get(`${bare.url}/bare/${pick()}`)(),
      });
      const apiResult = await runLoad({
        connections: CONNECTIONS,
        durationMs: DURATION_MS,
        send: () => get(`${app.url}/api/experts/${pick()}`)(),
      });
      return {
        [`generator: ${COUNT} profiles`]: fmt(generatorMs),
        [`insert ${COUNT} profiles (${dataset.driver})`]: fmt(dataset.insertMs),
        ...loadFigures(`GET /api/experts/:id, ${CONNECTIONS} conc.`, apiResult),
        ...loadFigures(`bare Fastify route, ${CONNECTIONS} conc.`, bareResult),
        'API / bare throughput ratio': (apiResult.perSecond / bareResult.perSecond).toFixed(2),
        'API / bare p95 ratio': (apiResult.p95 / bareResult.p95).toFixed(2),
      };
    } finally {
      await Promise.all([app.stop(), bare.stop()]);
    }
  } finally {
    await dataset.dispose();
  }
}
