import { auditLog, organisations } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let agency: string;
let expert: string;
let curator: string;
let officer: string;
let expertProfileId: string;
let unionId: string;
const password = 'demo password for tests';
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

const newCase = (over: object = {}) => ({
  kind: 'phan_bien',
  title: 'Phản biện đề án phát triển logistics cảng Lạch Huyện',
  summary: 'Đề án phát triển dịch vụ logistics gắn với cảng biển Lạch Huyện giai đoạn 2026–2030.',
  fields: ['502'],
  sectors: ['seaport', 'logistics'],
  keywords: ['logistics', 'cảng biển'],
  dueAt: inDays(30),
  panelSize: 3,
  blind: false,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password });
  agency = (await signIn(t.app, 'agency@demo.local', password)).accessToken;
  expert = (await signIn(t.app, 'expert@demo.local', password)).accessToken;
  curator = (await signIn(t.app, 'curator@demo.local', password)).accessToken;
  officer = (await signIn(t.app, 'officer@demo.local', password)).accessToken;
  expertProfileId = (await call('GET', '/api/me/profile', expert)).json().id;
  const [union] = await t.database.db.select().from(organisations).where(eq(organisations.code, 'lien-hiep-hoi'));
  unionId = union!.id;
  await t.searchSettled();
});
afterAll(async () => {
  await t?.close();
});

describe('consultations over HTTP', () => {
  it('runs a critical review from request to public record', async () => {
    const created = await call('POST', '/api/consultations', agency, newCase());
    expect(created.statusCode, created.body).toBe(201);
    const { id, status } = created.json();
    expect(status).toBe('draft');

    const suggestions = await call('GET', `/api/consultations/${id}/suggestions`, agency);
    expect(suggestions.statusCode, suggestions.body).toBe(200);
    const mine = suggestions.json().suggestions.find((s: { profileId: string }) => s.profileId === expertProfileId);
    expect(mine).toMatchObject({ conflicts: [] });
    expect(mine.reasons.map((r: { code: string }) => r.code)).toEqual(
      expect.arrayContaining(['field', 'keyword', 'availability', 'degree']),
    );

    expect((await call('POST', `/api/consultations/${id}/invitations`, agency, { profileIds: [expertProfileId] })).statusCode).toBe(201);
    await t.app.scheduler.drain();
    expect(t.mailTo('expert@demo.local').at(-1)).toContain('Lời mời tham gia');
    const inbox = (await call('GET', '/api/me/invitations', expert)).json().items;
    const invitation = inbox.find((i: { consultationId: string }) => i.consultationId === id);
    expect(invitation).toMatchObject({ consultationId: id, status: 'invited' });
    expect((await call('GET', '/api/me/notifications', expert)).json().unread).toBeGreaterThan(0);

    const noUndertaking = await call('POST', `/api/me/invitations/${invitation.id}/accept`, expert, {
      declaration: { conflict: false, confidentiality: false },
    });
    expect(noUndertaking.statusCode).toBe(400);
    const accepted = await call('POST', `/api/me/invitations/${invitation.id}/accept`, expert, {
      declaration: { conflict: false, confidentiality: true },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await call('GET', `/api/consultations/${id}`, agency)).json().status).toBe('in_review');

    const review = {
      summary: 'Đề án cần thiết',
      assessment: 'Cơ sở pháp lý đầy đủ',
      recommendations: 'Bổ sung đánh giá môi trường',
      verdict: 'Đồng ý có điều kiện',
    };
    expect((await call('PUT', `/api/consultations/${id}/reviews/mine`, expert, review)).statusCode).toBe(200);
    expect((await call('POST', `/api/consultations/${id}/reviews/mine/submit`, expert)).statusCode).toBe(200);
    const late = await call('PUT', `/api/consultations/${id}/reviews/mine`, expert, { summary: 'changed' });
    expect(late.json().error.code).toBe('consultations.review_submitted');

    expect((await call('POST', `/api/consultations/${id}/send`, agency)).statusCode).toBe(409); // no report yet
    for (const [url, body] of [
      [`/api/consultations/${id}/report`, { summary: 'Ý kiến tổng hợp', body: 'Hội đồng đồng ý với điều kiện bổ sung.' }],
      [`/api/consultations/${id}/send`, undefined],
      [`/api/consultations/${id}/reply`, { accepted: 'Bổ sung đánh giá môi trường', notAccepted: '', explanation: 'Tiếp thu toàn bộ' }],
      [`/api/consultations/${id}/rating`, { score: 5, comment: 'Hữu ích' }],
      [`/api/consultations/${id}/close`, { publish: true }],
    ] as const) {
      const res = await call('POST', url, agency, body);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    }
    const closed = (await call('GET', `/api/consultations/${id}`, agency)).json();
    expect(closed.timeline.map((e: { to: string }) => e.to)).toEqual([
      'draft',
      'panel_forming',
      'in_review',
      'consolidating',
      'sent',
      'replied',
      'closed',
    ]);

    const pub = await call('GET', '/api/public/consultations');
    expect(pub.json().items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id, title: newCase().title, kind: 'phan_bien', reportSummary: 'Ý kiến tổng hợp' }),
      ]),
    );
    expect((await call('GET', '/api/public/consultations/feed.atom')).body).toContain(`<title>${newCase().title}</title>`);
    expect((await call('GET', '/api/consultations/ratings/summary', agency)).json()).toEqual({ count: 1, average: 5 });

    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'consultation.created',
        'consultation.invite',
        'consultation.member_accepted',
        'consultation.review_submitted',
        'consultation.draft_report',
        'consultation.send',
        'consultation.reply',
        'consultation.close',
      ]),
    );
  });

  it('keeps cases to their parties and validates input', async () => {
    const id = (await call('POST', '/api/consultations', agency, newCase())).json().id;
    expect((await call('GET', `/api/consultations/${id}`, officer)).statusCode).toBe(404);
    expect((await call('GET', `/api/consultations/${id}`, expert)).statusCode).toBe(404);
    expect((await call('GET', `/api/consultations/${id}/suggestions`, expert)).statusCode).toBe(404);
    expect((await call('POST', '/api/consultations', expert, newCase())).statusCode).toBe(403);
    const bad = await call('POST', '/api/consultations', agency, newCase({ kind: 'xyz', panelSize: 0 }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['kind', 'panelSize']));
    expect((await call('POST', '/api/consultations', agency, newCase({ dueAt: '2020-01-01' }))).statusCode).toBe(400);
    expect((await call('GET', '/api/public/consultations')).json().items.some((i: { id: string }) => i.id === id)).toBe(false);
  });

  it('blocks a flagged expert until staff override the flag with a written reason', async () => {
    const id = (
      await call(
        'POST',
        '/api/consultations',
        agency,
        newCase({ scheme: { title: 'Đề án ĐH Hàng hải', ownerAgency: 'Trường Đại học Hàng hải Việt Nam' } }),
      )
    ).json().id;
    const flagged = (await call('GET', `/api/consultations/${id}/suggestions`, agency))
      .json()
      .suggestions.find((s: { profileId: string }) => s.profileId === expertProfileId);
    expect(flagged.conflicts).toEqual([
      expect.objectContaining({ code: 'same_organisation', evidence: expect.stringContaining('Trường Đại học Hàng hải Việt Nam') }),
    ]);
    // The panel builder finds the same expert by name, screened the same way.
    const byName = await call('GET', `/api/consultations/${id}/candidates?q=${encodeURIComponent(flagged.fullName)}`, agency);
    expect(byName.statusCode, byName.body).toBe(200);
    const found = byName.json().suggestions.find((s: { profileId: string }) => s.profileId === expertProfileId);
    expect(found.conflicts.map((c: { code: string }) => c.code)).toEqual(['same_organisation']);
    expect((await call('GET', `/api/consultations/${id}/candidates?q=a`, agency)).statusCode).toBe(400);
    expect((await call('GET', `/api/consultations/${id}/candidates?q=${'x'.repeat(121)}`, agency)).statusCode).toBe(400);
    const blocked = await call('POST', `/api/consultations/${id}/invitations`, agency, { profileIds: [expertProfileId] });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({
      code: 'consultations.conflict_of_interest',
      fields: [expect.objectContaining({ code: 'same_organisation' })],
    });
    const overrides = [{ profileId: expertProfileId, code: 'same_organisation', reason: 'Khoa khác, không tham gia soạn thảo đề án' }];
    expect(
      (
        await call('POST', `/api/consultations/${id}/invitations`, agency, {
          profileIds: [expertProfileId],
          roles: { [expertProfileId]: 'chair' },
          overrides,
        })
      ).statusCode,
    ).toBe(201);
    const members = (await call('GET', `/api/consultations/${id}`, agency)).json().members;
    expect(members.find((m: { profileId: string }) => m.profileId === expertProfileId)).toMatchObject({ role: 'chair' });
    const audit = (await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, id))).find(
      (a) => a.action === 'consultation.member_invited',
    );
    expect(audit?.details).toMatchObject({ overrides: [{ code: 'same_organisation', reason: overrides[0]!.reason }] });

    // Declaring a conflict later removes the expert and is remembered for the next case of this requester.
    const invitation = (await call('GET', '/api/me/invitations', expert))
      .json()
      .items.find((i: { consultationId: string }) => i.consultationId === id);
    await call('POST', `/api/me/invitations/${invitation.id}/accept`, expert, { declaration: { conflict: false, confidentiality: true } });
    expect(
      (
        await call('POST', `/api/me/invitations/${invitation.id}/conflict`, expert, { description: 'Tham gia góp ý dự thảo trước đây' })
      ).json().status,
    ).toBe('withdrawn');
    const next = (await call('POST', '/api/consultations', agency, newCase({ title: 'Một đề án khác của Sở' }))).json().id;
    const again = (await call('GET', `/api/consultations/${next}/suggestions`, agency))
      .json()
      .suggestions.find((s: { profileId: string }) => s.profileId === expertProfileId);
    expect(again.conflicts.map((c: { code: string }) => c.code)).toContain('declared_before');
  });

  it('hides the panel of a blind case from the requester, and shares contact only with consent', async () => {
    const id = (
      await call(
        'POST',
        '/api/consultations',
        agency,
        newCase({ title: 'Giám định xã hội đề án cảng cạn', blind: true, organiserOrganisationId: unionId }),
      )
    ).json().id;
    expect((await call('GET', `/api/consultations/${id}/suggestions`, agency)).statusCode).toBe(403); // the Union organises
    // The conflict the expert declared towards this requester in the test above is overridden in writing.
    const overrides = [{ profileId: expertProfileId, code: 'declared_before', reason: 'Đã xác minh: không liên quan đến đề án này' }];
    const invited = await call('POST', `/api/consultations/${id}/invitations`, curator, { profileIds: [expertProfileId], overrides });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitation = (await call('GET', '/api/me/invitations', expert))
      .json()
      .items.find((i: { consultationId: string }) => i.consultationId === id);
    await call('POST', `/api/me/invitations/${invitation.id}/accept`, expert, {
      declaration: { conflict: false, confidentiality: true, shareContact: true },
    });

    const asRequester = await call('GET', `/api/consultations/${id}`, agency);
    expect(asRequester.body).not.toContain('Nguyễn Văn Hải');
    expect(asRequester.body).not.toContain(expertProfileId);
    expect(asRequester.body).not.toContain('expert@demo.local');
    expect(asRequester.json().members).toEqual([
      expect.objectContaining({ name: '#1', profileId: null, contact: null, status: 'accepted' }),
    ]);
    const asOrganiser = (await call('GET', `/api/consultations/${id}`, curator)).json();
    expect(asOrganiser.members[0]).toMatchObject({ name: 'Nguyễn Văn Hải', contact: { email: 'expert@demo.local' } });
  });

  it('keeps the dossier versioned and closed to experts until they accept', async () => {
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const upload = (token: string, bytes: Buffer, name = 'du-thao-de-an.pdf') => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
      return t.app.inject({ method: 'POST', url: `/api/consultations/${id}/documents`, headers: bearer(token), payload: form });
    };
    const id = (await call('POST', '/api/consultations', agency, newCase({ title: 'Hồ sơ đề án chợ đầu mối' }))).json().id;
    expect((await upload(agency, PDF)).json()).toMatchObject({ name: 'du-thao-de-an.pdf', version: 1, mime: 'application/pdf' });
    expect((await upload(agency, Buffer.concat([PDF, Buffer.from('% v2\n')]))).json()).toMatchObject({ version: 2 });
    expect((await upload(agency, Buffer.from('MZ not a document'), 'virus.pdf')).statusCode).toBe(415);

    const overrides = [{ profileId: expertProfileId, code: 'declared_before', reason: 'Đã xác minh: không liên quan đến đề án này' }];
    expect(
      (await call('POST', `/api/consultations/${id}/invitations`, agency, { profileIds: [expertProfileId], overrides })).statusCode,
    ).toBe(201);
    expect((await call('GET', `/api/consultations/${id}/documents`, expert)).statusCode).toBe(403);
    expect((await upload(expert, PDF)).statusCode).toBe(403);
    const invitation = (await call('GET', '/api/me/invitations', expert))
      .json()
      .items.find((i: { consultationId: string }) => i.consultationId === id);
    await call('POST', `/api/me/invitations/${invitation.id}/accept`, expert, { declaration: { conflict: false, confidentiality: true } });
    const docs = (await call('GET', `/api/consultations/${id}/documents`, expert)).json().items;
    expect(docs.map((d: { version: number }) => d.version)).toEqual([2, 1]);
    const file = await call('GET', `/api/consultations/${id}/documents/${docs[1].id}`, expert);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect((await call('GET', `/api/consultations/${id}/documents`, officer)).statusCode).toBe(404);
  });
});

describe('consent to consultation invitations (Law 91/2025)', () => {
  it('leaves an expert who withdrew it out of the suggestions and refuses to invite them', async () => {
    const id = (await call('POST', '/api/consultations', agency, newCase({ title: 'Tư vấn quy hoạch kho bãi logistics' }))).json().id;
    const suggested = async () =>
      (await call('GET', `/api/consultations/${id}/suggestions`, agency))
        .json()
        .suggestions.some((s: { profileId: string }) => s.profileId === expertProfileId);
    expect(await suggested()).toBe(true);
    expect((await call('POST', '/api/me/consents/consultation_invitations/withdraw', expert)).statusCode).toBe(200);
    expect(await suggested()).toBe(false);
    const refused = await call('POST', `/api/consultations/${id}/invitations`, agency, { profileIds: [expertProfileId] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'consultations.invitation_consent_withdrawn',
      fields: [expect.objectContaining({ code: 'consent_withdrawn', message: expertProfileId })],
    });
    // Consent given again: suggested and invited as before (the earlier test's declared conflict overridden).
    expect((await call('POST', '/api/me/consents/consultation_invitations/grant', expert)).statusCode).toBe(200);
    expect(await suggested()).toBe(true);
    const overrides = [{ profileId: expertProfileId, code: 'declared_before', reason: 'Đề án khác, không liên quan' }];
    const invited = await call('POST', `/api/consultations/${id}/invitations`, agency, { profileIds: [expertProfileId], overrides });
    expect(invited.statusCode, invited.body).toBe(201);
  });
});
