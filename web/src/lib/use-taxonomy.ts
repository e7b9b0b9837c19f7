import type { Taxonomy, TaxonomyField } from '@hpen/server/contracts';
import { getTaxonomy } from '../api/reference.api';
import type { Language } from '../i18n/i18n';
import { requestCache, useRequests, type RequestState } from './request-cache';

/** Loaded once per visit (the search page shows it, so it does not go through the query cache). */
const taxonomy = requestCache<null, Taxonomy>({ load: () => getTaxonomy(), size: 1, staleMs: Infinity });

export function useTaxonomy(): RequestState<Taxonomy> {
  return useRequests(taxonomy, [null])[0]!;
}

/** After a new taxonomy version is applied: the pages showing fields load it again. */
export const reloadTaxonomy = () => taxonomy.invalidate();

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
