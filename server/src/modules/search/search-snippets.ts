import { expertIndexSettings } from '@hpen/search';
import { foldVietnamese } from '../shared/text.js';
import type { Highlight } from './search.schemas.js';

/**
 * Result snippets, marked here rather than by Meilisearch. Measured on 20 000 profiles:
 * highlighting ten attributes in Meilisearch tripled the cost of a query (12–15 ms against
 * 4–6 ms with the name alone), because it re-tokenises every text of every hit; matching the
 * query's words in Node costs about 1 ms for a page of 20 long profiles. The name is still marked
 * by Meilisearch (one short attribute), so its typo-tolerant marks stay exact.
 *
 * Matching follows the index's rules closely enough for a snippet: words compared without
 * diacritics and case, the last query word as a prefix, one typo from 4 letters and two from
 * 8 (the index's typo settings), and the index's synonyms (TS ↔ tiến sĩ ↔ PhD…).
 */

/** Attributes a snippet may come from, most telling first. */
export const SNIPPET_ATTRIBUTES = ['keywords', 'fieldLabels', 'sectorLabels', 'degreeLabels', 'positions', 'bio', 'education', 'locationLabel', 'publications', 'projects'] as const;
export type SnippetAttribute = (typeof SNIPPET_ATTRIBUTES)[number];
/** Long texts are cut to a window of this many words around the first match. */
const CROPPED: ReadonlySet<string> = new Set(['bio', 'publications', 'projects']);
const CROP_WORDS = 24;
const ELLIPSIS = '…';

const WORD = /[\p{L}\p{N}]+/gu;
const foldCache = new Map<string, string>();
function foldWord(word: string): string {
  let folded = foldCache.get(word);
  if (folded === undefined) {
    folded = foldVietnamese(word);
    if (foldCache.size >= 50_000) foldCache.clear();
    foldCache.set(word, folded);
  }
  return folded;
}

const typoSettings = expertIndexSettings.typoTolerance?.minWordSizeForTypos;
const ONE_TYPO = typoSettings?.oneTypo ?? 5;
const TWO_TYPOS = typoSettings?.twoTypos ?? 9;

/** Folded synonym groups: a word or phrase → the words of every alternative. */
const synonymWords = new Map<string, string[]>();
for (const [key, alternatives] of Object.entries(expertIndexSettings.synonyms ?? {})) {
  synonymWords.set(foldVietnamese(key), alternatives.flatMap((a) => foldVietnamese(a).split(' ')));
}

export interface QueryTerms {
  /** Query words with their typo budget. */
  words: Array<{ word: string; typos: number }>;
  /** Words of the query's synonyms: exact matches only. */
  exact: Set<string>;
  /** The last word, matched as a prefix (search-as-you-type, as Meilisearch does). */
  prefix: string | null;
  /** Tokens already judged for this query. */
  seen: Map<string, boolean>;
}

export function queryTerms(q: string): QueryTerms {
  const words = (foldVietnamese(q).match(WORD) ?? []).slice(0, 10);
  const exact = new Set<string>(words);
  for (let size = 1; size <= 3; size++) {
    for (let i = 0; i + size <= words.length; i++) for (const w of synonymWords.get(words.slice(i, i + size).join(' ')) ?? []) exact.add(w);
  }
  return {
    words: words.map((word) => ({ word, typos: word.length >= TWO_TYPOS ? 2 : word.length >= ONE_TYPO ? 1 : 0 })),
    exact,
    prefix: words.at(-1) ?? null,
    seen: new Map(),
  };
}

/** At most one insertion, deletion or substitution apart, in linear time. */
function oneEditApart(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  if (b.length - a.length > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  // Skip the one difference: a substitution when lengths match, else an insertion into a.
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i) === b.slice(i + 1);
}

/** Levenshtein distance ≤ max, with an early exit. */
function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (max === 1) return oneEditApart(a, b);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

function matchesUncached(token: string, terms: QueryTerms): boolean {
  if (terms.exact.has(token)) return true;
  if (terms.prefix && token.startsWith(terms.prefix)) return true;
  for (const { word, typos } of terms.words) if (typos && withinEdits(token, word, typos)) return true;
  return false;
}

/** Labels and common words repeat across a page of hits: each token is judged once per query. */
function matches(token: string, terms: QueryTerms): boolean {
  let result = terms.seen.get(token);
  if (result === undefined) terms.seen.set(token, (result = matchesUncached(token, terms)));
  return result;
}

/** One text as segments with its matched words marked, or null when nothing matches. */
export function markText(text: string, terms: QueryTerms, crop = false): Highlight | null {
  // Most texts of a hit do not match: find out before building anything.
  const words = text.match(WORD) ?? [];
  if (!words.some((word) => matches(foldWord(word), terms))) return null;
  const spans = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, match: matches(foldWord(m[0]), terms) }));
  let from = 0;
  let to = text.length;
  let before = '';
  let after = '';
  if (crop && spans.length > CROP_WORDS) {
    // A window of CROP_WORDS words with the first match a few words in, as Meilisearch crops.
    const first = spans.findIndex((s) => s.match);
    const startWord = Math.max(0, Math.min(first - 4, spans.length - CROP_WORDS));
    from = spans[startWord]!.start;
    to = spans[startWord + CROP_WORDS - 1]!.end;
    if (startWord > 0) before = ELLIPSIS;
    if (startWord + CROP_WORDS < spans.length) after = ELLIPSIS;
  }
  const out: Highlight = [];
  const push = (segment: string, match: boolean) => {
    if (!segment) return;
    const last = out[out.length - 1];
    if (last && last.match === match) last.text += segment;
    else out.push({ text: segment, match });
  };
  push(before, false);
  let cursor = from;
  for (const span of spans) {
    if (span.start < from || span.end > to) continue;
    push(text.slice(cursor, span.start), false);
    push(text.slice(span.start, span.end), span.match);
    cursor = span.end;
  }
  push(text.slice(cursor, to), false);
  push(after, false);
  return out;
}

/** The first attribute (in SNIPPET_ATTRIBUTES order) with a matching text, marked. */
export function snippetFor(doc: Partial<Record<SnippetAttribute, string | string[] | null>>, terms: QueryTerms): { attribute: SnippetAttribute; text: Highlight } | null {
  if (terms.words.length === 0) return null;
  for (const attribute of SNIPPET_ATTRIBUTES) {
    const value = doc[attribute];
    const texts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    for (const text of texts) {
      const marked = markText(text, terms, CROPPED.has(attribute));
      if (marked) return { attribute, text: marked };
    }
  }
  return null;
}
