import { useQuery } from '@tanstack/react-query';
import { listOrganisations } from '../api/organisations.api';
import { organisationName } from '../lib/format';
import { useLanguage } from '../lib/use-language';

export const organisationsKey = ['organisations'] as const;

export function useOrganisations() {
  return useQuery({ queryKey: organisationsKey, queryFn: listOrganisations, staleTime: 5 * 60 * 1000 });
}

/** Options for an organisation <select>, sorted by name in the reader's language. */
export function useOrganisationOptions() {
  const language = useLanguage();
  const organisations = useOrganisations();
  const options = (organisations.data?.items ?? [])
    .map((organisation) => ({ value: organisation.id, label: organisationName(organisation, language) }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
  return { options, query: organisations };
}
