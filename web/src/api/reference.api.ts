import type { Communes, ReferenceLists, ReferenceSuggestions, Taxonomy } from '@hpen/server/contracts';
import { apiRequest } from './client';

/** The S&T field classification: public, versioned, and changed only by migration. */
export function getTaxonomy() {
  return apiRequest<Taxonomy>('/reference/taxonomy', { auth: false });
}

/** Fields and keywords in use that match what was typed (folded, typo tolerant, with synonyms). */
export function getSuggestions(q: string, lang: 'vi' | 'en') {
  return apiRequest<ReferenceSuggestions>(`/reference/suggest?${new URLSearchParams({ q, lang })}`, { auth: false });
}

/** Sectors, degrees, the 34 provinces and Hải Phòng's 114 communes (2025 map), old districts. */
export function getReferenceLists() {
  return apiRequest<ReferenceLists>('/reference/lists', { auth: false });
}

/** The communes of one province (elsewhere in Vietnam). */
export function getCommunes(province: string) {
  return apiRequest<Communes>(`/reference/provinces/${encodeURIComponent(province)}/communes`, { auth: false });
}
