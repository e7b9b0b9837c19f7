import { consultations } from '@hpen/db';
import { consultationStatuses } from '@hpen/db/enums';
import { seedDemo } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const password = 'demo password for tests';

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password });
});
afterAll(async () => {
  await t?.close();
});

describe('demo consultations', () => {
  it('seeds one case in every state through the services, once', async () => {
    expect(await t.app.seedDemoConsultations()).toBe(true);
    expect(await t.app.seedDemoConsultations()).toBe(false);
    const rows = await t.database.db.select().from(consultations);
    expect(rows.map((r) => r.status).sort()).toEqual([...consultationStatuses].sort());

    const agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
    const expert = (await signIn(t.app, 'expert@demo.local', password)).accessToken;
    const list = (await t.app.inject({ method: 'GET', url: '/api/consultations', headers: bearer(agency) })).json();
    expect(list.items).toHaveLength(consultationStatuses.length);
    const inbox = (await t.app.inject({ method: 'GET', url: '/api/me/invitations', headers: bearer(expert) })).json();
    expect(inbox.items.map((i: { status: string }) => i.status)).toContain('invited');
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/consultations' })).json();
    expect(pub.items).toEqual([expect.objectContaining({ panel: [expect.objectContaining({ name: 'Nguyễn Văn Hải', role: 'chair' })] })]);
  });
});
