import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { seedDemo } from '@hpen/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, registerAndSignIn, signIn } from '../support/auth-flows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 18 item 4: every broken upload is a 4xx in the standard shape and leaves no file behind. */
let t: TestApp;
let expert: string;
let curator: string;
let importUrl: string;

beforeAll(async () => {
  t = await createTestApp({ env: { UPLOAD_IDLE_TIMEOUT_MS: '400' } });
  await seedDemo(t.database.db, { password: 'demo password for tests' });
  expert = (await registerAndSignIn(t, 'upload.expert@example.vn')).accessToken;
  curator = (await signIn(t.app, 'curator@demo.local', 'demo password for tests')).accessToken;
  const list = (await t.app.inject({ method: 'GET', url: '/api/associations' })).json().items as Array<{ id: string }>;
  importUrl = `/api/curation/imports?associationId=${list[0]!.id}`;
});
afterAll(async () => {
  await t?.close();
});

const filesIn = (dir: string) => (existsSync(join(t.dataDir, dir)) ? readdirSync(join(t.dataDir, dir)) : []);
const zeroByteFiles = (dir: string) => filesIn(dir).filter((f) => statSync(join(t.dataDir, dir, f)).size === 0);

function expectError(res: { statusCode: number; json: () => unknown }, status: number, code?: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as { error: { code: string; message: string }; requestId: string };
  expect(body).toMatchObject({ error: { code: code ?? expect.any(String), message: expect.any(String) }, requestId: expect.any(String) });
  return body;
}

const B = 'hpenboundary';
const part = (name: string, filename: string, content: string) =>
  `--${B}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n${content}\r\n`;

describe('uploads', () => {
  it.each([
    ['/api/me/verifications', () => expert],
    ['import', () => curator],
  ])('multipart without a boundary to %s is a 400', async (url, token) => {
    const res = await t.app.inject({
      method: 'POST',
      url: url === 'import' ? importUrl : url,
      headers: { ...bearer(token()), 'content-type': 'multipart/form-data' },
      payload: 'x',
    });
    expectError(res, 400, 'bad_request.multipart_boundary');
  });

  it.each([
    ['/api/me/verifications', () => expert, 'evidence'],
    ['import', () => curator, 'file'],
  ])('a truncated multipart body to %s is a 400 and leaves no file', async (url, token, field) => {
    const res = await t.app.inject({
      method: 'POST',
      url: url === 'import' ? importUrl : url,
      headers: { ...bearer(token()), 'content-type': `multipart/form-data; boundary=${B}` },
      payload: `--${B}\r\nContent-Disposition: form-data; name="${field}"; filename="a.csv"\r\n\r\nhọ tên,email\r\nNguyễn`,
    });
    expectError(res, 400, 'bad_request.multipart_malformed');
    expect(filesIn('imports')).toEqual([]);
  });

  it('a file part that never completes is answered 408 and its partial file removed', async () => {
    // The client sends the start of a file, then nothing: the stream never ends.
    const body = new Readable({ read() {} });
    body.push(part('file', 'hoi-vien.csv', 'ho_ten,email\r\n').replace(/\r\n$/, '') + 'Nguyễn Văn A,a@example.vn\r\n'.repeat(200));
    const started = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: importUrl,
      headers: { ...bearer(curator), 'content-type': `multipart/form-data; boundary=${B}` },
      payload: body,
    });
    expectError(res, 408, 'request_timeout');
    expect(Date.now() - started).toBeLessThan(5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(filesIn('imports')).toEqual([]);
    expect(zeroByteFiles('evidence')).toEqual([]);
    body.destroy();
  });

  it('four evidence files: 413 that speaks of the number of files', async () => {
    const pdf = '%PDF-1.4\n%%EOF\n';
    const payload =
      `--${B}\r\nContent-Disposition: form-data; name="itemType"\r\n\r\ndegree\r\n` +
      [1, 2, 3, 4].map((i) => part('evidence', `bang-${i}.pdf`, pdf)).join('') +
      `--${B}--\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/me/verifications',
      headers: { ...bearer(expert), 'content-type': `multipart/form-data; boundary=${B}` },
      payload,
    });
    const body = expectError(res, 413, 'upload.too_many_files');
    expect(body.error.message).toMatch(/3 files/);
    expect(body.error.message).not.toMatch(/MB/);
    expect(zeroByteFiles('evidence')).toEqual([]);
  });

  it('a dossier document over 20 MB is a 413 upload.too_large, an empty one a 400 upload.empty; neither is kept', async () => {
    const agency = (await signIn(t.app, 'agency@demo.local', 'demo password for tests')).accessToken;
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/consultations',
      headers: bearer(agency),
      payload: {
        kind: 'tu_van',
        title: 'Tư vấn quy hoạch cảng cạn',
        summary: 'Ý kiến tư vấn về quy hoạch cảng cạn.',
        fields: ['502'],
        sectors: ['seaport'],
        keywords: [],
        dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
        panelSize: 3,
        blind: false,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const url = `/api/consultations/${created.json().id}/documents`;
    const send = (bytes: Buffer) => {
      const data = new FormData();
      data.append('file', new Blob([bytes]), 'de-an.pdf');
      return t.app.inject({ method: 'POST', url, headers: bearer(agency), payload: data });
    };
    const before = filesIn('consultation-documents').length;
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x20);
    big.write('%PDF-1.4\n');
    const tooLarge = expectError(await send(big), 413, 'upload.too_large');
    expect(tooLarge.error.message).toMatch(/20 MB/);
    const empty = expectError(await send(Buffer.alloc(0)), 400, 'upload.empty');
    expect(empty).toMatchObject({ error: { fields: [{ path: 'file', code: 'empty' }] } });
    expect(filesIn('consultation-documents').length).toBe(before);
    // The same document of a sane size is kept (the route works; only the size was refused).
    expect((await send(Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n'))).statusCode).toBe(201);
  });

  it('a JSON body to an upload route is a 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: importUrl, headers: bearer(curator), payload: { file: 'x' } });
    expectError(res, 415);
  });
});
