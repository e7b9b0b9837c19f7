/** Applies the committed migrations to DATABASE_URL, or to the embedded PGlite in DATA_DIR. */
import { createDb, migrateDb } from '@hpen/db';
import { loadConfig } from '@hpen/server';

const config = loadConfig();
const handle = await createDb(
  config.database.driver === 'postgres'
    ? { driver: 'postgres', url: config.database.url, maxConnections: 1 }
    : { driver: 'pglite', dataDir: config.database.dataDir },
);
try {
  await migrateDb(handle);
  console.log(`migrations applied (${config.database.driver})`);
} finally {
  await handle.close();
}
