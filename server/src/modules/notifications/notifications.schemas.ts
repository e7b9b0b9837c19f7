import { z } from 'zod';

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  titleEn: z.string(),
  bodyEn: z.string(),
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type NotificationItem = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({ items: z.array(notificationSchema), unread: z.number().int() });
export const notificationListQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const markReadBodySchema = z.strictObject({ ids: z.array(z.uuid()).max(200).optional() });
export const unreadCountSchema = z.object({ unread: z.number().int() });

export const notificationPreferencesSchema = z.strictObject({
  email: z.boolean(),
  dailyDigest: z.boolean(),
  mutedKinds: z.array(z.string().min(1).max(80)).max(50),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;
