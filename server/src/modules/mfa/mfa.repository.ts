import { type DbOrTx, appSettings, mfaChallenges, mfaRecoveryCodes, userMfa } from '@hpen/db';
import { and, eq, gt, isNull, lt, notLike, or, sql } from 'drizzle-orm';

export type UserMfaRow = typeof userMfa.$inferSelect;

/** TOTP secrets, recovery codes, second-step challenges and the run-time settings table. */
export function createMfaRepository({ db }: { db: DbOrTx }) {
  return {
    async find(userId: string, tx: DbOrTx = db): Promise<UserMfaRow | undefined> {
      const [row] = await tx.select().from(userMfa).where(eq(userMfa.userId, userId));
      return row;
    },

    /** Rows still holding a secret stored before encryption (see secret-box.ts). */
    async findUnsealed(): Promise<UserMfaRow[]> {
      return db
        .select()
        .from(userMfa)
        .where(or(notLike(userMfa.totpSecret, 'v1:%'), notLike(userMfa.pendingSecret, 'v1:%')));
    },

    /** Replaces a row's stored secrets only if they are still the values read (a concurrent set-up wins). */
    async replaceSecrets(
      row: Pick<UserMfaRow, 'userId' | 'totpSecret' | 'pendingSecret'>,
      next: Pick<UserMfaRow, 'totpSecret' | 'pendingSecret'>,
    ) {
      const same = (column: typeof userMfa.totpSecret | typeof userMfa.pendingSecret, value: string | null) =>
        value === null ? isNull(column) : eq(column, value);
      await db
        .update(userMfa)
        .set(next)
        .where(
          and(eq(userMfa.userId, row.userId), same(userMfa.totpSecret, row.totpSecret), same(userMfa.pendingSecret, row.pendingSecret)),
        );
    },

    async savePendingSecret(tx: DbOrTx, userId: string, secret: string) {
      await tx
        .insert(userMfa)
        .values({ userId, pendingSecret: secret })
        .onConflictDoUpdate({ target: userMfa.userId, set: { pendingSecret: secret } });
    },

    async enable(tx: DbOrTx, userId: string, secret: string, timeStep: number, now: Date) {
      await tx
        .update(userMfa)
        .set({ totpSecret: secret, pendingSecret: null, enabledAt: now, lastTimeStep: timeStep })
        .where(eq(userMfa.userId, userId));
    },

    async disable(tx: DbOrTx, userId: string) {
      await tx.delete(userMfa).where(eq(userMfa.userId, userId));
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
    },

    /** Records the time step of an accepted code only if it is newer: two uses of one code cannot both pass. */
    async advanceTimeStep(tx: DbOrTx, userId: string, timeStep: number): Promise<boolean> {
      const rows = await tx
        .update(userMfa)
        .set({ lastTimeStep: timeStep })
        .where(and(eq(userMfa.userId, userId), or(isNull(userMfa.lastTimeStep), lt(userMfa.lastTimeStep, timeStep))))
        .returning({ userId: userMfa.userId });
      return rows.length > 0;
    },

    async replaceRecoveryCodes(tx: DbOrTx, userId: string, codeHashes: string[]) {
      await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, userId));
      await tx.insert(mfaRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash })));
    },

    async useRecoveryCode(tx: DbOrTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
      const rows = await tx
        .update(mfaRecoveryCodes)
        .set({ usedAt: now })
        .where(and(eq(mfaRecoveryCodes.userId, userId), eq(mfaRecoveryCodes.codeHash, codeHash), isNull(mfaRecoveryCodes.usedAt)))
        .returning({ id: mfaRecoveryCodes.id });
      return rows.length > 0;
    },

    async countRecoveryCodesLeft(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(mfaRecoveryCodes)
        .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
      return row?.n ?? 0;
    },

    async insertChallenge(tx: DbOrTx, values: typeof mfaChallenges.$inferInsert) {
      await tx.insert(mfaChallenges).values(values);
    },

    /** Counts one attempt on a live challenge; returns it only while attempts remain. */
    async attemptChallenge(tx: DbOrTx, tokenHash: string, maxAttempts: number, now: Date) {
      const [row] = await tx
        .update(mfaChallenges)
        .set({ attempts: sql`${mfaChallenges.attempts} + 1` })
        .where(
          and(
            eq(mfaChallenges.tokenHash, tokenHash),
            isNull(mfaChallenges.usedAt),
            gt(mfaChallenges.expiresAt, now),
            lt(mfaChallenges.attempts, maxAttempts),
          ),
        )
        .returning();
      return row;
    },

    async useChallenge(tx: DbOrTx, id: string, now: Date): Promise<boolean> {
      const rows = await tx
        .update(mfaChallenges)
        .set({ usedAt: now })
        .where(and(eq(mfaChallenges.id, id), isNull(mfaChallenges.usedAt)))
        .returning({ id: mfaChallenges.id });
      return rows.length > 0;
    },

    async deleteExpiredChallenges(now: Date) {
      await db.delete(mfaChallenges).where(lt(mfaChallenges.expiresAt, now));
    },

    async readSetting(key: string): Promise<unknown> {
      const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, key));
      return row?.value;
    },

    async writeSetting(tx: DbOrTx, key: string, value: unknown, updatedBy: string | null) {
      await tx
        .insert(appSettings)
        .values({ key, value, updatedBy })
        .onConflictDoUpdate({ target: appSettings.key, set: { value, updatedBy } });
    },
  };
}
export type MfaRepository = ReturnType<typeof createMfaRepository>;
