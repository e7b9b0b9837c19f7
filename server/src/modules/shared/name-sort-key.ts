/**
 * A name's sort key: plain ASCII whose byte order (SQL `COLLATE "C"`, JS `<`) is the Vietnamese
 * order of `Intl.Collator('vi')` (ICU): letters a ă â b c d đ e ê … o ô ơ … u ư … z; tones
 * (huyền < hỏi < ngã < sắc < nặng) and other accents decide only between names equal without
 * them, then case (lower first). Stored beside a row, it lets the database order and page a long
 * list by name with an index, where the collation of the server (or PGlite) cannot be relied on.
 * Outside Vietnamese and Latin names the order is by code point (close to, not exactly, ICU).
 */

/** Latin letters in the Vietnamese order; ă â ê ô ơ ư đ are letters of their own. */
const LETTERS = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ'];
LETTERS.push('p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z');
const LETTER_RANK = new Map(LETTERS.map((l, i) => [l, i]));

/** Base letter + combining mark that Vietnamese treats as one letter (NFD splits them). */
const CONTRACTIONS: Record<string, string> = {
  'a\u0306': 'ă',
  'a\u0302': 'â',
  'e\u0302': 'ê',
  'o\u0302': 'ô',
  'o\u031b': 'ơ',
  'u\u031b': 'ư',
};
/** Letters NFD does not split, as ICU's root order treats them. */
const EXPANSIONS: Record<string, string> = { æ: 'ae', œ: 'oe', ß: 'ss', ø: 'o\u0338', ł: 'l\u0335' };

/** Combining marks (U+0300–U+036F) in the collator's own secondary order, measured once. */
const MARK_RANK = (() => {
  const collator = new Intl.Collator('vi');
  const marks = Array.from({ length: 0x70 }, (_, i) => String.fromCharCode(0x300 + i));
  marks.sort((a, b) => collator.compare(`a${a}`, `a${b}`));
  return new Map(marks.map((m, i) => [m, i]));
})();

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const IGNORED = /[\p{Cc}\p{Cf}]/u;
const MARK = /\p{M}/u;

interface Element {
  primary: string;
  /** One entry for the element, then one per accent on it (as ICU's collation elements). */
  secondary: string;
  tertiary: string;
}

function primaryOf(ch: string): string {
  const rank = LETTER_RANK.get(ch);
  // Classes in ICU's order: spaces < punctuation and symbols < digits < Latin letters < other scripts.
  if (rank !== undefined) return `4${String.fromCharCode(0x41 + rank)}`;
  if (/\s/u.test(ch)) return '10';
  if (/[0-9]/.test(ch)) return `3${ch}`;
  if (/\p{L}/u.test(ch)) return `5${hex(ch.codePointAt(0)!, 6)}`;
  return `2${hex(ch.codePointAt(0)!, 6)}`;
}

function elementsOf(name: string): Element[] {
  const chars = Array.from(name.normalize('NFD')).filter((c) => !IGNORED.test(c));
  const out: Element[] = [];
  for (let i = 0; i < chars.length; i++) {
    const raw = chars[i]!;
    if (MARK.test(raw)) continue; // a mark with no letter before it
    const lower = raw.toLowerCase();
    const upper = lower !== raw ? '1' : '0';
    const expanded = EXPANSIONS[lower];
    if (expanded) chars.splice(i + 1, 0, ...Array.from(expanded.slice(1)).map((c) => (upper === '1' ? c.toUpperCase() : c)));
    const base = expanded ? expanded[0]! : lower;
    // The marks on this letter (NFD puts a dot below before a circumflex: "ệ" is e, dot below, circumflex).
    let end = i + 1;
    while (end < chars.length && MARK.test(chars[end]!)) end++;
    const marks = chars.slice(i + 1, end);
    const joinedAt = marks.findIndex((m) => CONTRACTIONS[`${base}${m}`]);
    const letter = joinedAt >= 0 ? CONTRACTIONS[`${base}${marks.splice(joinedAt, 1)[0]}`]! : base;
    out.push({
      primary: primaryOf(letter),
      secondary: `!${marks.map((m) => String.fromCharCode(0x22 + (MARK_RANK.get(m) ?? 0x70))).join('')}`,
      tertiary: upper + '0'.repeat(marks.length),
    });
    i = end - 1;
  }
  return out;
}

/** The sort key of a display name (levels separated by a space, which sorts below every weight). */
export function nameSortKey(name: string): string {
  const elements = elementsOf(name);
  return [
    elements.map((e) => e.primary).join(''),
    elements.map((e) => e.secondary).join(''),
    elements.map((e) => e.tertiary).join(''),
  ].join(' ');
}
