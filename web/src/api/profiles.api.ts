import type {
  claimableProfilesSchema,
  ExpertView,
  ImportPreview,
  OwnProfile,
  profileHistorySchema,
  publicationImportCommitBodySchema,
  requestClaimResponseSchema,
  updateProfileBodySchema,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export type ProfileHistory = z.infer<typeof profileHistorySchema>;
export type ProfileVersion = ProfileHistory['items'][number];
export type ClaimableProfiles = z.infer<typeof claimableProfilesSchema>;
export type ProfilePatch = z.input<typeof updateProfileBodySchema>;
export type ImportFormat = 'bibtex' | 'csv';

export const ownProfileKey = ['me', 'profile'] as const;
export const profileHistoryKey = ['me', 'profile', 'history'] as const;
export const claimableKey = ['me', 'profile', 'claimable'] as const;

export function getOwnProfile() {
  return apiRequest<OwnProfile>('/me/profile');
}

export function updateOwnProfile(body: ProfilePatch) {
  return apiRequest<OwnProfile>('/me/profile', { method: 'PATCH', body });
}

export function getProfileHistory() {
  return apiRequest<ProfileHistory>('/me/profile/history');
}

export function getExpert(id: string) {
  return apiRequest<ExpertView>(`/experts/${encodeURIComponent(id)}`);
}

export function previewPublicationImport(body: { format: ImportFormat; content: string }) {
  return apiRequest<ImportPreview>('/me/profile/publications/import/preview', { method: 'POST', body });
}

export function commitPublicationImport(body: z.input<typeof publicationImportCommitBodySchema>) {
  return apiRequest<OwnProfile>('/me/profile/publications/import', { method: 'POST', body });
}

export function listClaimableProfiles() {
  return apiRequest<ClaimableProfiles>('/me/profile/claimable');
}

export function requestProfileClaim(profileId: string) {
  return apiRequest<z.infer<typeof requestClaimResponseSchema>>('/me/profile/claims', { method: 'POST', body: { profileId } });
}

export function confirmProfileClaim(token: string) {
  return apiRequest<OwnProfile>('/me/profile/claim', { method: 'POST', body: { token } });
}
