import { type DbOrTx, auditLog } from '@hpen/db';
import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { ListAuditQuery } from './audit.schemas.js';

export type NewAuditEntry = typeof auditLog.$inferInsert;

export function createAuditRepository({ db }: { db: DbOrTx }) {
  return {
    async insert(tx: DbOrTx, entry: NewAuditEntry) {
      await tx.insert(auditLog).values(entry);
    },

    async list(query: ListAuditQuery) {
      const filters: SQL[] = [];
      if (query.actorUserId) filters.push(eq(auditLog.actorUserId, query.actorUserId));
      if (query.action) filters.push(eq(auditLog.action, query.action));
      if (query.targetType) filters.push(eq(auditLog.targetType, query.targetType));
      if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
      const where = filters.length ? and(...filters) : undefined;
      const [rows, totals] = await Promise.all([
        db
          .select()
          .from(auditLog)
          .where(where)
          .orderBy(desc(auditLog.id))
          .limit(query.pageSize)
          .offset((query.page - 1) * query.pageSize),
        db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
