import type { consentStateListSchema, DataExport } from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export type ConsentList = z.infer<typeof consentStateListSchema>;
export type ConsentState = ConsentList['items'][number];
export type ConsentRecord = ConsentState['history'][number];

export function exportMyData() {
  return apiRequest<DataExport>('/me/export');
}

export function listConsents() {
  return apiRequest<ConsentList>('/me/consents');
}

export function deleteMyAccount() {
  return apiRequest<void>('/me', { method: 'DELETE' });
}
