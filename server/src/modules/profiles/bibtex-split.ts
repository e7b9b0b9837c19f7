/**
 * Splits BibTeX text into one string per entry in a single linear pass, so the (slow, and on
 * hostile input super-linear) BibTeX parser only ever sees one bounded entry at a time.
 * Rules follow BibTeX: text outside `@type{…}` is a comment; braces nest; an entry left open is
 * closed by the next line that starts a new entry (how BibTeX itself recovers).
 */
export interface SplitEntry {
  /** Where the entry starts, for messages. */
  offset: number;
  text: string;
  /** Why the entry is not parsed at all: not closed, or too long. */
  problem?: 'unclosed' | 'too_long';
}
export interface SplitResult {
  entries: SplitEntry[];
  /** @string definitions, given to the parser with each entry (bounded). */
  macros: string;
  tooManyEntries: boolean;
}

export interface SplitLimits {
  maxEntries: number;
  maxEntryChars: number;
  maxMacroChars: number;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** The position of the opening delimiter when `@letters{` or `@letters(` starts at `at`, else -1. */
function entryOpening(text: string, at: number): { open: number; type: string } | null {
  let i = at + 1;
  while (i < text.length && i - at <= 32 && isLetter(text.charCodeAt(i))) i++;
  if (i === at + 1) return null;
  const type = text.slice(at + 1, i).toLowerCase();
  while (i < text.length && i - at <= 64 && (text[i] === ' ' || text[i] === '\t')) i++;
  return text[i] === '{' || text[i] === '(' ? { open: i, type } : null;
}

/** True when a line starting at `i` (after the newline) begins a new entry. */
function newEntryStartsAt(text: string, i: number): number {
  let j = i;
  while (j < text.length && j - i < 64 && (text[j] === ' ' || text[j] === '\t')) j++;
  return text[j] === '@' && entryOpening(text, j) ? j : -1;
}

/** Scans one entry from its opening delimiter; returns where it ends (exclusive) and whether it closed. */
function scanEntry(text: string, open: number): { end: number; closed: boolean } {
  const closer = text[open] === '(' ? ')' : '}';
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === closer && depth === 0) return { end: i + 1, closed: true };
    else if (c === '\n') {
      const next = newEntryStartsAt(text, i + 1);
      if (next >= 0) return { end: next, closed: false };
    }
  }
  return { end: text.length, closed: false };
}

/** Gives the event loop a turn every ~20 ms, so a 2 MB file never holds it for long. */
const YIELD_AFTER_MS = 20;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function splitBibtex(text: string, limits: SplitLimits): Promise<SplitResult> {
  const entries: SplitEntry[] = [];
  let macros = '';
  let i = text.indexOf('@');
  let sliceStart = performance.now();
  while (i >= 0 && i < text.length) {
    if (performance.now() - sliceStart > YIELD_AFTER_MS) {
      await yieldToLoop();
      sliceStart = performance.now();
    }
    const opening = entryOpening(text, i);
    if (!opening) {
      i = text.indexOf('@', i + 1);
      continue;
    }
    const { end, closed } = scanEntry(text, opening.open);
    const entryText = text.slice(i, end);
    if (opening.type === 'string') {
      if (closed && macros.length + entryText.length <= limits.maxMacroChars) macros += `${entryText}\n`;
    } else if (opening.type !== 'comment' && opening.type !== 'preamble') {
      if (entries.length === limits.maxEntries) return { entries, macros, tooManyEntries: true };
      const problem = !closed ? 'unclosed' : entryText.length > limits.maxEntryChars ? 'too_long' : undefined;
      entries.push({ offset: i, text: problem ? entryText.slice(0, 200) : entryText, ...(problem ? { problem } : {}) });
    }
    i = text.indexOf('@', end);
  }
  return { entries, macros, tooManyEntries: false };
}
