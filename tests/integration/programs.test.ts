import { auditLog, expertProfiles, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq, isNull, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signIn, signInWithTotp } from '../support/auth-flows.js';
import { attachApplicationDocuments, missingPurposes } from '../support/program-documents.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let expert: string;
let officer: string;
let agency: string;
let admin: string;
let r53: string;
let d263: string;
let expertProfileId: string;
const password = 'demo password for tests';
const R53_FACTS = { recruited_by_city_unit: true, field_needed_by_city: true, commit_5_years: true };

const call = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

const attach = (id: string, token: string, purposes: string[]) => attachApplicationDocuments(t, token, id, purposes);

interface Criterion {
  id: string;
  status: string;
  value?: unknown;
  link?: string;
}

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password, syntheticProfiles: 12 });
  expert = (await signIn(t.app, 'expert@demo.local', password)).accessToken;
  officer = (await signIn(t.app, 'officer@demo.local', password)).accessToken;
  agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
  admin = (await signInWithTotp(t.app, 'admin@demo.local', password)).accessToken;
  expertProfileId = (await call('GET', '/api/me/profile', expert)).json().id;
  // The demo seed ran after the app started: the seeded programs get their agencies now, and the demo applications.
  expect(await t.app.seedDemoPrograms()).toBe(true);
  expect(await t.app.seedDemoPrograms()).toBe(false);
  const items = (await call('GET', '/api/programs')).json().items as Array<{ id: string; code: string }>;
  r53 = items.find((p) => p.code === 'hp-nq53-2025')!.id;
  d263 = items.find((p) => p.code === 'nd263-2025-young-talent')!.id;
});
afterAll(async () => {
  await t?.close();
});

describe('program catalogue', () => {
  it('lists the seeded programs publicly, with rules and the criteria to confirm', async () => {
    const list = await call('GET', '/api/programs');
    expect(list.statusCode, list.body).toBe(200);
    const r = list.json().items.find((p: { code: string }) => p.code === 'hp-nq53-2025');
    expect(r).toMatchObject({ id: r53, status: 'published', maxOneTimeVnd: 500_000_000, open: true });
    expect(r.title.vi).toContain('53/2025');

    const one = (await call('GET', `/api/programs/${r53}`)).json();
    expect(one.content.serviceCommitment.years).toBe(5);
    expect(one.content.benefits.map((b: { oneTimeVnd: number }) => b.oneTimeVnd)).toEqual([
      150_000_000, 200_000_000, 250_000_000, 300_000_000, 400_000_000, 500_000_000,
    ]);
    const flagged = one.toConfirm.map((c: { id: string }) => c.id);
    expect(flagged).toEqual(expect.arrayContaining(['HP53-FIELD-SECTOR', 'HP53-AGE-YEARS', 'benefit:master']));
    expect(one.can).toEqual([]);
    const asAdmin = await call('GET', `/api/programs/${d263}`, admin);
    expect(asAdmin.statusCode, asAdmin.body).toBe(200);
    expect(asAdmin.json().can).toContain('edit');
  });

  it('versions a published program on edit; a stale edit is refused; a foreign officer may not edit', async () => {
    const before = (await call('GET', `/api/programs/${d263}`, admin)).json();
    const content = { ...before.content, summary: { ...before.content.summary, en: `${before.content.summary.en} (edited)` } };
    expect((await call('PUT', `/api/programs/${d263}`, officer, { content, version: before.version })).statusCode).toBe(403);
    const saved = await call('PUT', `/api/programs/${d263}`, admin, { content, version: before.version, note: 'wording' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(before.version + 1);
    expect((await call('PUT', `/api/programs/${d263}`, admin, { content, version: before.version })).statusCode).toBe(409);
    const versions = (await call('GET', `/api/programs/${d263}/versions`, admin)).json().items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([before.version + 1, before.version]);
    const bad = await call('PUT', `/api/programs/${d263}`, admin, {
      content: { ...content, rules: { schemaVersion: 1 } },
      version: before.version + 1,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('lets officers define a draft program that the public does not see until published', async () => {
    const base = (await call('GET', `/api/programs/${r53}`)).json().content;
    const created = await call('POST', '/api/programs', officer, {
      code: 'hp-test-draft',
      content: { ...base, title: { vi: 'Chương trình thử', en: 'Test program' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    expect((await call('GET', `/api/programs/${id}`)).statusCode).toBe(404);
    expect((await call('POST', '/api/programs', officer, { code: 'hp-test-draft', content: base })).statusCode).toBe(409);
    expect((await call('POST', '/api/programs', expert, { code: 'x-expert', content: base })).statusCode).toBe(403);
    expect((await call('POST', `/api/programs/${id}/status`, officer, { status: 'published' })).statusCode).toBe(200);
    expect((await call('GET', `/api/programs/${id}`)).statusCode).toBe(200);
    expect((await call('POST', `/api/programs/${id}/status`, officer, { status: 'archived' })).statusCode).toBe(200);
  });

  it("creates a program from the web form's minimal content, audited; rows and the window are checked field by field", async () => {
    const content = {
      title: { vi: 'Hỗ trợ chuyên gia y tế', en: 'Support for health experts' },
      summary: { vi: '', en: '' },
      agency: 'Sở Nội vụ Hải Phòng',
      legalBasis: [{ number: '01/2027/NQ-HĐND', certainty: 'P' }],
      applicationWindow: {},
      rules: {
        schemaVersion: 1,
        requirements: {
          id: 'R1',
          kind: 'all',
          label: { vi: 'Điều kiện chung', en: 'General conditions' },
          of: [{ id: 'R2', kind: 'degree', min: 'DH', label: { vi: 'Tốt nghiệp đại học', en: 'A university degree' } }],
        },
      },
    };
    const created = await call('POST', '/api/programs', officer, { code: 'hp-web-form', content });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const stored = (await call('GET', `/api/programs/${id}`, officer)).json();
    expect(stored).toMatchObject({ status: 'draft', version: 1, content: { benefits: [], serviceCommitment: null } });
    const audits = await t.database.db.select().from(auditLog).where(like(auditLog.action, 'program.created'));
    expect(audits.some((a) => a.targetId === id)).toBe(true);

    const row = { code: 'ph_d', label: { vi: 'Tiến sĩ', en: 'Doctorate' } };
    const bad = await call('PUT', `/api/programs/${id}`, officer, {
      version: 1,
      content: {
        ...content,
        targetGroups: [row, row],
        benefits: [{ group: 'ph_d', label: row.label, oneTimeVnd: -5 }],
        requiredDocuments: [
          { code: 'cv', label: { vi: 'Lý lịch', en: 'CV' } },
          { code: 'cv', label: { vi: 'Lý lịch', en: 'CV' } },
        ],
        applicationWindow: { opensOn: '2027-03-01', closesOn: '2027-02-01' },
      },
    });
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed' }, requestId: expect.any(String) });
    const fields = bad.json().error.fields as Array<{ path: string; code: string }>;
    expect(fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'content.benefits.0.oneTimeVnd', code: 'too_small' })]));
    // The row checks run once each row is well-formed: fix the amount and they name their rows.
    const rows = await call('PUT', `/api/programs/${id}`, officer, {
      version: 1,
      content: {
        ...content,
        targetGroups: [row, row],
        requiredDocuments: [
          { code: 'cv', label: { vi: 'Lý lịch', en: 'CV' } },
          { code: 'cv', label: { vi: 'Lý lịch', en: 'CV' } },
        ],
        applicationWindow: { opensOn: '2027-03-01', closesOn: '2027-02-01' },
      },
    });
    expect(rows.statusCode, rows.body).toBe(400);
    expect((rows.json().error.fields as Array<{ path: string; code: string }>).map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'content.applicationWindow.closesOn:window_order',
      'content.requiredDocuments.1.code:duplicate',
      'content.targetGroups.1.code:duplicate',
    ]);
    expect((await call('GET', `/api/programs/${id}`, officer)).json().version).toBe(1);
  });

  it('an officer without an agency may not define a program (nobody else could edit it)', async () => {
    const { accessToken } = await registerAndSignIn(t, 'lone-officer@example.test');
    await t.database.db.update(users).set({ role: 'officer' }).where(eq(users.email, 'lone-officer@example.test'));
    const token = (await signIn(t.app, 'lone-officer@example.test')).accessToken;
    expect(accessToken).not.toBe(token);
    const base = (await call('GET', `/api/programs/${r53}`)).json().content;
    const res = await call('POST', '/api/programs', token, { code: 'hp-orphan', content: base });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().error.code).toBe('programs.forbidden');
  });
});

describe('which programs fit me', () => {
  it('shows every criterion with the value used and a link for each gap', async () => {
    const res = await call('GET', '/api/me/eligibility?lang=en', expert);
    expect(res.statusCode, res.body).toBe(200);
    const programs = res.json().programs as Array<{
      programId: string;
      outcome: string;
      criteria: Criterion[];
      benefit: { group: string } | null;
    }>;
    const hp = programs.find((p) => p.programId === r53)!;
    // PGS, PhD, born 1976, sectors seaport/logistics, and the facts declared in the demo application.
    expect(hp.outcome).toBe('eligible');
    const byId = Object.fromEntries(hp.criteria.map((c) => [c.id, c]));
    expect(byId['HP53-SCOPE']).toMatchObject({ status: 'met', value: true });
    expect(byId['HP53-FIELD-SECTOR']).toMatchObject({ status: 'met', value: ['seaport', 'logistics', 'marine_economy'] });
    expect(byId['HP53-AGE-TITLE']).toMatchObject({ status: 'met', value: 'PGS' });
    expect(hp.benefit?.group).toBe('associate_professor');
    const young = programs.find((p) => p.programId === d263)!;
    expect(young.outcome).toBe('not_eligible');
    const yb = Object.fromEntries(young.criteria.map((c) => [c.id, c]));
    expect(yb['D263-AGE']).toMatchObject({ status: 'not_met', value: 50 });
    expect(yb['D263-ETHICS']).toMatchObject({ status: 'missing', link: `/programs/${d263}/apply#fact-no_prohibited_acts` });
  });

  it('staff see only what the expert shares with agencies', async () => {
    const res = await call('GET', `/api/experts/${expertProfileId}/eligibility`, agency);
    expect(res.statusCode, res.body).toBe(200);
    const young = res.json().programs.find((p: { programId: string }) => p.programId === d263);
    const age = young.criteria.find((c: Criterion) => c.id === 'D263-AGE');
    expect(age).toMatchObject({ status: 'missing' });
    expect(age.value).toBeUndefined();
    expect((await call('GET', `/api/experts/${expertProfileId}/eligibility`, expert)).statusCode).toBe(403);
  });
});

describe('an application over HTTP', () => {
  it('the demo left applications in every state', async () => {
    const queue = (await call('GET', '/api/applications?scope=queue', admin)).json().items.map((a: { status: string }) => a.status);
    expect(new Set(queue)).toEqual(new Set(['submitted', 'in_review', 'needs_information', 'approved', 'rejected', 'withdrawn']));
    const mine = (await call('GET', '/api/applications?scope=mine', expert)).json().items.map((a: { status: string }) => a.status);
    expect(mine.sort()).toEqual(['draft', 'needs_information', 'withdrawn']);
    // The officer of Home Affairs sees the queue of Resolution 53 only.
    const officerQueue = (await call('GET', '/api/applications', officer)).json().items;
    expect(officerQueue.every((a: { programId: string }) => a.programId === r53)).toBe(true);
    // A submitted paper dossier: the officer reviews it, but withdrawing is not theirs to do; the demo gave it its documents.
    const paper = officerQueue.find((a: { status: string }) => a.status === 'submitted');
    const seen = (await call('GET', `/api/applications/${paper.id}`, officer)).json();
    expect(seen.can).toEqual(expect.arrayContaining(['start_review']));
    expect(seen.can).not.toContain('withdraw');
    expect(seen.documents.map((d: { purpose: string }) => d.purpose)).toEqual(expect.arrayContaining(['cv', 'fact:commit_5_years']));
    expect((await call('POST', `/api/applications/${paper.id}/withdraw`, officer, { reason: 'x' })).statusCode).toBe(403);
  });

  it('goes draft → submitted → in review → needs information → in review → approved, keeping its version', async () => {
    const open = (await call('GET', '/api/applications?scope=mine&status=needs_information', expert)).json().items[0];
    expect((await call('POST', `/api/applications/${open.id}/withdraw`, expert, { reason: 'Nộp lại' })).json().status).toBe('withdrawn');
    const created = await call('POST', `/api/programs/${r53}/applications`, expert, {
      declared: R53_FACTS,
      statement: 'Tiếp nhận về Viện',
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, status } = created.json();
    expect(status).toBe('draft');
    expect((await call('POST', `/api/programs/${r53}/applications`, expert, { declared: R53_FACTS })).statusCode).toBe(409);

    const draft = (await call('GET', `/api/applications/${id}`, expert)).json();
    expect(draft.assessment).toMatchObject({ outcome: 'eligible', benefit: { group: 'associate_professor', oneTimeVnd: 400_000_000 } });
    expect(draft.can).toEqual(expect.arrayContaining(['edit', 'submit', 'withdraw']));
    expect((await call('GET', `/api/applications/${id}`, officer)).statusCode).toBe(404); // a draft is the applicant's own

    // Evidence: what it proves (a criterion id or 'other', ≤ 63 characters) is validated, never cut short.
    const evidence = (purpose: string) => {
      const data = new FormData();
      data.append('purpose', purpose);
      data.append('file', new Blob([Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')]), 'quyet-dinh.pdf');
      return t.app.inject({ method: 'POST', url: `/api/applications/${id}/documents`, headers: bearer(expert), payload: data });
    };
    const long = await evidence('x'.repeat(64));
    expect(long.statusCode, long.body).toBe(400);
    expect(long.json().error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'purpose', code: 'too_big' }] });
    for (const bad of ['c\u0000v', 'c\u0001v', '../cv', 'Fact:x y']) {
      const refused = await evidence(bad);
      expect(refused.statusCode, bad).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'purpose' }] });
    }
    const kept = await evidence('x'.repeat(63));
    expect(kept.statusCode, kept.body).toBe(201);
    expect(kept.json().purpose).toBe('x'.repeat(63));

    // Without its documents and the evidence of what it claims, the draft cannot be submitted: everything missing is listed.
    expect(draft.missing.map((m: { kind: string; code: string }) => `${m.kind}:${m.code}`).sort()).toEqual([
      'document:commitment',
      'document:cv',
      'document:degrees',
      'document:recruitment_decision',
      'evidence:commit_5_years',
      'evidence:recruited_by_city_unit',
    ]);
    const incomplete = await call('POST', `/api/applications/${id}/submit`, expert);
    expect(incomplete.statusCode).toBe(409);
    expect(incomplete.json().error.code).toBe('programs.application_incomplete');
    expect(incomplete.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['documents.cv', 'documents.recruitment_decision', 'evidence.commit_5_years']),
    );
    await attach(id, expert, ['cv', 'degrees', 'recruitment_decision', 'commitment', 'fact:recruited_by_city_unit']);
    const almost = await call('POST', `/api/applications/${id}/submit`, expert);
    expect(almost.json().error.fields).toEqual([expect.objectContaining({ path: 'evidence.commit_5_years' })]);
    expect((await call('GET', `/api/applications/${id}`, expert)).json().missing).toHaveLength(1);
    await attach(id, expert, ['fact:commit_5_years']);
    expect((await call('GET', `/api/applications/${id}`, expert)).json().missing).toEqual([]);

    const submitted = await call('POST', `/api/applications/${id}/submit`, expert);
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().status).toBe('submitted');
    expect((await call('POST', `/api/applications/${id}/start-review`, expert)).statusCode).toBe(403);
    expect((await call('POST', `/api/applications/${id}/start-review`, agency)).statusCode).toBe(404);

    const queue = (await call('GET', '/api/applications?scope=queue', officer)).json().items;
    expect(queue.find((a: { id: string }) => a.id === id)).toMatchObject({
      status: 'submitted',
      ageDays: 0,
      outcomeAtSubmission: 'eligible',
    });

    expect(
      (await call('POST', `/api/applications/${id}/decision`, officer, { outcome: 'approved', number: '1/QĐ', date: '2026-03-01' }))
        .statusCode,
    ).toBe(409);
    expect((await call('POST', `/api/applications/${id}/start-review`, officer)).json().status).toBe('in_review');
    const asked = await call('POST', `/api/applications/${id}/request-information`, officer, { message: 'Bổ sung quyết định tiếp nhận' });
    expect(asked.json().status).toBe('needs_information');
    expect((await call('PATCH', `/api/applications/${id}`, expert, { statement: 'Đã bổ sung' })).statusCode).toBe(200);
    expect((await call('POST', `/api/applications/${id}/respond`, expert)).json().status).toBe('in_review');

    const review = (await call('GET', `/api/applications/${id}`, officer)).json();
    expect(review.checklist.map((c: { criterionId: string }) => c.criterionId)).toEqual(
      expect.arrayContaining(['HP53-SCOPE', 'HP53-COMMIT', 'HP53-G5']),
    );
    const checked = await call('PUT', `/api/applications/${id}/checklist`, officer, {
      items: [{ criterionId: 'HP53-SCOPE', checked: true, note: 'QĐ số 12' }],
    });
    expect(checked.json().checklist.find((c: { criterionId: string }) => c.criterionId === 'HP53-SCOPE')).toMatchObject({
      checked: true,
      note: 'QĐ số 12',
    });

    const noReason = await call('POST', `/api/applications/${id}/decision`, officer, {
      outcome: 'rejected',
      number: '2/QĐ',
      date: '2026-03-01',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const approved = await call('POST', `/api/applications/${id}/decision`, officer, {
      outcome: 'approved',
      number: '15/QĐ-UBND',
      date: '2026-03-02',
    });
    expect(approved.json().status).toBe('approved');

    const final = (await call('GET', `/api/applications/${id}`, expert)).json();
    expect(final.decision).toMatchObject({ outcome: 'approved', number: '15/QĐ-UBND', date: '2026-03-02' });
    expect(final.timeline.map((e: { to: string }) => e.to)).toEqual([
      'draft',
      'submitted',
      'in_review',
      'needs_information',
      'in_review',
      'approved',
    ]);
    const notes = (await call('GET', '/api/me/notifications', expert)).json().items.map((n: { kind: string }) => n.kind);
    expect(notes).toEqual(expect.arrayContaining(['program_application.needs_information', 'program_application.approved']));
    const audit = await t.database.db.select().from(auditLog).where(like(auditLog.action, 'program_application.%'));
    expect(audit.filter((a) => a.targetId === id).map((a) => a.action)).toEqual(
      expect.arrayContaining(['program_application.created', 'program_application.submit', 'program_application.approve']),
    );

    // An edit of the program after the application keeps the application on its version.
    const program = (await call('GET', `/api/programs/${r53}`, officer)).json();
    const edited = await call('PUT', `/api/programs/${r53}`, officer, {
      content: program.content,
      version: program.version,
      note: 'no change',
    });
    expect(edited.json().version).toBe(program.version + 1);
    expect((await call('GET', `/api/applications/${id}`, expert)).json().programVersion).toBe(program.version);
  });

  it('refuses unknown ids and bad input without a 5xx', async () => {
    expect((await call('GET', '/api/applications/00000000-0000-4000-8000-000000000000', expert)).statusCode).toBe(404);
    expect((await call('GET', '/api/applications/not-a-uuid', expert)).statusCode).toBe(400);
    expect((await call('POST', `/api/programs/${d263}/applications`, expert, { declared: { 'Bad Key': true } })).statusCode).toBe(400);
  });
});

describe("the rule editor's test panel", () => {
  const asOf = new Date().toISOString().slice(0, 10);
  const year = Number(asOf.slice(0, 4));
  const pgs = {
    label: 'PGS 58',
    facts: {
      asOf,
      highestDegree: 'TS',
      academicTitle: 'PGS',
      birthYear: year - 58,
      gender: 'male',
      sectors: ['education'],
      declared: R53_FACTS,
    },
  };
  const graduate = { label: 'Graduate 23', facts: { asOf, highestDegree: 'DH', birthYear: year - 23, gender: 'female', declared: {} } };

  it("evaluates the program's rules, or the draft being edited, against sample and stored profiles", async () => {
    const res = await call('POST', `/api/programs/${r53}/rules/test`, officer, {
      profiles: [pgs, graduate],
      profileIds: [expertProfileId],
    });
    expect(res.statusCode, res.body).toBe(200);
    const [a, b, c] = res.json().results;
    expect(a).toMatchObject({ label: 'PGS 58', profileId: null, outcome: 'eligible', group: 'associate_professor' });
    // The graduate declared nothing: the declared requirements are missing, so the rules do not fit yet.
    expect(b.outcome).toBe('not_eligible');
    expect(b.criteria.find((x: Criterion) => x.id === 'HP53-SCOPE').status).toBe('missing');
    expect(c.profileId).toBe(expertProfileId);
    expect(c.label.length).toBeGreaterThan(0);

    // A draft rule document (not saved) replaces the program's: under 35 only.
    const program = (await call('GET', `/api/programs/${r53}`, officer)).json();
    const rules = {
      ...program.content.rules,
      requirements: { id: 'YOUNG', kind: 'age', max: 35, strict: true, label: { vi: 'Dưới 35 tuổi', en: 'Under 35' } },
    };
    const draft = await call('POST', `/api/programs/${r53}/rules/test`, officer, { rules, profiles: [pgs, graduate] });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json().results.map((r: { criteria: Criterion[] }) => r.criteria[0]!.status)).toEqual(['not_met', 'met']);
    // Nothing was stored: the program keeps its rules.
    expect((await call('GET', `/api/programs/${r53}`, officer)).json().content.rules.requirements.id).toBe('HP53');
  });

  it('only officers of the program test its rules; input is bounded', async () => {
    const body = { profiles: [pgs] };
    expect((await call('POST', `/api/programs/${r53}/rules/test`, undefined, body)).statusCode).toBe(401);
    expect((await call('POST', `/api/programs/${r53}/rules/test`, expert, body)).statusCode).toBe(403);
    expect((await call('POST', `/api/programs/${r53}/rules/test`, agency, body)).statusCode).toBe(403);
    expect((await call('POST', `/api/programs/${d263}/rules/test`, officer, body)).statusCode).toBe(403);
    expect((await call('POST', `/api/programs/${d263}/rules/test`, admin, body)).statusCode).toBe(200);
    expect((await call('POST', `/api/programs/${r53}/rules/test`, officer, {})).statusCode).toBe(400);
    expect((await call('POST', `/api/programs/${r53}/rules/test`, officer, { profiles: Array(21).fill(pgs) })).statusCode).toBe(400);
    const unknown = await call('POST', `/api/programs/${r53}/rules/test`, officer, {
      profileIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('programs.profile_not_found');
    expect((await call('POST', '/api/programs/00000000-0000-4000-8000-000000000000/rules/test', officer, body)).statusCode).toBe(404);
  });
});

describe('consent to program assessment (Law 91/2025)', () => {
  it('is asked for in the application flow, recorded there, and a withdrawal stops the submission', async () => {
    const draft = (await call('GET', '/api/applications?scope=mine&status=draft', expert)).json().items[0];
    expect(draft.programId).toBe(d263);
    expect((await call('POST', '/api/me/consents/program_assessment/withdraw', expert)).statusCode).toBe(200);
    // The draft made with consent cannot be submitted once it is withdrawn.
    const refused = await call('POST', `/api/applications/${draft.id}/submit`, expert);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('programs.assessment_consent_required');
    expect((await call('POST', `/api/applications/${draft.id}/withdraw`, expert, { reason: 'Nộp lại' })).statusCode).toBe(200);
    // Without consent and without ticking it: refused, with the field to tick.
    const noConsent = await call('POST', `/api/programs/${d263}/applications`, expert, { declared: { vietnamese_citizen: true } });
    expect(noConsent.statusCode).toBe(409);
    expect(noConsent.json().error).toMatchObject({
      code: 'programs.assessment_consent_required',
      fields: [expect.objectContaining({ path: 'assessmentConsent' })],
    });
    expect((await call('GET', '/api/applications?scope=mine&status=draft', expert)).json().items).toEqual([]);
    // Ticked on the form: the application is made and the consent recorded with the form as evidence.
    const ticked = await call('POST', `/api/programs/${d263}/applications`, expert, {
      declared: { vietnamese_citizen: true },
      assessmentConsent: true,
    });
    expect(ticked.statusCode, ticked.body).toBe(201);
    const consent = (await call('GET', '/api/me/consents', expert))
      .json()
      .items.find((c: { purpose: string }) => c.purpose === 'program_assessment');
    expect(consent.state).toBe('granted');
    expect(consent.history[0]).toMatchObject({ action: 'granted', method: 'web_form', evidence: { form: `/programs/${d263}/apply` } });
    // The required answers of Decree 263 are missing: submission refused until they are given.
    const tickedId = ticked.json().id as string;
    const unanswered = await call('POST', `/api/applications/${tickedId}/submit`, expert);
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json().error.fields.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['declared.active_in_sti', 'declared.no_prohibited_acts', 'documents.cv']),
    );
    expect(unanswered.json().error.fields.map((f: { path: string }) => f.path)).not.toContain('declared.vietnamese_citizen');
    const answered = await call('PATCH', `/api/applications/${tickedId}`, expert, {
      declared: { vietnamese_citizen: true, active_in_sti: true, no_prohibited_acts: true },
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const still = answered.json().missing as Array<{ kind: string; code: string }>;
    expect(still.every((m) => m.kind === 'document' || m.kind === 'evidence')).toBe(true);
    await attach(tickedId, expert, missingPurposes(still));
    expect((await call('POST', `/api/applications/${tickedId}/submit`, expert)).statusCode).toBe(200);
  });

  it('needs the officer to attest the signed consent of a paper dossier', async () => {
    const [unclaimed] = await t.database.db
      .select({ id: expertProfiles.id })
      .from(expertProfiles)
      .where(isNull(expertProfiles.userId))
      .limit(1);
    const res = await call('POST', `/api/programs/${d263}/applications`, admin, { declared: {}, profileId: unclaimed!.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('programs.assessment_consent_required');
  });
});
