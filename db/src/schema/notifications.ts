import { boolean, index, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { users } from './users.js';

/** One in-app notification for one user (the notification centre); e-mail is a scheduled job beside it. */
export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** A path inside the web app ("/consultations/…"), never an absolute URL. */
    link: text('link'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    readAt: timestampTz('read_at'),
    /** Set when a daily digest carried it (digest users get no e-mail per event). */
    digestedAt: timestampTz('digested_at'),
    createdAt: createdAt(),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt), index('notifications_unread_idx').on(t.userId, t.readAt)],
);
export type NotificationRow = typeof notifications.$inferSelect;

/** Per-user choices; a missing row means the defaults (e-mail each event, no digest). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  email: boolean('email').notNull().default(true),
  dailyDigest: boolean('daily_digest').notNull().default(false),
  /** Kinds the user does not want by e-mail (they still appear in the centre). */
  mutedKinds: jsonb('muted_kinds').$type<string[]>().notNull().default([]),
  updatedAt: updatedAt(),
});
