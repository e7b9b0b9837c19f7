import type { TaxonomyField } from '@hpen/server/contracts';
import { useQuery } from '@tanstack/react-query';
import { getTaxonomy, taxonomyKey } from '../api/reference.api';
import type { Language } from '../i18n/i18n';

export function useTaxonomy() {
  return useQuery({ queryKey: taxonomyKey, queryFn: getTaxonomy, staleTime: Infinity, gcTime: Infinity });
}

export function fieldName(field: TaxonomyField, language: Language): string {
  return language === 'en' ? field.nameEn : field.nameVi;
}

/** A field's name in the reader's language; the bare code while the taxonomy loads or if it is unknown. */
export function useFieldNames(language: Language): (code: string) => string {
  const taxonomy = useTaxonomy();
  const byCode = new Map((taxonomy.data?.fields ?? []).map((f) => [f.code, f]));
  return (code) => {
    const field = byCode.get(code);
    return field ? fieldName(field, language) : code;
  };
}
