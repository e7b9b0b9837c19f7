import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../app/errors.js';
import { readUploadInMemory } from '../../app/uploads.js';
import { cleanFileName } from '../shared/text.js';

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export const documentErrors = {
  tooLarge: () =>
    new AppError(413, 'upload.too_large', `A document can be at most ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB; send a smaller file`),
  empty: () =>
    new AppError(400, 'upload.empty', 'The file is empty (0 bytes); choose the document again', {
      fields: [{ path: 'file', code: 'empty', message: 'The file is empty' }],
    }),
};

/**
 * The one reading of a document upload (consultations, program applications, award nominations):
 * one file in `file` (≤ 20 MB, else 413 upload.too_large) and the form's text fields; `missing` is
 * the module's error for a form without the file.
 */
export async function readDocumentUpload(request: FastifyRequest, reply: FastifyReply, missing: () => AppError) {
  const { fields, files } = await readUploadInMemory(request, reply, {
    fileField: 'file',
    maxFileBytes: DOCUMENT_MAX_BYTES,
    maxFiles: 1,
    tooLarge: documentErrors.tooLarge,
  });
  const file = files[0];
  if (!file) throw missing();
  return { ...file, fields };
}
const ALLOWED = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
]);

/** The type from the bytes, never from the name: PDF, DOCX, XLSX, JPEG, PNG. */
export async function sniffDocument(bytes: Buffer): Promise<string | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type && ALLOWED.has(type.mime) ? type.mime : null;
}

/**
 * The dossiers of consultations, program applications and award nominations, under
 * DATA_DIR/consultation-documents by random key: reachable only through each API's access rules.
 * One instance, made in the composition root.
 */
export function createDocumentStore(dataDir: string) {
  const dir = join(dataDir, 'consultation-documents');
  async function save(bytes: Buffer) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const storageKey = randomUUID();
    await writeFile(join(dir, storageKey), bytes, { mode: 0o600 });
    return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  return {
    save,
    /** Stores an uploaded file if its bytes are an allowed type; null (nothing stored) otherwise. An empty file is refused (400 upload.empty). */
    async keep(file: { filename: string; bytes: Buffer }) {
      if (file.bytes.length === 0) throw documentErrors.empty();
      const mime = await sniffDocument(file.bytes);
      if (!mime) return null;
      const name = cleanFileName(file.filename);
      return { name, mime, size: file.bytes.length, ...(await save(file.bytes)) };
    },
    open: (storageKey: string) => createReadStream(join(dir, storageKey)),
  };
}
export type DocumentStore = ReturnType<typeof createDocumentStore>;
