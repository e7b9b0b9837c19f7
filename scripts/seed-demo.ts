/**
 * Seeds the demo organisations and accounts on request, also against DATABASE_URL.
 * (npm start seeds by itself only on the embedded database.)
 */
import { createDb, migrateDb } from '@hpen/db';
import { loadConfig, seedDemo } from '@hpen/server';

const config = loadConfig();
const handle = await createDb(
  config.database.driver === 'postgres'
    ? { driver: 'postgres', url: config.database.url, maxConnections: 2 }
    : { driver: 'pglite', dataDir: config.database.dataDir },
);
try {
  await migrateDb(handle);
  const result = await seedDemo(handle.db, { password: config.seedDemoPassword, syntheticProfiles: 300 });
  if (!result.seeded) console.log('demo data already present: nothing done');
  else console.log([...result.accounts.map((a) => `${a.role.padEnd(8)} ${a.email}`), `password: ${result.password}`].join('\n'));
} finally {
  await handle.close();
}
