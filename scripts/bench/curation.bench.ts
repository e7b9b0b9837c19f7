import { readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProfileGenerator } from '@hpen/server';
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS } from '../../server/src/modules/imports/import-rows.js';
import { createProfileDataset } from './dataset.js';
import { fmt, startApp } from './lib.js';

// The largest member list an import takes (IMPORT_MAX_ROWS).
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);
const PASSWORD = 'bench demo password';

/** Peak resident memory of a process (Linux VmHWM), in MB. */
function peakMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** A member list of ROWS generated people, as a curator would upload it. */
function writeMemberList(path: string) {
  const csv = readFileSync(new URL('../../db/reference/st-fields-12-2008.csv', import.meta.url), 'utf8');
  const fieldCodes = csv
    .split('\n')
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[1] === '2')
    .map((c) => c[0]!);
  const next = createProfileGenerator({ seed: 2027, fieldCodes });
  const rows: string[][] = [[...IMPORT_COLUMNS]];
  for (let i = 0; i < ROWS; i++) {
    const { content: c } = next();
    const p = c.positions.at(-1);
    rows.push([
      c.fullName,
      c.contact.email ?? '',
      c.contact.phone ?? '',
      String(c.birthYear ?? ''),
      c.gender ?? '',
      c.academicTitle ?? '',
      c.highestDegree ?? '',
      c.fields.map((f) => f.code).join(';'),
      c.sectors.join(';'),
      p?.title ?? '',
      p?.organisation ?? '',
      c.orcid ?? '',
      c.location?.kind === 'haiphong' ? (c.location.commune ?? '') : '',
    ]);
  }
  writeFileSync(path, `\uFEFF${stringify(rows)}`);
}

/**
 * Curation: import of a generated ROWS-row CSV through the API (upload, dry run, import), with
 * the server's peak memory; then the duplicate-candidate scan over all the profiles.
 */
export async function benchCuration() {
  const dir = mkdtempSync(join(tmpdir(), 'hpen-bench-curation-'));
  const file = join(dir, 'members.csv');
  writeMemberList(file);
  const dataset = await createProfileDataset(0);
  const app = await startApp({
    ...dataset.env,
    SEED_DEMO: 'true',
    SEED_DEMO_PASSWORD: PASSWORD,
    RATE_LIMIT_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
  });
  try {
    const signIn = await fetch(`${app.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'curator@demo.local', password: PASSWORD }),
    });
    const auth = { authorization: `Bearer ${((await signIn.json()) as { accessToken: string }).accessToken}` };
    const associations = (await (await fetch(`${app.url}/api/associations`)).json()) as { items: Array<{ id: string; code: string }> };
    const associationId = associations.items.find((a) => a.code === 'hoi-hang-hai')!.id;
    const poll = async (id: string, done: (s: string) => boolean) => {
      for (;;) {
        const job = (await (await fetch(`${app.url}/api/curation/imports/${id}`, { headers: auth })).json()) as {
          status: string;
          processedRows: number;
          totalRows: number;
          counts: Record<string, number>;
          error: string | null;
        };
        if (done(job.status)) return job;
        process.stderr.write(`\r  ${job.status} ${job.processedRows}/${job.totalRows}   `);
        await new Promise((r) => setTimeout(r, 500));
      }
    };
    const baselinePeak = peakMb(app.process.pid!);
    // Reset the peak (Linux: 5 → clear_refs resets VmHWM) so it measures the import alone.
    writeFileSync(`/proc/${app.process.pid}/clear_refs`, '5');
    const residentBefore = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${app.process.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    const started = performance.now();
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file)], { type: 'text/csv' }), 'members.csv');
    const uploaded = (await (
      await fetch(`${app.url}/api/curation/imports?associationId=${associationId}`, { method: 'POST', headers: auth, body: form })
    ).json()) as { id: string };
    const uploadMs = performance.now() - started;
    const dry = await poll(uploaded.id, (s) => s !== 'parsing');
    const dryMs = performance.now() - started;
    if (dry.status !== 'dry_run_ready' || dry.counts.invalid) throw new Error(`dry run: ${JSON.stringify(dry)}`);
    const confirmAt = performance.now();
    await fetch(`${app.url}/api/curation/imports/${uploaded.id}/confirm`, { method: 'POST', headers: auth });
    const done = await poll(uploaded.id, (s) => s === 'done' || s === 'failed');
    const importMs = performance.now() - confirmAt;
    process.stderr.write('\n');
    const totalMs = performance.now() - started;
    const peak = peakMb(app.process.pid!);

    const scanStarted = performance.now();
    const scan = (await (await fetch(`${app.url}/api/curation/duplicates/scan`, { method: 'POST', headers: auth })).json()) as {
      profiles: number;
      candidates: number;
      ms: number;
    };
    const scanMs = performance.now() - scanStarted;
    return {
      [`import ${ROWS} rows, ${dataset.driver} (${(statSync(file).size / 1e6).toFixed(1)} MB CSV): upload`]: fmt(uploadMs),
      'import: dry run done (from upload start)': fmt(dryMs),
      'import: confirm to done': fmt(importMs),
      'import: total': `${fmt(totalMs)} (${(ROWS / (totalMs / 1000)).toFixed(0)} rows/s; ${done.status}, created ${done.counts.created ?? 0})`,
      'import: server peak memory (VmHWM)': `${peak.toFixed(0)} MB during the import (resident ${residentBefore.toFixed(0)} MB before it; ${baselinePeak.toFixed(0)} MB peak at start-up)`,
      [`duplicate scan over ${scan.profiles} profiles`]: `${fmt(scan.ms)} in the service, ${fmt(scanMs)} through the API (${scan.candidates} candidate pairs)`,
    };
  } finally {
    await app.stop();
    await dataset.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}
