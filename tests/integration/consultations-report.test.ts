import { organisations } from '@hpen/db';
import { seedDemo } from '@hpen/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signIn } from '../support/auth-flows.js';
import { pdfText } from '../support/pdf-text.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
const tokens: Record<'agency' | 'expert' | 'curator' | 'officer', string> = { agency: '', expert: '', curator: '', officer: '' };
let expertProfileId: string;
let unionId: string;
const password = 'demo password for tests';
const NAME = 'Nguyễn Văn Hải'; // the demo expert
const squeeze = (s: string) => s.replace(/\s+/g, '');

const call = async (method: 'GET' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await createTestApp({ env: { SCHEDULER: 'off' } });
  await seedDemo(t.database.db, { password });
  for (const who of ['agency', 'expert', 'curator', 'officer'] as const)
    tokens[who] = (await signIn(t.app, `${who}@demo.local`, password)).accessToken;
  expertProfileId = (await call('GET', '/api/me/profile', tokens.expert)).json().id;
  const [union] = await t.database.db.select().from(organisations).where(eq(organisations.code, 'lien-hiep-hoi'));
  unionId = union!.id;
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/consultations/:id/report.pdf', () => {
  it('gives the opinion as a PDF to whoever sees it on the web, and keeps a blind panel nameless until publication', async () => {
    const { agency, expert, curator, officer } = tokens;
    const id = (
      await call('POST', '/api/consultations', agency, {
        kind: 'giam_dinh',
        title: 'Giám định xã hội dự án cảng cạn Nam Đình Vũ',
        summary: 'Dự án cảng cạn và kho ngoại quan.',
        fields: ['502'],
        keywords: ['logistics'],
        dueAt: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10),
        panelSize: 3,
        blind: true,
        organiserOrganisationId: unionId,
      })
    ).json().id;
    const pdf = (token?: string, lang = '') => call('GET', `/api/consultations/${id}/report.pdf${lang}`, token);

    expect((await pdf(curator)).statusCode).toBe(403); // no opinion drafted yet
    const invited = await call('POST', `/api/consultations/${id}/invitations`, curator, { profileIds: [expertProfileId], role: 'chair' });
    expect(invited.statusCode, invited.body).toBe(201);
    const invitation = (await call('GET', '/api/me/invitations', expert))
      .json()
      .items.find((i: { consultationId: string }) => i.consultationId === id);
    await call('POST', `/api/me/invitations/${invitation.id}/accept`, expert, { declaration: { conflict: false, confidentiality: true } });
    await call('PUT', `/api/consultations/${id}/reviews/mine`, expert, { summary: 'Cần thiết', verdict: 'Đồng ý có điều kiện' });
    expect((await call('POST', `/api/consultations/${id}/reviews/mine/submit`, expert)).statusCode).toBe(200);
    const reviewId = (await call('GET', `/api/consultations/${id}/reviews`, curator)).json().items[0].id;
    const report = {
      summary: 'Hội đồng tán thành dự án với điều kiện bổ sung.',
      body: 'Dự án phù hợp quy hoạch cảng biển.\n\nCần đánh giá kỹ tác động giao thông.',
      points: [{ reviewId, text: 'Chưa đủ cơ sở về nguồn vốn đối ứng', dissent: true }],
    };
    expect((await call('POST', `/api/consultations/${id}/report`, curator, report)).statusCode).toBe(200);

    // Drafted, not sent: the organiser and the chair have it; the requester does not yet.
    const draft = await pdf(curator);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    expect(draft.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdf(expert)).statusCode).toBe(200);
    expect((await pdf(agency)).statusCode).toBe(403);
    expect((await pdf(officer)).statusCode).toBe(404);
    expect((await pdf()).statusCode).toBe(401);
    expect((await call('GET', `/api/consultations/00000000-0000-4000-8000-000000000000/report.pdf`, curator)).statusCode).toBe(404);
    expect((await pdf(curator, '?lang=xx')).statusCode).toBe(400);

    expect((await call('POST', `/api/consultations/${id}/send`, curator)).statusCode).toBe(200);
    const asOrganiser = pdfText((await pdf(curator)).rawPayload);
    expect(asOrganiser).toContain(squeeze(NAME)); // the extractor finds the name where it is printed
    expect(asOrganiser).toContain(squeeze('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'));
    expect(asOrganiser).toContain(squeeze(report.summary));
    expect(asOrganiser).toContain(squeeze('Ý kiến khác (bảo lưu)'));
    expect(asOrganiser).toContain(squeeze('Chưa đủ cơ sở về nguồn vốn đối ứng'));

    const sent = await pdf(agency);
    expect(sent.statusCode).toBe(200);
    expect(sent.headers['content-type']).toBe('application/pdf');
    const asRequester = pdfText(sent.rawPayload);
    expect(asRequester).toContain(squeeze(report.summary));
    expect(asRequester).toContain(squeeze('Chưa đủ cơ sở về nguồn vốn đối ứng'));
    expect(asRequester).not.toContain(squeeze(NAME));
    expect(asRequester).not.toContain('VănHải');
    expect(asRequester).toContain('#1');
    expect(pdfText((await pdf(agency, '?lang=en')).rawPayload)).toContain(squeeze('Dissenting opinions'));

    // Published: the requester now sees the panel's names, in the PDF as on the page.
    await call('POST', `/api/consultations/${id}/reply`, agency, { accepted: 'Bổ sung', notAccepted: '', explanation: 'Tiếp thu' });
    expect((await call('POST', `/api/consultations/${id}/close`, agency, { publish: true })).statusCode).toBe(200);
    expect(pdfText((await pdf(agency)).rawPayload)).toContain(squeeze(NAME));
  });
});
