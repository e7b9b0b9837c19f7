import type { ConsultationRow, Database, DbOrTx } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { Notice, NotificationsService } from '../notifications/notifications.service.js';
import { ensureCanSee, type Viewer, viewerOf } from './consultations.access.js';
import { consultationsErrors } from './consultations.errors.js';
import type { ConsultationsRepository, NewConsultation } from './consultations.repository.js';
import { type ConsultationEvent, nextStatus } from './consultations.state.js';

export interface CoreDeps {
  db: Database;
  consultationsRepository: ConsultationsRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  clock: () => Date;
}

/** What every consultation service shares: loading a case for a viewer, and audited transitions. */
export function createConsultationCore(deps: CoreDeps) {
  const { consultationsRepository: repo, auditService } = deps;

  async function load(ctx: RequestContext, id: string, tx: DbOrTx = deps.db, lock = false): Promise<{ c: ConsultationRow; v: Viewer }> {
    const c = await repo.find(id, tx, lock);
    if (!c) throw consultationsErrors.notFound();
    const member = ctx.actor ? await repo.memberOfUser(id, ctx.actor.userId, tx) : undefined;
    const v = viewerOf(ctx, c, member);
    ensureCanSee(v);
    return { c, v };
  }

  /** Moves the case along one edge (or keeps it, for a self-edge), with a timeline row and an audit entry. */
  async function transition(
    tx: DbOrTx,
    ctx: RequestContext,
    c: ConsultationRow,
    event: ConsultationEvent,
    values: Partial<NewConsultation> = {},
    note = '',
  ): Promise<ConsultationRow> {
    const to = nextStatus(c.status, event);
    const row = await repo.update(tx, c.id, { ...values, status: to });
    if (to !== c.status)
      await repo.insertEvent(tx, {
        consultationId: c.id,
        fromStatus: c.status,
        toStatus: to,
        actorUserId: ctx.actor?.userId ?? null,
        note,
      });
    await auditService.record(tx, ctx, {
      action: `consultation.${event}`,
      targetType: 'consultation',
      targetId: c.id,
      details: { from: c.status, to, ...(note ? { note } : {}) },
    });
    return row;
  }

  /** Notifies the staff of the given organisations (requester, organiser) in the caller's transaction. */
  async function notifyStaff(tx: DbOrTx, organisationIds: string[], notice: Notice) {
    const ids = await repo.staffUserIds([...new Set(organisationIds)], tx);
    await deps.notificationsService.notify(tx, ids, notice);
  }

  const staffOnly = (v: Viewer, as: 'organiser' | 'requester') => {
    if (!v[as])
      throw consultationsErrors.forbidden(as === 'organiser' ? 'Only the organiser may do this' : 'Only the requesting agency may do this');
  };

  return { load, transition, notifyStaff, staffOnly, repo, deps };
}
export type ConsultationCore = ReturnType<typeof createConsultationCore>;

export const link = (id: string) => `/consultations/${id}`;
