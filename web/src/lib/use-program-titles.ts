import { useQuery } from '@tanstack/react-query';
import { listPrograms, programKeys } from '../api/programs.api';
import type { Language } from '../i18n/i18n';

/** The open programs of the public catalogue: one cached list for every page that lists or names them. */
export const useOpenPrograms = () => useQuery({ queryKey: programKeys.list, queryFn: listPrograms, staleTime: 5 * 60_000 });

/**
 * A program's title in the reader's language, from the public catalogue (shared cache with the
 * programs pages); the code while it loads, or for a program no longer in the catalogue.
 */
export function useProgramTitles(language: Language): (programId: string | null | undefined, code: string) => string {
  const q = useOpenPrograms();
  const byId = new Map((q.data?.items ?? []).map((p) => [p.id, p.title[language]]));
  return (programId, code) => (programId ? byId.get(programId) : undefined) ?? code;
}
