import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, expertProfiles, users } from '@hpen/db';
import { inArray } from 'drizzle-orm';
import { createProfileDataset } from './dataset.js';
import { fmt, percentile, startApp, waitSearchIdle } from './lib.js';

const PROFILES = Number(process.env.BENCH_CONSULT_PROFILES ?? process.env.BENCH_PROFILES ?? 100_000);
const FAN_OUT = Number(process.env.BENCH_INVITATIONS ?? 1000);
const PASSWORD = 'bench demo password';

const countFiles = (dir: string) => {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0; // no mail yet
  }
};

/** Gives FAN_OUT generated profiles an account (as if their people had claimed them), so they can be invited. */
async function claimProfiles(dataDir: string, databaseUrl: string | undefined, ids: string[]) {
  const handle = databaseUrl
    ? await createDb({ driver: 'postgres', url: databaseUrl, maxConnections: 2 })
    : await createDb({ driver: 'pglite', dataDir: join(dataDir, 'pglite') });
  try {
    const chosen = ids.slice(0, FAN_OUT);
    const rows = await handle.db
      .insert(users)
      .values(chosen.map((_, i) => ({ email: `bench.expert.${i}@example.vn`, fullName: `Bench ${i}`, role: 'expert' as const })))
      .returning({ id: users.id });
    for (const [i, id] of chosen.entries()) {
      await handle.db
        .update(expertProfiles)
        .set({ userId: rows[i]!.id })
        .where(inArray(expertProfiles.id, [id]));
    }
    return chosen;
  } finally {
    await handle.close();
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
  return `p50 ${fmt(percentile(ms, 50))}, p95 ${fmt(percentile(ms, 95))} (${n} requests)`;
}

/**
 * Consultations: suggestions for a case over PROFILES generated profiles (search, scoring and
 * conflict screening), the panel proposal for 7, and the fan-out of FAN_OUT invitations (in-app
 * notifications written with the invitations, then every e-mail delivered by the scheduler).
 */
export async function benchConsultations() {
  const dataset = await createProfileDataset(PROFILES);
  const invitees = await claimProfiles(dataset.env.DATA_DIR!, dataset.env.DATABASE_URL, dataset.ids);
  const app = await startApp({
    ...dataset.env,
    SEED_DEMO: 'true',
    SEED_DEMO_PASSWORD: PASSWORD,
    RATE_LIMIT_PER_MINUTE: '1000000',
    SCHEDULER_POLL_MS: '50',
  });
  try {
    await waitSearchIdle(app.url);
    const signIn = await fetch(`${app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agency@demo.local', password: PASSWORD }),
    });
    const headers = {
      authorization: `Bearer ${((await signIn.json()) as { accessToken: string }).accessToken}`,
      'content-type': 'application/json',
    };
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const body = {
      kind: 'phan_bien',
      title: 'Phản biện đề án logistics cảng biển',
      summary: 'Phát triển dịch vụ logistics',
      fields: ['502', '201'],
      keywords: ['logistics', 'cảng biển'],
      dueAt: due,
      panelSize: 7,
      blind: false,
    };
    const { id } = (await (
      await fetch(`${app.url}/api/consultations`, { method: 'POST', headers, body: JSON.stringify(body) })
    ).json()) as { id: string };
    const get = (path: string) => () => fetch(`${app.url}/api/consultations/${id}/${path}`, { headers });
    await timed(3, get('suggestions')); // warm-up
    const suggestions = await timed(50, get('suggestions'));
    const proposal = await timed(10, get('panel-proposal?size=7'));

    const mailDir = join(dataset.env.DATA_DIR!, 'mail');
    const mailsBefore = countFiles(mailDir);
    const started = performance.now();
    for (let i = 0; i < invitees.length; i += 50) {
      const res = await fetch(`${app.url}/api/consultations/${id}/invitations`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ profileIds: invitees.slice(i, i + 50) }),
      });
      if (res.status !== 201) throw new Error(`invite: ${res.status} ${await res.text()}`);
    }
    const invitedMs = performance.now() - started;
    while (countFiles(mailDir) - mailsBefore < invitees.length) {
      if (performance.now() - started > 600_000) throw new Error('e-mails not delivered in 10 minutes');
      await new Promise((r) => setTimeout(r, 50));
    }
    const mailedMs = performance.now() - started;
    return {
      [`suggestions over ${PROFILES} profiles (${dataset.driver})`]: suggestions,
      'panel proposal for 7': proposal,
      [`${invitees.length} invitations: notifications committed`]: fmt(invitedMs),
      [`${invitees.length} invitations: every e-mail delivered`]: fmt(mailedMs),
    };
  } finally {
    await app.stop();
    await dataset.dispose();
  }
}
