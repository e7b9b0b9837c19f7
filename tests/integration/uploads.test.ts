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

  it('a JSON body to an upload route is a 415', async () => {
    const res = await t.app.inject({ method: 'POST', url: importUrl, headers: bearer(curator), payload: { file: 'x' } });
    expectError(res, 415);
  });
});
