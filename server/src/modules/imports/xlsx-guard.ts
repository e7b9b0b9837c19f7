import { open } from 'node:fs/promises';
import { XLSX_MAX_PART_BYTES, XLSX_MAX_SHARED_STRINGS_BYTES } from './import-limits.js';

export class XlsxTooLargeError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The uncompressed size of each entry, from the zip's central directory (without inflating anything). */
async function entrySizes(path: string): Promise<Map<string, number>> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLength);
    await file.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new XlsxTooLargeError('not a zip file');
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset + dirSize > size) throw new XlsxTooLargeError('a broken zip directory');
    const dir = Buffer.alloc(dirSize);
    await file.read(dir, 0, dirSize, dirOffset);
    const out = new Map<string, number>();
    for (let p = 0; p + 46 <= dirSize && dir.readUInt32LE(p) === CENTRAL;) {
      const uncompressed = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const name = dir.toString('utf8', p + 46, p + 46 + nameLength);
      // 0xffffffff: the size is in a ZIP64 field, i.e. 4 GB or more; count it as too large.
      out.set(name, uncompressed === 0xffffffff ? Number.MAX_SAFE_INTEGER : uncompressed);
      p += 46 + nameLength + extraLength + commentLength;
    }
    return out;
  } finally {
    await file.close();
  }
}

/**
 * Refuses a workbook whose parts would unzip into more than a member list needs, before any
 * of it is inflated: a 200 KB file can hold a 200-million-character cell (a zip bomb).
 */
export async function assertXlsxSizes(path: string) {
  let sizes: Map<string, number>;
  try {
    sizes = await entrySizes(path);
  } catch (error) {
    if (error instanceof XlsxTooLargeError) return; // not a zip: the reader says the file is broken
    throw error;
  }
  for (const [name, bytes] of sizes) {
    const limit = name === 'xl/sharedStrings.xml' ? XLSX_MAX_SHARED_STRINGS_BYTES : name.startsWith('xl/') ? XLSX_MAX_PART_BYTES : null;
    if (limit !== null && bytes > limit) throw new XlsxTooLargeError(`${name} unpacks to ${Math.round(bytes / 1e6)} MB`);
  }
}
