import type { notificationListSchema, unreadCountSchema } from '@hpen/server/contracts';
import type { z } from 'zod';
import { apiRequest } from './client';

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: ['notifications', 'list'] as const,
};
export const unreadCount = () => apiRequest<z.infer<typeof unreadCountSchema>>('/me/notifications/unread-count');
export const listNotifications = () => apiRequest<z.infer<typeof notificationListSchema>>('/me/notifications');
export const markAllRead = () => apiRequest<z.infer<typeof unreadCountSchema>>('/me/notifications/read', { method: 'POST', body: {} });
