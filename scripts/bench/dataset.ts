import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type DbHandle, expertProfiles, migrateDb } from '@hpen/db';
import { type InsertSyntheticOptions, insertSyntheticProfiles } from '@hpen/server';
import postgres from 'postgres';

export interface ProfileDataset {
  /** Environment for the app under test: its DATA_DIR and, on PostgreSQL, DATABASE_URL. */
  env: Record<string, string>;
  driver: 'pglite' | 'postgres';
  ids: string[];
  insertMs: number;
  dispose(): Promise<void>;
}

/**
 * A fresh database holding `count` generated profiles. Embedded PGlite in a temporary DATA_DIR
 * by default; with BENCH_DATABASE_URL (a PostgreSQL server URL), a throwaway database there.
 */
export async function createProfileDataset(
  count: number,
  seed = 7,
  generation: Pick<InsertSyntheticOptions, 'visibilityVariation' | 'onGenerated'> = {},
): Promise<ProfileDataset> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hpen-bench-'));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  let handle: DbHandle;
  let env: Record<string, string> = { DATA_DIR: dataDir, SEED_DEMO: 'false' };
  let dropDatabase = async () => {};
  if (serverUrl) {
    const name = `hpen_bench_${randomBytes(5).toString('hex')}`;
    const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    env = { ...env, DATABASE_URL: url.toString() };
    handle = await createDb({ driver: 'postgres', url: url.toString(), maxConnections: 4 });
    dropDatabase = async () => {
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  } else {
    handle = await createDb({ driver: 'pglite', dataDir: join(dataDir, 'pglite') });
  }
  await migrateDb(handle);
  const started = performance.now();
  await insertSyntheticProfiles(handle.db, {
    count,
    seed,
    batchSize: 1000,
    ...generation,
    onProgress: (done) => {
      if (done % 10_000 === 0) process.stderr.write(`\r  inserting profiles: ${done} / ${count}`);
    },
  });
  const insertMs = performance.now() - started;
  process.stderr.write('\n');
  const ids = (await handle.db.select({ id: expertProfiles.id }).from(expertProfiles)).map((r) => r.id);
  await handle.close();
  return {
    env,
    driver: serverUrl ? 'postgres' : 'pglite',
    ids,
    insertMs,
    async dispose() {
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
