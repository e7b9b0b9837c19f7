import { facetAttributes, type SearchAudience } from '@hpen/search';
import { type Index, MeilisearchApiError, type Meilisearch, type SearchResponse } from 'meilisearch';
import type { RequestContext } from '../../app/request-context.js';
import type { ExpertSearchDocument } from './search-documents.js';
import type { ExpertIndexes } from './search-indexes.js';
import { searchErrors } from './search.errors.js';
import type { Highlight, SearchHit, SearchQuery, SearchResult } from './search.schemas.js';
import { foldVietnamese } from '../shared/text.js';
import { prepareSearchText } from './search-query-text.js';
import { type QueryTerms, queryTerms, SNIPPET_ATTRIBUTES, type SnippetAttribute, snippetFor, termsBeyondName } from './search-snippets.js';
import { quoteFilterValue } from './filter-quote.js';

const PRE = '\u0002';
const POST = '\u0003';
const RETRIEVE = [
  'id',
  'fullName',
  'academicTitle',
  'highestDegree',
  'fields',
  'primaryField',
  'sectors',
  'keywords',
  'locationKind',
  'commune',
  'province',
  'country',
  'verified',
  'updatedAt',
];

/** Staff search the agency index; everyone else (visitors, experts) the public one. */
export function searchAudienceFor(ctx: RequestContext): SearchAudience {
  return ctx.actor && ctx.actor.role !== 'expert' ? 'agencies' : 'public';
}

/** Meilisearch filter: OR within one facet, AND across facets. Values were validated by the schema. */
export function buildFilter(q: SearchQuery): string[] {
  const filters: string[] = [];
  const anyOf = (attribute: string, values: readonly string[] | undefined) => {
    if (values?.length) filters.push(`${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`);
  };
  anyOf(facetAttributes.field, q.field);
  anyOf(facetAttributes.sector, q.sector);
  anyOf(facetAttributes.degree, q.degree);
  anyOf(facetAttributes.title, q.title);
  anyOf(facetAttributes.locationKind, q.locationKind);
  anyOf(facetAttributes.commune, q.commune);
  anyOf(facetAttributes.province, q.province);
  anyOf(facetAttributes.country, q.country);
  anyOf(facetAttributes.availability, q.availability);
  anyOf(facetAttributes.mode, q.mode);
  anyOf(facetAttributes.association, q.association);
  if (q.language)
    filters.push(
      q.minLevel ? `languages = ${quoteFilterValue(`${q.language}:${q.minLevel}`)}` : `languageCodes = ${quoteFilterValue(q.language)}`,
    );
  if (q.verified) filters.push(`verified = ${q.verified}`);
  return filters;
}

/** "a \u0002b\u0003 c" → [{a, false}, {b, true}, {c, false}] */
export function segments(formatted: string): Highlight {
  const out: Highlight = [];
  for (const part of formatted.split(PRE)) {
    const [matched, rest] = part.includes(POST) ? part.split(POST, 2) : [undefined, part];
    if (matched) out.push({ text: matched, match: true });
    if (rest) out.push({ text: rest, match: false });
  }
  return out.length ? out : [{ text: '', match: false }];
}

type Stored = Pick<
  ExpertSearchDocument,
  | 'id'
  | 'fullName'
  | 'academicTitle'
  | 'highestDegree'
  | 'fields'
  | 'primaryField'
  | 'sectors'
  | 'keywords'
  | 'locationKind'
  | 'commune'
  | 'province'
  | 'country'
  | 'verified'
  | 'updatedAt'
> &
  Partial<Pick<ExpertSearchDocument, SnippetAttribute>>;

function toHit(doc: Stored & { _formatted?: Record<string, unknown> }, terms: QueryTerms | null): SearchHit {
  const formatted = doc._formatted ?? {};
  return {
    id: doc.id,
    fullName: doc.fullName,
    academicTitle: doc.academicTitle,
    highestDegree: doc.highestDegree,
    fields: doc.fields,
    primaryField: doc.primaryField,
    sectors: doc.sectors,
    keywords: doc.keywords,
    location: { kind: doc.locationKind, commune: doc.commune, province: doc.province, country: doc.country },
    verified: doc.verified,
    updatedAt: new Date(doc.updatedAt).toISOString(),
    highlights: {
      fullName: segments(typeof formatted.fullName === 'string' ? formatted.fullName : doc.fullName),
      snippet: snippetBeyondName(doc, terms),
    },
  };
}

/** Why the hit matched beyond its name (the name is marked on its own); none when the name says it all. */
function snippetBeyondName(doc: Stored, terms: QueryTerms | null) {
  const rest = terms && termsBeyondName(doc.fullName, terms);
  return rest ? snippetFor(doc, rest) : null;
}

/** Exactly what the API asks Meilisearch for a query (the benchmark sends the same directly). */
export function meiliSearchParams(q: SearchQuery, matchingStrategy: 'all' | 'last' = 'all') {
  return {
    // Every word must match, so the count means "experts matching all you typed" (runExpertSearch falls back).
    matchingStrategy,
    showRankingScore: true,
    filter: buildFilter(q),
    facets: (q.facets ?? []).map((f) => facetAttributes[f]),
    sort: q.sort === 'name' ? ['nameSort:asc'] : q.sort === 'updated' ? ['updatedAt:desc'] : undefined,
    page: q.page,
    hitsPerPage: q.pageSize,
    // With words, the snippet texts come along and are marked in Node (search-snippets.ts).
    attributesToRetrieve: q.q ? [...RETRIEVE, ...SNIPPET_ATTRIBUTES] : RETRIEVE,
    attributesToHighlight: q.q ? ['fullName'] : [],
    highlightPreTag: PRE,
    highlightPostTag: POST,
  };
}

export interface ExpertSearchResponse {
  res: SearchResponse<Stored & { _rankingScore?: number }>;
  /** Nothing matched every word: these hits match some of them. */
  approximate: boolean;
}

/**
 * The query as the API runs it, also used as is by the benchmarks' direct path: request words
 * dropped, every word required. Only when that finds nobody (marked approximate): the words that
 * match nothing at all are left out (one multi-search counts each word), and if the rest still
 * finds nobody, words are dropped from the end (Meilisearch's "last").
 */
export async function runExpertSearch(client: Meilisearch, indexUid: string, q: SearchQuery): Promise<ExpertSearchResponse> {
  const index: Index<Stored> = client.index<Stored>(indexUid);
  const sorted = q.sort !== 'relevance';
  const { text } = prepareSearchText(q.q);
  const strict = await index.search(text, meiliSearchParams(q, 'all'));
  if (!text || (strict.totalHits ?? 0) > 0) return { res: preferTypedDiacritics(strict, q.q, sorted), approximate: false };
  const words = text.split(' ');
  let rest = text;
  if (words.length > 1) {
    const counts = await client.multiSearch({
      queries: words.map((w) => ({ indexUid, q: w, limit: 0, matchingStrategy: 'all' as const, filter: buildFilter(q) })),
    });
    rest = words.filter((_, i) => (counts.results[i]?.estimatedTotalHits ?? 0) > 0).join(' ');
    if (rest && rest !== text) {
      const some = await index.search(rest, meiliSearchParams(q, 'all'));
      if ((some.totalHits ?? 0) > 0) return { res: preferTypedDiacritics(some, q.q, sorted), approximate: true };
    }
  }
  const loose = await index.search(rest || text, meiliSearchParams(q, 'last'));
  return { res: preferTypedDiacritics(loose, q.q, sorted), approximate: (loose.totalHits ?? 0) > 0 };
}

/**
 * Folded, "Hùng" and "Hưng" are one word to Meilisearch. When the query carries diacritics,
 * hits that Meilisearch ranks equal are ordered by how many query words they carry exactly as
 * typed (name first, then keywords); nothing moves past a better-ranked hit or off its page.
 */
function preferTypedDiacritics<T extends ExpertSearchResponse['res']>(res: T, raw: string, sorted: boolean): T {
  const words = raw
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (sorted || words.length === 0 || words.every((w) => foldVietnamese(w) === w)) return res;
  const exact = (text: string) => {
    const own = new Set(
      text
        .toLowerCase()
        .normalize('NFC')
        .split(/[^\p{L}\p{N}]+/u),
    );
    return words.filter((w) => own.has(w)).length;
  };
  const score = new Map(res.hits.map((h) => [h, exact(h.fullName) * 2 + exact((h.keywords ?? []).join(' '))]));
  const hits = [...res.hits].sort((a, b) => (b._rankingScore ?? 0) - (a._rankingScore ?? 0) || score.get(b)! - score.get(a)!);
  return { ...res, hits };
}

interface SearchServiceDeps {
  client: Meilisearch;
  indexes: ExpertIndexes;
  /** False while the indexes are being prepared in the background (settings not applied yet). */
  usable: () => boolean;
}

export function createSearchService({ client, indexes, usable }: SearchServiceDeps) {
  return {
    async search(ctx: RequestContext, q: SearchQuery): Promise<SearchResult> {
      if (!usable()) throw searchErrors.unavailable();
      const audience = searchAudienceFor(ctx);
      const facets = q.facets ?? [];
      const terms = q.q ? queryTerms(q.q) : null;
      try {
        const { res, approximate } = await runExpertSearch(client, indexes.name(audience), q);
        const distribution = res.facetDistribution ?? {};
        return {
          hits: res.hits.map((hit) => toHit(hit, terms)),
          total: res.totalHits ?? 0,
          approximate,
          page: res.page ?? q.page,
          pageSize: q.pageSize,
          totalPages: res.totalPages ?? 0,
          facets: Object.fromEntries(facets.map((f) => [f, distribution[facetAttributes[f]] ?? {}])),
          audience,
          processingTimeMs: res.processingTimeMs,
        };
      } catch (error) {
        // An API error means our request was wrong: a bug to see in the logs, not an outage.
        if (error instanceof MeilisearchApiError && error.response.status < 500 && error.cause?.code !== 'index_not_found') throw error;
        throw searchErrors.unavailable();
      }
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
