import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;

async function expert(email: string, profile: object) {
  const session = await registerAndSignIn(t, email);
  const res = await t.app.inject({ method: 'PATCH', url: '/api/me/profile', headers: bearer(session.accessToken), payload: profile });
  expect(res.statusCode, res.body).toBe(200);
}

const suggest = async (q: string, lang = 'vi') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/reference/suggest?${new URLSearchParams({ q, lang })}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { fields: Array<{ code: string; label: string; path: string }>; keywords: Array<{ text: string; count: number }> };
};

beforeAll(async () => {
  t = await createTestApp();
  for (const [i, email] of ['a', 'b', 'c'].entries())
    await expert(`onco.${email}@example.vn`, {
      fullName: `Nguyễn Văn ${email}`,
      keywords: ['ung thư', ...(i ? ['hóa trị'] : [])],
      fields: [{ code: '302', primary: true }],
    });
  await expert('chain@example.vn', { fullName: 'Lê Thị Thu', keywords: ['chuỗi cung ứng'], fields: [{ code: '502', primary: true }] });
  await expert('secret@example.vn', {
    fullName: 'Trần Kín',
    keywords: ['ung thư bí mật'],
    fields: [{ code: '301', primary: true }],
    visibility: { expertise: 'private' },
  });
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/reference/suggest', () => {
  it('suggests keywords in public use with their counts, and the fields chosen with them, with their path', async () => {
    const res = await suggest('ung thu');
    expect(res.keywords[0]).toEqual({ text: 'ung thư', count: 3 });
    // "chuỗi cung ứng" holds "ứng" but not "thu"; a private keyword is never counted nor shown.
    expect(res.keywords.map((k) => k.text)).not.toContain('chuỗi cung ứng');
    expect(res.keywords.map((k) => k.text)).not.toContain('ung thư bí mật');
    expect(res.fields[0]).toEqual({ code: '302', label: 'Y học lâm sàng', path: 'Khoa học y dược › Y học lâm sàng' });
  });

  it('matches inside labels in both languages, folded and typo tolerant', async () => {
    expect((await suggest('lam sang')).fields.map((f) => f.code)).toContain('302');
    expect((await suggest('clinical medicne', 'en')).fields[0]).toMatchObject({ code: '302', label: 'Clinical medicine' });
    expect((await suggest('kinh te')).fields.map((f) => f.code)).toContain('502');
    expect(await suggest('zzqxwv')).toEqual({ fields: [], keywords: [] });
  });

  it('rejects an empty or oversized query with 400', async () => {
    for (const q of ['', 'x'.repeat(101)]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/reference/suggest?q=${q}` });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['q']);
    }
  });
});
