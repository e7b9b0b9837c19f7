import { randomUUID } from 'node:crypto';
import { organisations, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { hashPassword } from '../../server/src/modules/auth/passwords.js';
import { profileSections, type Visibility } from '../../server/src/modules/profiles/profiles.schemas.js';
import { bearer, PASSWORD, registerAndSignIn, signIn, signInWithTotp } from './auth-flows.js';
import type { TestApp } from './test-app.js';
import { markedProfile, type MarkedProfile } from './visibility-markers.js';

/**
 * The world the authorization matrix runs in: one account per role, and for each kind of object
 * one that belongs to the acting role ("own") and one that does not ("foreign").
 */
export const MATRIX_ROLES = ['anonymous', 'expert', 'otherExpert', 'agency', 'curator', 'otherCurator', 'officer', 'admin'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

const DEMO_PASSWORD = 'demo password for tests';
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const MEMBER_HEADER =
  'full_name,email,phone,birth_year,gender,academic_title,highest_degree,fields,sectors,position,organisation,orcid,district';

/** Every section "only me": nothing of it may reach anyone but the expert. */
/** Everything "only me" except the name (so the profile exists for others). */
export const PRIVATE_VISIBILITY: Visibility = {
  ...Object.fromEntries(profileSections.map((section) => [section, 'private'])),
  identity: 'public',
} as Visibility;

export interface Fixtures {
  t: TestApp;
  tokens: Record<MatrixRole, string | undefined>;
  userIds: Record<'expert' | 'otherExpert', string>;
  profileIds: Record<'expert' | 'otherExpert', string>;
  /** The curator's association (own) and the other curator's (foreign). */
  associations: { own: string; foreign: string };
  shortlists: { own: string; foreign: string };
  verifications: { own: string; foreign: string };
  evidence: { own: string; foreign: string };
  imports: { own: string; foreign: string };
  /** Draft consultations: the agency's organisation's (own) and another organisation's (foreign). */
  consultations: { own: string; foreign: string };
  /** Invitations: the expert's to the agency's consultation (own), the other expert's to the other agency's (foreign). */
  invitations: { own: string; foreign: string };
  /** Staff of another organisation than the agency's (quan-le-chan): the "foreign" nominator and consultation owner. */
  foreignAgency: string;
  marked: MarkedProfile;
  /** Objects made fresh for requests that use one up. */
  fresh: {
    shortlist(owner: 'agency' | 'otherAgency'): Promise<string>;
    association(): Promise<string>;
    membership(which: 'own' | 'foreign'): Promise<string>;
    /** A member-list import that has finished its dry run (for deleting). */
    import(which: 'own' | 'foreign'): Promise<string>;
    consultation(which: 'own' | 'foreign'): Promise<string>;
    /** A new consultation with an invitation to the expert (own) or the other expert (foreign). */
    invitation(which: 'own' | 'foreign'): Promise<string>;
  };
  form(fields: Record<string, string>, files: Array<{ field: string; name: string; bytes: Buffer }>): FormData;
}

async function staff(t: TestApp, email: string, role: 'curator' | 'agency', orgCode: string) {
  const [org] = await t.database.db.select().from(organisations).where(eq(organisations.code, orgCode));
  await t.database.db.insert(users).values({
    email,
    fullName: `Cán bộ ${orgCode}`,
    role,
    organisationId: org!.id,
    passwordHash: await hashPassword(PASSWORD),
    passwordChangedAt: new Date(),
    emailVerifiedAt: new Date(),
    status: 'active',
  });
  return (await signIn(t.app, email)).accessToken;
}

function form(fields: Record<string, string>, files: Array<{ field: string; name: string; bytes: Buffer }>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const f of files) data.append(f.field, new Blob([f.bytes], { type: 'application/octet-stream' }), f.name);
  return data;
}

export async function call(t: TestApp, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, token: string, payload?: object) {
  const res = await t.app.inject({
    method,
    url,
    headers: bearer(token),
    ...(payload ? { payload: payload as Record<string, unknown> } : {}),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.body ? (res.json() as Record<string, unknown>) : {};
}

/** An expert with a degree on the profile asks the association to verify it, with a PDF. */
async function verification(t: TestApp, token: string, associationId: string) {
  const own = await call(t, 'GET', '/api/me/profile', token);
  const patched = await call(t, 'PATCH', '/api/me/profile', token, {
    version: own.version,
    education: [{ degree: 'TS', field: 'Khoa học máy tính', institution: 'Đại học Bách khoa Hà Nội', country: 'VN', year: 2012 }],
  });
  const itemId = (patched.education as Array<{ id: string }>)[0]!.id;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/me/verifications',
    headers: bearer(token),
    payload: form({ itemType: 'degree', itemId, associationId, note: 'Bằng tiến sĩ' }, [
      { field: 'evidence', name: 'bang.pdf', bytes: PDF },
    ]),
  });
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { id: string; files: Array<{ id: string }> };
  return { id: body.id, evidence: body.files[0]!.id };
}

/** A member list with an invalid row: its dry run finishes "not clean", so confirming it is always refused. */
async function uncleanImport(t: TestApp, token: string, associationId: string) {
  const csv = `${MEMBER_HEADER}\r\nX,not-an-email,12,1800,?,GS,PhD,999,space,,,1234,hanoi\r\n`;
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/curation/imports?associationId=${associationId}`,
    headers: bearer(token),
    payload: form({}, [{ field: 'file', name: 'hoi-vien.csv', bytes: Buffer.from(csv) }]),
  });
  expect(res.statusCode, res.body).toBe(202);
  const id = (res.json() as { id: string }).id;
  for (let i = 0; i < 200; i++) {
    const job = await call(t, 'GET', `/api/curation/imports/${id}`, token);
    if (job.status !== 'parsing') return id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('import dry run did not finish');
}

const CONSULTATION = {
  kind: 'phan_bien',
  title: 'Phản biện đề án logistics cảng Lạch Huyện',
  summary: 'Đề án phát triển dịch vụ logistics gắn với cảng biển Lạch Huyện giai đoạn 2026–2030.',
  fields: ['502'],
  sectors: ['seaport'],
  keywords: ['logistics'],
  panelSize: 3,
  blind: false,
};

/** A draft consultation of the agency, optionally with an invitation to one expert (returned with it). */
async function consultation(t: TestApp, agencyToken: string, inviteeToken?: string, profileId?: string) {
  const dueAt = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const id = (await call(t, 'POST', '/api/consultations', agencyToken, { ...CONSULTATION, dueAt })).id as string;
  if (!inviteeToken || !profileId) return { id, invitation: '' };
  // A conflict the expert declared on an earlier matrix case flags them: override it, as staff would.
  const invite = (overrides: object[]) =>
    t.app.inject({
      method: 'POST',
      url: `/api/consultations/${id}/invitations`,
      headers: bearer(agencyToken),
      payload: { profileIds: [profileId], overrides },
    });
  let invited = await invite([]);
  if (invited.statusCode === 409) {
    const flags = (invited.json() as { error: { fields?: Array<{ code: string }> } }).error.fields ?? [];
    invited = await invite(flags.map((f) => ({ profileId, code: f.code, reason: 'Ma trận phân quyền: lời mời thử nghiệm' })));
  }
  expect(invited.statusCode, invited.body).toBe(201);
  const inbox = (await call(t, 'GET', '/api/me/invitations', inviteeToken)).items as Array<{ id: string; consultationId: string }>;
  return { id, invitation: inbox.find((i) => i.consultationId === id)!.id };
}

export async function createFixtures(t: TestApp): Promise<Fixtures> {
  await seedDemo(t.database.db, { password: DEMO_PASSWORD });
  const demo = async (role: string) => (await signIn(t.app, `${role}@demo.local`, DEMO_PASSWORD)).accessToken;
  const expert = await registerAndSignIn(t, 'matrix.expert@example.vn');
  const otherExpert = await registerAndSignIn(t, 'matrix.other@example.vn');
  const tokens: Fixtures['tokens'] = {
    anonymous: undefined,
    expert: expert.accessToken,
    otherExpert: otherExpert.accessToken,
    agency: await demo('agency'),
    curator: await staff(t, 'matrix.curator@example.vn', 'curator', 'hoi-tin-hoc'),
    otherCurator: await staff(t, 'matrix.curator2@example.vn', 'curator', 'hoi-y-hoc'),
    officer: await demo('officer'),
    // Admins act only with two-step sign-in on (an admin without it gets 403 auth.mfa_required).
    admin: (await signInWithTotp(t.app, 'admin@demo.local', DEMO_PASSWORD)).accessToken,
  };
  const otherAgency = await staff(t, 'matrix.agency2@example.vn', 'agency', 'so-xay-dung');
  // Consultations belong to an organisation: the foreign one is another organisation's.
  const foreignAgency = await staff(t, 'matrix.agency3@example.vn', 'agency', 'quan-le-chan');
  const list = (await call(t, 'GET', '/api/associations', tokens.admin!)).items as Array<{ id: string; code: string }>;
  const byCode = Object.fromEntries(list.map((a) => [a.code, a.id]));
  const associations = { own: byCode['hoi-tin-hoc']!, foreign: byCode['hoi-y-hoc']! };

  const profileId = async (token: string) => (await call(t, 'GET', '/api/me/profile', token)).id as string;
  const profileIds = { expert: await profileId(expert.accessToken), otherExpert: await profileId(otherExpert.accessToken) };

  const own = await verification(t, expert.accessToken, associations.own);
  const foreign = await verification(t, otherExpert.accessToken, associations.foreign);

  // The expert: a member of the curator's association, every section "only me", each marked.
  const membership = await call(t, 'POST', '/api/me/memberships', expert.accessToken, { associationId: associations.own });
  await call(t, 'POST', `/api/curation/memberships/${String(membership.id)}/decision`, tokens.curator!, { decision: 'approve' });
  const marked = markedProfile(424242, ['101', '201', '502']);
  const current = await call(t, 'GET', '/api/me/profile', expert.accessToken);
  await call(t, 'PATCH', '/api/me/profile', expert.accessToken, {
    version: current.version,
    ...marked.content,
    education: [...(current.education as object[]), ...marked.content.education],
    visibility: PRIVATE_VISIBILITY,
  });

  const ownCase = await consultation(t, tokens.agency!, expert.accessToken, profileIds.expert);
  const foreignCase = await consultation(t, foreignAgency, otherExpert.accessToken, profileIds.otherExpert);

  const shortlist = async (token: string) =>
    (await call(t, 'POST', '/api/shortlists', token, { name: `Danh sách ${randomUUID()}` })).id as string;
  // The agency's own list holds the private expert, so its CSV export is checked for leaks too.
  const ownShortlist = await shortlist(tokens.agency!);
  await call(t, 'PUT', `/api/shortlists/${ownShortlist}/items/${profileIds.expert}`, tokens.agency!, { note: '' });
  return {
    t,
    tokens,
    userIds: { expert: expert.userId, otherExpert: otherExpert.userId },
    profileIds,
    associations,
    shortlists: { own: ownShortlist, foreign: await shortlist(otherAgency) },
    verifications: { own: own.id, foreign: foreign.id },
    evidence: { own: own.evidence, foreign: foreign.evidence },
    imports: {
      own: await uncleanImport(t, tokens.curator!, associations.own),
      foreign: await uncleanImport(t, tokens.otherCurator!, associations.foreign),
    },
    consultations: { own: ownCase.id, foreign: foreignCase.id },
    invitations: { own: ownCase.invitation, foreign: foreignCase.invitation },
    foreignAgency,
    marked,
    fresh: {
      shortlist: (owner) => shortlist(owner === 'agency' ? tokens.agency! : otherAgency),
      association: async () => {
        const code = `hoi-${randomUUID().slice(0, 8)}`;
        return (await call(t, 'POST', '/api/associations', tokens.admin!, { code, nameVi: `Hội ${code}`, nameEn: `Association ${code}` }))
          .id as string;
      },
      // The other expert leaves and asks again, so each decision meets a pending request.
      membership: async (which) => {
        const associationId = which === 'own' ? associations.own : associations.foreign;
        await t.app.inject({ method: 'DELETE', url: `/api/me/memberships/${associationId}`, headers: bearer(otherExpert.accessToken) });
        return (await call(t, 'POST', '/api/me/memberships', otherExpert.accessToken, { associationId })).id as string;
      },
      import: (which) =>
        which === 'own'
          ? uncleanImport(t, tokens.curator!, associations.own)
          : uncleanImport(t, tokens.otherCurator!, associations.foreign),
      consultation: async (which) => (await consultation(t, which === 'own' ? tokens.agency! : foreignAgency)).id,
      invitation: async (which) =>
        (
          await (which === 'own'
            ? consultation(t, tokens.agency!, expert.accessToken, profileIds.expert)
            : consultation(t, foreignAgency, otherExpert.accessToken, profileIds.otherExpert))
        ).invitation,
    },
    form,
  };
}
