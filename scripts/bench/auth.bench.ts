import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fmt, runLoad, startApp } from './lib.js';

const PASSWORD = 'bench demo password';

/**
 * Cold start (empty DATA_DIR: PGlite init, migrations, Meilisearch spawn, demo seed) and warm
 * restart to ready; then sign-in latency under 20 concurrent clients (argon2id dominates).
 */
export async function benchAuth() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hpen-bench-'));
  const env = {
    DATA_DIR: dataDir,
    SEED_DEMO_PASSWORD: PASSWORD,
    AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
    RATE_LIMIT_PER_MINUTE: '1000000',
  };
  try {
    const cold = await startApp(env);
    await cold.stop();
    const warm = await startApp(env);
    try {
      const body = JSON.stringify({ email: 'expert@demo.local', password: PASSWORD });
      const result = await runLoad({
        connections: 20,
        durationMs: 15_000,
        send: async () => {
          const res = await fetch(`${warm.url}/api/auth/sign-in`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await res.arrayBuffer();
          return res.status === 200;
        },
      });
      return {
        'cold start to ready (empty DATA_DIR)': fmt(cold.readyMs),
        'warm restart to ready': fmt(warm.readyMs),
        'sign-in, 20 concurrent: requests/s': result.perSecond.toFixed(1),
        'sign-in, 20 concurrent: p50': fmt(result.p50),
        'sign-in, 20 concurrent: p95': fmt(result.p95),
        'sign-in, 20 concurrent: p99': fmt(result.p99),
        'sign-in, 20 concurrent: ok / errors': `${result.requests} / ${result.errors}`,
      };
    } finally {
      await warm.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
