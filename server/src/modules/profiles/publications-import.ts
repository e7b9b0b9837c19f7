import { AppError } from '../../app/errors.js';
import type { z } from 'zod';
import { foldVietnamese, displayAuthorName } from '../shared/text.js';
import { runWorkerTask } from '../shared/worker-task.js';
import { splitBibtex } from './bibtex-split.js';
import { publicationItemSchema } from './profiles.schemas.js';

export type Publication = z.infer<typeof publicationItemSchema>;
export type ImportFormat = 'bibtex' | 'csv';

export interface ImportCandidate {
  index: number;
  /** BibTeX key or CSV line, to help the user find the entry. */
  source: string;
  publication: Publication | null;
  status: 'new' | 'duplicate_existing' | 'duplicate_in_file' | 'invalid';
  duplicateOf: string | null;
  errors: Array<{ path: string; code: string; message: string }>;
}

const BIBTEX_TYPES: Record<string, Publication['type']> = {
  article: 'journal_article',
  inproceedings: 'conference_paper',
  conference: 'conference_paper',
  proceedings: 'conference_paper',
  book: 'book',
  incollection: 'book_chapter',
  inbook: 'book_chapter',
  techreport: 'report',
  report: 'report',
  phdthesis: 'thesis',
  mastersthesis: 'thesis',
  thesis: 'thesis',
};

type Raw = { source: string; fields: Record<string, unknown> } | { source: string; code: string; error: string };

/** Bounds for one file: a profile holds at most 2000 publications; a real entry is a few KB. */
export const IMPORT_LIMITS = { maxEntries: 2000, maxEntryChars: 16_000, maxMacroChars: 8_000, maxRecordSize: 16_000, timeoutMs: 800 };
const WORKER = new URL('./publications-parse.worker.mjs', import.meta.url);

class FileProblem extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const tooMany = () =>
  new FileProblem('too_many_entries', `The file has more than ${IMPORT_LIMITS.maxEntries} entries; import it in smaller parts`);
const timedOut = (message: string) => ({ code: 'parse_timeout', error: message });
const keyOf = (text: string) => /^@\w+\s*[{(]\s*([^,\s]{0,80})/.exec(text)?.[1] ?? '';

interface BibtexEntry {
  ok: boolean;
  key: string;
  type?: string;
  fields?: Record<string, unknown>;
}

function bibtexFields(entry: BibtexEntry): Record<string, unknown> {
  // LaTeX accents come out decomposed; store composed (NFC) text like typed Vietnamese.
  const f = Object.fromEntries(
    Object.entries(entry.fields ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFC') : v]),
  ) as Record<string, unknown>;
  const creators = (f.author ?? f.editor) as Array<{ lastName?: string; firstName?: string; name?: string }> | undefined;
  return {
    title: f.title,
    authors: (Array.isArray(creators) ? creators : [])
      .map((c) => c.name ?? displayAuthorName(c.lastName ?? '', c.firstName ?? ''))
      .join('; ')
      .normalize('NFC'),
    venue: f.journal ?? f.booktitle ?? f.publisher ?? f.school ?? f.institution ?? '',
    year: f.year !== undefined ? Number(String(f.year).slice(0, 4)) : undefined,
    type: BIBTEX_TYPES[(entry.type ?? '').toLowerCase()] ?? 'other',
    doi: f.doi ?? null,
  };
}

/** Splits linearly here, then parses entry by entry in a worker under a hard time limit. */
async function bibtexRecords(content: string): Promise<Raw[]> {
  const split = await splitBibtex(content, IMPORT_LIMITS);
  if (split.tooManyEntries) throw tooMany();
  const records: Array<Raw | undefined> = split.entries.map((e) => {
    if (e.problem === 'too_long')
      return { source: keyOf(e.text), code: 'entry_too_long', error: `The entry is longer than ${IMPORT_LIMITS.maxEntryChars} characters` };
    if (e.problem) return { source: keyOf(e.text), code: 'bibtex_malformed', error: 'The entry is not well-formed BibTeX' };
    return undefined;
  });
  const todo = split.entries.flatMap((e, i) => (records[i] ? [] : [{ i, text: e.text }]));
  // Nothing well-formed to read (the '@article{' flood is one unclosed entry): no worker needed.
  const result =
    todo.length === 0
      ? { completed: true }
      : await runWorkerTask<{ batch: Array<{ index: number; entry: BibtexEntry }> }>(
          WORKER,
          { format: 'bibtex', entries: todo.map((t) => t.text), macros: split.macros },
          {
            timeoutMs: IMPORT_LIMITS.timeoutMs,
            onMessage: ({ batch }) => {
              for (const { index, entry } of batch) {
                const at = todo[index]!.i;
                records[at] = entry.ok
                  ? { source: entry.key, fields: bibtexFields(entry) }
                  : {
                      source: entry.key || keyOf(todo[index]!.text),
                      code: 'bibtex_malformed',
                      error: 'The entry is not well-formed BibTeX',
                    };
              }
            },
          },
        );
  return records.map(
    (r, i) =>
      r ??
      ({
        source: keyOf(split.entries[i]!.text),
        ...timedOut(
          result.completed ? 'The entry could not be read' : 'Not read: the file took too long to read; import it in smaller parts',
        ),
      } as Raw),
  );
}

const CSV_COLUMNS = ['title', 'authors', 'venue', 'year', 'type', 'doi'] as const;

async function csvRows(content: string): Promise<Array<Record<string, string>>> {
  let answer: { rows?: Array<Record<string, string>>; error?: string } = {};
  const result = await runWorkerTask<typeof answer>(
    WORKER,
    { format: 'csv', content, maxRows: IMPORT_LIMITS.maxEntries, maxRecordSize: IMPORT_LIMITS.maxRecordSize },
    { timeoutMs: IMPORT_LIMITS.timeoutMs, onMessage: (message) => (answer = message) },
  );
  if (!result.completed) throw new FileProblem('parse_timeout', 'The file took too long to read; import it in smaller parts');
  if (answer.error !== undefined || !answer.rows) throw new Error(answer.error ?? 'unreadable');
  if (answer.rows.length > IMPORT_LIMITS.maxEntries) throw tooMany();
  return answer.rows;
}

async function csvRecords(content: string): Promise<Raw[]> {
  const rows = await csvRows(content);
  return rows.map((row, i) => {
    const unknown = Object.keys(row).filter((k) => !(CSV_COLUMNS as readonly string[]).includes(k));
    if (unknown.length)
      return {
        source: `line ${i + 2}`,
        code: 'csv_unknown_columns',
        error: `Unknown columns: ${unknown.join(', ').slice(0, 200)} (expected ${CSV_COLUMNS.join(', ')})`,
      };
    return {
      source: `line ${i + 2}`,
      fields: {
        title: row.title,
        authors: row.authors ?? '',
        venue: row.venue ?? '',
        year: row.year ? Number(row.year) : undefined,
        type: row.type || 'journal_article',
        doi: row.doi || null,
      },
    };
  });
}

/** Title key for duplicate checks: folded, punctuation-free, with the year. */
export function publicationKey(p: { title: string; year: number }): string {
  return `${foldVietnamese(p.title)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()}|${p.year}`;
}
const doiKey = (doi: string | null | undefined) => (doi ? doi.toLowerCase() : null);

/**
 * Parses, validates and classifies imported publications against the ones already on the
 * profile: the same DOI, or the same normalised title and year, is a duplicate.
 */
export async function previewPublicationImport(format: ImportFormat, content: string, existing: Publication[]): Promise<ImportCandidate[]> {
  let records: Raw[];
  try {
    records = format === 'bibtex' ? await bibtexRecords(content) : await csvRecords(content);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const problem = error instanceof FileProblem ? error : null;
    return [
      {
        index: 0,
        source: 'file',
        publication: null,
        status: 'invalid',
        duplicateOf: null,
        errors: [
          problem
            ? { path: '', code: problem.code, message: problem.message }
            : {
                path: '',
                code: 'file_unreadable',
                message: `The file cannot be read as ${format.toUpperCase()}: ${(error as Error).message}`,
              },
        ],
      },
    ];
  }
  const byDoi = new Map(existing.filter((p) => p.doi).map((p) => [doiKey(p.doi)!, p.id ?? '']));
  const byTitle = new Map(existing.map((p) => [publicationKey(p), p.id ?? '']));
  const seen = new Set<string>();

  const classify = (record: Raw, index: number): ImportCandidate => {
    const base = { index, source: record.source, duplicateOf: null };
    if ('error' in record)
      return { ...base, publication: null, status: 'invalid', errors: [{ path: '', code: record.code, message: record.error }] };
    const parsed = publicationItemSchema.safeParse(record.fields);
    if (!parsed.success) {
      return {
        ...base,
        publication: null,
        status: 'invalid',
        errors: parsed.error.issues.map((i) => ({
          path: i.path.join('.'),
          // A missing value is "required"; custom rules carry their own code (orcid_invalid, doi_invalid…).
          code:
            i.code === 'invalid_type' && i.input === undefined
              ? 'required'
              : ((i as { params?: { code?: string } }).params?.code ?? i.code),
          message: i.message,
        })),
      };
    }
    const p = parsed.data;
    const keys = [publicationKey(p), ...(p.doi ? [`doi:${doiKey(p.doi)}`] : [])];
    const existingId = (p.doi && byDoi.get(doiKey(p.doi)!)) || byTitle.get(publicationKey(p));
    if (existingId !== undefined)
      return { ...base, publication: p, status: 'duplicate_existing', duplicateOf: existingId || null, errors: [] };
    if (keys.some((k) => seen.has(k))) return { ...base, publication: p, status: 'duplicate_in_file', errors: [] };
    keys.forEach((k) => seen.add(k));
    return { ...base, publication: p, status: 'new', errors: [] };
  };
  // Validating 2000 entries is a lot of work at once: the event loop gets a turn every ~20 ms.
  const candidates: ImportCandidate[] = [];
  let sliceStart = performance.now();
  for (const [index, record] of records.entries()) {
    if (performance.now() - sliceStart > 20) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    candidates.push(classify(record, index));
  }
  return candidates;
}
