import { referenceData, type SearchQuery } from '@hpen/server/contracts';

/** Filters that take several values (OR within one, AND across). Names are the API's. */
export const listFilters = [
  'degree',
  'title',
  'field',
  'sector',
  'locationKind',
  'commune',
  'province',
  'country',
  'availability',
  'mode',
  'association',
] as const;
export type ListFilter = (typeof listFilters)[number];
const singleKeys = ['q', 'language', 'minLevel', 'verified', 'sort', 'page', 'pageSize'] as const;

/** The query with nothing chosen: searchQuerySchema's defaults. */
export const emptyQuery: SearchQuery = { q: '', sort: 'relevance', page: 1, pageSize: 20 };

export interface ParsedSearch {
  query: SearchQuery;
  /** True when the link held values the shared schema rejects; they were dropped. */
  dropped: boolean;
}

const { academicTitles, availabilityKinds, cefrLevels, degreeCodes, sectorCodes } = referenceData;
const oneOf = (values: readonly string[]) => (v: string) => values.includes(v);
const matches = (pattern: RegExp) => (v: string) => pattern.test(v);
const MAX_LIST = 20;

/**
 * searchQuerySchema's rules for each value, restated so that the search page — a visitor's
 * first page — does not load zod (see tests/integration/web-bundle-budget.test.ts).
 * tests/integration/search-url.property.test.ts checks on generated links that this reads every URL as the schema does.
 */
const listRules: Record<ListFilter, (v: string) => boolean> = {
  field: matches(/^\d{1,7}$/),
  sector: oneOf(sectorCodes),
  degree: oneOf(degreeCodes),
  title: oneOf(academicTitles),
  locationKind: oneOf(['haiphong', 'vietnam', 'overseas']),
  commune: matches(/^\d{5}$/),
  province: matches(/^\d{2}$/),
  country: matches(/^[A-Z]{2}$/),
  availability: oneOf(availabilityKinds),
  mode: oneOf(['remote', 'in_person']),
  association: matches(/^[a-z0-9-]{2,40}$/),
};
const wholeNumber = (min: number, max: number) => (v: string) => Number.isInteger(Number(v)) && Number(v) >= min && Number(v) <= max;
const singleRules: Record<(typeof singleKeys)[number], (v: string) => boolean> = {
  q: (v) => v.trim().length <= 200,
  language: matches(/^[a-z]{2}$/),
  minLevel: oneOf(cefrLevels.filter((l) => l !== 'native')),
  verified: oneOf(['true', 'false']),
  sort: oneOf(['relevance', 'name', 'updated']),
  page: wholeNumber(1, 1000),
  pageSize: wholeNumber(1, 50),
};

/**
 * The URL is the page's state, read with the API's rules. A hand-edited or outdated link
 * loses only the values the rules reject (one bad code, not the whole filter; a list longer
 * than the API takes, whole).
 */
export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const query: Record<string, unknown> = { ...emptyQuery };
  let dropped = false;
  for (const key of listFilters) {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    const valid = values.length > MAX_LIST ? [] : values.filter(listRules[key]);
    if (valid.length < values.length) dropped = true;
    if (valid.length) query[key] = valid;
  }
  for (const key of singleKeys) {
    const value = params.get(key);
    if (value === null || value === '') continue;
    if (!singleRules[key](value)) dropped = true;
    else query[key] = key === 'q' ? value.trim() : key === 'page' || key === 'pageSize' ? Number(value) : value;
  }
  return { query: query as SearchQuery, dropped };
}

/** The query string for a state: defaults left out, lists comma-separated (short, readable links). */
export function toSearchString(query: SearchQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const key of listFilters) {
    const values = query[key];
    if (values?.length) params.set(key, values.join(','));
  }
  if (query.language) {
    params.set('language', query.language);
    if (query.minLevel) params.set('minLevel', query.minLevel);
  }
  if (query.verified) params.set('verified', query.verified);
  if (query.sort !== emptyQuery.sort) params.set('sort', query.sort);
  if (query.page > 1) params.set('page', String(query.page));
  if (query.pageSize !== emptyQuery.pageSize) params.set('pageSize', String(query.pageSize));
  const search = params.toString().replace(/%2C/g, ',');
  return search ? `?${search}` : '';
}

export function countFilters(query: SearchQuery): number {
  return listFilters.reduce((n, key) => n + (query[key]?.length ?? 0), 0) + (query.language ? 1 : 0) + (query.verified ? 1 : 0);
}

/** A filter change starts again from the first page. */
export function withList(query: SearchQuery, key: ListFilter, values: string[]): SearchQuery {
  return { ...query, [key]: values.length ? values : undefined, page: 1 };
}

export function clearFilters(query: SearchQuery): SearchQuery {
  return { ...emptyQuery, q: query.q, sort: query.sort, pageSize: query.pageSize };
}
