import { z } from 'zod';
import { isValidOrcid, normaliseOrcid } from '../profiles/identifiers.js';
import { phoneSchema, rule } from '../profiles/profiles.schemas.js';
import type { NewLocation } from '../reference/legacy-location.js';
import { academicTitles, degreeCodes, sectorCodes } from '../reference/reference.data.js';
import { describeIssue, rowError } from './import-row-errors.js';

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
    'Phường Lê Chân',
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

export const BIRTH_YEAR_MIN = 1920;
/** Members are adults: born at least 16 years ago. */
export const birthYearMax = () => new Date().getFullYear() - 16;

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
  birth_year: optional(z.coerce.number().int().min(BIRTH_YEAR_MIN).max(birthYearMax())),
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
  /** A commune of today's Hải Phòng (code or name), an old district or an old Hải Dương address: resolved by the dry run. */
  district: optional(z.string().trim().max(200)),
});
export type ImportRow = z.infer<typeof importRowSchema> & {
  /** What `district` became on the 2025 map, and how (shown in the preview). */
  location?: NewLocation | null;
  place_note?: string;
};

export interface RowError {
  column: string;
  code: string;
  message: string;
  /** What the cell held (cut short), so the report can show it. */
  value?: string | undefined;
  /** What the column takes (a range, a list): for the message in either language. */
  params?: Record<string, string | number> | undefined;
}

/** Validates one row; every error names its column, the value found and what was expected. */
export function validateImportRow(values: Record<string, string>, knownFields: Set<string>) {
  const errors: RowError[] = [];
  for (const [column, value] of Object.entries(values)) {
    if (value.includes('\uFFFD')) errors.push(rowError(column, 'control_characters', value));
  }
  // The standard-schema entry point reports issues without building an Error (and its stack) per
  // invalid row, which made a file of bad rows five times slower to check.
  const parsed = importRowSchema['~standard'].validate(values) as { value: ImportRow; issues?: undefined } | { issues: z.core.$ZodIssue[] };
  if (parsed.issues) {
    for (const issue of parsed.issues) {
      const column = String(issue.path[0] ?? '');
      if (errors.some((e) => e.column === column)) continue;
      errors.push(describeIssue(column, issue, values[column] ?? ''));
    }
  }
  // Checked whatever else is wrong with the row, so that one upload reports every unknown code.
  if (!errors.some((e) => e.column === 'fields')) {
    for (const code of list(values.fields ?? '')) {
      if (/^\d{1,3}$/.test(code) && !knownFields.has(code)) errors.push(rowError('fields', 'unknown_code', code));
    }
  }
  return { data: errors.length || parsed.issues ? null : parsed.value, errors };
}
