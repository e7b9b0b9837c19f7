import { profileSections } from '../../server/src/modules/profiles/profiles.schemas.js';
import { auditLog, expertProfiles, memberships, organisations, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/modules/auth/passwords.js';
import { contentToColumns, emptyDocument } from '../../server/src/modules/profiles/profile-document.js';
import { bearer, PASSWORD, signIn, signUp } from '../support/auth-flows.js';
import { createTestApp, type TestApp, tokenFromMail } from '../support/test-app.js';

/**
 * Issue 18, items 6, 7 and 9: what a curator can learn or do to an expert through member lists,
 * imports and merges. Each expert here chose who sees what; no curation path may override it.
 */
const DEMO_PASSWORD = 'demo password for tests';
const ONLY_ME = Object.fromEntries(profileSections.map((section) => [section, 'private']));
const HIDDEN_EMAIL = 'an.private@example.vn';
const HIDDEN_ORCID = '0000-0003-1419-2405';
const header = 'full_name,email,birth_year,orcid';

let t: TestApp;
let union: string;
let curator: string;
let associationId: string;
let hidden: { token: string; profileId: string }; // an "only me" expert
let open: { token: string; profileId: string }; // an expert who shares identity and contact with agencies

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, ...(token ? { headers: bearer(token) } : {}), ...(payload ? { payload } : {}) });

async function expert(email: string, fullName: string, profile: object) {
  expect((await signUp(t.app, email, fullName)).statusCode).toBe(201);
  const token = tokenFromMail(t, email, '/verify-email');
  expect((await t.app.inject({ method: 'POST', url: '/api/auth/verify-email', payload: { token } })).statusCode).toBe(200);
  const { accessToken } = await signIn(t.app, email);
  const saved = await call('PATCH', '/api/me/profile', accessToken, profile);
  expect(saved.statusCode, saved.body).toBe(200);
  return { token: accessToken, profileId: saved.json().id as string };
}

async function uploadCsv(csv: string) {
  const form = new FormData();
  form.append('file', new Blob([Buffer.from(csv, 'utf8')]), 'list.csv');
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/curation/imports?associationId=${associationId}`,
    headers: bearer(curator),
    payload: form,
  });
  expect(res.statusCode, res.body).toBe(202);
  return waitForJob(res.json().id, (s) => s !== 'parsing');
}

async function waitForJob(id: string, until: (status: string) => boolean) {
  for (let i = 0; i < 300; i++) {
    const job = (await call('GET', `/api/curation/imports/${id}`, curator)).json();
    if (until(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import job did not finish');
}

const rowsOf = async (jobId: string) =>
  (await call('GET', `/api/curation/imports/${jobId}/rows?pageSize=200`, curator)).json().items as Array<{
    action: string;
    profileId: string | null;
  }>;

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  await seedDemo(t.database.db, { password: DEMO_PASSWORD });
  union = (await signIn(t.app, 'curator@demo.local', DEMO_PASSWORD)).accessToken;
  const [org] = await t.database.db.select().from(organisations).where(eq(organisations.code, 'hoi-tin-hoc'));
  associationId = org!.id;
  await t.database.db.insert(users).values({
    email: 'curator.privacy@example.vn',
    fullName: 'Cán bộ hội',
    role: 'curator',
    organisationId: associationId,
    passwordHash: await hashPassword(PASSWORD),
    passwordChangedAt: new Date(),
    emailVerifiedAt: new Date(),
    status: 'active',
  });
  curator = (await signIn(t.app, 'curator.privacy@example.vn')).accessToken;
  hidden = await expert('an.account@example.vn', 'Trần Văn An', {
    birthYear: 1970,
    orcid: HIDDEN_ORCID,
    contact: { email: HIDDEN_EMAIL, phone: null },
    visibility: ONLY_ME,
  });
  open = await expert('binh.account@example.vn', 'Lê Thị Bình', {
    orcid: '0000-0001-5109-3700',
    contact: { email: 'binh.shared@example.vn', phone: null },
    visibility: { identity: 'public', contact: 'agencies' },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('the import dry run is no oracle (issue 18.7)', () => {
  it('answers the same for a private birth year, a private e-mail or a hidden ORCID as for nobody', async () => {
    const probes = Array.from({ length: 11 }, (_, i) => `Trần Văn An,,${1965 + i},`);
    const job = await uploadCsv([header, ...probes, `Người Thử,${HIDDEN_EMAIL},,`, `Người Khác,,,${HIDDEN_ORCID}`].join('\n'));
    expect(job.status).toBe('dry_run_ready');
    const rows = await rowsOf(job.id);
    expect(rows).toHaveLength(13);
    // Every probe gets the outcome a row about nobody gets: a new profile, no profile id.
    expect(new Set(rows.map((r) => r.action))).toEqual(new Set(['create']));
    expect(rows.every((r) => r.profileId === null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(hidden.profileId);
    expect((await call('DELETE', `/api/curation/imports/${job.id}`, curator)).statusCode).toBe(204);
  });
});

describe('member lists and imports respect what each expert shares (issue 18.6)', () => {
  it('proposes, never forces, a membership to an existing expert; they accept it themselves', async () => {
    const job = await uploadCsv([header, 'Lê Thị Bình,,,0000-0001-5109-3700'].join('\n'));
    const [row] = await rowsOf(job.id);
    expect(row).toMatchObject({ action: 'update', profileId: open.profileId });
    expect((await call('POST', `/api/curation/imports/${job.id}/confirm`, curator)).statusCode).toBe(202);
    await waitForJob(job.id, (s) => s === 'done');

    const [m] = await t.database.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.profileId, open.profileId), eq(memberships.associationId, associationId)));
    expect(m?.status).toBe('proposed');
    const approved = (await call('GET', `/api/associations/${associationId}/members?status=approved`, curator)).json().items;
    expect(approved.map((x: { profileId: string }) => x.profileId)).not.toContain(open.profileId);
    expect(t.mailTo('binh.account@example.vn').at(-1)).toContain('Hội Tin học');

    const mine = (await call('GET', '/api/me/memberships', open.token)).json().items;
    expect(mine).toEqual([expect.objectContaining({ associationId, status: 'proposed', source: 'import' })]);
    const accepted = await call('POST', `/api/me/memberships/${associationId}/answer`, open.token, { answer: 'accept' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('approved');
    expect((await call('POST', `/api/me/memberships/${associationId}/answer`, open.token, { answer: 'accept' })).statusCode).toBe(404);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'membership.proposal_accepted'));
    expect(audit).toHaveLength(1);
    const members = (await call('GET', `/api/associations/${associationId}/members?status=approved`, curator)).json().items;
    expect(members.find((x: { profileId: string }) => x.profileId === open.profileId)).toMatchObject({
      fullName: 'Lê Thị Bình',
      contactEmail: 'binh.shared@example.vn',
    });
  });

  it("never shows an 'only me' expert's e-mail in members, members.csv or search, whatever the curator does", async () => {
    // The expert applies: the curator sees the application, not the private e-mail.
    expect((await call('POST', '/api/me/memberships', hidden.token, { associationId })).statusCode).toBe(201);
    // An import names the expert by the hidden ORCID: no match, so no membership for the expert.
    const job = await uploadCsv([header, `Trần Văn An,,,${HIDDEN_ORCID}`].join('\n'));
    expect((await call('POST', `/api/curation/imports/${job.id}/confirm`, curator)).statusCode).toBe(202);
    await waitForJob(job.id, (s) => s === 'done');
    const pending = (await call('GET', `/api/associations/${associationId}/members?status=pending`, curator)).json();
    const application = pending.items.find((x: { profileId: string }) => x.profileId === hidden.profileId);
    expect(application).toMatchObject({ fullName: null, contactEmail: null });
    await call('POST', `/api/curation/memberships/${application.id}/decision`, curator, { decision: 'approve' });

    const everyone = await call('GET', `/api/associations/${associationId}/members?pageSize=100`, curator);
    const csv = await call('GET', `/api/associations/${associationId}/members.csv`, curator);
    await t.searchSettled();
    const search = await call('GET', '/api/experts/search?association=hoi-tin-hoc', union);
    for (const body of [everyone.body, csv.body, search.body]) expect(body).not.toContain(HIDDEN_EMAIL);
    expect(search.body).not.toContain(hidden.profileId);
    expect(csv.body).toContain('Lê Thị Bình');
  });
});

describe('merging a claimed profile (issue 18.9)', () => {
  async function unclaimed(fullName: string, birthYear: number, email: string) {
    const content = { fullName, academicTitle: null, highestDegree: null, orcid: null, birthYear, gender: null, ...emptyDocument() };
    const [row] = await t.database.db
      .insert(expertProfiles)
      .values({ ...contentToColumns({ ...content, contact: { email, phone: null } }), userId: null, visibility: { identity: 'public' } })
      .returning();
    return row!.id;
  }

  it('keeps the unclaimed row: the account moves to it with its own contact and visibility; the old id says nothing', async () => {
    const imported = await unclaimed('Trần Văn An', 1970, 'an.old.list@example.vn');
    await call('POST', '/api/curation/duplicates/scan', union);
    const pairs = (await call('GET', '/api/curation/duplicates', union)).json().items as Array<{
      id: string;
      a: { id: string };
      b: { id: string };
    }>;
    const pair = pairs.find((p) => [p.a.id, p.b.id].includes(imported) && [p.a.id, p.b.id].includes(hidden.profileId));
    expect(pair).toBeDefined();
    const keep = pair!.a.id === imported ? 'a' : 'b';
    const merged = await call('POST', `/api/curation/duplicates/${pair!.id}/merge`, union, { keep, take: {} });
    expect(merged.statusCode, merged.body).toBe(200);

    const own = (await call('GET', '/api/me/profile', hidden.token)).json();
    expect(own.id).toBe(imported);
    expect(own.contact.email).toBe(HIDDEN_EMAIL);
    expect(own.visibility.identity).toBe('private');
    // The merged-away id redirects only for someone who may see the profile it became.
    expect((await call('GET', `/api/experts/${hidden.profileId}`)).statusCode).toBe(404);
    expect((await call('GET', `/api/experts/${imported}`)).statusCode).toBe(404);
  });
});
