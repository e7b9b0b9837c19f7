import { searchQuerySchema, type SearchQuery } from '@hpen/server/contracts';

/** Filters that take several values (OR within one, AND across). Names are the API's. */
export const listFilters = [
  'degree',
  'title',
  'field',
  'sector',
  'locationKind',
  'district',
  'province',
  'country',
  'availability',
  'mode',
  'association',
] as const;
export type ListFilter = (typeof listFilters)[number];
const singleKeys = ['q', 'language', 'minLevel', 'verified', 'sort', 'page', 'pageSize'] as const;

export const emptyQuery: SearchQuery = searchQuerySchema.parse({});

export interface ParsedSearch {
  query: SearchQuery;
  /** True when the link held values the shared schema rejects; they were dropped. */
  dropped: boolean;
}

/**
 * The URL is the page's state, read with the API's own schema. A hand-edited or outdated
 * link loses only the values the schema rejects (one bad code, not the whole filter).
 */
export function parseSearchParams(params: URLSearchParams): ParsedSearch {
  const raw: Record<string, unknown> = {};
  for (const key of listFilters) {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) raw[key] = values;
  }
  for (const key of singleKeys) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  let dropped = false;
  for (let attempt = 0; attempt < 10; attempt++) {
    const result = searchQuerySchema.safeParse(raw);
    if (result.success) return { query: result.data, dropped };
    dropped = true;
    // Later indexes first, so removing one does not shift the next.
    const issues = [...result.error.issues].sort((a, b) => Number(b.path[1] ?? 0) - Number(a.path[1] ?? 0));
    for (const issue of issues) {
      const [key, index] = issue.path;
      const value = raw[String(key)];
      if (Array.isArray(value) && typeof index === 'number') value.splice(index, 1);
      else delete raw[String(key)];
    }
  }
  return { query: emptyQuery, dropped: true };
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
