import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstWithin } from '../support/budget.js';
import { readImportFile } from '../../server/src/modules/imports/import-reader.js';
import { ImportFileError, validateImportRow } from '../../server/src/modules/imports/import-rows.js';

/**
 * CPU budget for the member-list parsers (issue 18.1/18.2): a 2 MB hostile file of each format
 * is read (or refused) in under 2 s, and the event loop never stalls for more than 100 ms, so
 * one curator's upload cannot freeze the API for everyone else (the best of a few attempts: see
 * tests/support/budget.ts).
 */
const MB2 = 2 * 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'hpen-parsers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Packed = { packed: Buffer; crc: number; size: number };
const pack = (data: Buffer): Packed => ({ packed: deflateRawSync(data, { level: 1 }), crc: crc32(data), size: data.length });

/** `head` + `count` × 'a' + `tail`, deflated 1 MB at a time: a zip bomb without holding it in memory. */
function packRepeated(head: string, count: number, tail: string): Packed {
  const out: Buffer[] = [];
  let crc = 0;
  const feed = (b: Buffer) => {
    crc = crc32(b, crc);
    out.push(deflateRawSync(b, { level: 9, finishFlush: constants.Z_SYNC_FLUSH }));
  };
  feed(Buffer.from(head));
  const block = Buffer.alloc(1 << 20, 0x61);
  for (let left = count; left > 0; left -= block.length) feed(left >= block.length ? block : block.subarray(0, left));
  feed(Buffer.from(tail));
  out.push(Buffer.from([0x03, 0x00])); // an empty final block ends the stream
  return { packed: Buffer.concat(out), crc, size: Buffer.byteLength(head) + count + Buffer.byteLength(tail) };
}

/** A minimal zip (deflated entries, real CRCs), enough for an XLSX reader. */
function zip(entries: Record<string, Buffer | Packed>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, entry] of Object.entries(entries)) {
    const { packed, crc, size } = Buffer.isBuffer(entry) ? pack(entry) : entry;
    const nameBytes = Buffer.from(name);
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(20, 4);
    head.writeUInt16LE(8, 8);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(packed.length, 18);
    head.writeUInt32LE(size, 22);
    head.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(head, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += head.length + nameBytes.length + packed.length;
  }
  const dirBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

function xlsx(sharedStrings: Buffer | Packed, sheetRows: string): Buffer {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s}`);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zip({
    '[Content_Types].xml': xml(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '</Types>',
    ),
    '_rels/.rels': xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': xml(`<workbook ${ns} xmlns:r="${rel}"><sheets><sheet name="members" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': xml(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': sharedStrings,
    'xl/worksheets/sheet1.xml': xml(`<worksheet ${ns}><sheetData>${sheetRows}</sheetData></worksheet>`),
  });
}

/** Reads and validates the whole file as the dry run does; returns how it ended, the time and the worst stall. */
async function measure(name: string, bytes: Buffer, format: 'csv' | 'xlsx') {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  loop.enable();
  let rows = 0;
  let outcome = 'read';
  try {
    for await (const { values } of readImportFile(path, format)) {
      validateImportRow(values, new Set(['102']));
      rows += 1;
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    outcome = error.code;
  }
  loop.disable();
  return { rows, outcome, ms: performance.now() - started, stallMs: loop.max / 1e6 };
}

// The first read compiles the parsers; the budget is for reading, not for loading code.
beforeAll(async () => {
  await measure('warm.csv', Buffer.from('full_name\nab\n'), 'csv');
  await measure(
    'warm.xlsx',
    xlsx(
      Buffer.from('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>full_name</t></si></sst>'),
      '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    ),
    'xlsx',
  );
});

const fits = (r: { ms: number; stallMs: number }) => r.ms < 2000 && r.stallMs < 100;
const within = (r: { ms: number; stallMs: number }) => {
  expect(r.ms).toBeLessThan(2000);
  expect(r.stallMs).toBeLessThan(100);
};
/** Reads the file as `measure` does, up to BUDGET_ATTEMPTS times (see tests/support/budget.ts). */
const measureWithin = (name: string, bytes: Buffer, format: 'csv' | 'xlsx') => firstWithin(() => measure(name, bytes, format), fits);

describe('member-list CSV parser budget', () => {
  it('one 2 MB cell (an unclosed quote) is refused quickly', async () => {
    const r = await measureWithin('cell.csv', Buffer.from(`full_name,email\n"${'a'.repeat(MB2)}`), 'csv');
    expect(r.outcome).toBe('line_too_long');
    within(r);
  });

  it('2 MB of separators on one line is refused quickly', async () => {
    const r = await measureWithin('wide.csv', Buffer.from(`full_name\n${','.repeat(MB2)}\n`), 'csv');
    expect(r.outcome).toBe('line_too_long');
    within(r);
  });

  it('2 MB of tiny rows is read up to the row limit, in bounded time', async () => {
    const r = await measureWithin('rows.csv', Buffer.from(`full_name,birth_year\n${'ab,3000\n'.repeat(MB2 / 8)}`), 'csv');
    expect(r).toMatchObject({ outcome: 'too_many_rows', rows: 20_000 });
    within(r);
  });
});

describe('member-list XLSX parser budget', () => {
  it('refuses a small workbook whose shared strings unpack to a 200-million-character cell, before unpacking it', async () => {
    const bomb = packRepeated(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
      200_000_000,
      '</t></si></sst>',
    );
    const file = xlsx(bomb, '<row r="1"><c r="A1" t="s"><v>0</v></c></row>');
    expect(file.length).toBeLessThan(MB2);
    const r = await measureWithin('bomb.xlsx', file, 'xlsx');
    expect(r.outcome).toBe('too_large');
    within(r);
  });

  it('a 2 MB workbook with one 2-million-character cell is read within the budget (the cell is cut and reported)', async () => {
    const text = randomBytes(MB2 * 0.75).toString('base64');
    const strings = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>full_name</t></si><si><t>${text}</t></si></sst>`,
    );
    const file = xlsx(strings, '<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c></row>');
    const r = await measureWithin('cell.xlsx', file, 'xlsx');
    expect(r).toMatchObject({ outcome: 'read', rows: 1 });
    within(r);
  });

  it('2 MB of rows is read up to the row limit, in bounded time', async () => {
    const strings = Buffer.from(
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>full_name</t></si><si><t>ab</t></si></sst>',
    );
    const rows = ['<row r="1"><c r="A1" t="s"><v>0</v></c></row>'];
    let length = 0;
    for (let i = 2; length < MB2; i++) {
      const row = `<row r="${i}"><c r="A${i}" t="s"><v>1</v></c></row>`;
      rows.push(row);
      length += row.length;
    }
    const r = await measureWithin('rows.xlsx', xlsx(strings, rows.join('')), 'xlsx');
    expect(r).toMatchObject({ outcome: 'too_many_rows', rows: 20_000 });
    within(r);
  });
});
