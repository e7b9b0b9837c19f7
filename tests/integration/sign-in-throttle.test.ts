import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, registerAndSignIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let now = Date.parse('2026-12-01T08:00:00Z');
const advance = (seconds: number) => (now += seconds * 1000);

beforeAll(async () => {
  t = await createTestApp({ clock: () => new Date(now), env: { RATE_LIMIT_PER_MINUTE: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(async () => {
  await t?.close();
});

function signInFrom(ip: string, email: string, password: string, device?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    remoteAddress: ip,
    payload: { email, password },
    ...(device ? { cookies: { hpen_device: device } } : {}),
  });
}

function deviceCookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  const match = list.map((c) => /^hpen_device=([^;]+)/.exec(c)).find(Boolean);
  if (!match?.[1]) throw new Error('no device cookie');
  return match[1];
}

async function failFrom(ip: string, email: string, times: number) {
  for (let i = 0; i < times; i++) {
    const res = await signInFrom(ip, email, `wrong password ${i}`);
    expect([401, 429]).toContain(res.statusCode);
  }
}

describe('sign-in throttling', () => {
  it('does not let five wrong passwords from one address lock the account for another address', async () => {
    const email = 'victim.one@example.vn';
    await registerAndSignIn(t, email);
    await failFrom('198.51.100.1', email, 5);
    expect((await signInFrom('198.51.100.1', email, PASSWORD)).statusCode).toBe(429);
    const elsewhere = await signInFrom('198.51.100.2', email, PASSWORD);
    expect(elsewhere.statusCode, elsewhere.body).toBe(200);
  });

  it('slows an address down with waits that grow and end, instead of a long lock', async () => {
    const email = 'victim.two@example.vn';
    await registerAndSignIn(t, email);
    const ip = '198.51.100.3';
    await failFrom(ip, email, 5);
    const first = Number((await signInFrom(ip, email, PASSWORD)).headers['retry-after']);
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(30);
    advance(first);
    expect((await signInFrom(ip, email, 'still wrong password')).statusCode).toBe(401);
    const second = Number((await signInFrom(ip, email, PASSWORD)).headers['retry-after']);
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThanOrEqual(60);
    advance(second);
    expect((await signInFrom(ip, email, PASSWORD)).statusCode).toBe(200);
  });

  it('lets the right password through from a known device while the same address is guessing', async () => {
    const email = 'victim.three@example.vn';
    await registerAndSignIn(t, email);
    const ip = '198.51.100.4';
    const device = deviceCookieOf(await signInFrom(ip, email, PASSWORD));
    await failFrom(ip, email, 12);
    await failFrom(ip, 'someone.else@example.vn', 30);
    expect((await signInFrom(ip, email, PASSWORD)).statusCode).toBe(429);
    const known = await signInFrom(ip, email, PASSWORD, device);
    expect(known.statusCode, known.body).toBe(200);
  });

  it('holds a distributed guess at one account to short waits, and never a known device', async () => {
    const email = 'victim.four@example.vn';
    await registerAndSignIn(t, email);
    const device = deviceCookieOf(await signInFrom('198.51.100.5', email, PASSWORD));
    for (let i = 0; i < 60; i++) await failFrom(`203.0.113.${i + 1}`, email, 1);
    const stranger = await signInFrom('198.51.100.6', email, PASSWORD);
    expect(stranger.statusCode).toBe(429);
    expect(Number(stranger.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await signInFrom('198.51.100.5', email, PASSWORD, device)).statusCode).toBe(200);
  });

  it('ignores a device cookie that was tampered with or belongs to another account', async () => {
    const email = 'victim.five@example.vn';
    await registerAndSignIn(t, email);
    await registerAndSignIn(t, 'bystander@example.vn');
    const other = deviceCookieOf(await signInFrom('198.51.100.7', 'bystander@example.vn', PASSWORD));
    const ip = '198.51.100.8';
    await failFrom(ip, email, 5);
    expect((await signInFrom(ip, email, PASSWORD, other)).statusCode).toBe(429);
    const own = deviceCookieOf(await signInFrom('198.51.100.9', email, PASSWORD));
    const forged = `${own.slice(0, -2)}xx`;
    expect((await signInFrom(ip, email, PASSWORD, forged)).statusCode).toBe(429);
  });
});
