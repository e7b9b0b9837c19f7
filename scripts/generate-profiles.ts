/**
 * Generates N realistic expert profiles, deterministic from a seed.
 *
 *   npm run generate:profiles -- --count 100000 --seed 7              # into the configured database
 *   npm run generate:profiles -- --count 100000 --out profiles.ndjson # to a file, one JSON per line
 *
 * Database inserts are unclaimed profiles (as a curator's import would make) queued for search.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createProfileGenerator, insertSyntheticProfiles, loadConfig } from '@hpen/server';
import { openMigratedDb } from './lib/open-db.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
  },
});
const count = Number(values.count);
const seed = Number(values.seed);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: generate-profiles --count N (≥ 1) --seed S (integer) [--out file.ndjson]');
  process.exit(2);
}

const progress = (done: number) => {
  if (done % 10_000 === 0 || done === count) process.stderr.write(`\r${done.toLocaleString('en')} / ${count.toLocaleString('en')}`);
};
const started = performance.now();

if (values.out) {
  // Sub-field codes (below the six top-level areas) of the 12/2008 classification, straight from the reference file (no database needed).
  const csv = readFileSync(new URL('../db/reference/st-fields-12-2008.csv', import.meta.url), 'utf8');
  const fieldCodes = csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols[1] !== '1')
    .map((cols) => cols[0]!);
  const next = createProfileGenerator({ seed, fieldCodes });
  const out = createWriteStream(values.out);
  for (let i = 1; i <= count; i++) {
    if (!out.write(`${JSON.stringify(next())}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    progress(i);
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
} else {
  const config = loadConfig();
  const handle = await openMigratedDb(config);
  try {
    await insertSyntheticProfiles(handle.db, { count, seed, enqueueForSearch: true, onProgress: progress });
  } finally {
    await handle.close();
  }
}
process.stderr.write(`\n${count} profiles in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
