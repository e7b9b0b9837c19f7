import type { Communes, ReferenceLists } from '@hpen/server/contracts';
import { getCommunes, getReferenceLists } from '../api/reference.api';
import type { Language } from '../i18n/i18n';
import { foldText } from './fold-text';
import type { Option } from './reference-labels';
import { requestCache, useRequests, type RequestState } from './request-cache';

/** The reference lists (2025 administrative map included): public, loaded once per visit, without the query cache (search shows them). */
const referenceLists = requestCache<null, ReferenceLists>({ load: () => getReferenceLists(), size: 1, staleMs: Infinity });

export function useReferenceLists(): RequestState<ReferenceLists> {
  return useRequests(referenceLists, [null])[0]!;
}

const provinceCommunes = requestCache<string, Communes>({ load: (province) => getCommunes(province), size: 10, staleMs: Infinity });

/** The communes of a province elsewhere in Vietnam (nothing is asked until a province is chosen). */
export function useProvinceCommunes(province: string): RequestState<Communes> {
  return useRequests(provinceCommunes, [province], /^\d{2}$/.test(province))[0]!;
}

export interface PlaceNames {
  province(code: string | null | undefined): string;
  commune(code: string | null | undefined): string;
  communeOptions: Option[];
  provinceOptions: Option[];
  lists: ReferenceLists | undefined;
}

/** Names of provinces and Hải Phòng's communes in the reader's language; the bare code while the lists load. */
export function usePlaceNames(language: Language): PlaceNames {
  const lists = useReferenceLists().data;
  const provinces = new Map((lists?.provinces ?? []).map((p) => [p.code, p]));
  const communes = new Map((lists?.haiphongCommunes ?? []).map((c) => [c.code, c]));
  return {
    lists,
    province: (code) => (code ? (provinces.get(code)?.[language] ?? code) : ''),
    commune: (code) => (code ? (communes.get(code)?.[language] ?? code) : ''),
    communeOptions: (lists?.haiphongCommunes ?? []).map((c) => ({
      value: c.code,
      label: c.formerHaiDuong ? `${c[language]} (${language === 'vi' ? 'trước đây Hải Dương' : 'formerly Hải Dương'})` : c[language],
    })),
    provinceOptions: (lists?.provinces ?? [])
      .map((p) => ({ value: p.code, label: p[language] }))
      .sort((a, b) => a.label.localeCompare(b.label, language)),
  };
}

/** Options whose label matches what was typed, without diacritics ("le chan" finds "Phường Lê Chân"); the chosen one stays. */
export function filterOptions(options: Option[], typed: string, chosen: string): Option[] {
  const q = foldText(typed);
  if (!q) return options;
  return options.filter((o) => o.value === chosen || foldText(o.label).includes(q) || o.value.startsWith(q));
}
