import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 18 item 5: every error the server sends, also those raised before a route runs (Node's
 * HTTP parser, fastify's router, body parsers, the rate limiter), is {error:{code,message},requestId}.
 */
let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp({ env: { REQUEST_TIMEOUT_MS: '1000', AUTH_RATE_LIMIT_PER_MINUTE: '2' } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => {
  await t?.close();
});

function expectShape(status: number, actual: number, body: string) {
  expect(actual, body).toBe(status);
  const parsed = JSON.parse(body) as unknown;
  expect(parsed).toEqual({
    error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
    requestId: expect.any(String),
  });
  expect(Object.keys((parsed as { error: object }).error).every((k) => ['code', 'message', 'fields'].includes(k))).toBe(true);
}

/** Sends raw bytes and reads the answer until the server closes (or `waitMs`). */
function raw(bytes: string, waitMs = 5000): Promise<{ status: number; body: string; elapsed: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('utf8')));
    const done = () => {
      clearTimeout(timer);
      const [head = '', body = ''] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body, elapsed: Date.now() - started });
    };
    const timer = setTimeout(() => {
      socket.destroy();
      done();
    }, waitMs);
    socket.on('close', done);
    socket.on('error', (e) => (data ? done() : reject(e)));
    socket.write(bytes);
  });
}

describe('errors raised before any route still have the standard shape', () => {
  it('431: a URL larger than the header limit', async () => {
    const res = await raw(`GET /api/experts/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expectShape(431, res.status, res.body);
  });

  it('431: oversized headers', async () => {
    const res = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`);
    expectShape(431, res.status, res.body);
  });

  it('400: not HTTP at all', async () => {
    const res = await raw('HELLO THERE\r\n\r\n');
    expectShape(400, res.status, res.body);
  });

  it('408: a body that never arrives is answered after REQUEST_TIMEOUT_MS, not held open', async () => {
    const res = await raw(
      'POST /api/shortlists HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
      8000,
    );
    expectShape(408, res.status, res.body);
    expect(res.elapsed).toBeLessThan(4000);
  });

  it.each([
    ['GET', '/api/associations/%ED%A0%80/members.csv', 400],
    ['GET', `/api/experts/${'a'.repeat(300)}`, 414],
    ['GET', '/api/no-such-route', 404],
    ['DELETE', '/healthz', 404],
    ['GET', '/api/experts/not-a-uuid', 400],
  ] as const)('%s %s → %i', async (method, url, status) => {
    const res = await t.app.inject({ method, url });
    expectShape(status, res.statusCode, res.body);
  });

  it('413 and 415 from the body parsers', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/shortlists',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectShape(413, big.statusCode, big.body);
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/shortlists',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expectShape(415, text.statusCode, text.body);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/shortlists',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expectShape(400, broken.statusCode, broken.body);
  });

  it('429 from the rate limiter', async () => {
    const statuses: number[] = [];
    let last = { statusCode: 0, body: '' };
    for (let i = 0; i < 5; i++) {
      last = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: 'nobody@example.vn', password: 'wrong password x' },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses).toContain(429);
    expectShape(429, last.statusCode, last.body);
  });
});
