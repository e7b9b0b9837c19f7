import { join } from 'node:path';
import { createDb, expertProfiles, users } from '@hpen/db';
import { pooledByDefault } from '@hpen/server';
import { inArray } from 'drizzle-orm';
import { createProfileDataset } from './dataset.js';
import { fmt, percentile, startApp, waitSearchIdle } from './lib.js';
import { startSmtpSink } from './smtp-sink.js';

const PROFILES = Number(process.env.BENCH_CONSULT_PROFILES ?? process.env.BENCH_PROFILES ?? 100_000);
const FAN_OUT = Number(process.env.BENCH_INVITATIONS ?? 1000);
const PASSWORD = 'bench demo password';

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
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), n };
}
const show = (t: { p50: number; p95: number; n: number }) => `p50 ${fmt(t.p50)}, p95 ${fmt(t.p95)} (${t.n} requests)`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function until(done: () => boolean, limitMs: number, what: string) {
  const started = performance.now();
  while (!done()) {
    if (performance.now() - started > limitMs) throw new Error(`${what}: not done in ${limitMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - started;
}

/** The baseline of the fan-out: as many messages sent straight to the sink through the app's transport (a pool of 3). */
async function rawSmtp(url: string, count: number) {
  const { createTransport } = await import('nodemailer');
  const transport = createTransport(pooledByDefault(url));
  const started = performance.now();
  const next = { i: 0 };
  const worker = async () => {
    for (let i = next.i++; i < count; i = next.i++)
      await transport.sendMail({ from: 'bench@hpen.local', to: `raw.${i}@example.vn`, subject: 'Lời mời', text: 'Bench' });
  };
  await Promise.all([worker(), worker(), worker()]);
  transport.close();
  return performance.now() - started;
}

/**
 * Consultations: suggestions for a case over PROFILES generated profiles (search, scoring and
 * conflict screening) against the plain agency search with the same words (the baseline), the
 * panel proposal for 7, and the fan-out of FAN_OUT invitations through a real SMTP server
 * (in-app notifications written with the invitations, every e-mail delivered by the scheduler)
 * against sending as many messages straight to it; then the same fan-out while the SMTP server
 * refuses every connection and comes back: how long after it is back, and that no mail is lost.
 */
export async function benchConsultations() {
  const dataset = await createProfileDataset(PROFILES);
  const invitees = await claimProfiles(dataset.env.DATA_DIR!, dataset.env.DATABASE_URL, dataset.ids);
  const sink = await startSmtpSink();
  const app = await startApp({
    ...dataset.env,
    SEED_DEMO: 'true',
    SEED_DEMO_PASSWORD: PASSWORD,
    RATE_LIMIT_PER_MINUTE: '1000000',
    SCHEDULER_POLL_MS: '50',
    SMTP_URL: sink.url,
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
    const newCase = async (title: string) => {
      const body = {
        kind: 'phan_bien',
        title,
        summary: 'Phát triển dịch vụ logistics',
        fields: ['502', '201'],
        keywords: ['logistics', 'cảng biển'],
        dueAt: due,
        panelSize: 7,
        blind: false,
      };
      const res = await fetch(`${app.url}/api/consultations`, { method: 'POST', headers, body: JSON.stringify(body) });
      return ((await res.json()) as { id: string }).id;
    };
    const id = await newCase('Phản biện đề án logistics cảng biển');
    const get = (path: string) => () => fetch(`${app.url}/api/consultations/${id}/${path}`, { headers });
    const search = () =>
      fetch(`${app.url}/api/experts/search?${new URLSearchParams({ q: 'Phản biện đề án logistics cảng biển logistics cảng biển' })}`, {
        headers,
      });
    await timed(3, get('suggestions')); // warm-up
    await timed(3, search);
    const baseline = await timed(50, search);
    const suggestions = await timed(50, get('suggestions'));
    const proposal = await timed(10, get('panel-proposal?size=7'));

    // Fan-out with the SMTP server up, against as many messages sent straight to it.
    const bench = /^bench\.expert\.\d+@example\.vn$/;
    const invite = async (caseId: string) => {
      for (let i = 0; i < invitees.length; i += 50) {
        const res = await fetch(`${app.url}/api/consultations/${caseId}/invitations`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ profileIds: invitees.slice(i, i + 50) }),
        });
        if (res.status !== 201) throw new Error(`invite: ${res.status} ${await res.text()}`);
      }
    };
    const raw = await rawSmtp(sink.url, invitees.length);
    sink.reset();
    const started = performance.now();
    await invite(id);
    const invitedMs = performance.now() - started;
    await until(() => sink.count(bench) >= invitees.length, 600_000, 'e-mails with SMTP up');
    const mailedMs = performance.now() - started;

    // The SMTP server refuses every connection while the invitations go out, then comes back.
    const second = await newCase('Phản biện đề án logistics cảng biển (đợt 2)');
    sink.reset();
    sink.setDown(true);
    await invite(second);
    await new Promise((r) => setTimeout(r, 3000));
    const whileDown = sink.count(bench);
    sink.setDown(false);
    const recoveredMs = await until(() => sink.count(bench) >= invitees.length, 900_000, 'e-mails after SMTP came back');
    await new Promise((r) => setTimeout(r, 1000)); // late duplicates, if any, arrive now
    const delivered = [...sink.received].filter(([a]) => bench.test(a));
    const duplicates = delivered.reduce((n, [, c]) => n + c - 1, 0);
    const lost = invitees.length - delivered.length;
    return {
      [`suggestions over ${PROFILES} profiles (${dataset.driver})`]: show(suggestions),
      'baseline: agency search, same words': show(baseline),
      'suggestions / search (p95)': ratio(suggestions.p95, baseline.p95),
      'panel proposal for 7': show(proposal),
      'panel proposal / suggestions (p95)': ratio(proposal.p95, suggestions.p95),
      [`${invitees.length} invitations: notifications committed`]: fmt(invitedMs),
      [`${invitees.length} invitations: every e-mail delivered (SMTP)`]: fmt(mailedMs),
      [`baseline: ${invitees.length} messages sent straight to the SMTP server`]: fmt(raw),
      'fan-out / straight sending': ratio(mailedMs, raw),
      'SMTP down 3 s during the fan-out: delivered while down': String(whileDown),
      'SMTP back: every e-mail delivered after': fmt(recoveredMs),
      'SMTP failure: lost / duplicated': `${lost} / ${duplicates}`,
    };
  } finally {
    await app.stop();
    await sink.stop();
    await dataset.dispose();
  }
}
