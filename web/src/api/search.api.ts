import type { SearchQuery, SearchResult } from '@hpen/server/contracts';
import { apiRequest } from './client';

/** The query as the page holds it: the schema's output, every list optional. */
export type ExpertSearchQuery = SearchQuery;

/** Lists go comma-separated (the API accepts both forms); defaults are left out of the URL. */
export function searchExperts(query: ExpertSearchQuery, signal?: AbortSignal) {
  const params: Record<string, string | number | undefined> = {};
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) params[key] = value.length ? value.join(',') : undefined;
    else if (value !== undefined && value !== null && value !== '') params[key] = value as string | number;
  }
  return apiRequest<SearchResult>('/experts/search', { query: params, signal });
}
