import type { DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditRepository } from './audit.repository.js';
import type { AuditEntry, ListAuditQuery } from './audit.schemas.js';

export interface AuditEvent {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Never put secrets, passwords or tokens here: the log is readable by admins. */
  details?: Record<string, unknown>;
  /** Overrides the context's actor, e.g. the user who just signed in. */
  actorUserId?: string | null;
  actorRole?: string | null;
}

export function createAuditService({ auditRepository }: { auditRepository: AuditRepository }) {
  return {
    /** Writes in the caller's transaction so the record and the change commit together. */
    async record(tx: DbOrTx, ctx: RequestContext, event: AuditEvent) {
      await auditRepository.insert(tx, {
        actorUserId: event.actorUserId !== undefined ? event.actorUserId : (ctx.actor?.userId ?? null),
        actorRole: event.actorRole !== undefined ? event.actorRole : (ctx.actor?.role ?? null),
        action: event.action,
        targetType: event.targetType,
        targetId: event.targetId ?? null,
        ip: ctx.ip,
        userAgent: ctx.userAgent,
        requestId: ctx.requestId,
        details: event.details ?? {},
      });
    },

    listForSubject: auditRepository.listForSubject,
    listActions: auditRepository.listActions,
    redactForSubject: auditRepository.redactForSubject,

    async list(query: ListAuditQuery): Promise<{ items: AuditEntry[]; total: number }> {
      const { rows, total } = await auditRepository.list(query);
      return {
        total,
        items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
