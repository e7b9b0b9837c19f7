import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** Either driver's database: both drizzle drivers share the PgDatabase query API. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** What a transaction callback receives; repositories accept either. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export interface DbHandle {
  db: Database;
  driver: 'postgres' | 'pglite';
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type DbOptions =
  | { driver: 'postgres'; url: string; maxConnections?: number }
  /** dataDir undefined = in-memory (tests). */
  | { driver: 'pglite'; dataDir?: string };

export const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.driver === 'postgres') {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connection: { application_name: 'hpen' },
    });
    const db = drizzle(client, { schema }) as unknown as Database;
    return {
      db,
      driver: 'postgres',
      ping: async () => void (await db.execute(sql`select 1`)),
      close: () => client.end({ timeout: 5 }),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  // One options object: PGlite silently ignores a second argument.
  const client = new PGlite({ ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Database;
  return {
    db,
    driver: 'pglite',
    ping: async () => void (await db.execute(sql`select 1`)),
    close: () => client.close(),
  };
}

/** Applies the committed SQL migrations with the driver's own migrator. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.driver === 'postgres') {
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder });
  }
}
