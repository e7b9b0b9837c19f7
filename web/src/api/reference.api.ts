import type { Taxonomy } from '@hpen/server/contracts';
import { apiRequest } from './client';

export const taxonomyKey = ['reference', 'taxonomy'] as const;

/** The S&T field classification: public, versioned, and changed only by migration. */
export function getTaxonomy() {
  return apiRequest<Taxonomy>('/reference/taxonomy', { auth: false });
}
