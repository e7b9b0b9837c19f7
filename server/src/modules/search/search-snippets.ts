import { expertIndexSettings } from '@hpen/search';
import { foldVietnamese } from '../shared/text.js';
import type { Highlight } from './search.schemas.js';

/**
 * Result snippets, marked here rather than by Meilisearch. Measured on 20 000 profiles:
 * highlighting ten attributes in Meilisearch tripled the cost of a query (12–15 ms against
 * 4–6 ms with the name alone), because it re-tokenises every text of every hit; choosing and
 * marking the best text in Node costs 1 to 1.5 ms for a page of 20 long profiles. The name is still marked
 * by Meilisearch (one short attribute), so its typo-tolerant marks stay exact.
 *
 * Matching follows the index's rules closely enough for a snippet: words compared without
 * diacritics and case, the last query word as a prefix, one typo from 4 letters and two from
 * 8 (the index's typo settings), and the index's synonyms (TS ↔ tiến sĩ ↔ PhD…).
 */

/** Attributes a snippet may come from, most telling first. */
export const SNIPPET_ATTRIBUTES = [
  'keywords',
  'fieldLabels',
  'sectorLabels',
  'degreeLabels',
  'positions',
  'bio',
  'education',
  'locationLabel',
  'publications',
  'projects',
] as const;
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
const synonymAlternatives = new Map<string, string[][]>();
for (const [key, alternatives] of Object.entries(expertIndexSettings.synonyms ?? {})) {
  synonymAlternatives.set(
    foldVietnamese(key),
    alternatives.map((a) => foldVietnamese(a).split(' ')),
  );
}

export interface QueryTerms {
  /** Query words with their typo budget. */
  words: Array<{ word: string; typos: number }>;
  /** The query's words and its one-word synonyms: exact matches only. */
  exact: Set<string>;
  /**
   * Its synonyms of several words, matched only as a phrase: "maritime" marks "hàng hải", never
   * a "Hằng" or a "Hải Phòng" (one-syllable Vietnamese words are everywhere).
   */
  phrases: string[][];
  /** Whether the last word matches as a prefix (search-as-you-type, as Meilisearch does); not when the name took it. */
  lastIsPrefix: boolean;
  /** Tokens already judged for this query. */
  seen: Map<string, TokenMatch>;
  /** Short texts already scored for this query. */
  scores: Map<string, number>;
  /** This query less the words a name matched, by which words (termsBeyondName). */
  reduced: Map<string, QueryTerms>;
}

export function queryTerms(q: string): QueryTerms {
  const words = (foldVietnamese(q).match(WORD) ?? []).slice(0, 10);
  const exact = new Set<string>(words);
  const phrases: string[][] = [];
  for (let size = 1; size <= 3; size++) {
    for (let i = 0; i + size <= words.length; i++) {
      for (const alternative of synonymAlternatives.get(words.slice(i, i + size).join(' ')) ?? []) {
        if (alternative.length === 1) exact.add(alternative[0]!);
        else phrases.push(alternative);
      }
    }
  }
  return {
    words: words.map((word) => ({ word, typos: word.length >= TWO_TYPOS ? 2 : word.length >= ONE_TYPO ? 1 : 0 })),
    exact,
    phrases,
    lastIsPrefix: true,
    seen: new Map(),
    scores: new Map(),
    reduced: new Map(),
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

/**
 * Which query words a token matches, as two bit masks (bit i: the i-th query word; bit 10: a
 * synonym): matched as typed (or as the last word's prefix), and matched only with typos.
 */
interface TokenMatch {
  typed: number;
  typo: number;
}
const NO_MATCH: TokenMatch = { typed: 0, typo: 0 };
const SYNONYM_BIT = 1 << 10;

function tokenMatchUncached(token: string, terms: QueryTerms): TokenMatch {
  let typed = 0;
  let typo = 0;
  terms.words.forEach(({ word, typos }, i) => {
    if (token === word || (terms.lastIsPrefix && i === terms.words.length - 1 && token.startsWith(word))) typed |= 1 << i;
    else if (typos && withinEdits(token, word, typos)) typo |= 1 << i;
  });
  if (!typed && terms.exact.has(token)) typed = SYNONYM_BIT;
  return typed || typo ? { typed, typo } : NO_MATCH;
}

/** Labels and common words repeat across a page of hits: each token is judged once per query. */
function tokenMatch(token: string, terms: QueryTerms): TokenMatch {
  let result = terms.seen.get(token);
  if (result === undefined) terms.seen.set(token, (result = tokenMatchUncached(token, terms)));
  return result;
}

const matches = (token: string, terms: QueryTerms) => tokenMatch(token, terms) !== NO_MATCH;

const bits = (mask: number) => {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
};

/**
 * How well a text answers the query: how many of the query's words it matches, a word matched as
 * typed counting double. Counted per query word, so a long bio does not win by repeating one.
 */
function score(text: string, terms: QueryTerms): number {
  // Labels (fields, sectors, degrees, places) repeat across a page of hits: each is scored once.
  let total = terms.scores.get(text);
  if (total !== undefined) return total;
  let typed = 0;
  let typo = 0;
  const tokens = (text.match(WORD) ?? []).map(foldWord);
  for (const token of tokens) {
    const m = tokenMatch(token, terms);
    typed |= m.typed;
    typo |= m.typo;
  }
  if (!(typed & SYNONYM_BIT) && terms.phrases.some((phrase) => phraseAt(tokens, phrase).length > 0)) typed |= SYNONYM_BIT;
  total = 2 * bits(typed) + bits(typo & ~typed);
  if (text.length <= 80) terms.scores.set(text, total);
  return total;
}

/**
 * How well a short text (a label, a keyword) answers the whole query: null unless it matches
 * every query word (as typed, the last as a prefix, within the typo budget) or a synonym of
 * several words as a phrase; otherwise 2 per word matched as typed, 1 per typo. For suggestions.
 */
export function matchAllWords(text: string, terms: QueryTerms): number | null {
  if (terms.words.length === 0) return null;
  const tokens = (text.match(WORD) ?? []).map(foldWord);
  let typed = 0;
  let typo = 0;
  for (const token of tokens) {
    const m = tokenMatch(token, terms);
    typed |= m.typed;
    typo |= m.typo;
  }
  const every = (1 << terms.words.length) - 1;
  if (((typed | typo) & every) === every) return 2 * bits(typed & every) + bits(typo & ~typed & every);
  if (typed & SYNONYM_BIT || terms.phrases.some((phrase) => phraseAt(tokens, phrase).length > 0)) return terms.words.length;
  return null;
}

/** Where a phrase (folded words) starts among a text's folded tokens. */
function phraseAt(tokens: readonly string[], phrase: readonly string[]): number[] {
  const starts: number[] = [];
  for (let i = 0; i + phrase.length <= tokens.length; i++) if (phrase.every((w, k) => tokens[i + k] === w)) starts.push(i);
  return starts;
}

/** One text as segments with its matched words marked, or null when nothing matches. */
export function markText(text: string, terms: QueryTerms, crop = false): Highlight | null {
  const spans = [...text.matchAll(WORD)].map((m) => {
    const token = foldWord(m[0]);
    return { start: m.index, end: m.index + m[0].length, token, match: matches(token, terms) };
  });
  if (terms.phrases.length) {
    const tokens = spans.map((s) => s.token);
    for (const phrase of terms.phrases)
      for (const at of phraseAt(tokens, phrase)) for (let k = 0; k < phrase.length; k++) spans[at + k]!.match = true;
  }
  if (!spans.some((s) => s.match)) return null;
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

/**
 * The query less the words the name already matches: the card marks those in the name, and the
 * snippet should show why the rest matched. Null when the name matches every word (no snippet:
 * "nguyen van" must not pick "vận" out of a sector label).
 */
export function termsBeyondName(fullName: string, terms: QueryTerms): QueryTerms | null {
  const nameTokens = (fullName.match(WORD) ?? []).map(foldWord);
  const last = terms.words.length - 1;
  // As typed only: "khai" is not the name's "Hải" with a typo when the keywords say "khai thác".
  const inName = ({ word }: QueryTerms['words'][number], i: number) =>
    nameTokens.some((t) => t === word || (i === last && t.startsWith(word)));
  const covered = terms.words.map(inName);
  if (!covered.includes(true)) return terms;
  if (!covered.includes(false)) return null;
  // Hits whose names match the same words share one reduced query (and its caches).
  const key = covered.map(Number).join('');
  let reduced = terms.reduced.get(key);
  if (!reduced) {
    const coveredWords = new Set(terms.words.filter((_, i) => covered[i]).map((w) => w.word));
    reduced = {
      words: terms.words.filter((_, i) => !covered[i]),
      exact: new Set([...terms.exact].filter((w) => !coveredWords.has(w))),
      phrases: terms.phrases,
      lastIsPrefix: !covered[last],
      seen: new Map(),
      scores: new Map(),
      reduced: new Map(),
    };
    terms.reduced.set(key, reduced);
  }
  return reduced;
}

/**
 * The text that best shows why the hit matched, marked: the most matching words, words as typed
 * before typo matches ("cảng biển" in a bio beats "hàng hải" in the keywords for "cang bien"),
 * then the most telling attribute (SNIPPET_ATTRIBUTES order).
 */
export function snippetFor(
  doc: Partial<Record<SnippetAttribute, string | string[] | null>>,
  terms: QueryTerms,
): { attribute: SnippetAttribute; text: Highlight } | null {
  if (terms.words.length === 0) return null;
  let best: { attribute: SnippetAttribute; text: string; score: number } | null = null;
  // A text with every word as typed cannot be beaten by a later attribute: stop there.
  const perfect = 2 * terms.words.length;
  search: for (const attribute of SNIPPET_ATTRIBUTES) {
    const value = doc[attribute];
    const texts = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
    for (const text of texts) {
      const s = score(text, terms);
      if (s > (best?.score ?? 0)) best = { attribute, text, score: s };
      if (s >= perfect) break search;
    }
  }
  return best && { attribute: best.attribute, text: markText(best.text, terms, CROPPED.has(best.attribute))! };
}
