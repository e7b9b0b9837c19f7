/**
 * A classification version as an admin uploads it (issue 13 part 3): a CSV of fields (code,
 * level, parent, name_vi, name_en) and a crosswalk from the current version (old_code,
 * new_code). Parsed with bounds and checked here (pure); the service previews and applies it.
 */
import { parse } from 'csv-parse/sync';
import { cleanCell } from '../imports/import-reader.js';

export const TAXONOMY_CSV_MAX_CHARS = 600_000;
export const TAXONOMY_MAX_FIELDS = 5_000;
export const CROSSWALK_MAX_ROWS = 10_000;
const CODE = /^\d{1,7}$/;

export interface UploadedField {
  code: string;
  level: number;
  parentCode: string | null;
  nameVi: string;
  nameEn: string;
}
export interface CrosswalkRow {
  oldCode: string;
  newCode: string;
}
export interface UploadProblem {
  path: string;
  code: string;
  message: string;
}

function readCsv(text: string, file: string, columns: string[], maxRows: number, problems: UploadProblem[]): Array<Record<string, string>> {
  if (text.length > TAXONOMY_CSV_MAX_CHARS) {
    problems.push({ path: file, code: 'too_large', message: `At most ${TAXONOMY_CSV_MAX_CHARS} characters` });
    return [];
  }
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      relax_column_count: true,
      max_record_size: 4096,
      to: maxRows + 1,
    });
  } catch {
    problems.push({ path: file, code: 'not_csv', message: 'Not a readable CSV file (UTF-8, comma-separated)' });
    return [];
  }
  const [header = [], ...rows] = records;
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = columns.filter((c) => !names.includes(c));
  if (missing.length) {
    problems.push({ path: file, code: 'missing_columns', message: `Missing columns: ${missing.join(', ')}` });
    return [];
  }
  if (rows.length > maxRows) problems.push({ path: file, code: 'too_many_rows', message: `At most ${maxRows} rows` });
  return rows.slice(0, maxRows).map((cells) => Object.fromEntries(names.map((n, i) => [n, cleanCell((cells[i] ?? '').trim())])));
}

/** The fields of a new version: unique codes, parents that exist one level up, levels from 1. */
export function parseClassification(text: string): { fields: UploadedField[]; problems: UploadProblem[] } {
  const problems: UploadProblem[] = [];
  const rows = readCsv(text, 'classification', ['code', 'level', 'parent', 'name_vi', 'name_en'], TAXONOMY_MAX_FIELDS, problems);
  const fields: UploadedField[] = [];
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    const at = (column: string) => `classification.${i + 2}.${column}`;
    const code = r.code ?? '';
    const level = Number(r.level);
    if (!CODE.test(code)) problems.push({ path: at('code'), code: 'code_format', message: `"${code}" is not a code of 1 to 7 digits` });
    else if (seen.has(code)) problems.push({ path: at('code'), code: 'duplicate_code', message: `Code ${code} appears twice` });
    seen.add(code);
    if (!Number.isInteger(level) || level < 1 || level > 6)
      problems.push({ path: at('level'), code: 'level_format', message: `"${r.level}" is not a level from 1 to 6` });
    if (!r.name_vi) problems.push({ path: at('name_vi'), code: 'name_missing', message: 'A Vietnamese name is required' });
    fields.push({ code, level, parentCode: r.parent || null, nameVi: r.name_vi ?? '', nameEn: r.name_en || r.name_vi || '' });
  });
  const byCode = new Map(fields.map((f) => [f.code, f]));
  fields.forEach((f, i) => {
    const at = (column: string) => `classification.${i + 2}.${column}`;
    if (f.parentCode === null) {
      if (f.level !== 1)
        problems.push({ path: at('parent'), code: 'parent_missing', message: `Level ${f.level} field ${f.code} needs a parent` });
      return;
    }
    const parent = byCode.get(f.parentCode);
    if (!parent)
      problems.push({ path: at('parent'), code: 'parent_unknown', message: `Parent ${f.parentCode} of ${f.code} is not in the file` });
    else if (parent.level !== f.level - 1)
      problems.push({
        path: at('level'),
        code: 'level_inconsistent',
        message: `${f.code} (level ${f.level}) under ${parent.code} (level ${parent.level})`,
      });
  });
  return { fields, problems };
}

/** old_code → new_code; every old code known in the current version, every new code in the uploaded one. */
export function parseCrosswalk(
  text: string,
  oldCodes: Set<string>,
  newCodes: Set<string>,
): { rows: CrosswalkRow[]; problems: UploadProblem[] } {
  const problems: UploadProblem[] = [];
  const records = readCsv(text, 'crosswalk', ['old_code', 'new_code'], CROSSWALK_MAX_ROWS, problems);
  const rows: CrosswalkRow[] = [];
  const seen = new Set<string>();
  records.forEach((r, i) => {
    const at = (column: string) => `crosswalk.${i + 2}.${column}`;
    const oldCode = r.old_code ?? '';
    const newCode = r.new_code ?? '';
    if (!oldCodes.has(oldCode))
      problems.push({ path: at('old_code'), code: 'old_code_unknown', message: `${oldCode} is not in the current version` });
    else if (seen.has(oldCode))
      problems.push({ path: at('old_code'), code: 'duplicate_mapping', message: `${oldCode} is mapped twice (one new code per old code)` });
    if (!newCodes.has(newCode))
      problems.push({ path: at('new_code'), code: 'new_code_unknown', message: `${newCode} is not in the uploaded version` });
    seen.add(oldCode);
    rows.push({ oldCode, newCode });
  });
  return { rows, problems };
}

/** A profile's fields under the crosswalk: mapped codes move (duplicates merged); the others keep the version they were chosen in. */
export function mapProfileFields(
  fields: Array<{ code: string; primary?: boolean | undefined; version?: string | undefined }>,
  crosswalk: Map<string, string>,
  fromVersion: string,
): { fields: Array<{ code: string; primary: boolean; version?: string }>; changed: boolean; unmapped: string[] } {
  const out: Array<{ code: string; primary: boolean; version?: string }> = [];
  const unmapped: string[] = [];
  for (const f of fields) {
    const primary = Boolean(f.primary);
    let item: { code: string; primary: boolean; version?: string };
    if (f.version && f.version !== fromVersion) item = { code: f.code, primary, version: f.version };
    else {
      const next = crosswalk.get(f.code);
      if (next) item = { code: next, primary };
      else {
        item = { code: f.code, primary, version: fromVersion };
        unmapped.push(f.code);
      }
    }
    const same = out.find((o) => o.code === item.code && o.version === item.version);
    if (same) same.primary ||= item.primary;
    else out.push(item);
  }
  const before = fields.map((f) => ({ code: f.code, primary: Boolean(f.primary), ...(f.version ? { version: f.version } : {}) }));
  return { fields: out, changed: JSON.stringify(before) !== JSON.stringify(out), unmapped };
}
