import { expertProfiles } from '@hpen/db';
import { createProfileGenerator } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp, tokenFromMail } from '../support/test-app.js';
import { contentToColumns } from '../../server/src/modules/profiles/profile-document.js';

let t: TestApp;
let owner: { accessToken: string; userId: string };

beforeAll(async () => {
  t = await createTestApp();
  owner = await registerAndSignIn(t, 'import.owner@example.vn');
});
afterAll(async () => {
  await t?.close();
});

const getOwn = async (token = owner.accessToken) =>
  (await t.app.inject({ method: 'GET', url: '/api/me/profile', headers: bearer(token) })).json();
const post = (url: string, payload: object, token = owner.accessToken) =>
  t.app.inject({ method: 'POST', url, headers: bearer(token), payload });

const bibtex = String.raw`
@article{huong2019,
  title = {Port competitiveness in {Northern Vietnam}},
  author = {Phạm, Thị Thu Hương and Nguyễn, Văn Hải},
  journal = {Maritime Policy \& Management},
  year = {2019},
  doi = {10.1080/03088839.2019.1234567}
}
@inproceedings{hai2021,
  title = {Green logistics at Lach Huyen port},
  author = {Nguyễn, Văn Hải},
  booktitle = {Proceedings of the Asian Logistics Round Table},
  year = {2021}
}
@article{same_doi_again,
  title = {A different title but the same DOI},
  journal = {Somewhere},
  year = {2019},
  doi = {https://doi.org/10.1080/03088839.2019.1234567}
}
@article{broken,
  title = {No year here},
  journal = {Nowhere}
}
`;

describe('publications import', () => {
  it('previews a BibTeX file: new entries, a duplicate inside the file, an invalid entry; nothing saved', async () => {
    const before = await getOwn();
    const res = await post('/api/me/profile/publications/import/preview', { format: 'bibtex', content: bibtex });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview.entries.map((e: { status: string }) => e.status)).toEqual(['new', 'new', 'duplicate_in_file', 'invalid']);
    expect(preview.counts).toEqual({ new: 2, duplicate: 1, invalid: 1 });
    expect(preview.entries[0].publication).toMatchObject({
      title: 'Port competitiveness in Northern Vietnam',
      year: 2019,
      doi: '10.1080/03088839.2019.1234567',
      type: 'journal_article',
    });
    expect(preview.entries[3].errors.map((e: { path: string }) => e.path)).toContain('year');
    expect((await getOwn()).version).toBe(before.version);
  });

  it('imports the chosen new entries, and a second import of the same file adds nothing', async () => {
    const { version } = await getOwn();
    const res = await post('/api/me/profile/publications/import', { format: 'bibtex', content: bibtex, version, skip: [1] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().publications.map((p: { title: string }) => p.title)).toEqual(['Port competitiveness in Northern Vietnam']);

    const preview = (await post('/api/me/profile/publications/import/preview', { format: 'bibtex', content: bibtex })).json();
    expect(preview.entries[0]).toMatchObject({ status: 'duplicate_existing' });
    expect(preview.entries[1]).toMatchObject({ status: 'new' });

    const again = await post('/api/me/profile/publications/import', { format: 'bibtex', content: bibtex, version: version + 1 });
    expect(again.statusCode).toBe(200);
    expect(again.json().publications).toHaveLength(2);
    const third = await post('/api/me/profile/publications/import', { format: 'bibtex', content: bibtex, version: version + 2 });
    expect(third.json().publications).toHaveLength(2);
    expect(third.json().version).toBe(version + 2);
  });

  it('finds duplicates by normalised title and year when there is no DOI (CSV, any case and diacritics)', async () => {
    const csv =
      'title,venue,year,type,doi\n"GREEN LOGISTICS AT LACH HUYEN PORT",Proceedings,2021,conference_paper,\n"Đánh giá năng lực cảng Hải Phòng",Tạp chí Hàng hải,2024,journal_article,10.5555/abc.1\n';
    const preview = (await post('/api/me/profile/publications/import/preview', { format: 'csv', content: csv })).json();
    expect(preview.entries.map((e: { status: string }) => e.status)).toEqual(['duplicate_existing', 'new']);
  });

  it('refuses a stale version, a wrong format and an oversized file with clear errors', async () => {
    const stale = await post('/api/me/profile/publications/import', { format: 'bibtex', content: bibtex, version: 1 });
    expect(stale.statusCode).toBe(409);
    const wrongFormat = await post('/api/me/profile/publications/import/preview', { format: 'ris', content: 'TY  - JOUR' });
    expect(wrongFormat.statusCode).toBe(400);
    expect(wrongFormat.json().error.fields.map((f: { path: string }) => f.path)).toContain('format');
    const huge = await post('/api/me/profile/publications/import/preview', { format: 'csv', content: 'x'.repeat(2_000_001) });
    expect(huge.statusCode).toBe(400);
    expect(huge.json().error.fields.map((f: { path: string }) => f.path)).toContain('content');
  });
});

describe('claiming a profile someone else created', () => {
  async function insertUnclaimed(email: string) {
    const [fieldCode] = ['502'];
    const generated = createProfileGenerator({ seed: 99, fieldCodes: [fieldCode!] })();
    const content = { ...generated.content, fullName: 'Vũ Thị Bích Ngọc', contact: { email, phone: '+84 913 000 111' } };
    const [row] = await t.database.db
      .insert(expertProfiles)
      .values({ ...contentToColumns(content), userId: null, visibility: generated.visibility, createdBy: null })
      .returning();
    return row!;
  }

  it('lists unclaimed profiles with my e-mail, mails a link to that address, and hands the profile over', async () => {
    const email = 'ngoc.vu@example.vn';
    const imported = await insertUnclaimed(email);
    const claimant = await registerAndSignIn(t, email);
    const ownBefore = await getOwn(claimant.accessToken);

    const claimable = await t.app.inject({ method: 'GET', url: '/api/me/profile/claimable', headers: bearer(claimant.accessToken) });
    expect(claimable.json().items).toEqual([{ id: imported.id, fullName: 'Vũ Thị Bích Ngọc', contactEmail: 'n***@example.vn' }]);

    const request = await post('/api/me/profile/claims', { profileId: imported.id }, claimant.accessToken);
    expect(request.statusCode, request.body).toBe(202);
    // Neutral: the answer names no address (the address is the one the claimant signed up with anyway).
    expect(request.json()).toEqual({ ok: true });
    const token = tokenFromMail(t, email, '/claim-profile');

    // The link works only for the account that asked.
    const stranger = await post('/api/me/profile/claim', { token }, owner.accessToken);
    expect(stranger.statusCode).toBe(400);

    const confirm = await post('/api/me/profile/claim', { token }, claimant.accessToken);
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect(confirm.json()).toMatchObject({ id: imported.id, claimed: true, fullName: 'Vũ Thị Bích Ngọc' });
    expect((await getOwn(claimant.accessToken)).id).toBe(imported.id);
    // The empty profile made at sign-up is gone; the claimed one keeps its history.
    expect((await t.app.inject({ method: 'GET', url: `/api/experts/${ownBefore.id}` })).statusCode).toBe(404);
    const history = (await t.app.inject({ method: 'GET', url: '/api/me/profile/history', headers: bearer(claimant.accessToken) })).json();
    expect(history.items[0].changes).toEqual([{ field: 'claimed', before: false, after: true }]);
    // The claim is recorded as consent to keep the imported data in the registry (method import_claim).
    const consents = (await t.app.inject({ method: 'GET', url: '/api/me/consents', headers: bearer(claimant.accessToken) })).json().items;
    const registry = consents.find((c: { purpose: string }) => c.purpose === 'registry_profile');
    expect(registry.history[0]).toMatchObject({ action: 'granted', method: 'import_claim', evidence: { profileId: imported.id } });
    expect(registry.history.map((h: { method: string }) => h.method)).toEqual(['import_claim', 'sign_up']);

    // A used link cannot be used again, and a claimed profile cannot be claimed.
    expect((await post('/api/me/profile/claim', { token }, claimant.accessToken)).statusCode).toBe(400);
    const twice = await post('/api/me/profile/claims', { profileId: imported.id }, owner.accessToken);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('profiles.already_claimed');
  });

  it('refuses a claim when my own profile already has content, leaving both as they were', async () => {
    const imported = await insertUnclaimed('someone.else@example.vn');
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me/profile',
      headers: bearer(owner.accessToken),
      payload: { keywords: ['hàng hải'] },
    });
    expect((await post('/api/me/profile/claims', { profileId: imported.id })).statusCode).toBe(202);
    const token = tokenFromMail(t, 'someone.else@example.vn', '/claim-profile');
    const res = await post('/api/me/profile/claim', { token });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('profiles.claim_needs_merge');
    expect((await getOwn()).keywords).toEqual(['hàng hải']);
  });

  it('answers 404 for a profile that does not exist and 400 for a malformed id', async () => {
    const missing = await post('/api/me/profile/claims', { profileId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.statusCode).toBe(404);
    const bad = await post('/api/me/profile/claims', { profileId: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toContain('profileId');
  });
});
