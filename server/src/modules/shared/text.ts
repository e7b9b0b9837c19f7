/**
 * Folds Vietnamese text for matching: lower case, no diacritics, đ → d, single spaces.
 * "Nguyễn  Văn Hải" → "nguyen van hai". Pure: usable on both sides.
 */
export function foldVietnamese(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Common Vietnamese family names (folded), enough to recognise surname-first order. */
const VIETNAMESE_SURNAMES = new Set(
  'nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dao dinh luong trinh mai to cao vuong luu doan la chu ta thai kieu quach ha lam tang khuc ton that trieu'.split(
    ' ',
  ),
);

/**
 * One author's display name from BibTeX's last/first parts. Vietnamese names read surname
 * first ("Phạm, Thị Thu Hương" → "Phạm Thị Thu Hương"; "Nguyễn Văn Hải" stays as written);
 * other names read first then last ("Smith, John" → "John Smith").
 */
export function displayAuthorName(lastName: string, firstName: string): string {
  const firstWord = (s: string) => foldVietnamese(s).split(' ')[0] ?? '';
  const surnameFirst = VIETNAMESE_SURNAMES.has(firstWord(lastName)) && !VIETNAMESE_SURNAMES.has(firstWord(firstName));
  return (surnameFirst ? [lastName, firstName] : [firstName, lastName]).filter(Boolean).join(' ');
}

/**
 * Control characters no text field may hold (PostgreSQL refuses NUL outright; the others only
 * hide text or break exports). Tab, line feed and carriage return are allowed where text has lines.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_IN_LINE = /[\u0000-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text, or null: control characters, or broken UTF-16 (lone surrogates). */
export function textProblem(value: string, options: { multiline: boolean }): 'control_characters' | 'invalid_text' | null {
  if ((options.multiline ? CONTROL_IN_TEXT : CONTROL_IN_LINE).test(value)) return 'control_characters';
  return LONE_SURROGATE.test(value) ? 'invalid_text' : null;
}

export const TEXT_PROBLEM_MESSAGES = {
  control_characters: 'Must not contain control characters',
  invalid_text: 'Must be valid Unicode text',
} as const;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_ANYWHERE = /[\u0000-\u001F\u007F]/g;
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * An uploaded file's name as it may be stored and shown: no control characters or broken UTF-16,
 * no path separators, spaces collapsed, at most `max` characters (never half a surrogate pair).
 */
export function cleanFileName(name: string, max = 200): string {
  const cleaned = name.replace(/\s+/g, ' ').replace(CONTROL_ANYWHERE, '').replace(LONE_SURROGATES, '').replace(/[/\\]/g, '_').trim();
  return Array.from(cleaned).slice(0, max).join('').trim() || 'document';
}
