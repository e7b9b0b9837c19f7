/** Applies the committed migrations to DATABASE_URL, or to the embedded PGlite in DATA_DIR. */
import { loadConfig } from '@hpen/server';
import { openMigratedDb } from './lib/open-db.js';

const config = loadConfig();
const handle = await openMigratedDb(config);
console.log(`migrations applied (${config.database.driver})`);
await handle.close();
