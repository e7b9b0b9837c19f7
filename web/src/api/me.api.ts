import type { changePasswordBodySchema, Me, sessionListSchema, updateMeBodySchema } from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export type UserSession = z.infer<typeof sessionListSchema>['items'][number];

export function getMe() {
  return apiRequest<Me>('/me');
}

export function updateMe(body: z.infer<typeof updateMeBodySchema>) {
  return apiRequest<Me>('/me', { method: 'PATCH', body });
}

export function changePassword(body: z.infer<typeof changePasswordBodySchema>) {
  return apiRequest<void>('/me/password', { method: 'POST', body });
}

export function listSessions() {
  return apiRequest<z.infer<typeof sessionListSchema>>('/me/sessions');
}

export function revokeOtherSessions() {
  return apiRequest<void>('/me/sessions/revoke-others', { method: 'POST' });
}
