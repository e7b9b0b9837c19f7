import type { SearchFacetName, SearchQuery, SearchResult } from '@hpen/server/contracts';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { searchExperts } from '../../api/search.api';
import { useSession } from '../../auth/use-session';
import { isStaff } from '../../auth/staff';

export type FacetCounts = Partial<Record<SearchFacetName, Record<string, number>>>;

const publicFacets = [
  'degree',
  'title',
  'field',
  'sector',
  'locationKind',
  'commune',
  'province',
  'country',
  'language',
  'verified',
] as const satisfies readonly SearchFacetName[];
/** Availability is shared with agencies by default: in the public index these would be mostly empty. */
const staffFacets = [...publicFacets, 'availability', 'mode'] as const satisfies readonly SearchFacetName[];

function isActive(query: SearchQuery, facet: SearchFacetName): boolean {
  if (facet === 'language') return Boolean(query.language);
  if (facet === 'verified') return Boolean(query.verified);
  return Boolean(query[facet]?.length);
}

/** The same search without one facet's own filter: its other values keep their counts (OR within a facet). */
function without(query: SearchQuery, facet: SearchFacetName): SearchQuery {
  if (facet === 'language') return { ...query, language: undefined, minLevel: undefined };
  if (facet === 'verified') return { ...query, verified: undefined };
  return { ...query, [facet]: undefined };
}

/**
 * Results and facet counts for a query. The API counts facets with every filter applied,
 * so a ticked facet would show only its ticked values; each active facet therefore gets
 * one more small request without its own filter (disjunctive faceting). Previous data is
 * kept while a new query runs so nothing flashes while typing.
 */
export function useExpertSearch(query: SearchQuery) {
  const session = useSession();
  const staff = isStaff(session.user);
  // The index depends on who asks: key the cache by the viewer, and wait for the session.
  const viewer = session.user?.id ?? 'visitor';
  const enabled = session.status !== 'loading';
  const facets: readonly SearchFacetName[] = staff ? staffFacets : publicFacets;
  const active = facets.filter((f) => isActive(query, f));
  const inactive = facets.filter((f) => !isActive(query, f));

  const main = useQuery({
    queryKey: ['search', viewer, query, inactive],
    queryFn: () => searchExperts({ ...query, facets: inactive }),
    placeholderData: keepPreviousData,
    staleTime: 15_000,
    enabled,
  });

  const extras = useQueries({
    queries: active.map((facet) => {
      const base = { ...without(query, facet), sort: 'relevance' as const, page: 1, pageSize: 1, facets: [facet] };
      return {
        queryKey: ['search', viewer, 'facet', facet, base],
        queryFn: () => searchExperts(base),
        staleTime: 15_000,
        enabled,
      };
    }),
  });

  // Last known counts per facet: shown while a facet's own request is still on its way.
  // (State updated while rendering, as React documents for values derived from earlier renders.)
  const [known, setKnown] = useState<FacetCounts>({});
  const counts: FacetCounts = {};
  for (const facet of facets) {
    const index = active.indexOf(facet);
    const source: SearchResult | undefined = index >= 0 ? extras[index]?.data : main.data;
    const value = source?.facets[facet] ?? known[facet];
    if (value) counts[facet] = value;
  }
  // Counts are react-query's structurally shared data: unchanged results keep their identity.
  if (facets.some((facet) => counts[facet] !== undefined && counts[facet] !== known[facet])) setKnown({ ...known, ...counts });

  return { main, counts, staff, facets };
}
