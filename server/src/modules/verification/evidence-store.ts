import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';

export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
const ALLOWED = new Map([
  ['application/pdf', 'pdf'],
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
]);

/** The type from the bytes (magic numbers), never from the name or the browser's claim. */
export async function sniffEvidence(bytes: Buffer): Promise<string | null> {
  const type = await fileTypeFromBuffer(bytes);
  return type && ALLOWED.has(type.mime) ? type.mime : null;
}

/** Files under DATA_DIR/evidence, named by a random key: outside the web root, reachable only through the API. */
export function createEvidenceStore(dataDir: string) {
  const dir = join(dataDir, 'evidence');
  return {
    async save(bytes: Buffer): Promise<{ storageKey: string; sha256: string }> {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const storageKey = randomUUID();
      await writeFile(join(dir, storageKey), bytes, { mode: 0o600 });
      return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    open: (storageKey: string) => createReadStream(join(dir, storageKey)),
    remove: (storageKey: string) => rm(join(dir, storageKey), { force: true }),
    /** Erasure: every file given; returns the keys that could not be removed (the caller logs them). */
    async removeAll(storageKeys: string[]): Promise<string[]> {
      const results = await Promise.allSettled(storageKeys.map((key) => rm(join(dir, key), { force: true })));
      return storageKeys.filter((_, i) => results[i]?.status === 'rejected');
    },
  };
}
export type EvidenceStore = ReturnType<typeof createEvidenceStore>;
