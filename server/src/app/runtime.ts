import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDb, type DbHandle, migrateDb } from '@hpen/db';
import { createSearchClient, type SearchHandle, startLocalMeilisearch } from '@hpen/search';
import type { AppConfig } from './config.js';

export interface Runtime {
  database: DbHandle;
  search: SearchHandle;
  jwtSecret: string;
  /** Closes everything that was opened, in reverse order. */
  close(): Promise<void>;
}

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * Without JWT_SECRET a random secret is generated once and kept in DATA_DIR, so restarts
 * do not sign everybody out. Several instances need a shared JWT_SECRET.
 */
function loadOrCreateJwtSecret(config: AppConfig, log: Log): string {
  if (config.jwtSecret) return config.jwtSecret;
  const file = join(config.dataDir, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  if (config.database.driver === 'postgres')
    log.warn('JWT_SECRET is not set: generated one in DATA_DIR; set it when running several instances');
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Opens the database (migrated) and reaches or spawns Meilisearch. */
export async function openRuntime(config: AppConfig, log: Log): Promise<Runtime> {
  const closers: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const fn of closers.reverse()) await fn().catch(() => {});
  };
  try {
    const database = await createDb(
      config.database.driver === 'postgres'
        ? { driver: 'postgres', url: config.database.url, maxConnections: config.database.poolMax }
        : { driver: 'pglite', dataDir: config.database.dataDir },
    );
    closers.push(() => database.close());
    await migrateDb(database);
    log.info(
      config.database.driver === 'postgres'
        ? 'database: PostgreSQL (DATABASE_URL), migrated'
        : `database: embedded PGlite in ${config.database.dataDir}, migrated`,
    );

    let search: SearchHandle;
    if ('url' in config.meili) {
      search = createSearchClient(config.meili.url, config.meili.masterKey);
      log.info(`search: Meilisearch at ${config.meili.url}`);
    } else {
      const local = await startLocalMeilisearch({
        dataDir: config.meili.dataDir,
        maxIndexingThreads: config.meili.maxIndexingThreads,
        maxIndexingMemory: config.meili.maxIndexingMemory,
        ...(config.meili.binary ? { binary: config.meili.binary } : {}),
        onRestart: ({ restarts, reason, error }) =>
          log.warn(
            error
              ? `search: restarting the local Meilisearch (${reason}) failed: ${error}; trying again`
              : `search: the local Meilisearch ${reason}; restarted it (restart #${restarts})`,
          ),
      });
      closers.push(() => local.stop());
      search = { ...createSearchClient(local.url, local.masterKey), restarts: local.restarts };
      log.info(`search: local Meilisearch at ${local.url} (data in ${config.meili.dataDir})`);
    }
    return { database, search, jwtSecret: loadOrCreateJwtSecret(config, log), close };
  } catch (error) {
    await close();
    throw error;
  }
}
