import { useQuery } from '@tanstack/react-query';
import { curationKeys, listAssociations, type Association } from '../../api/curation.api';

/** The associations of the Union (public): used by the expert's membership pages and by curators. */
export function useAssociations() {
  return useQuery({ queryKey: curationKeys.associations, queryFn: listAssociations, staleTime: 60_000 });
}

export const memberAssociations = (items: Association[] | undefined) => (items ?? []).filter((a) => a.kind === 'association');
