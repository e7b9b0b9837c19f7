import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DbHandle } from '@hpen/db';
import { createSearchClient, type SearchHandle } from '@hpen/search';
import { buildApp, loadConfig } from '@hpen/server';
import type { FastifyInstance } from 'fastify';
import type { Mailer } from '../../server/src/modules/mail/mail.service.js';
import { inject } from 'vitest';
import { createTestDb } from './test-db.js';

export interface TestApp {
  app: FastifyInstance;
  database: DbHandle;
  dataDir: string;
  /** The dev mail outbox: messages sent to `to`, oldest first. */
  mailTo(to: string): string[];
  /** Waits until the outbox relay has delivered every due change to the search indexes. */
  searchSettled(): Promise<void>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  search?: SearchHandle;
  clock?: () => Date;
  logStream?: NodeJS.WritableStream;
  /** Wait until the search indexes are usable (default); the app itself serves before that. */
  waitForSearch?: boolean;
  /** Instead of the dev mail folder (e.g. a mailer that fails, to test retries). */
  mailer?: Mailer;
  /** An existing database (a restart: the previous app closed with `app.close()`, not `close()`). */
  database?: DbHandle;
}

/** Builds the real app graph on a fresh database and the shared test Meilisearch. */
/** The key the test app seals TOTP secrets with (tests that check the stored column open it with this). */
export const TEST_MFA_SECRET_KEY = 'test-mfa-key-0123456789-0123456789-0123456789';

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hpen-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PUBLIC_URL: 'http://localhost:3000',
    WEB_DIST_DIR: join(dataDir, 'no-web'),
    // Test files share one Meilisearch: each app gets its own indexes.
    MEILI_INDEX_PREFIX: `t${randomBytes(5).toString('hex')}`,
    ...options.env,
  });
  const database = options.database ?? (await createTestDb());
  const meili = inject('meili');
  const search = options.search ?? createSearchClient(meili.url, meili.masterKey);
  const app = await buildApp({
    config,
    database,
    search,
    jwtSecret: 'test-secret-0123456789-0123456789-0123456789',
    mfaSecretKey: TEST_MFA_SECRET_KEY,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logStream ? { logStream: options.logStream } : {}),
    ...(options.mailer ? { mailer: options.mailer } : {}),
  });
  await app.ready();
  if (options.waitForSearch !== false) await app.searchSync.readiness.whenUsable();
  return {
    app,
    database,
    dataDir,
    mailTo(to: string) {
      const dir = join(dataDir, 'mail');
      let files: string[];
      try {
        files = readdirSync(dir).sort();
      } catch {
        return [];
      }
      return files.map((f) => readFileSync(join(dir, f), 'utf8')).filter((m) => m.includes(`\nTo: ${to}\n`));
    },
    searchSettled: () => app.searchSync.relay.drain(),
    async close() {
      await app.searchSync.indexes.dropAll().catch(() => {});
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The token of the newest link to `path` in the mail sent to `to`. */
export function tokenFromMail(t: TestApp, to: string, path: string): string {
  const mails = t.mailTo(to);
  const last = mails.at(-1) ?? '';
  const match = new RegExp(`${path}\\?token=([A-Za-z0-9_-]+)`).exec(last);
  if (!match?.[1]) throw new Error(`no ${path} link in mail to ${to}`);
  return match[1];
}

export function refreshCookieOf(response: { headers: Record<string, unknown> }): string | undefined {
  const raw = response.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [String(raw)] : [];
  for (const c of list) {
    const m = /^hpen_refresh=([^;]*)/.exec(String(c));
    if (m) return m[1];
  }
  return undefined;
}
