import type { z } from 'zod';
import { BIRTH_YEAR_MIN, birthYearMax, type RowError } from './import-rows.js';

const shown = (value: string) => (value.length > 80 ? `${value.slice(0, 80)}…` : value);

const MESSAGES: Record<string, (e: { column: string; value: string; params: Record<string, string | number> }) => string> = {
  name_missing: () => 'Column full_name is empty: every row needs the person’s full name (at least 2 characters).',
  name_too_short: (e) => `Column full_name: "${e.value}" is too short; expected the full name (at least 2 characters).`,
  birth_year_range: (e) =>
    `Column birth_year: "${e.value}" is not a birth year; expected a year from ${e.params.min} to ${e.params.max} (or leave it empty).`,
  email_invalid: (e) => `Column email: "${e.value}" is not an e-mail address; expected e.g. name@example.vn (or leave it empty).`,
  not_in_list: (e) => `Column ${e.column}: "${e.value}" is not in the list; expected one of: ${e.params.expected}.`,
  unknown_code: (e) => `Column fields: there is no field ${e.value} in the taxonomy; expected codes from the field list (e.g. 102).`,
  field_code_format: (e) => `Column fields: "${e.value}" is not a field code; expected codes of 1–3 digits separated by ";".`,
  unknown_place: (e) =>
    `Column district: "${e.value}" is no commune of Hải Phòng; expected a phường/xã/đặc khu name or code (e.g. Phường Lê Chân, 11383), an old district or an old Hải Dương address.`,
  too_long: (e) => `Column ${e.column}: the text is too long; expected at most ${e.params.max} characters.`,
  too_many: (e) => `Column ${e.column}: too many values; expected at most ${e.params.max}.`,
  control_characters: (e) => `Column ${e.column}: the cell holds control characters (invisible, e.g. NUL); expected plain text.`,
};

/** One error of one cell, with the message in English (the web shows it in Vietnamese or English by its code). */
export function rowError(
  column: string,
  code: string,
  value: string,
  params: Record<string, string | number> = {},
  fallback = '',
): RowError {
  const message = MESSAGES[code]?.({ column, value: shown(value), params }) ?? `Column ${column}: ${fallback || code}`;
  return { column, code, message, value: shown(value), ...(Object.keys(params).length ? { params } : {}) };
}

/** What a zod issue means for an import cell: which column, which value, and what the column takes. */
export function describeIssue(column: string, issue: z.core.$ZodIssue, value: string): RowError {
  const own = (issue as { params?: { code?: string } }).params?.code;
  if (own) return rowError(column, own, value, {}, issue.message);
  if (column === 'full_name') {
    if (value.trim() === '') return rowError(column, 'name_missing', value);
    if (issue.code === 'too_small') return rowError(column, 'name_too_short', value);
  }
  if (column === 'birth_year') return rowError(column, 'birth_year_range', value, { min: BIRTH_YEAR_MIN, max: birthYearMax() });
  if (column === 'email' && issue.code !== 'too_big') return rowError(column, 'email_invalid', value);
  if (issue.code === 'invalid_value') {
    const options = (issue as { values?: unknown[] }).values ?? [];
    const wrong =
      value
        .split(/[;,]/)
        .map((v) => v.trim())
        .find((v) => v && !options.includes(v)) ?? value;
    return rowError(column, 'not_in_list', wrong, { expected: options.join(', ').slice(0, 300) });
  }
  if (issue.code === 'too_big') {
    const max = Number((issue as { maximum?: number | bigint }).maximum ?? 0);
    return rowError(column, (issue as { origin?: string }).origin === 'array' ? 'too_many' : 'too_long', value, { max });
  }
  return rowError(column, issue.code, value, {}, issue.message);
}
