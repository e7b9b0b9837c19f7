import { type DbOrTx, notificationPreferences, notifications, users } from '@hpen/db';
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';

export type NewNotification = typeof notifications.$inferInsert;

export function createNotificationsRepository({ db }: { db: DbOrTx }) {
  return {
    async insertMany(tx: DbOrTx, rows: NewNotification[]) {
      if (rows.length === 0) return [];
      return tx.insert(notifications).values(rows).returning({ id: notifications.id, userId: notifications.userId });
    },

    list(userId: string, limit: number, unreadOnly: boolean) {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(limit);
    },

    async unreadCount(userId: string) {
      const [row] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return row?.n ?? 0;
    },

    /** Marks the given notifications (or all when ids is null) of this user read; returns how many changed. */
    async markRead(tx: DbOrTx, userId: string, ids: string[] | null, now: Date) {
      const rows = await tx
        .update(notifications)
        .set({ readAt: now })
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined))
        .returning({ id: notifications.id });
      return rows.length;
    },

    /** A notification with the address and language of its recipient (for its e-mail). */
    async withRecipient(id: string) {
      const [row] = await db
        .select({ notification: notifications, email: users.email, locale: users.locale, fullName: users.fullName })
        .from(notifications)
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(eq(notifications.id, id));
      return row;
    },

    async preferencesOf(userIds: string[], tx: DbOrTx = db) {
      if (userIds.length === 0) return [];
      return tx.select().from(notificationPreferences).where(inArray(notificationPreferences.userId, userIds));
    },

    async savePreferences(tx: DbOrTx, values: typeof notificationPreferences.$inferInsert) {
      const [row] = await tx
        .insert(notificationPreferences)
        .values(values)
        .onConflictDoUpdate({
          target: notificationPreferences.userId,
          set: { email: values.email, dailyDigest: values.dailyDigest, mutedKinds: values.mutedKinds, updatedAt: new Date() },
        })
        .returning();
      return row!;
    },

    /** Users who chose the digest and have notifications no digest carried yet. */
    async digestRecipients() {
      return db
        .selectDistinct({ userId: notifications.userId, email: users.email, locale: users.locale })
        .from(notifications)
        .innerJoin(notificationPreferences, eq(notificationPreferences.userId, notifications.userId))
        .innerJoin(users, eq(users.id, notifications.userId))
        .where(
          and(isNull(notifications.digestedAt), eq(notificationPreferences.dailyDigest, true), eq(notificationPreferences.email, true)),
        );
    },

    async undigested(userId: string) {
      return db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.digestedAt)))
        .orderBy(notifications.createdAt)
        .limit(200);
    },

    async markDigested(ids: string[], now: Date) {
      if (ids.length) await db.update(notifications).set({ digestedAt: now }).where(inArray(notifications.id, ids));
    },

    /** Per-event e-mail went out: the digest must not repeat it. */
    async markMailed(id: string, now: Date) {
      await db
        .update(notifications)
        .set({ digestedAt: sql`coalesce(${notifications.digestedAt}, ${now.toISOString()}::timestamptz)` })
        .where(eq(notifications.id, id));
    },
  };
}
export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
