/**
 * Seeds the demo organisations and accounts on request, also against DATABASE_URL.
 * (npm start seeds by itself only on the embedded database.)
 */
import { loadConfig, seedDemo } from '@hpen/server';
import { openMigratedDb } from './lib/open-db.js';

const config = loadConfig();
const handle = await openMigratedDb(config);
try {
  const result = await seedDemo(handle.db, { password: config.seedDemoPassword, syntheticProfiles: 300 });
  if (!result.seeded) console.log('demo data already present: nothing done');
  else console.log([...result.accounts.map((a) => `${a.role.padEnd(8)} ${a.email}`), `password: ${result.password}`].join('\n'));
} finally {
  await handle.close();
}
