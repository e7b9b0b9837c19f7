import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { cleanFileName } from '../shared/text.js';

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
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
    /** Stores an uploaded file if its bytes are an allowed type; null (nothing stored) otherwise. */
    async keep(file: { filename: string; bytes: Buffer }) {
      const mime = await sniffDocument(file.bytes);
      if (!mime) return null;
      const name = cleanFileName(file.filename);
      return { name, mime, size: file.bytes.length, ...(await save(file.bytes)) };
    },
    open: (storageKey: string) => createReadStream(join(dir, storageKey)),
  };
}
export type DocumentStore = ReturnType<typeof createDocumentStore>;
