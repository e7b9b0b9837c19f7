import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { foldVietnamese, displayAuthorName } from '../shared/text.js';
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

function bibtexRecords(content: string): Raw[] {
  // Titles keep their case: sentence-casing would mangle Vietnamese proper names.
  const library = parseBibtex(content, { sentenceCase: false, english: false, unsupported: 'ignore' });
  const broken = new Set(library.errors.map((e) => e.input));
  return library.entries.map((entry) => {
    if (broken.has(entry.input) || entry.input === '')
      return { source: entry.key, code: 'bibtex_malformed', error: 'The entry is not well-formed BibTeX' };
    // LaTeX accents come out decomposed; store composed (NFC) text like typed Vietnamese.
    const f = Object.fromEntries(
      Object.entries(entry.fields).map(([k, v]) => [k, typeof v === 'string' ? v.normalize('NFC') : v]),
    ) as Record<string, unknown>;
    const creators = (f.author ?? f.editor) as Array<{ lastName?: string; firstName?: string; name?: string }> | undefined;
    return {
      source: entry.key,
      fields: {
        title: f.title,
        authors: (creators ?? [])
          .map((c) => c.name ?? displayAuthorName(c.lastName ?? '', c.firstName ?? ''))
          .join('; ')
          .normalize('NFC'),
        venue: f.journal ?? f.booktitle ?? f.publisher ?? f.school ?? f.institution ?? '',
        year: f.year !== undefined ? Number(String(f.year).slice(0, 4)) : undefined,
        type: BIBTEX_TYPES[entry.type.toLowerCase()] ?? 'other',
        doi: f.doi ?? null,
      },
    };
  });
}

const CSV_COLUMNS = ['title', 'authors', 'venue', 'year', 'type', 'doi'] as const;

function csvRecords(content: string): Raw[] {
  const rows = parseCsv(content, {
    bom: true,
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  }) as Array<Record<string, string>>;
  return rows.map((row, i) => {
    const unknown = Object.keys(row).filter((k) => !(CSV_COLUMNS as readonly string[]).includes(k));
    if (unknown.length)
      return {
        source: `line ${i + 2}`,
        code: 'csv_unknown_columns',
        error: `Unknown columns: ${unknown.join(', ')} (expected ${CSV_COLUMNS.join(', ')})`,
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
export function previewPublicationImport(format: ImportFormat, content: string, existing: Publication[]): ImportCandidate[] {
  let records: Raw[];
  try {
    records = format === 'bibtex' ? bibtexRecords(content) : csvRecords(content);
  } catch (error) {
    return [
      {
        index: 0,
        source: 'file',
        publication: null,
        status: 'invalid',
        duplicateOf: null,
        errors: [
          { path: '', code: 'file_unreadable', message: `The file cannot be read as ${format.toUpperCase()}: ${(error as Error).message}` },
        ],
      },
    ];
  }
  const byDoi = new Map(existing.filter((p) => p.doi).map((p) => [doiKey(p.doi)!, p.id ?? '']));
  const byTitle = new Map(existing.map((p) => [publicationKey(p), p.id ?? '']));
  const seen = new Set<string>();

  return records.map((record, index): ImportCandidate => {
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
  });
}
