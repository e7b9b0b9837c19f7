import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixtures, type Fixtures, MATRIX_ROLES, type MatrixRole } from '../support/authorization-fixtures.js';
import { defaultRequest, REQUESTS } from '../support/authorization-requests.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { MATRIX, type MatrixRow } from './authorization-matrix.data.js';

/**
 * Guard for issue 18: every route in /api/openapi.json × every role × own/foreign object answers
 * the status checked in as data (authorization-matrix.data.ts), and nothing the expert keeps
 * "only me" appears in any answer or export to anyone else. AUTHZ_MATRIX_RECORD=<file> writes the
 * observed table instead, to review and paste when routes change.
 */
let t: TestApp;
let fx: Fixtures;
let routes: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '1000000', AUTH_RATE_LIMIT_PER_MINUTE: '1000000' } });
  fx = await createFixtures(t);
  const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, object> };
  routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const rowKey = (row: Pick<MatrixRow, 'route' | 'object'>) => (row.object ? `${row.route} [${row.object}]` : row.route);

/** Routes that end sessions or accounts go last: the other rows need them. */
const ENDINGS = ['POST /api/me/sessions/revoke-others', 'DELETE /api/me', 'POST /api/auth/sign-out'];
const ordered = (rows: MatrixRow[]) => [...rows].sort((a, b) => ENDINGS.indexOf(a.route) - ENDINGS.indexOf(b.route));

async function observe(row: Pick<MatrixRow, 'route' | 'object'>, role: MatrixRole) {
  const build = REQUESTS[row.route];
  const request = build ? await build(fx, row.object ?? undefined) : defaultRequest(row.route);
  const token = fx.tokens[role];
  const res = await t.app.inject({
    method: row.route.split(' ')[0] as 'GET',
    url: request.url,
    ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    ...(request.payload !== undefined ? { payload: request.payload as string } : {}),
  });
  return { status: res.statusCode, body: res.body };
}

/** The "only me" markers planted in the expert's profile (identity is public by design). */
const privateMarkers = () => Object.values(fx.marked.markers).flatMap((list) => (list ?? []).filter((m) => m.startsWith('zq')));

describe('authorization matrix', () => {
  it('has a row for every route in the OpenAPI document', async () => {
    const covered = new Set(MATRIX.map((r) => r.route));
    const missing = routes.filter((r) => !covered.has(r));
    const stale = [...covered].filter((r) => !routes.includes(r));
    // The message is the rows to paste, with what the route answers now (check each before pasting).
    const advice: string[] = [];
    for (const route of missing) {
      const seen: number[] = [];
      for (const role of MATRIX_ROLES) seen.push((await observe({ route, object: null }, role)).status);
      advice.push(`  { route: '${route}', object: null, expect: '${seen.join(' ')}' },`);
    }
    expect(
      missing,
      `Add these rows to tests/integration/authorization-matrix.data.ts (statuses in the order ${MATRIX_ROLES.join(' ')}; ` +
        `add a request to tests/support/authorization-requests.ts and own/foreign rows where the route acts on an object):\n${advice.join('\n')}`,
    ).toEqual([]);
    expect(stale, 'Rows for routes that no longer exist').toEqual([]);
  });

  it('answers every route × role × object as the table says, and leaks nothing private', async () => {
    const record = process.env.AUTHZ_MATRIX_RECORD;
    const mismatches: string[] = [];
    const leaks: string[] = [];
    const recorded: string[] = [];
    const markers = privateMarkers();
    expect(markers.length).toBeGreaterThan(5);
    for (const row of ordered(record ? rowsToRecord() : MATRIX)) {
      const expected = row.expect.split(' ');
      const seen: string[] = [];
      for (const [i, role] of MATRIX_ROLES.entries()) {
        const { status, body } = await observe(row, role);
        seen.push(String(status));
        if (!record && expected[i] !== String(status))
          mismatches.push(`${rowKey(row)} as ${role}: expected ${expected[i]}, got ${status} ${body.slice(0, 160)}`);
        if (role !== 'expert') for (const m of markers) if (body.includes(m)) leaks.push(`${rowKey(row)} as ${role} shows private ${m}`);
      }
      recorded.push(`  { route: '${row.route}', object: ${row.object ? `'${row.object}'` : 'null'}, expect: '${seen.join(' ')}' },`);
    }
    if (record) writeFileSync(record, recorded.join('\n') + '\n');
    expect(leaks).toEqual([]);
    expect(mismatches).toEqual([]);
  }, 600_000);
});

/** Record mode: the table's rows, plus a null-object row for each route the table lacks. */
function rowsToRecord(): MatrixRow[] {
  const known = new Set(MATRIX.map((r) => r.route));
  return [...MATRIX, ...routes.filter((r) => !known.has(r)).map((route) => ({ route, object: null, expect: '' }))];
}
