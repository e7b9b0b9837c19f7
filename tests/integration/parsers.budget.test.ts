import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn } from '../support/auth-flows.js';
import { firstWithin } from '../support/budget.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * CPU budget for every file parser an expert can reach (issue 18): a ~2 MB hostile input of each
 * format is answered in under 2 s, and the event loop never stalls more than 100 ms meanwhile
 * (the best of a few attempts: see tests/support/budget.ts).
 */
let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  token = (await registerAndSignIn(t, 'budget.expert@example.vn')).accessToken;
});
afterAll(async () => {
  await t?.close();
});

const MB2 = 2_000_000;
const fill = (unit: string, prefix = '', suffix = '') =>
  prefix + unit.repeat(Math.floor((MB2 - prefix.length - suffix.length) / unit.length)) + suffix;
const entry = (i: number, title: string) => `@article{k${i}, title={${title}}, author={Nguyễn Văn ${i}}, journal={J}, year=2020}\n`;

const HOSTILE: Array<{ name: string; format: 'bibtex' | 'csv'; content: string }> = [
  // The exact request from the issue (1.35 MB) that froze the API for 13 minutes.
  { name: 'bibtex: "@article{" × 150 000', format: 'bibtex', content: '@article{'.repeat(150_000) },
  { name: 'bibtex: "@article{" on 2 MB of lines', format: 'bibtex', content: fill('@article{\n') },
  { name: 'bibtex: 2 MB of small valid entries', format: 'bibtex', content: fill(entry(1, 'Cảng biển')) },
  {
    name: 'bibtex: 1 800 entries with 1 KB titles',
    format: 'bibtex',
    content: Array.from({ length: 1800 }, (_, i) => entry(i, 'a '.repeat(500))).join(''),
  },
  { name: 'bibtex: one 2 MB title', format: 'bibtex', content: fill('a ', '@article{x, year=2020, title={', '}}') },
  { name: 'bibtex: 2 MB of nested braces', format: 'bibtex', content: fill('{', '@article{x, title=') },
  { name: 'bibtex: 2 MB of LaTeX accents', format: 'bibtex', content: fill('{\\~{\\^e}}\\', '@article{x, title={', '}}') },
  {
    name: 'bibtex: 2 MB of @string concatenation',
    format: 'bibtex',
    content: fill('a#', '@string{a="x"}\n@article{x, year=2020, title=', 'a}'),
  },
  { name: 'csv: an unterminated quote over 2 MB', format: 'csv', content: fill('a,', 'title,year\n"') },
  { name: 'csv: 2 MB of rows', format: 'csv', content: fill('Tiêu đề,2020\n', 'title,year\n') },
  { name: 'csv: a 2 MB header', format: 'csv', content: fill('c,', '', '\nx\n') },
  { name: 'csv: one 2 MB cell', format: 'csv', content: fill('x', 'title,year\n', ',2020\n') },
  { name: 'csv: 1.4 MB of quotes (2.8 MB as JSON)', format: 'csv', content: 'title\n' + '"'.repeat(1_400_000) },
];

const preview = (payload: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/me/profile/publications/import/preview',
    headers: { ...bearer(token), 'content-type': 'application/json' },
    payload,
  });

/**
 * This machine right now, so a busy shared CI box does not fail a correct parser: the longest
 * event-loop delay while idle, and the time of a one-entry import (worker start included). On a
 * quiet machine these are a few ms and ~300 ms, and the budgets are exactly 100 ms and 2 s.
 */
async function machineNow() {
  const idle = monitorEventLoopDelay({ resolution: 10 });
  idle.enable();
  await new Promise((resolve) => setTimeout(resolve, 300));
  idle.disable();
  const started = performance.now();
  await preview(JSON.stringify({ format: 'bibtex', content: entry(0, 'Một bài') }));
  return { stallMs: idle.max / 1e6, overheadMs: Math.max(0, performance.now() - started - 300) };
}

describe('publication import parsers stay within a CPU budget', () => {
  it.each(HOSTILE)('$name', async ({ format, content }) => {
    expect(content.length).toBeLessThanOrEqual(MB2);
    // Encoded before measuring: the test's own work is not the server's.
    const payload = JSON.stringify({ format, content });
    const m = await firstWithin(
      async () => {
        const machine = await machineNow();
        const loop = monitorEventLoopDelay({ resolution: 10 });
        loop.enable();
        const started = performance.now();
        const pending = preview(payload);
        // The server keeps answering others while the file is read.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const health = await t.app.inject({ method: 'GET', url: '/healthz' });
        const res = await pending;
        const elapsed = performance.now() - started;
        loop.disable();
        return { health, res, elapsed, stallMs: loop.max / 1e6, machine };
      },
      (m) => m.elapsed < 2000 + m.machine.overheadMs && m.stallMs < 100 + m.machine.stallMs,
    );
    expect(m.health.statusCode).toBe(200);
    expect(m.res.statusCode, m.res.body.slice(0, 300)).toBe(200);
    const body = m.res.json() as { entries: Array<{ status: string }> };
    expect(body.entries.length).toBeLessThanOrEqual(2000);
    expect(m.elapsed).toBeLessThan(2000 + m.machine.overheadMs);
    expect(m.stallMs).toBeLessThan(100 + m.machine.stallMs);
  });

  it('still reads an ordinary file in full', async () => {
    const content = Array.from({ length: 50 }, (_, i) => entry(i, `Đề tài số ${i}`)).join('');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/me/profile/publications/import/preview',
      headers: bearer(token),
      payload: { format: 'bibtex', content },
    });
    expect(res.statusCode).toBe(200);
    expect((res.json() as { counts: { new: number } }).counts.new).toBe(50);
  });
});
