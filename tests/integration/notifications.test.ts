import { seedDemo } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../server/src/modules/mail/mail.service.js';
import { bearer, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let agency: string;
let expert: string;
let offsetMs = 0;
const sent: MailMessage[] = [];
let smtpDown = false;
const password = 'demo password for tests';

const call = (method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

/** Invites the demo expert to a new case: one notification for the expert. */
async function inviteExpert(title: string) {
  const profileId = (await call('GET', '/api/me/profile', expert)).json().id;
  const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
  const id = (
    await call('POST', '/api/consultations', agency, { kind: 'tu_van', title, fields: ['502'], dueAt: due, panelSize: 1, blind: false })
  ).json().id;
  expect((await call('POST', `/api/consultations/${id}/invitations`, agency, { profileIds: [profileId] })).statusCode).toBe(201);
}

beforeAll(async () => {
  t = await createTestApp({
    env: { SCHEDULER: 'off' },
    clock: () => new Date(Date.now() + offsetMs),
    mailer: {
      describe: () => 'test',
      async send(message) {
        if (smtpDown) throw new Error('connect ECONNREFUSED smtp');
        sent.push(message);
      },
    },
  });
  await seedDemo(t.database.db, { password });
  agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
  expert = (await signIn(t.app, 'expert@demo.local', password)).accessToken;
});
afterAll(async () => {
  await t?.close();
});

describe('notifications', () => {
  it('keeps the e-mail of a notification while SMTP is down and sends it once SMTP is back', async () => {
    smtpDown = true;
    await inviteExpert('Tư vấn khi máy chủ thư hỏng');
    await t.app.scheduler.drain();
    expect(sent).toHaveLength(0);
    const centre = (await call('GET', '/api/me/notifications', expert)).json();
    expect(centre.unread).toBe(1);
    expect(centre.items[0]).toMatchObject({ kind: 'consultation.invited', link: '/invitations' });

    smtpDown = false;
    offsetMs += 3_600_000; // past the retry backoff
    await t.app.scheduler.drain();
    await t.app.scheduler.drain();
    expect(sent.filter((m) => m.to === 'expert@demo.local' && m.subject.includes('Tư vấn khi máy chủ thư hỏng'))).toHaveLength(1);

    const read = await call('POST', '/api/me/notifications/read', expert, {});
    expect(read.json()).toEqual({ unread: 0 });
  });

  it('sends a daily digest instead of one e-mail per event when the user chose it', async () => {
    const saved = await call('PUT', '/api/me/notification-preferences', expert, { email: true, dailyDigest: true, mutedKinds: [] });
    expect(saved.statusCode, saved.body).toBe(200);
    const before = sent.length;
    await inviteExpert('Tư vấn gửi trong bản tin ngày');
    await inviteExpert('Tư vấn thứ hai trong bản tin ngày');
    await t.app.scheduler.drain();
    expect(sent.length).toBe(before);

    offsetMs += 2 * 86_400_000; // the next digest is due
    await t.app.scheduler.drain();
    const digest = sent.slice(before);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.subject).toBe('Tóm tắt trong ngày (2)');
    expect(digest[0]!.text).toContain('Tư vấn thứ hai trong bản tin ngày');
  });
});
