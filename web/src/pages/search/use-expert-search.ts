import type { SearchFacetName, SearchQuery, SearchResult } from '@hpen/server/contracts';
import { useState } from 'react';
import { searchExperts } from '../../api/search.api';
import { useSession } from '../../auth/use-session';
import { isStaff } from '../../auth/staff';
import { requestCache, useRequests, type RequestState } from '../../lib/request-cache';

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
 * The last searches, by viewer and query: Back and the chips find their answers at once. Plain
 * requests, not the query cache, so the search page's first load does not carry react-query.
 */
const searches = requestCache<{ viewer: string; query: SearchQuery }, SearchResult>({
  load: ({ query }, signal) => searchExperts(query, signal),
  size: 30,
  staleMs: 15_000,
});

/** The results on screen: while a new search runs, the previous one stays (isPlaceholderData), as react-query's keepPreviousData. */
export interface MainSearch extends RequestState<SearchResult> {
  isPlaceholderData: boolean;
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

  const answer = useRequests(searches, [{ viewer, query: { ...query, facets: inactive } }], enabled)[0]!;
  const extras = useRequests(
    searches,
    active.map((facet) => ({
      viewer,
      query: { ...without(query, facet), sort: 'relevance' as const, page: 1, pageSize: 1, facets: [facet] },
    })),
    enabled,
  );

  // The last answer shown to this viewer stays on screen while the next one is on its way.
  const [shown, setShown] = useState<{ viewer: string; data: SearchResult }>();
  if (answer.data && answer.data !== shown?.data) setShown({ viewer, data: answer.data });
  const placeholder = !answer.data && !answer.isError && shown?.viewer === viewer ? shown.data : undefined;
  const main: MainSearch = {
    ...answer,
    data: answer.data ?? placeholder,
    isPending: answer.isPending && !placeholder,
    isPlaceholderData: Boolean(placeholder),
  };

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
  // A cached answer keeps its identity: only new counts update what is known.
  if (facets.some((facet) => counts[facet] !== undefined && counts[facet] !== known[facet])) setKnown({ ...known, ...counts });

  return { main, counts, staff, facets };
}
