import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DbHandle, organisations, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { loadConfig } from '../../server/src/app/config.js';
import type { RequestContext } from '../../server/src/app/request-context.js';
import { createServices } from '../../server/src/app/services.js';
import type { MailMessage } from '../../server/src/modules/mail/mail.service.js';
import { createSecretBox } from '../../server/src/modules/mfa/secret-box.js';
import { createTestDb } from './test-db.js';

/**
 * The real service graph on a freshly migrated, demo-seeded database, without HTTP: for the
 * state-machine tests beside the modules. Mail is kept in memory; the clock can be moved.
 */
export async function createServiceFixture() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hpen-services-'));
  const database: DbHandle = await createTestDb();
  await seedDemo(database.db, { password: 'demo password for service tests' });
  const mail: MailMessage[] = [];
  let now = new Date();
  const services = createServices({
    db: database.db,
    config: loadConfig({ DATA_DIR: dataDir, PUBLIC_URL: 'http://localhost:3000' }),
    mailer: { send: async (m) => void mail.push(m), describe: () => 'memory' },
    logger: pino({ level: 'silent' }),
    clock: () => now,
    signAccessToken: () => 'token',
    deviceCookieSecret: 'service-fixture-device-cookie-secret',
    mfaSecretBox: createSecretBox('service-fixture-mfa-secret-key-0123456789'),
  });

  /** The context of a user as routes would build it. */
  async function as(email: string): Promise<RequestContext> {
    const [user] = await database.db.select().from(users).where(eq(users.email, email));
    if (!user) throw new Error(`no user ${email}`);
    return {
      actor: { userId: user.id, role: user.role, organisationId: user.organisationId, sessionId: 'test' },
      ip: null,
      userAgent: 'service test',
      requestId: null,
    };
  }

  async function organisationId(code: string) {
    const [org] = await database.db.select().from(organisations).where(eq(organisations.code, code));
    return org!.id;
  }

  return {
    services,
    db: database.db,
    dataDir,
    mail,
    as,
    organisationId,
    expert: () => as('expert@demo.local'),
    curator: () => as('curator@demo.local'),
    advance: (ms: number) => void (now = new Date(now.getTime() + ms)),
    async close() {
      await services.importsService.idle();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type ServiceFixture = Awaited<ReturnType<typeof createServiceFixture>>;
