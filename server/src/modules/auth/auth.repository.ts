import {
  type ActionTokenPurpose,
  type DbOrTx,
  actionTokens,
  consents,
  refreshTokens,
  sessions,
  signInThrottle,
  userMfa,
  users,
} from '@hpen/db';
import { and, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';

export type SessionRow = typeof sessions.$inferSelect;

/** Sessions, refresh tokens, e-mailed action tokens, sign-in throttling and consent records. */
export function createAuthRepository({ db }: { db: DbOrTx }) {
  return {
    async insertSession(tx: DbOrTx, values: typeof sessions.$inferInsert): Promise<SessionRow> {
      const [row] = await tx.insert(sessions).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** One query per authenticated request: the session and the account state it depends on. */
    async findSessionWithUser(id: string) {
      const [row] = await db
        .select({
          session: sessions,
          user: { id: users.id, role: users.role, status: users.status, organisationId: users.organisationId },
          mfaEnabled: sql<boolean>`${userMfa.totpSecret} is not null`,
        })
        .from(sessions)
        .innerJoin(users, eq(sessions.userId, users.id))
        .leftJoin(userMfa, eq(userMfa.userId, users.id))
        .where(eq(sessions.id, id));
      return row;
    },

    async listActiveSessions(userId: string, now: Date): Promise<SessionRow[]> {
      return db
        .select()
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
        .orderBy(desc(sessions.lastUsedAt));
    },

    async touchSession(tx: DbOrTx, id: string, now: Date) {
      await tx.update(sessions).set({ lastUsedAt: now }).where(eq(sessions.id, id));
    },

    async revokeSession(tx: DbOrTx, id: string, reason: string, now: Date): Promise<boolean> {
      const rows = await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length > 0;
    },

    /** Revokes every live session of a user except `keepSessionId`; returns how many. */
    async revokeUserSessions(tx: DbOrTx, userId: string, reason: string, now: Date, keepSessionId?: string): Promise<number> {
      const conditions = [eq(sessions.userId, userId), isNull(sessions.revokedAt)];
      if (keepSessionId) conditions.push(ne(sessions.id, keepSessionId));
      const rows = await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: reason })
        .where(and(...conditions))
        .returning({ id: sessions.id });
      return rows.length;
    },

    async insertRefreshToken(tx: DbOrTx, values: typeof refreshTokens.$inferInsert) {
      await tx.insert(refreshTokens).values(values);
    },

    async findRefreshToken(tokenHash: string, tx: DbOrTx = db) {
      const [row] = await tx
        .select({ token: refreshTokens, session: sessions })
        .from(refreshTokens)
        .innerJoin(sessions, eq(refreshTokens.sessionId, sessions.id))
        .where(eq(refreshTokens.tokenHash, tokenHash));
      return row;
    },

    /**
     * Marks a refresh token used only if nobody used it before: the conditional update is the
     * race guard, so two concurrent refreshes with one token cannot both succeed.
     */
    async consumeRefreshToken(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
      const rows = await tx
        .update(refreshTokens)
        .set({ usedAt: now })
        .where(and(eq(refreshTokens.id, id), isNull(refreshTokens.usedAt)))
        .returning({ id: refreshTokens.id });
      return rows.length > 0;
    },

    async insertActionToken(tx: DbOrTx, values: typeof actionTokens.$inferInsert) {
      await tx.insert(actionTokens).values(values);
    },

    /** Atomically uses a valid, unexpired token of the purpose; returns whom and what it is for. */
    async consumeActionToken(tx: DbOrTx, tokenHash: string, purpose: ActionTokenPurpose, now: Date) {
      const [row] = await tx
        .update(actionTokens)
        .set({ usedAt: now })
        .where(
          and(
            eq(actionTokens.tokenHash, tokenHash),
            eq(actionTokens.purpose, purpose),
            isNull(actionTokens.usedAt),
            gt(actionTokens.expiresAt, now),
          ),
        )
        .returning({ userId: actionTokens.userId, subjectId: actionTokens.subjectId });
      return row;
    },

    /** How many links of a purpose were made since `since` (used or not), for one user and/or subject. */
    async countActionTokensSince(purpose: ActionTokenPurpose, since: Date, by: { userId?: string; subjectId?: string }): Promise<number> {
      const conditions = [eq(actionTokens.purpose, purpose), gt(actionTokens.createdAt, since)];
      if (by.userId) conditions.push(eq(actionTokens.userId, by.userId));
      if (by.subjectId) conditions.push(eq(actionTokens.subjectId, by.subjectId));
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(actionTokens)
        .where(and(...conditions));
      return row?.n ?? 0;
    },

    /** Older links of the same purpose stop working when a new one is sent or one is used. */
    async invalidateActionTokens(tx: DbOrTx, userId: string, purpose: ActionTokenPurpose, now: Date) {
      await tx
        .update(actionTokens)
        .set({ usedAt: now })
        .where(and(eq(actionTokens.userId, userId), eq(actionTokens.purpose, purpose), isNull(actionTokens.usedAt)));
    },

    listConsents(userId: string) {
      return db.select().from(consents).where(eq(consents.userId, userId)).orderBy(desc(consents.createdAt));
    },

    async insertConsent(tx: DbOrTx, values: typeof consents.$inferInsert) {
      await tx.insert(consents).values(values);
    },

    async findThrottle(keys: string[]) {
      if (keys.length === 0) return [];
      return db.select().from(signInThrottle).where(inArray(signInThrottle.key, keys));
    },

    /**
     * Counts one failure for the key in a fixed window; from `max` failures on, each one sets a wait
     * of `baseMs` doubled per further failure, at most `capMs`. One statement, so concurrent failures all count.
     */
    async recordFailure(throttle: { key: string; max: number; baseMs: number; capMs: number }, now: Date, windowMs: number) {
      const { key, max } = throttle;
      // Dates go in as ISO text with explicit casts: both drivers then agree on the type.
      const nowSql = sql`${now.toISOString()}::timestamptz`;
      const windowStart = sql`${new Date(now.getTime() - windowMs).toISOString()}::timestamptz`;
      const failures = sql`(case when ${signInThrottle.windowStartedAt} < ${windowStart} then 1 else ${signInThrottle.failures} + 1 end)`;
      const waitSeconds = sql`least(${throttle.capMs / 1000}::float8, ${throttle.baseMs / 1000}::float8 * power(2, greatest(0, ${failures} - ${max})))`;
      await db
        .insert(signInThrottle)
        .values({ key, failures: 1, windowStartedAt: now, blockedUntil: max <= 1 ? new Date(now.getTime() + throttle.baseMs) : null })
        .onConflictDoUpdate({
          target: signInThrottle.key,
          set: {
            failures,
            windowStartedAt: sql`case when ${signInThrottle.windowStartedAt} < ${windowStart} then ${nowSql} else ${signInThrottle.windowStartedAt} end`,
            blockedUntil: sql`case when ${failures} >= ${max} then ${nowSql} + ${waitSeconds} * interval '1 second' else null end`,
          },
        });
    },

    async clearThrottle(key: string) {
      await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
    },
  };
}
export type AuthRepository = ReturnType<typeof createAuthRepository>;
