import { SECTION_FIELDS } from '../../server/src/modules/profiles/profile-sections.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '@hpen/server';
import { bearer, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let owner: { accessToken: string; userId: string };
let agency: { accessToken: string };
let otherExpert: { accessToken: string };

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database.db, { password: 'demo password for tests' });
  owner = await registerAndSignIn(t, 'profile.owner@example.vn');
  otherExpert = await registerAndSignIn(t, 'other.expert@example.vn');
  agency = await signIn(t.app, 'agency@demo.local', 'demo password for tests');
});
afterAll(async () => {
  await t?.close();
});

const getOwn = async (token = owner.accessToken) =>
  (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: bearer(token) })).json();
const patch = (payload: object, token = owner.accessToken, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: { ...bearer(token), ...headers }, payload });
const view = (id: string, token?: string) =>
  t.app.inject({ method: 'GET', url: `/api/experts/${id}`, ...(token ? { headers: bearer(token) } : {}) });

const richProfile = {
  fullName: 'Phạm Thị Thu Hương',
  academicTitle: 'PGS',
  highestDegree: 'TS',
  orcid: 'https://orcid.org/0000-0002-1825-0097',
  birthYear: 1978,
  gender: 'female',
  contact: { email: 'huong.pham@vimaru.edu.vn', phone: '+84 912 345 678' },
  bio: {
    vi: 'Nghiên cứu về logistics cảng biển và vận tải đa phương thức.',
    en: 'Research on seaport logistics and multimodal transport.',
  },
  fields: [{ code: '502', primary: true }, { code: '201' }],
  keywords: ['logistics', 'cảng biển', 'chuỗi cung ứng'],
  sectors: ['seaport', 'logistics'],
  education: [
    {
      degree: 'TS',
      field: 'Kinh tế vận tải biển',
      institution: 'University of Antwerp',
      country: 'BE',
      year: 2010,
      trainedAbroad: true,
      honours: 'xuat_sac',
    },
  ],
  positions: [{ title: 'Trưởng khoa', organisation: 'Trường Đại học Hàng hải Việt Nam', from: 2015, to: null, current: true }],
  languages: [
    { code: 'en', level: 'C1' },
    { code: 'fr', level: 'B2' },
  ],
  publications: [
    {
      title: 'Port competitiveness in Northern Vietnam',
      venue: 'Maritime Policy & Management',
      year: 2019,
      doi: 'https://doi.org/10.1080/03088839.2019.1234567',
    },
  ],
  location: { kind: 'haiphong', commune: '11329' },
  availability: { kinds: ['consultation', 'critical_review'], modes: ['remote', 'in_person'] },
};

describe('own profile', () => {
  it('exists from sign-up with the account name, private contact details and public identity', async () => {
    const p = await getOwn();
    expect(p).toMatchObject({
      id: expect.any(String),
      version: 1,
      fullName: 'Nguyễn Thị Lan',
      claimed: true,
      contact: { email: 'profile.owner@example.vn', phone: null },
    });
    expect(p.visibility).toMatchObject({ contact: 'private', identity: 'public', expertise: 'public', personal: 'private' });
    expect(p.completeness.score).toBeLessThan(20);
    expect(p.completeness.hints.map((h: { code: string }) => h.code)).toEqual(
      expect.arrayContaining(['add_education', 'choose_primary_field']),
    );
  });

  it('takes a full profile, normalising ORCID and DOI, and scores it', async () => {
    const res = await patch({ ...richProfile, version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p.version).toBe(2);
    expect(p.orcid).toBe('0000-0002-1825-0097');
    expect(p.publications[0].doi).toBe('10.1080/03088839.2019.1234567');
    expect(p.education[0].id).toEqual(expect.any(String));
    expect(p.completeness.score).toBeGreaterThanOrEqual(80);
    expect(res.headers.etag).toBe('"2"');
  });

  it('refuses a stale version with 409 and changes nothing', async () => {
    const res = await patch({ keywords: ['stale edit'], version: 1 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('profiles.version_conflict');
    const viaHeader = await patch({ keywords: ['stale edit'] }, owner.accessToken, { 'if-match': '"1"' });
    expect(viaHeader.statusCode).toBe(409);
    expect((await getOwn()).keywords).toEqual(richProfile.keywords);
  });

  it('lets exactly one of two concurrent edits of the same version win', async () => {
    const { version } = await getOwn();
    const [a, b] = await Promise.all([patch({ keywords: ['a1', 'a2', 'a3'], version }), patch({ keywords: ['b1', 'b2', 'b3'], version })]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('records every change in the history with before and after', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/me/profile/history', headers: bearer(owner.accessToken) });
    const items = res.json().items;
    expect(items[0].version).toBeGreaterThan(items.at(-1).version);
    const first = items.find((v: { version: number }) => v.version === 2);
    expect(first.actorUserId).toBe(owner.userId);
    expect(first.changes).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'orcid', before: null, after: '0000-0002-1825-0097' })]),
    );
  });

  it('saves a section sent back unchanged as no change: same version, no new history entry', async () => {
    const own = await getOwn();
    const history = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/me/profile/history', headers: bearer(owner.accessToken) })).json().items.length;
    const entries = await history();
    // Every section exactly as read (the stored documents come back with their keys in another order).
    for (const [section, fields] of Object.entries(SECTION_FIELDS)) {
      if (section === 'completedReviews') continue; // kept by the server, not part of PATCH
      const body = Object.fromEntries(fields.map((f) => [f, own[f]]));
      const res = await patch({ ...body, version: own.version });
      expect(res.statusCode, fields.join()).toBe(200);
      expect(res.json().version, fields.join()).toBe(own.version);
    }
    expect(await history()).toBe(entries);
    const changed = await patch({ bio: { ...own.bio, en: `${own.bio.en} More.` } });
    expect(changed.json().version).toBe(own.version + 1);
  });
});

describe('validation (each rule has a failing input)', () => {
  const cases: Array<[string, object, string]> = [
    ['ORCID checksum', { orcid: '0000-0002-1825-0096' }, 'orcid'],
    ['ORCID format', { orcid: '1234' }, 'orcid'],
    ['DOI syntax', { publications: [{ title: 'X', year: 2020, doi: '10.12/x y' }] }, 'publications.0.doi'],
    ['birth year too early', { birthYear: 1800 }, 'birthYear'],
    ['birth year too late', { birthYear: new Date().getFullYear() - 5 }, 'birthYear'],
    ['publication year in the future', { publications: [{ title: 'X', year: new Date().getFullYear() + 5 }] }, 'publications.0.year'],
    ['from after to', { positions: [{ title: 'T', organisation: 'O', from: 2020, to: 2010 }] }, 'positions.0.to'],
    ['CEFR level', { languages: [{ code: 'en', level: 'D1' }] }, 'languages.0.level'],
    ['language code', { languages: [{ code: 'xx', level: 'B1' }] }, 'languages.0.code'],
    ['country code', { education: [{ degree: 'TS', field: 'F', institution: 'I', country: 'XX', year: 2000 }] }, 'education.0.country'],
    ['unknown degree', { highestDegree: 'PhD' }, 'highestDegree'],
    ['unknown sector', { sectors: ['space'] }, 'sectors.0'],
    ['commune code format', { location: { kind: 'haiphong', commune: 'ba-dinh' } }, 'location.commune'],
    ['commune outside Hải Phòng', { location: { kind: 'haiphong', commune: '00004' } }, 'location.commune'],
    ['unknown province', { location: { kind: 'vietnam', province: '99', commune: null } }, 'location.province'],
    ['old district field', { location: { kind: 'haiphong', district: 'ngo-quyen' } }, 'location'],
    ['e-mail', { contact: { email: 'not-mail', phone: null } }, 'contact.email'],
    ['phone', { contact: { email: null, phone: '12ab' } }, 'contact.phone'],
    [
      'two primary fields',
      {
        fields: [
          { code: '101', primary: true },
          { code: '102', primary: true },
        ],
      },
      'fields',
    ],
    ['oversized bio', { bio: { vi: 'x'.repeat(5001), en: '' } }, 'bio.vi'],
    ['unknown field', { nickname: 'x' }, ''],
  ];
  it.each(cases.map(([name, body, path]) => ({ name, body, path })))('$name → 400 naming $path', async ({ body, path }) => {
    const before = await getOwn();
    const res = await patch(body);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as Array<{ path: string }>;
    if (path) expect(fields.map((f) => f.path)).toContain(path);
    // Every field error has a stable code to translate: never the generic "custom".
    expect(fields.every((f) => (f as { code?: string }).code && (f as { code?: string }).code !== 'custom')).toBe(true);
    expect((await getOwn()).version).toBe(before.version);
  });

  it('names custom rules with their own codes', async () => {
    const res = await patch({
      orcid: '0000-0002-1825-0096',
      positions: [{ title: 'T', organisation: 'O', from: 2020, to: 2010 }],
      contact: { email: null, phone: '12' },
    });
    const codes = Object.fromEntries((res.json().error.fields as Array<{ path: string; code: string }>).map((f) => [f.path, f.code]));
    expect(codes).toMatchObject({ orcid: 'orcid_invalid', 'positions.0.to': 'from_after_to', 'contact.phone': 'phone_length' });
  });

  it('rejects a taxonomy code that does not exist, naming the item', async () => {
    const res = await patch({ fields: [{ code: '101', primary: true }, { code: '999' }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'fields.1.code', code: 'unknown_code' })]);
  });
});

describe('who sees what', () => {
  it('shows visitors only public sections, agencies also agency sections, and nobody else the private ones', async () => {
    const { id, version } = await getOwn();
    const set = await patch({
      version,
      visibility: { contact: 'agencies', availability: 'agencies', personal: 'private', publications: 'private' },
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().visibility).toMatchObject({ contact: 'agencies', publications: 'private', identity: 'public' });

    const visitor = (await view(id)).json();
    expect(visitor.audience).toBe('public');
    expect(visitor.fullName).toBe(richProfile.fullName);
    expect(visitor.fields).toBeDefined();
    expect(visitor).not.toHaveProperty('contact');
    expect(visitor).not.toHaveProperty('availability');
    expect(visitor).not.toHaveProperty('birthYear');
    expect(visitor).not.toHaveProperty('publications');

    const staff = (await view(id, agency.accessToken)).json();
    expect(staff.audience).toBe('agencies');
    expect(staff.contact).toEqual(richProfile.contact);
    expect(staff.availability.kinds).toEqual(['consultation', 'critical_review']);
    expect(staff).not.toHaveProperty('birthYear');
    expect(staff).not.toHaveProperty('publications');
    expect(JSON.stringify(staff)).not.toContain('1978');

    const peer = (await view(id, otherExpert.accessToken)).json();
    expect(peer.audience).toBe('public');
    expect(peer).not.toHaveProperty('contact');

    const self = (await view(id, owner.accessToken)).json();
    expect(self.audience).toBe('owner');
    expect(self.birthYear).toBe(1978);
  });

  it('hides the whole profile from visitors when identity is for agencies only', async () => {
    const { id, version } = await getOwn();
    expect((await patch({ version, visibility: { identity: 'agencies' } })).statusCode).toBe(200);
    expect((await view(id)).statusCode).toBe(404);
    expect((await view(id, agency.accessToken)).statusCode).toBe(200);
    const p = await getOwn();
    expect((await patch({ version: p.version, visibility: { identity: 'public' } })).statusCode).toBe(200);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await view('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await view('abc')).statusCode).toBe(400);
  });

  it('never lets one expert edit another: the only edit path is one’s own profile', async () => {
    const other = await getOwn(otherExpert.accessToken);
    const mine = await getOwn();
    const res = await patch({ fullName: 'Hacker', id: other.id } as object);
    expect(res.statusCode).toBe(400);
    expect((await getOwn(otherExpert.accessToken)).fullName).toBe(other.fullName);
    expect((await getOwn()).version).toBe(mine.version);
    // Staff have no profile to edit.
    expect((await patch({ fullName: 'X Y' }, agency.accessToken)).statusCode).toBe(404);
  });
});

describe('reference data', () => {
  it('serves the versioned taxonomy with both labels, and the sector list', async () => {
    const tax = (await t.app.inject({ method: 'GET', url: '/api/reference/taxonomy' })).json();
    expect(tax.version).toBe('12/2008');
    expect(tax.fields).toHaveLength(52);
    expect(tax.fields.find((f: { code: string }) => f.code === '102')).toMatchObject({
      level: 2,
      parentCode: '1',
      nameVi: 'Khoa học máy tính và thông tin',
      nameEn: 'Computer and information sciences',
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/reference/taxonomy?version=1999' })).statusCode).toBe(404);
    const lists = (await t.app.inject({ method: 'GET', url: '/api/reference/lists' })).json();
    expect(lists.sectors.map((s: { code: string }) => s.code)).toContain('seaport');
  });
});
