import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle, migrateDb } from '@hpen/db';
import postgres from 'postgres';

/**
 * A freshly migrated database per test file: in-memory PGlite by default; with DATABASE_URL,
 * a throwaway database on that server, dropped when the file is done.
 */
export async function createTestDb(): Promise<DbHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const handle = await createDb({ driver: 'pglite' });
    await migrateDb(handle);
    return handle;
  }
  const name = `hpen_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await createDb({ driver: 'postgres', url: url.toString(), maxConnections: 5 });
  await migrateDb(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
