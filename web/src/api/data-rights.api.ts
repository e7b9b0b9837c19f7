import type { consentListSchema, DataExport } from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export type ConsentList = z.infer<typeof consentListSchema>;
export type ConsentRecord = ConsentList['items'][number];

export function exportMyData() {
  return apiRequest<DataExport>('/me/export');
}

export function listConsents() {
  return apiRequest<ConsentList>('/me/consents');
}

export function deleteMyAccount() {
  return apiRequest<void>('/me', { method: 'DELETE' });
}
