import { createReadStream } from 'node:fs';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { isValidOrcid, normaliseOrcid } from '../profiles/identifiers.js';
import { phoneSchema, rule } from '../profiles/profiles.schemas.js';
import { academicTitles, degreeCodes, districtCodes, sectorCodes } from '../reference/reference.data.js';

/** The member-list columns: `full_name` is required, the rest optional. Multiple values split on ";". */
export const IMPORT_COLUMNS = [
  'full_name',
  'email',
  'phone',
  'birth_year',
  'gender',
  'academic_title',
  'highest_degree',
  'fields',
  'sectors',
  'position',
  'organisation',
  'orcid',
  'district',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: ImportColumn[] = ['full_name'];

export const TEMPLATE_ROWS = [
  IMPORT_COLUMNS as unknown as string[],
  [
    'Nguyễn Thị Minh Hằng',
    'hang.ntm@example.vn',
    '0912 345 678',
    '1980',
    'female',
    'PGS',
    'TS',
    '502;201',
    'seaport;logistics',
    'Trưởng khoa',
    'Trường Đại học Hàng hải Việt Nam',
    '0000-0002-1825-0097',
    'ngo-quyen',
  ],
];

export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const list = (v: string) =>
  v
    .split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === undefined || v === null ? undefined : v), schema.optional());

const genders: Record<string, 'female' | 'male' | 'other'> = {
  female: 'female',
  nu: 'female',
  nữ: 'female',
  f: 'female',
  male: 'male',
  nam: 'male',
  m: 'male',
  other: 'other',
  khac: 'other',
  khác: 'other',
};

export const importRowSchema = z.object({
  full_name: z.string().trim().min(2, { message: 'Full name is required (at least 2 characters)' }).max(120),
  email: optional(z.string().trim().toLowerCase().max(254).pipe(z.email())),
  phone: optional(phoneSchema),
  birth_year: optional(
    z.coerce
      .number()
      .int()
      .min(1920)
      .max(new Date().getFullYear() - 16),
  ),
  gender: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .transform(
        (g, ctx) =>
          genders[g] ??
          (ctx.addIssue({ code: 'custom', message: 'female/male/other (nữ/nam/khác)', params: { code: 'gender_unknown' } }), z.NEVER),
      ),
  ),
  academic_title: optional(z.enum(academicTitles)),
  highest_degree: optional(z.enum(degreeCodes)),
  fields: optional(
    z
      .string()
      .transform(list)
      .pipe(z.array(z.string().regex(/^\d{1,3}$/, rule('field_code_format', 'A field code from the taxonomy'))).max(10)),
  ),
  sectors: optional(
    z
      .string()
      .transform(list)
      .pipe(z.array(z.enum(sectorCodes)).max(14)),
  ),
  position: optional(z.string().trim().max(200)),
  organisation: optional(z.string().trim().max(200)),
  orcid: optional(z.string().max(60).transform(normaliseOrcid).refine(isValidOrcid, rule('orcid_invalid', 'Not a valid ORCID iD'))),
  district: optional(z.enum(districtCodes)),
});
export type ImportRow = z.infer<typeof importRowSchema>;

/** Fails early and clearly on what is not UTF-8 (a CSV saved as Windows-1258 or UTF-16). */
async function assertUtf8(path: string) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
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
      `Unknown columns: ${unknown.join(', ')}. Expected: ${IMPORT_COLUMNS.join(', ')} (download the template).`,
    );
  const missing = REQUIRED_COLUMNS.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new ImportFileError('missing_columns', `Missing required column(s): ${missing.join(', ')} (download the template).`);
  return cols as ImportColumn[];
}

/** Streams the rows of a CSV (UTF-8, with or without BOM) or XLSX file as column → text records. */
export async function* readImportFile(
  path: string,
  format: 'csv' | 'xlsx',
): AsyncGenerator<{ rowNumber: number; values: Record<string, string> }> {
  if (format === 'csv') {
    await assertUtf8(path);
    const parser = createReadStream(path).pipe(parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
    let columns: ImportColumn[] | null = null;
    let line = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        line += 1;
        if (!columns) {
          columns = checkHeader(record);
          continue;
        }
        yield { rowNumber: line, values: Object.fromEntries(columns.map((c, i) => [c, record[i] ?? ''])) };
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError('malformed', `The CSV cannot be read near line ${line + 1}: ${(error as Error).message}`);
    }
    if (!columns) throw new ImportFileError('empty', 'The file is empty');
    return;
  }
  let columns: ImportColumn[] | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      entries: 'ignore',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const cells = (row.values as unknown[]).slice(1).map((v) => cellText(v));
        if (!columns) {
          columns = checkHeader(cells);
          continue;
        }
        if (cells.every((c) => c === '')) continue;
        yield { rowNumber: row.number, values: Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])) };
      }
      break; // the first sheet only
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('malformed', `The XLSX file cannot be read: ${(error as Error).message}`);
  }
  if (!columns) throw new ImportFileError('empty', 'The workbook has no rows');
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

export function validateImportRow(values: Record<string, string>, knownFields: Set<string>) {
  const parsed = importRowSchema.safeParse(values);
  const errors: Array<{ column: string; code: string; message: string }> = [];
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      errors.push({
        column: String(i.path[0] ?? ''),
        code: (i as { params?: { code?: string } }).params?.code ?? i.code,
        message: i.message,
      });
    }
    return { data: null, errors };
  }
  for (const code of parsed.data.fields ?? []) {
    if (!knownFields.has(code)) errors.push({ column: 'fields', code: 'unknown_code', message: `No field ${code} in the taxonomy` });
  }
  return { data: errors.length ? null : parsed.data, errors };
}
