import { listUsersQuerySchema, type ListUsersQuery } from '@hpen/server/contracts';
import { useSearchParams } from 'react-router';

const filterKeys = ['q', 'role', 'status', 'organisationId'] as const;
export type UserFilters = Pick<ListUsersQuery, 'q' | 'role' | 'status' | 'organisationId'>;

/**
 * Filters live in the URL so a filtered list can be bookmarked, shared and navigated
 * back to. The shared query schema cleans them; a tampered URL falls back to the first,
 * unfiltered page.
 */
export function useUserFilters() {
  const [params, setParams] = useSearchParams();
  const raw = Object.fromEntries(params);
  const parsed = listUsersQuerySchema.safeParse(raw);
  const query: ListUsersQuery = parsed.success ? parsed.data : { page: 1, pageSize: 20 };

  const apply = (filters: UserFilters, page = 1) => {
    const next = new URLSearchParams();
    for (const key of filterKeys) {
      const value = filters[key];
      if (value) next.set(key, value);
    }
    if (page > 1) next.set('page', String(page));
    setParams(next);
  };

  const setPage = (page: number) => apply(query, page);
  return { query, apply, setPage };
}
