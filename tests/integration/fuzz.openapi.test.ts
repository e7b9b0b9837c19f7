import { seedDemo } from '@hpen/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Guard for issue 18: every route in /api/openapi.json, with and without each role's token, gets
 * generated hostile input (wrong types, huge and deep values, control characters, invalid UTF-8,
 * __proto__ keys). No answer may be a 5xx, an error outside the standard shape, or slower than 2 s.
 * FUZZ_SEED reproduces a run; FUZZ_RUNS (requests per route and role, default 2) makes it longer.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 2);
const DEMO_PASSWORD = 'demo password for tests';
const ROLES = ['anonymous', 'expert', 'agency', 'curator', 'officer', 'admin'] as const;
type Role = (typeof ROLES)[number];

let t: TestApp;
const tokens: Partial<Record<Role, string>> = {};

interface Operation {
  method: string;
  path: string;
  query: string[];
  bodyKeys: string[] | null;
}
let operations: Operation[] = [];

beforeAll(async () => {
  t = await createTestApp({
    env: { RATE_LIMIT_PER_MINUTE: '1000000', AUTH_RATE_LIMIT_PER_MINUTE: '1000000', UPLOAD_IDLE_TIMEOUT_MS: '1000' },
  });
  await seedDemo(t.database.db, { password: DEMO_PASSWORD });
  tokens.expert = (await registerAndSignIn(t, 'fuzz.expert@example.vn')).accessToken;
  for (const role of ['agency', 'curator', 'officer', 'admin'] as const)
    tokens[role] = (await signIn(t.app, `${role}@demo.local`, DEMO_PASSWORD)).accessToken;
  operations = readOperations((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
}, 60_000);
afterAll(async () => {
  await t?.close();
});

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Array<{ in: string; name: string }>; requestBody?: { content?: Record<string, { schema?: { properties?: object } }> } }
    >
  >;
};

/** Every operation; those that end sessions or accounts go last so the other requests keep their users. */
function readOperations(spec: OpenApi): Operation[] {
  const ops = Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      bodyKeys: op.requestBody ? Object.keys(op.requestBody.content?.['application/json']?.schema?.properties ?? {}) : null,
    })),
  );
  const ending = ['POST /api/auth/sign-out', 'POST /api/me/sessions/revoke-others', 'POST /api/me/password', 'DELETE /api/me'];
  const last = (o: Operation) => ending.indexOf(`${o.method} ${o.path}`);
  return ops.sort((a, b) => last(a) - last(b));
}

// Values meant to break things: control characters, lone surrogates, huge, numeric, prototype names.
const nasty = fc.constantFrom(
  'a\u0000b',
  '\u0007\u001b[31m',
  '\ud800',
  'x'.repeat(100_000),
  '__proto__',
  'constructor',
  '-1',
  '1e309',
  '00000000-0000-0000-0000-000000000000',
  "' OR 1=1 --",
  '../../etc/passwd',
  '',
  ' ',
  'Nguyễn Văn Hải',
);
const controlArb = fc
  .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(0, 0, 0, 1, 8, 11, 27, 127), fc.string({ maxLength: 6 }))
  .map(([a, code, b]) => `${a}${String.fromCharCode(code)}${b}`);
const stringArb = fc.oneof(
  { arbitrary: nasty, weight: 3 },
  { arbitrary: controlArb, weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 20 }), weight: 1 },
  { arbitrary: fc.uuid(), weight: 1 },
);
const scalarArb = fc.oneof(stringArb, fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
const jsonArb: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constant('__proto__')), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Raw JSON text, so that __proto__ keys, deep nesting and broken bytes reach the server as sent. */
function bodyArb(keys: string[]): fc.Arbitrary<string | Buffer> {
  const shaped = fc
    .tuple(fc.subarray(keys), fc.array(fc.oneof(scalarArb, jsonArb), { minLength: keys.length, maxLength: keys.length }))
    .map(([chosen, values]) => `{${chosen.map((k, i) => `${JSON.stringify(k)}:${JSON.stringify(values[i] ?? null)}`).join(',')}}`);
  return fc.oneof(
    shaped,
    shaped.map((s) => s.replace(/^\{/, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},').replace(/,}$/, '}')),
    jsonArb.map((v) => JSON.stringify(v) ?? 'null'),
    fc.constantFrom('['.repeat(5000) + ']'.repeat(5000), '{"a":'.repeat(3000) + '1' + '}'.repeat(3000), '{', '', 'null'),
    fc.constant(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0xff, 0x22, 0x7d])),
  );
}

/** Lone surrogates cannot be percent-encoded as UTF-8: they go as the bytes of one (invalid UTF-8). */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};
const segmentArb = fc.oneof(
  stringArb.map((s) => encode(s.slice(0, 300))),
  fc.constantFrom('%ED%A0%80', '%FF', '%', '%zz', 'a'.repeat(500), '..', '%2e%2e'),
);

function requestArb(op: Operation) {
  const path = fc.array(segmentArb, { minLength: 8, maxLength: 8 }).map((segs) => op.path.replace(/\{[^}]+\}/g, () => segs.shift() ?? 'x'));
  const query = fc
    .array(fc.tuple(fc.constantFrom(...op.query, '__proto__', 'q'), segmentArb), { maxLength: 4 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
  const body = op.bodyKeys ? fc.option(bodyArb(op.bodyKeys), { freq: 5 }) : fc.option(bodyArb([]), { freq: 1 });
  return fc.record({ path, query, body });
}

interface Sample {
  path: string;
  query: string;
  body: string | Buffer | null;
}

/** Sends one request as `role`; returns what is wrong with the answer, or null. */
async function send(op: Operation, role: Role, sample: Sample): Promise<string | null> {
  const url = sample.query ? `${sample.path}?${sample.query}` : sample.path;
  const started = performance.now();
  const res = await t.app.inject({
    method: op.method as 'GET',
    url,
    headers: {
      ...(tokens[role] ? { authorization: `Bearer ${tokens[role]}` } : {}),
      ...(sample.body !== null ? { 'content-type': 'application/json' } : {}),
    },
    ...(sample.body !== null ? { payload: sample.body } : {}),
  });
  const problem = checkResponse(res.statusCode, res.headers['content-type'], res.body, performance.now() - started);
  return problem && `${role} ${op.method} ${url.slice(0, 200)} body=${String(sample.body).slice(0, 120)} → ${problem}`;
}

/** Every declared path parameter, query parameter and body field, one at a time, holding a NUL. */
function nulSamples(op: Operation): Sample[] {
  const params = op.path.match(/\{[^}]+\}/g) ?? [];
  const plainPath = op.path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
  return [
    ...params.map((p) => ({
      path: op.path.replace(p, 'a%00b').replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000'),
      query: '',
      body: null,
    })),
    ...op.query.map((q) => ({ path: plainPath, query: `${q}=a%00b`, body: null })),
    ...(op.bodyKeys ?? []).map((k) => ({ path: plainPath, query: '', body: JSON.stringify({ [k]: 'a\u0000b' }) })),
  ];
}

describe('OpenAPI-driven fuzz: no 5xx, one error shape, no slow answer', () => {
  it('answers a NUL in each declared input properly', async () => {
    expect(operations.length).toBeGreaterThan(50);
    const failures: string[] = [];
    for (const op of operations)
      for (const sample of nulSamples(op))
        for (const role of ['expert', 'admin'] as const) {
          const problem = await send(op, role, sample);
          if (problem) failures.push(problem);
        }
    expect(failures).toEqual([]);
  }, 60_000);

  it('answers every generated request properly', async () => {
    const failures: string[] = [];
    for (const [index, op] of operations.entries()) {
      const samples = fc.sample(requestArb(op), { seed: SEED + index, numRuns: RUNS * ROLES.length });
      for (const [n, sample] of samples.entries()) {
        const problem = await send(op, ROLES[n % ROLES.length]!, sample);
        if (problem) failures.push(problem);
      }
    }
    expect(failures, `FUZZ_SEED=${SEED}`).toEqual([]);
  }, 120_000);
});

function checkResponse(status: number, contentType: unknown, body: string, elapsed: number): string | null {
  if (elapsed > 2000) return `took ${Math.round(elapsed)} ms`;
  if (status >= 500) return `${status}: ${body.slice(0, 200)}`;
  if (status < 400) return null;
  if (!String(contentType).includes('application/json')) return `${status} not JSON: ${body.slice(0, 100)}`;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown }; requestId?: unknown };
    const keys = Object.keys(parsed).sort().join(',');
    const ok =
      keys === 'error,requestId' &&
      typeof parsed.error?.code === 'string' &&
      typeof parsed.error.message === 'string' &&
      typeof parsed.requestId === 'string';
    return ok ? null : `${status} not in the error shape: ${body.slice(0, 200)}`;
  } catch {
    return `${status} body is not JSON: ${body.slice(0, 100)}`;
  }
}
