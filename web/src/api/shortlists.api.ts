import type {
  Shortlist,
  shortlistBodySchema,
  shortlistItemSchema,
  shortlistListSchema,
  shortlistPatchSchema,
  ShortlistSummary,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import type { BlobFile } from '../lib/save-file';
import { apiRequest, apiResponse } from './client';

export type ShortlistItem = Shortlist['items'][number];
export type ShortlistBody = z.input<typeof shortlistBodySchema>;
export type ShortlistPatch = z.input<typeof shortlistPatchSchema>;

export const shortlistKeys = {
  all: ['shortlists'] as const,
  list: ['shortlists', 'list'] as const,
  one: (id: string) => ['shortlists', 'one', id] as const,
};

const id = encodeURIComponent;

export const listShortlists = () => apiRequest<z.infer<typeof shortlistListSchema>>('/shortlists');
export const getShortlist = (listId: string) => apiRequest<Shortlist>(`/shortlists/${id(listId)}`);
export const createShortlist = (body: ShortlistBody) => apiRequest<ShortlistSummary>('/shortlists', { method: 'POST', body });
export const updateShortlist = (listId: string, body: ShortlistPatch) =>
  apiRequest<ShortlistSummary>(`/shortlists/${id(listId)}`, { method: 'PATCH', body });
export const deleteShortlist = (listId: string) => apiRequest<void>(`/shortlists/${id(listId)}`, { method: 'DELETE' });

/** Adds an expert, or replaces the note of one already on the list. */
export const putShortlistItem = (listId: string, profileId: string, note: string) =>
  apiRequest<z.infer<typeof shortlistItemSchema>>(`/shortlists/${id(listId)}/items/${id(profileId)}`, { method: 'PUT', body: { note } });
export const removeShortlistItem = (listId: string, profileId: string) =>
  apiRequest<void>(`/shortlists/${id(listId)}/items/${id(profileId)}`, { method: 'DELETE' });

/** `attachment; filename="ten-danh-sach.csv"` → the name; the server already made it ASCII. */
function filenameOf(response: Response, fallback: string): string {
  return /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? fallback;
}

/** Behind the bearer token, so not a plain link: fetched through the client, saved as a blob. */
export async function downloadShortlistCsv(listId: string): Promise<BlobFile> {
  const response = await apiResponse(`/shortlists/${id(listId)}/export.csv`);
  return { blob: await response.blob(), filename: filenameOf(response, 'danh-sach.csv') };
}
