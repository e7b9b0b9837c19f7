import type {
  AdminUser,
  auditActionListSchema,
  adminUserPageSchema,
  auditPageSchema,
  InviteStaffBody,
  ListAuditQuery,
  ListUsersQuery,
  UpdateUserBody,
} from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export type AdminUserPage = z.infer<typeof adminUserPageSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;

export function listUsers(query: Partial<ListUsersQuery>) {
  return apiRequest<AdminUserPage>('/admin/users', { query });
}

export function inviteStaff(body: InviteStaffBody) {
  return apiRequest<AdminUser>('/admin/users/invitations', { method: 'POST', body });
}

export function updateUser(id: string, body: UpdateUserBody) {
  return apiRequest<AdminUser>(`/admin/users/${encodeURIComponent(id)}`, { method: 'PATCH', body });
}

export function listAudit(query: Partial<ListAuditQuery>) {
  return apiRequest<AuditPage>('/admin/audit', { query });
}

export function listAuditActions() {
  return apiRequest<z.infer<typeof auditActionListSchema>>('/admin/audit/actions');
}
