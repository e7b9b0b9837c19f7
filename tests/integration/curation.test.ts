import { auditLog, expertProfiles, organisations, users } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/src/modules/auth/passwords.js';
import { contentToColumns, emptyDocument } from '../../server/src/modules/profiles/profile-document.js';
import { bearer, PASSWORD, registerAndSignIn, signIn, signInWithTotp } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DEMO_PASSWORD = 'demo password for tests';
let t: TestApp;
let admin: string;
let union: string; // curator of the Union (all associations)
let itCurator: string; // curator of the Informatics association only
let medCurator: string; // curator of the Medical association only
let expert: { accessToken: string; userId: string };
let assoc: Record<string, string>;

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, ...(token ? { headers: bearer(token) } : {}), ...(payload ? { payload } : {}) });

function upload(
  url: string,
  token: string,
  files: Array<{ field: string; name: string; bytes: Buffer; type?: string }>,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append(f.field, new Blob([f.bytes], { type: f.type ?? 'application/octet-stream' }), f.name);
  return t.app.inject({ method: 'POST', url, headers: bearer(token), payload: form });
}

async function staff(email: string, role: 'curator', orgCode: string) {
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

async function waitForJob(id: string, token: string, until: (status: string) => boolean) {
  for (let i = 0; i < 300; i++) {
    const job = (await call('GET', `/api/curation/imports/${id}`, token)).json();
    if (until(job.status)) return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import job did not finish: ${(await call('GET', `/api/curation/imports/${id}`, token)).body}`);
}

beforeAll(async () => {
  t = await createTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  await seedDemo(t.database.db, { password: DEMO_PASSWORD });
  admin = (await signInWithTotp(t.app, 'admin@demo.local', DEMO_PASSWORD)).accessToken;
  union = (await signIn(t.app, 'curator@demo.local', DEMO_PASSWORD)).accessToken;
  itCurator = await staff('curator.tinhoc@example.vn', 'curator', 'hoi-tin-hoc');
  medCurator = await staff('curator.yhoc@example.vn', 'curator', 'hoi-y-hoc');
  expert = await registerAndSignIn(t, 'member.expert@example.vn');
  const list = (await call('GET', '/api/associations')).json().items as Array<{ id: string; code: string }>;
  assoc = Object.fromEntries(list.map((a) => [a.code, a.id]));
});
afterAll(async () => {
  await t?.close();
});

describe('associations', () => {
  it('lists associations publicly; the Union creates, association curators cannot', async () => {
    expect(assoc['hoi-tin-hoc']).toEqual(expect.any(String));
    const created = await call('POST', '/api/associations', union, {
      code: 'hoi-moi-truong',
      nameVi: 'Hội Môi trường Hải Phòng',
      nameEn: 'Hai Phong Environment Association',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await call('POST', '/api/associations', itCurator, { code: 'hoi-khac', nameVi: 'Hội khác', nameEn: 'Other' })).statusCode).toBe(
      403,
    );
    expect(
      (await call('POST', '/api/associations', union, { code: 'hoi-moi-truong', nameVi: 'Hội khác', nameEn: 'Other' })).statusCode,
    ).toBe(409);
    expect((await call('DELETE', `/api/associations/${created.json().id}`, union)).statusCode).toBe(204);
    expect(
      (await call('POST', '/api/associations', expert.accessToken, { code: 'hoi-x', nameVi: 'Hội X', nameEn: 'Assoc X' })).statusCode,
    ).toBe(403);
  });
});

describe('memberships', () => {
  it('apply → the right curator decides (with a reason to reject) → listed, counted, exported, searchable → leave', async () => {
    const applied = await call('POST', '/api/me/memberships', expert.accessToken, {
      associationId: assoc['hoi-tin-hoc'],
      message: 'Xin gia nhập',
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const id = applied.json().id;
    expect(t.mailTo('curator.tinhoc@example.vn').at(-1)).toContain('Nguyễn Thị Lan');
    expect((await call('POST', '/api/me/memberships', expert.accessToken, { associationId: assoc['hoi-tin-hoc'] })).statusCode).toBe(409);

    // Another association's curator cannot see or decide it.
    expect((await call('POST', `/api/curation/memberships/${id}/decision`, medCurator, { decision: 'approve' })).statusCode).toBe(404);
    expect((await call('GET', `/api/associations/${assoc['hoi-tin-hoc']}/members`, medCurator)).statusCode).toBe(404);
    const noReason = await call('POST', `/api/curation/memberships/${id}/decision`, itCurator, { decision: 'reject' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields).toEqual([expect.objectContaining({ path: 'reason', code: 'reason_required' })]);

    const approved = await call('POST', `/api/curation/memberships/${id}/decision`, itCurator, { decision: 'approve' });
    expect(approved.json().status).toBe('approved');
    expect(t.mailTo('member.expert@example.vn').at(-1)).toContain('chấp thuận');
    const members = (await call('GET', `/api/associations/${assoc['hoi-tin-hoc']}/members?status=approved`, itCurator)).json().items;
    expect(members.map((m: { fullName: string }) => m.fullName)).toContain('Nguyễn Thị Lan');
    const count = (await call('GET', '/api/associations')).json().items.find((a: { code: string }) => a.code === 'hoi-tin-hoc').members;
    expect(count).toBe(1);
    const csv = await call('GET', `/api/associations/${assoc['hoi-tin-hoc']}/members.csv`, itCurator);
    expect(csv.body).toContain('Nguyễn Thị Lan');

    await t.searchSettled();
    const found = (await call('GET', '/api/experts/search?association=hoi-tin-hoc&facets=association')).json();
    expect(found.hits.map((h: { fullName: string }) => h.fullName)).toContain('Nguyễn Thị Lan');
    expect(found.facets.association['hoi-tin-hoc']).toBe(1);

    const left = await call('DELETE', `/api/me/memberships/${assoc['hoi-tin-hoc']}`, expert.accessToken);
    expect(left.json().status).toBe('left');
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['membership.applied', 'membership.approved', 'membership.left']));
  });
});

describe('verification', () => {
  it('checks evidence by content and size, routes the request, approves with provenance, and re-queues on change', async () => {
    const profile = (
      await call('PATCH', '/api/me/profile', expert.accessToken, {
        highestDegree: 'TS',
        education: [{ degree: 'TS', field: 'Khoa học máy tính', institution: 'Đại học Bách khoa Hà Nội', country: 'VN', year: 2012 }],
      })
    ).json();
    const itemId = profile.education[0].id;
    const fields = { itemType: 'degree', itemId, associationId: assoc['hoi-tin-hoc']!, note: 'Bằng tiến sĩ' };

    const exe = await upload(
      '/api/me/verifications',
      expert.accessToken,
      [{ field: 'evidence', name: 'bang-tien-si.pdf', bytes: EXE, type: 'application/pdf' }],
      fields,
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('curation.evidence_type');
    const big = await upload(
      '/api/me/verifications',
      expert.accessToken,
      [{ field: 'evidence', name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]) }],
      fields,
    );
    expect(big.statusCode).toBe(413);
    const none = await upload('/api/me/verifications', expert.accessToken, [], fields);
    expect(none.statusCode).toBe(400);
    const wrongItem = await upload('/api/me/verifications', expert.accessToken, [{ field: 'evidence', name: 'b.pdf', bytes: PDF }], {
      ...fields,
      itemId: 'nope',
    });
    expect(wrongItem.statusCode).toBe(400);

    const ok = await upload(
      '/api/me/verifications',
      expert.accessToken,
      [{ field: 'evidence', name: 'bang-tien-si.pdf', bytes: PDF }],
      fields,
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const request = ok.json();
    expect(request).toMatchObject({
      status: 'pending',
      snapshot: { degree: 'TS', institution: 'Đại học Bách khoa Hà Nội' },
      files: [{ mimeType: 'application/pdf', filename: 'bang-tien-si.pdf' }],
    });

    // The queue: in scope for the Informatics curator and the Union, invisible to the Medical one.
    expect((await call('GET', '/api/curation/verifications', medCurator)).json().items).toEqual([]);
    expect((await call('GET', `/api/curation/verifications/${request.id}`, medCurator)).statusCode).toBe(404);
    expect((await call('GET', `/api/curation/evidence/${request.files[0].id}`, medCurator)).statusCode).toBe(404);
    const queue = (await call('GET', '/api/curation/verifications?itemType=degree', itCurator)).json().items;
    expect(queue.map((q: { id: string }) => q.id)).toContain(request.id);
    expect((await call('GET', '/api/curation/verifications', union)).json().items.map((q: { id: string }) => q.id)).toContain(request.id);
    const file = await call('GET', `/api/curation/evidence/${request.files[0].id}`, itCurator);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await call('GET', `/api/curation/evidence/${request.files[0].id}`)).statusCode).toBe(401);

    const dashboard = (await call('GET', '/api/curation/dashboard', itCurator)).json();
    expect(dashboard.verification).toMatchObject({ pending: 1, ageing: { under7Days: 1 }, byType: { degree: 1 } });

    const approved = await call('POST', `/api/curation/verifications/${request.id}/decision`, itCurator, { decision: 'approve' });
    expect(approved.statusCode, approved.body).toBe(200);
    const view = (await call('GET', `/api/experts/${profile.id}`)).json();
    expect(view.verified).toEqual([
      { itemType: 'degree', itemId, by: expect.stringContaining('Hội Tin học Hải Phòng'), at: expect.any(String) },
    ]);
    await t.searchSettled();
    const verifiedHits = (await call('GET', '/api/experts/search?verified=true&facets=verified')).json();
    expect(verifiedHits.hits.map((h: { id: string }) => h.id)).toContain(profile.id);
    expect(verifiedHits.hits.find((h: { id: string }) => h.id === profile.id).verified).toBe(true);

    // A second item cannot borrow the verified item's id, and with it the badge (issue 18 item 8).
    const forged = await call('PATCH', '/api/me/profile', expert.accessToken, {
      education: [profile.education[0], { ...profile.education[0], degree: 'TSKH', institution: 'Harvard University' }],
    });
    expect(forged.statusCode, forged.body).toBe(400);
    expect(forged.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['education.1.id']);
    expect((await call('GET', `/api/experts/${profile.id}`)).json().education).toHaveLength(profile.education.length);

    // Changing the verified degree clears the badge and puts it back in the queue with its evidence.
    const changed = (
      await call('PATCH', '/api/me/profile', expert.accessToken, { education: [{ ...profile.education[0], year: 2013 }] })
    ).json();
    expect(changed.verified).toEqual([]);
    const mine = (await call('GET', '/api/me/verifications', expert.accessToken)).json().items;
    expect(mine.map((r: { status: string }) => r.status)).toEqual(['superseded', 'pending']);
    expect(mine[1]).toMatchObject({ snapshot: { year: 2013 }, files: [{ filename: 'bang-tien-si.pdf' }] });
    const reject = await call('POST', `/api/curation/verifications/${mine[1].id}/decision`, itCurator, {
      decision: 'request_changes',
      reason: 'Cần bản sao có công chứng',
    });
    expect(reject.json().status).toBe('changes_requested');
    expect(t.mailTo('member.expert@example.vn').at(-1)).toContain('Cần bản sao có công chứng');
  });
});

describe('duplicates', () => {
  async function unclaimed(fullName: string, birthYear: number | null, email: string | null, bio = '') {
    const content = {
      fullName,
      academicTitle: null,
      highestDegree: null,
      orcid: null,
      birthYear,
      gender: null,
      contact: { email, phone: null },
      ...emptyDocument(),
      bio: { vi: bio, en: '' },
    };
    const [row] = await t.database.db
      .insert(expertProfiles)
      .values({ ...contentToColumns(content), userId: null, visibility: { identity: 'public', bio: 'public' } })
      .returning();
    return row!.id;
  }

  it('finds pairs by name in either order, birth year and e-mail; merges section by section; the old id redirects', async () => {
    const a = await unclaimed('Vũ Hoàng Long', 1975, 'long.vh@example.vn', 'Bản A');
    const b = await unclaimed('Long Vũ Hoàng', 1975, null, 'Bản B đầy đủ hơn');
    const c = await unclaimed('Vu Hoang Long', 1990, null);
    expect((await call('POST', '/api/curation/duplicates/scan', itCurator)).statusCode).toBe(403);
    const scan = await call('POST', '/api/curation/duplicates/scan', union);
    expect(scan.statusCode, scan.body).toBe(200);
    const pairs = (await call('GET', '/api/curation/duplicates', union)).json().items as Array<{
      id: string;
      reasons: string[];
      a: { id: string };
      b: { id: string };
    }>;
    const pair = pairs.find((p) => [p.a.id, p.b.id].sort().join() === [a, b].sort().join());
    expect(pair?.reasons).toEqual(expect.arrayContaining(['same_name_other_order', 'same_birth_year']));
    expect(pairs.some((p) => [p.a.id, p.b.id].includes(c))).toBe(false); // different birth year

    const keep = pair!.a.id === a ? 'a' : 'b';
    const other = keep === 'a' ? 'b' : 'a';
    const merged = await call('POST', `/api/curation/duplicates/${pair!.id}/merge`, union, { keep, take: { bio: other } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ keptId: a, mergedAwayId: b });
    const kept = (await call('GET', `/api/experts/${a}`)).json();
    expect(kept).toMatchObject({ fullName: 'Vũ Hoàng Long', bio: { vi: 'Bản B đầy đủ hơn' } });
    const redirect = await call('GET', `/api/experts/${b}`);
    expect(redirect.statusCode).toBe(308);
    expect(redirect.headers.location).toBe(`/api/experts/${a}`);
    expect((await call('GET', '/api/curation/duplicates?status=merged', union)).json().items.map((p: { id: string }) => p.id)).toContain(
      pair!.id,
    );
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'profile.merged'));
    expect(audit[0]?.details).toMatchObject({ mergedAway: b });
  });
});

describe('member-list import', () => {
  const header =
    'full_name,email,phone,birth_year,gender,academic_title,highest_degree,fields,sectors,position,organisation,orcid,district';
  const good = [
    header,
    'Đinh Thị Thu Trang,trang.dtt@example.vn,0912 111 222,1982,nữ,,TS,102;201,information_technology,Giảng viên,Trường Đại học Hải Phòng,,le-chan',
    'Lương Văn Tùng,,,1978,nam,PGS,TS,502,logistics,,,0000-0002-1694-233X,"Xã Thanh Hà, Huyện Thanh Hà, Hải Dương"',
    'Tạ Quang Bửu,,,,,,,,,,,,',
  ].join('\r\n');

  const csvUpload = (content: string | Buffer, token = itCurator, associationId = assoc['hoi-tin-hoc']!, name = 'hoi-vien.csv') =>
    upload(`/api/curation/imports?associationId=${associationId}`, token, [
      { field: 'file', name, bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content },
    ]);

  it('dry-runs, refuses an unclean file, imports a clean one, and importing it again creates nothing', async () => {
    const bad = `${header}\r\nX,not-an-email,12,1800,?,GS,PhD,999,space,,,1234,hanoi\r\n`;
    const badJob = (await csvUpload(`\uFEFF${bad}`)).json();
    const badDone = await waitForJob(badJob.id, itCurator, (s) => s !== 'parsing');
    expect(badDone).toMatchObject({ status: 'dry_run_ready', clean: false, counts: { invalid: 1 } });
    const rows = (await call('GET', `/api/curation/imports/${badJob.id}/rows?only=errors`, itCurator)).json();
    const columns = rows.items[0].errors.map((e: { column: string }) => e.column);
    expect(columns).toEqual(expect.arrayContaining(['full_name', 'email', 'birth_year', 'highest_degree', 'orcid', 'district']));
    expect((await call('POST', `/api/curation/imports/${badJob.id}/confirm`, itCurator)).statusCode).toBe(409);

    const before = await t.database.db.$count(expertProfiles);
    const job = (await csvUpload(`\uFEFF${good}`)).json();
    const ready = await waitForJob(job.id, itCurator, (s) => s !== 'parsing');
    expect(ready).toMatchObject({ status: 'dry_run_ready', clean: true, totalRows: 3, counts: { create: 3, invalid: 0 } });
    // An old district and an old Hải Dương address: the preview says what each became on the 2025 map.
    const places = (await call('GET', `/api/curation/imports/${job.id}/rows?only=places`, itCurator)).json();
    expect(places.items.map((r: { data: { place_note: string } }) => r.data.place_note)).toEqual([
      'Quận Lê Chân: split among several communes since 2025, to confirm',
      expect.stringContaining('→ Xã Thanh Hà, Hải Phòng'),
    ]);
    expect((await call('GET', `/api/curation/imports/${job.id}`, medCurator)).statusCode).toBe(404);
    expect((await call('POST', `/api/curation/imports/${job.id}/confirm`, medCurator)).statusCode).toBe(404);
    expect((await call('POST', `/api/curation/imports/${job.id}/confirm`, itCurator)).statusCode).toBe(202);
    const done = await waitForJob(job.id, itCurator, (s) => s === 'done');
    expect(done.processedRows).toBe(3);
    expect(await t.database.db.$count(expertProfiles)).toBe(before + 3);
    const [trang] = await t.database.db.select().from(expertProfiles).where(eq(expertProfiles.fullName, 'Đinh Thị Thu Trang'));
    expect(trang?.content.location).toEqual({ kind: 'haiphong', commune: null, formerAddress: 'Quận Lê Chân' });
    const [tung] = await t.database.db.select().from(expertProfiles).where(eq(expertProfiles.fullName, 'Lương Văn Tùng'));
    expect(tung?.content.location).toEqual({ kind: 'haiphong', commune: '10813' });
    const members = (await call('GET', `/api/associations/${assoc['hoi-tin-hoc']}/members?status=approved`, itCurator)).json().items;
    expect(
      members
        .filter((m: { source: string }) => m.source === 'import')
        .map((m: { fullName: string; claimed: boolean }) => [m.fullName, m.claimed]),
    ).toEqual(
      expect.arrayContaining([
        ['Đinh Thị Thu Trang', false],
        ['Lương Văn Tùng', false],
        ['Tạ Quang Bửu', false],
      ]),
    );
    // The list pages (an import can bring tens of thousands) and finds names typed without diacritics.
    const list = (query: string) => call('GET', `/api/associations/${assoc['hoi-tin-hoc']}/members?status=approved&${query}`, itCurator);
    const all = (await list('pageSize=100')).json();
    const first = (await list('pageSize=2&page=1')).json();
    const second = (await list('pageSize=2&page=2')).json();
    expect(first).toMatchObject({ total: all.total, page: 1, pageSize: 2 });
    expect(first.items).toHaveLength(2);
    expect([...first.items, ...second.items].map((m: { id: string }) => m.id)).toEqual(
      all.items.slice(0, 4).map((m: { id: string }) => m.id),
    );
    const found = (await list('q=quang%20buu')).json();
    expect(found.total).toBe(1);
    expect(found.items.map((m: { fullName: string }) => m.fullName)).toEqual(['Tạ Quang Bửu']);
    expect((await list('q=100%25')).json().total).toBe(0);
    expect((await list('pageSize=101')).statusCode).toBe(400);

    // The same file again (without the BOM this time): every row matches, nothing is created.
    const again = (await csvUpload(good)).json();
    const againReady = await waitForJob(again.id, itCurator, (s) => s !== 'parsing');
    expect(againReady.counts).toMatchObject({ create: 0, match: 3 });
    await call('POST', `/api/curation/imports/${again.id}/confirm`, itCurator);
    await waitForJob(again.id, itCurator, (s) => s === 'done');
    expect(await t.database.db.$count(expertProfiles)).toBe(before + 3);

    // Imported people can claim their profile by proving the e-mail on it.
    const person = await registerAndSignIn(t, 'trang.dtt@example.vn');
    expect((await call('GET', '/api/me/profile/claimable', person.accessToken)).json().items).toEqual([
      expect.objectContaining({ fullName: 'Đinh Thị Thu Trang' }),
    ]);
  });

  it('reads XLSX, and explains wrong encodings, missing columns, broken files and oversized files', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hội viên');
    ws.addRow(['full_name', 'email', 'birth_year', 'highest_degree']);
    ws.addRow(['Phùng Thị Mỹ Duyên', 'duyen.ptm@example.vn', 1988, 'ThS']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = (await csvUpload(xlsx, itCurator, assoc['hoi-tin-hoc']!, 'hoi-vien.xlsx')).json();
    expect(await waitForJob(x.id, itCurator, (s) => s !== 'parsing')).toMatchObject({
      status: 'dry_run_ready',
      clean: true,
      counts: { create: 1 },
    });

    const latin = Buffer.from(`${header}\r\nNguy\xean V\xe3n A,,,,,,,,,,,,\r\n`, 'latin1');
    const enc = (await csvUpload(latin)).json();
    expect(await waitForJob(enc.id, itCurator, (s) => s !== 'parsing')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/not UTF-8/),
    });

    const missing = (await csvUpload('email,phone\r\na@b.vn,0912345678\r\n')).json();
    expect(await waitForJob(missing.id, itCurator, (s) => s !== 'parsing')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/full_name/),
    });

    const broken = (await csvUpload(Buffer.from('PK\x03\x04 not really a zip'), itCurator, assoc['hoi-tin-hoc']!, 'broken.xlsx')).json();
    expect(await waitForJob(broken.id, itCurator, (s) => s !== 'parsing')).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/XLSX/),
    });

    const exe = await csvUpload(EXE, itCurator, assoc['hoi-tin-hoc']!, 'list.exe');
    expect(exe.statusCode).toBe(415);
    const huge = await csvUpload(Buffer.alloc(51 * 1024 * 1024, 0x61));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('curation.import_too_large');

    const template = await call('GET', '/api/curation/imports/template.csv');
    expect(template.body.startsWith(`\uFEFF${header}\n`)).toBe(true);
    expect((await call('GET', '/api/curation/imports/template.xlsx')).statusCode).toBe(200);
    expect((await call('GET', '/api/curation/imports', medCurator)).json().items).toEqual([]);
    expect((await call('GET', '/api/curation/dashboard', admin)).json().imports.length).toBeGreaterThan(0);
  });
});

describe('API description', () => {
  it('lists the curation paths in /api/openapi.json', async () => {
    const paths = Object.keys((await call('GET', '/api/openapi.json')).json().paths);
    for (const p of [
      '/api/associations',
      '/api/me/memberships',
      '/api/me/verifications',
      '/api/curation/verifications',
      '/api/curation/duplicates',
      '/api/curation/imports',
      '/api/curation/dashboard',
    ]) {
      expect(paths).toContain(p);
    }
  });
});
