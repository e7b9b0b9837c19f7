import type {
  breachListSchema,
  breachSchema,
  consentStateListSchema,
  dataRequestListSchema,
  dataRequestSchema,
  myNoticeStatusSchema,
  DataRequestAction,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export type ConsentStates = z.infer<typeof consentStateListSchema>;
export type DataRequest = z.infer<typeof dataRequestSchema>;
export type Breach = z.infer<typeof breachSchema>;
export type NoticeStatus = z.infer<typeof myNoticeStatusSchema>;

export const myConsents = () => apiRequest<ConsentStates>('/me/consents');
export const changeConsent = (purpose: string, verb: 'grant' | 'withdraw') =>
  apiRequest<ConsentStates>(`/me/consents/${purpose}/${verb}`, { method: 'POST', body: {} });
export const myDataRequests = () => apiRequest<z.infer<typeof dataRequestListSchema>>('/me/data-requests');
export const fileDataRequest = (body: { type: string; details: string }) =>
  apiRequest<DataRequest>('/me/data-requests', { method: 'POST', body });
export const myNoticeStatus = () => apiRequest<NoticeStatus>('/me/privacy-notice');
export const reviewNotice = () => apiRequest<NoticeStatus>('/me/privacy-notice/review', { method: 'POST' });
export const confirmProfile = () => apiRequest<void>('/me/profile/confirm', { method: 'POST' });

export const requestQueue = (status: 'open' | 'closed' | 'all') =>
  apiRequest<z.infer<typeof dataRequestListSchema>>(`/admin/privacy/requests?status=${status}`);
export const actOnRequest = (id: string, body: DataRequestAction) =>
  apiRequest<DataRequest>(`/admin/privacy/requests/${id}`, { method: 'POST', body });
export const listBreaches = () => apiRequest<z.infer<typeof breachListSchema>>('/admin/privacy/breaches');
export const recordBreach = (body: object) => apiRequest<Breach>('/admin/privacy/breaches', { method: 'POST', body });
export const updateBreach = (id: string, body: object) => apiRequest<Breach>(`/admin/privacy/breaches/${id}`, { method: 'PATCH', body });
