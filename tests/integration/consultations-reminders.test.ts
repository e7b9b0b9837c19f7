import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { notifications } from '@hpen/db';
import { createSearchClient } from '@hpen/search';
import { buildApp, loadConfig, seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let now = new Date();
const clock = () => now;
const password = 'demo password for tests';
const others: Array<{ app: FastifyInstance; dir: string }> = [];

/** Another app process over the same database (its own scheduler, leases and search prefix). */
async function anotherInstance() {
  const dir = mkdtempSync(join(tmpdir(), 'hpen-test-'));
  const meili = inject('meili');
  const app = await buildApp({
    config: loadConfig({
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://localhost:3000',
      WEB_DIST_DIR: join(dir, 'no-web'),
      MEILI_INDEX_PREFIX: `t${randomBytes(5).toString('hex')}`,
      SCHEDULER: 'off',
      SEARCH_RELAY: 'off',
    }),
    database: t.database,
    search: createSearchClient(meili.url, meili.masterKey),
    jwtSecret: 'test-secret-0123456789-0123456789-0123456789',
    clock,
  });
  await app.ready();
  others.push({ app, dir });
  return app;
}

/** The reminders the expert received, by their kind of reminder (from the English body). */
async function reminders() {
  const rows = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'consultation.reminder'));
  return rows.map((r) => String(r.data.tag)).sort();
}

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' }, clock });
  await seedDemo(t.database.db, { password });
});
afterAll(async () => {
  for (const o of others) {
    await o.app.close().catch(() => {});
    rmSync(o.dir, { recursive: true, force: true });
  }
  await t?.close();
});

describe('consultation reminders', () => {
  it('fire once per due time with two app instances on one database, and again none after a restart', async () => {
    const agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
    const expert = (await signIn(t.app, 'expert@demo.local', password)).accessToken;
    const call = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
      t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
    const dueAt = new Date(now.getTime() + 10 * 86_400_000).toISOString().slice(0, 10);
    const id = (
      await call('POST', '/api/consultations', agency, {
        kind: 'phan_bien',
        title: 'Phản biện đề án nhắc hạn',
        summary: 'Kiểm tra nhắc hạn.',
        fields: ['502'],
        dueAt,
        panelSize: 3,
        blind: false,
      })
    ).json().id;
    const profileId = (await call('GET', '/api/me/profile', expert)).json().id;
    expect((await call('POST', `/api/consultations/${id}/invitations`, agency, { profileIds: [profileId] })).statusCode).toBe(201);
    const invitation = (await call('GET', '/api/me/invitations', expert))
      .json()
      .items.find((i: { consultationId: string }) => i.consultationId === id);
    await call('POST', `/api/me/invitations/${invitation.id}/accept`, expert, { declaration: { conflict: false, confidentiality: true } });

    const first = t.app;
    const second = await anotherInstance();
    await Promise.all([first.scheduler.drain(), second.scheduler.drain()]);
    expect(await reminders()).toEqual([]); // nothing due yet

    // The deadline day: every "N days before" reminder and the day's one are due; both instances poll at once.
    now = new Date(new Date(dueAt).getTime() + 1000);
    await Promise.all([first.scheduler.drain(), second.scheduler.drain(), first.scheduler.drain(), second.scheduler.drain()]);
    const onTheDay = await reminders();
    expect(onTheDay).toContain('day');
    expect(onTheDay.some((tag) => tag.startsWith('before-'))).toBe(true);
    expect(new Set(onTheDay).size).toBe(onTheDay.length); // each once

    // A restart: the first instance stops polling, a new one starts over the same database and polls.
    const third = await anotherInstance();
    await Promise.all([third.scheduler.drain(), second.scheduler.drain()]);
    expect(await reminders()).toEqual(onTheDay);

    // Overdue: exactly one more, whichever instance gets it.
    now = new Date(now.getTime() + 8 * 86_400_000);
    await Promise.all([third.scheduler.drain(), second.scheduler.drain(), third.scheduler.drain()]);
    expect(await reminders()).toEqual([...onTheDay, 'overdue'].sort());
  });
});
