import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { organisations } from '@hpen/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
let t: TestApp;
let associationId: string;

beforeAll(async () => {
  t = await createTestApp();
  const [association] = await t.database.db
    .insert(organisations)
    .values({ nameVi: 'Hội Tin học thử', nameEn: 'Test informatics association', kind: 'association', code: 'hoi-tin-hoc-thu' })
    .returning();
  associationId = association!.id;
}, 90_000);
afterAll(async () => {
  await t?.close();
});

const evidenceFiles = () => {
  try {
    return readdirSync(join(t.dataDir, 'evidence')).sort();
  } catch {
    return [];
  }
};

/** An expert with a degree and one evidence file sent for verification. */
async function expertWithEvidence(email: string) {
  const me = await registerAndSignIn(t, email);
  const patch = await t.app.inject({
    method: 'PATCH',
    url: '/api/me/profile',
    headers: bearer(me.accessToken),
    payload: {
      highestDegree: 'TS',
      education: [{ degree: 'TS', field: 'Tin học', institution: 'Đại học Hàng hải', country: 'VN', year: 2010 }],
    },
  });
  const form = new FormData();
  for (const [k, v] of Object.entries({ itemType: 'degree', itemId: patch.json().education[0].id, associationId, note: 'Bằng' }))
    form.append(k, v);
  form.append('evidence', new Blob([PDF], { type: 'application/pdf' }), 'bang.pdf');
  const sent = await t.app.inject({ method: 'POST', url: '/api/me/verifications', headers: bearer(me.accessToken), payload: form });
  expect(sent.statusCode, sent.body).toBe(201);
  return me;
}

describe('erasure (DELETE /api/me)', () => {
  it("removes the person's evidence files and dev mail copies, and nobody else's", async () => {
    const other = await expertWithEvidence('erasure.other@example.vn');
    const keptFiles = evidenceFiles();
    const me = await expertWithEvidence('erasure.me@example.vn');
    expect(evidenceFiles()).toHaveLength(keptFiles.length + 1);
    expect(t.mailTo('erasure.me@example.vn').length).toBeGreaterThan(0);

    const res = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: bearer(me.accessToken) });
    expect(res.statusCode, res.body).toBe(204);

    expect(evidenceFiles()).toEqual(keptFiles);
    expect(t.mailTo('erasure.me@example.vn')).toEqual([]);
    expect(t.mailTo('erasure.other@example.vn').length).toBeGreaterThan(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/me/verifications', headers: bearer(other.accessToken) })).statusCode).toBe(200);
  }, 90_000);
});
