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
  /** The key that seals TOTP secrets at rest (MFA_SECRET_KEY or DATA_DIR/mfa-secret-key). */
  mfaSecretKey: string;
  /** Closes everything that was opened, in reverse order. */
  close(): Promise<void>;
}

interface Log {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * A secret given in the environment, or one generated once and kept in DATA_DIR (mode 0600), so
 * restarts keep it. Several instances need the same value in the environment.
 */
function loadOrCreateSecret(given: string | undefined, file: string, envName: string, config: AppConfig, log: Log): string {
  if (given) return given;
  const path = join(config.dataDir, file);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  if (config.database.driver === 'postgres')
    log.warn(`${envName} is not set: generated one in DATA_DIR; set it when running several instances`);
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

/** Without JWT_SECRET a random secret is kept in DATA_DIR, so restarts do not sign everybody out. */
const loadOrCreateJwtSecret = (config: AppConfig, log: Log) =>
  loadOrCreateSecret(config.jwtSecret, 'jwt-secret', 'JWT_SECRET', config, log);

/**
 * The key TOTP secrets are encrypted with (issue 18), kept apart from the database like the JWT
 * secret: a database dump alone cannot make sign-in codes. Losing it turns two-step sign-in off in
 * practice (recovery codes and an admin reset still work), so back DATA_DIR up or set MFA_SECRET_KEY.
 */
const loadOrCreateMfaSecretKey = (config: AppConfig, log: Log) =>
  loadOrCreateSecret(config.mfaSecretKey, 'mfa-secret-key', 'MFA_SECRET_KEY', config, log);

/** What buildApp takes from the runtime (main.ts and the scripts). */
export function runtimeDependencies({ database, search, jwtSecret, mfaSecretKey }: Runtime) {
  return { database, search, jwtSecret, mfaSecretKey };
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
    return { database, search, jwtSecret: loadOrCreateJwtSecret(config, log), mfaSecretKey: loadOrCreateMfaSecretKey(config, log), close };
  } catch (error) {
    await close();
    throw error;
  }
}
