import { type DbOrTx, auditLog, users } from '@hpen/db';
import { and, asc, count, desc, eq, ilike, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { ListAuditQuery } from './audit.schemas.js';

export type NewAuditEntry = typeof auditLog.$inferInsert;

export function createAuditRepository({ db }: { db: DbOrTx }) {
  return {
    async insert(tx: DbOrTx, entry: NewAuditEntry) {
      await tx.insert(auditLog).values(entry);
    },

    /** Entries a person acted in or that are about them: their part of the export. */
    listForSubject(subject: { userId: string; targetIds: string[] }, limit = 5000) {
      return db
        .select()
        .from(auditLog)
        .where(or(eq(auditLog.actorUserId, subject.userId), inArray(auditLog.targetId, subject.targetIds)))
        .orderBy(desc(auditLog.id))
        .limit(limit);
    },

    /**
     * Erasure: keeps who-did-what-when as opaque ids, drops the personal data the entries carry
     * (details about the person, and the IP and browser they acted from).
     */
    async redactForSubject(tx: DbOrTx, subject: { userId: string; targetIds: string[] }) {
      await tx
        .update(auditLog)
        .set({ details: sql`'{"redacted": true}'::jsonb` })
        .where(inArray(auditLog.targetId, subject.targetIds));
      // Their IPs: where they acted, and where they acted before signing in (sign-up, reset), about themselves.
      await tx
        .update(auditLog)
        .set({ ip: null, userAgent: null })
        .where(
          or(eq(auditLog.actorUserId, subject.userId), and(isNull(auditLog.actorUserId), inArray(auditLog.targetId, subject.targetIds))),
        );
    },

    async list(query: ListAuditQuery) {
      const filters: SQL[] = [];
      if (query.actorUserId) filters.push(eq(auditLog.actorUserId, query.actorUserId));
      if (query.actor) {
        const pattern = `%${query.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        filters.push(or(ilike(users.fullName, pattern), ilike(users.email, pattern))!);
      }
      if (query.action) filters.push(eq(auditLog.action, query.action));
      if (query.targetType) filters.push(eq(auditLog.targetType, query.targetType));
      if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
      const where = filters.length ? and(...filters) : undefined;
      // The actor's current name (a deleted account has none): one join, for the rows and the count alike.
      const [rows, totals] = await Promise.all([
        db
          .select({ entry: auditLog, actorName: users.fullName })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorUserId))
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorUserId)).where(where),
      ]);
      return { rows: rows.map((r) => ({ ...r.entry, actorName: r.actorName })), total: totals[0]?.n ?? 0 };
    },

    /** Every action the log holds (an index-backed distinct), for the filter's choices. */
    async listActions() {
      const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
      return rows.map((r) => r.action);
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
