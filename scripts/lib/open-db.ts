import { createDb, type DbHandle, migrateDb } from '@hpen/db';
import type { AppConfig } from '@hpen/server';

/** The configured database (PostgreSQL or the embedded PGlite), migrated, for one-off scripts. */
export async function openMigratedDb(config: AppConfig): Promise<DbHandle> {
  const handle = await createDb(
    config.database.driver === 'postgres'
      ? { driver: 'postgres', url: config.database.url, maxConnections: 2 }
      : { driver: 'pglite', dataDir: config.database.dataDir },
  );
  await migrateDb(handle);
  return handle;
}
