import type { TaxonomyVersionList, TaxonomyVersionPreview, TaxonomyVersionUpload } from '@hpen/server/contracts';
import { apiRequest } from './client';

export const taxonomyVersionsKey = ['admin', 'taxonomy', 'versions'] as const;

/** Every classification version, newest first (admins). */
export function listTaxonomyVersions() {
  return apiRequest<TaxonomyVersionList>('/admin/taxonomy/versions');
}

/** Checks a version and its crosswalk and says what would change; a 400 lists every problem by row and column. */
export function previewTaxonomyVersion(body: TaxonomyVersionUpload) {
  return apiRequest<TaxonomyVersionPreview>('/admin/taxonomy/versions/preview', { method: 'POST', body });
}

/** Applies it in one transaction: it becomes current, mapped profile codes move, the search index follows. */
export function applyTaxonomyVersion(body: TaxonomyVersionUpload) {
  return apiRequest<TaxonomyVersionPreview>('/admin/taxonomy/versions', { method: 'POST', body });
}
