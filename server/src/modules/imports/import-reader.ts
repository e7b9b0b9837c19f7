import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { CSV_MAX_RECORD_CHARS, IMPORT_MAX_CELL_CHARS, IMPORT_MAX_READ_MS, IMPORT_MAX_ROWS } from './import-limits.js';
import { IMPORT_COLUMNS, type ImportColumn, ImportFileError, REQUIRED_COLUMNS } from './import-rows.js';
import { assertXlsxSizes, XlsxTooLargeError } from './xlsx-guard.js';

/** Fails early and clearly on what is not UTF-8 (a CSV saved as Windows-1258 or UTF-16). */
async function assertUtf8(path: string) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 18 })) {
      const bytes = chunk as Buffer;
      if (first && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) throw new TypeError('utf16');
      first = false;
      decoder.decode(bytes, { stream: true });
    }
    decoder.decode();
  } catch {
    throw new ImportFileError(
      'encoding',
      'The file is not UTF-8. In Excel choose "CSV UTF-8 (Comma delimited)" when saving, or upload the .xlsx file itself.',
    );
  }
}

function checkHeader(header: string[]): ImportColumn[] {
  const cols = header.map((h) =>
    h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase(),
  );
  const unknown = cols.filter((c) => c && !(IMPORT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length)
    throw new ImportFileError(
      'unknown_columns',
      `Unknown columns: ${unknown.slice(0, 5).join(', ').slice(0, 120)}. Expected: ${IMPORT_COLUMNS.join(', ')} (download the template).`,
    );
  const missing = REQUIRED_COLUMNS.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new ImportFileError('missing_columns', `Missing required column(s): ${missing.join(', ')} (download the template).`);
  return cols as ImportColumn[];
}

// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** A cell as text the database can store: control characters become U+FFFD (reported by validation), and long cells are cut. */
export function cleanCell(value: string): string {
  const cut = value.length > IMPORT_MAX_CELL_CHARS ? value.slice(0, IMPORT_MAX_CELL_CHARS + 1) : value;
  return cut.replace(CONTROL, '\uFFFD').trim();
}

/** The longest the reader keeps the event loop before letting other requests run. */
const YIELD_EVERY_MS = 8;

/**
 * Bounds every read: rows, time, and a turn for other requests at least every few milliseconds
 * (by the clock, not by a row count: a row's cost varies with the file, and a loaded machine
 * makes every row slower).
 */
function createGuard() {
  const deadline = performance.now() + IMPORT_MAX_READ_MS;
  let rows = 0;
  let lastTurn = performance.now();
  return async () => {
    rows += 1;
    if (rows > IMPORT_MAX_ROWS)
      throw new ImportFileError(
        'too_many_rows',
        `A member list can have at most ${IMPORT_MAX_ROWS.toLocaleString('en')} rows; split the file.`,
      );
    if (rows % 16 !== 0) return;
    const now = performance.now();
    if (now > deadline) throw new ImportFileError('too_slow', 'Reading the file took too long; split it into smaller files.');
    if (now - lastTurn >= YIELD_EVERY_MS) {
      await yieldToLoop();
      lastTurn = performance.now();
    }
  };
}

type Row = { rowNumber: number; values: Record<string, string> };

/**
 * Refuses a line longer than CSV_MAX_RECORD_CHARS before the CSV parser sees it: a line of two
 * million separators would otherwise become a record of two million cells.
 */
function lineLengthGuard() {
  let run = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      for (let start = 0; ;) {
        const newline = chunk.indexOf(10, start);
        run += (newline < 0 ? chunk.length : newline) - start;
        if (run > CSV_MAX_RECORD_CHARS) {
          callback(
            new ImportFileError(
              'line_too_long',
              `A line is longer than ${CSV_MAX_RECORD_CHARS / 1024} KB: a quote may be missing, or a cell holds far too much text.`,
            ),
          );
          return;
        }
        if (newline < 0) break;
        run = 0;
        start = newline + 1;
      }
      callback(null, chunk);
    },
  });
}

async function* readCsv(path: string): AsyncGenerator<Row> {
  await assertUtf8(path);
  const parser = parseCsv({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
    max_record_size: CSV_MAX_RECORD_CHARS,
  });
  // Errors of the file or the guard reach the loop below through the parser.
  // Small chunks: the CSV parser turns a whole chunk into records in one go, so a chunk is the longest it holds the loop.
  pipeline(createReadStream(path, { highWaterMark: 4 * 1024 }), lineLengthGuard(), parser).catch(() => {});
  const guard = createGuard();
  let columns: ImportColumn[] | null = null;
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line += 1;
      if (!columns) {
        columns = checkHeader(record);
        continue;
      }
      await guard();
      yield { rowNumber: line, values: Object.fromEntries(columns.map((c, i) => [c, cleanCell(record[i] ?? '')])) };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    const tooLong = (error as { code?: string }).code === 'CSV_MAX_RECORD_SIZE';
    throw new ImportFileError(
      'malformed',
      tooLong
        ? `Line ${line + 1} is longer than ${CSV_MAX_RECORD_CHARS / 1024} KB: a quote may be missing, or a cell holds far too much text.`
        : `The CSV cannot be read near line ${line + 1}: check its quotes and separators.`,
    );
  } finally {
    parser.destroy();
  }
  if (!columns) throw new ImportFileError('empty', 'The file is empty');
}

async function* readXlsx(path: string): AsyncGenerator<Row> {
  try {
    await assertXlsxSizes(path);
  } catch (error) {
    if (error instanceof XlsxTooLargeError)
      throw new ImportFileError('too_large', `The workbook unpacks to far more than a member list needs (${error.message}).`);
    throw error;
  }
  const guard = createGuard();
  let columns: ImportColumn[] | null = null;
  try {
    // Small compressed chunks: each can unzip to twenty times its size of XML, parsed in one go.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(path, { highWaterMark: 4 * 1024 }), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as unknown[]).slice(1, IMPORT_COLUMNS.length + 2).map((v) => cleanCell(cellText(v)));
        if (!columns) {
          columns = checkHeader(cells);
          continue;
        }
        if (cells.every((c) => c === '')) continue;
        await guard();
        yield { rowNumber: row.number, values: Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) };
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('malformed', 'The XLSX file cannot be read: save it again from Excel, or upload it as CSV UTF-8.');
  }
  if (!columns) throw new ImportFileError('empty', 'The workbook has no rows');
}

/** Streams the rows of a CSV (UTF-8, with or without BOM) or XLSX file as column → text records, within the limits. */
export function readImportFile(path: string, format: 'csv' | 'xlsx'): AsyncGenerator<Row> {
  return format === 'csv' ? readCsv(path) : readXlsx(path);
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { text?: string; result?: unknown; richText?: Array<{ text: string }> };
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return String(o.result).trim();
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v).trim();
}
