import type { Meilisearch } from 'meilisearch';
import { searchErrors } from '../search/search.errors.js';
import type { CandidateSearch } from './consultation-matching.js';

/** Candidates come from the agency index: what experts share with agencies, nothing more. */
export function createCandidateSearch(client: Meilisearch, agencyIndex: string): CandidateSearch {
  return async ({ q, filter, limit }) => {
    try {
      const res = await client.index(agencyIndex).search(q, { filter, limit, attributesToRetrieve: ['id'] });
      return res.hits.map((h) => String(h.id));
    } catch {
      throw searchErrors.unavailable();
    }
  };
}
