import type {
  CommitmentExit,
  Database,
  DbOrTx,
  ProgramApplicationRow,
  ProgramCommitmentRow,
  ProgramRow,
  ProgramVersionRow,
  ScheduledJobRow,
} from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { contentOf } from '../programs/program-presenter.js';
import type { Scheduler } from '../scheduler/scheduler.service.js';
import { offersErrors } from './offers.errors.js';
import type { OffersRepository } from './offers.repository.js';
import type { CommitmentView } from './offers.schemas.js';

export const COMMITMENT_REMINDER_JOB = 'commitment.reminder';
/** Days before each yearly due date that the employer is reminded; a confirmation is accepted from then on. */
export const REMIND_DAYS_BEFORE = 30;
const DAY = 86_400_000;
export const commitmentLink = (id: string) => `/commitments/${id}`;

interface Deps {
  db: Database;
  offersRepository: OffersRepository;
  profilesRepository: ProfilesRepository;
  auditService: AuditService;
  notificationsService: NotificationsService;
  scheduler: Scheduler;
  clock: () => Date;
}

type Listed = Awaited<ReturnType<OffersRepository['listCommitments']>>[number];

/** The due date of year `k` of a commitment starting on `start` (ISO dates). */
export function dueDateOf(start: string, k: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y + k, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/**
 * Service commitments after an approval (Resolution 53/2025: 5 years): created with the years of
 * the program version the application was assessed against, confirmed once a year by the employer
 * (its agency users) or the program's officers, ended early with the consequence the version
 * states (an amount only when the source gives one, otherwise "to confirm").
 */
export function createCommitmentsService(deps: Deps) {
  const { db, offersRepository: repo, clock } = deps;

  const role = (ctx: RequestContext, r: Listed) => {
    const a = ctx.actor;
    if (!a) return { owner: false, employer: false, officer: false };
    return {
      owner: r.expertUserId === a.userId,
      employer: (a.role === 'agency' || a.role === 'officer') && !!a.organisationId && a.organisationId === r.c.employerOrganisationId,
      officer: a.role === 'admin' || (a.role === 'officer' && !!a.organisationId && a.organisationId === r.programOrganisationId),
    };
  };

  function present(ctx: RequestContext, r: Listed): CommitmentView {
    const c = r.c;
    const who = role(ctx, r);
    const nextYear = c.confirmations.length + 1;
    const next = c.status === 'active' && nextYear <= c.years ? { year: nextYear, dueDate: dueDateOf(c.startDate, nextYear) } : null;
    const can: string[] = [];
    if (c.status === 'active' && (who.employer || who.officer)) {
      if (next && confirmable(next.dueDate)) can.push('confirm');
      can.push('exit');
    }
    if (who.officer) can.push('edit');
    return {
      id: c.id,
      applicationId: c.applicationId,
      programId: c.programId,
      programCode: r.programCode,
      profileId: c.profileId,
      expertName: r.expertName,
      employerOrganisationId: c.employerOrganisationId,
      employer: c.employer,
      field: c.field,
      startDate: c.startDate,
      years: c.years,
      status: c.status,
      confirmations: c.confirmations.map((x) => ({ year: x.year, at: x.at, note: x.note })),
      next,
      exit: c.exit ? { date: c.exit.date, reason: c.exit.reason, consequence: c.exit.consequence, at: c.exit.at } : null,
      version: c.version,
      can,
    };
  }

  const confirmable = (dueDate: string) => new Date(`${dueDate}T00:00:00Z`).getTime() - REMIND_DAYS_BEFORE * DAY <= clock().getTime();

  async function loadOne(ctx: RequestContext, id: string) {
    const [r] = await repo.listCommitments({ ids: [id] });
    if (!r || !ctx.actor) throw offersErrors.commitmentNotFound();
    const who = role(ctx, r);
    if (!who.owner && !who.employer && !who.officer) throw offersErrors.commitmentNotFound();
    return { r, who };
  }

  const get = async (ctx: RequestContext, id: string) => present(ctx, (await loadOne(ctx, id)).r);

  async function schedule(tx: DbOrTx, c: ProgramCommitmentRow) {
    const now = clock().getTime();
    for (let k = c.confirmations.length + 1; k <= c.years; k++) {
      const due = new Date(`${dueDateOf(c.startDate, k)}T00:00:00Z`).getTime();
      await deps.scheduler.schedule(tx, {
        kind: COMMITMENT_REMINDER_JOB,
        key: `${c.id}:year-${k}:${c.startDate}`,
        dueAt: new Date(Math.max(now, due - REMIND_DAYS_BEFORE * DAY)),
        payload: { commitmentId: c.id, year: k },
      });
    }
  }

  async function audit(tx: DbOrTx, ctx: RequestContext, action: string, id: string, details: Record<string, unknown>) {
    await deps.auditService.record(tx, ctx, { action: `commitment.${action}`, targetType: 'program_commitment', targetId: id, details });
  }

  return {
    /**
     * Called inside the approval's transaction: a version with a service commitment starts one
     * (from the decision date), employed by the program's agency until an officer names the employer.
     */
    async onApproved(
      tx: DbOrTx,
      ctx: RequestContext,
      x: { application: ProgramApplicationRow; program: ProgramRow; version: ProgramVersionRow; decisionDate: string },
    ) {
      const sc = contentOf(x.version).serviceCommitment;
      if (!sc || sc.years <= 0) return null;
      const org = x.program.organisationId ? await repo.organisation(x.program.organisationId, tx) : undefined;
      const snapshot = x.application.snapshot as { fields?: Array<{ code: string; primary?: boolean }> };
      const field = snapshot.fields?.find((f) => f.primary)?.code ?? snapshot.fields?.[0]?.code ?? '';
      const row = await repo.insertCommitment(tx, {
        applicationId: x.application.id,
        programId: x.program.id,
        profileId: x.application.profileId,
        employerOrganisationId: x.program.organisationId,
        employer: org?.nameVi ?? '',
        field,
        startDate: x.decisionDate,
        years: sc.years,
      });
      if (!row) return null;
      await schedule(tx, row);
      await audit(tx, ctx, 'created', row.id, { applicationId: x.application.id, years: sc.years, startDate: row.startDate });
      return row;
    },

    async list(ctx: RequestContext, q: { status?: string | undefined; scope?: 'mine' | 'manage' | undefined }) {
      const a = ctx.actor;
      if (!a) throw offersErrors.forbidden();
      const manage = q.scope === 'manage' || (q.scope === undefined && a.role !== 'expert');
      if (!manage) {
        const profile = await deps.profilesRepository.findByUserId(a.userId);
        if (!profile) return { items: [] };
        const rows = await repo.listCommitments({ profileId: profile.id, ...(q.status ? { status: q.status } : {}) });
        return { items: rows.map((r) => present(ctx, r)) };
      }
      if (!['agency', 'officer', 'admin'].includes(a.role))
        throw offersErrors.commitmentForbidden('Staff of the employer or the program only');
      const rows = await repo.listCommitments(q.status ? { status: q.status } : {});
      return {
        items: rows
          .filter((r) => {
            const w = role(ctx, r);
            return w.employer || w.officer;
          })
          .map((r) => present(ctx, r)),
      };
    },

    get,

    /** Officers of the program name the employer (its agency users then confirm) or correct the start. */
    async update(
      ctx: RequestContext,
      id: string,
      body: {
        employerOrganisationId?: string | null | undefined;
        employer?: string | undefined;
        field?: string | undefined;
        startDate?: string | undefined;
        version: number;
      },
    ) {
      const { who } = await loadOne(ctx, id);
      if (!who.officer) throw offersErrors.commitmentForbidden('Only the program’s officers may change this');
      if (body.employerOrganisationId && !(await repo.organisation(body.employerOrganisationId))) throw offersErrors.badOrganisation();
      await db.transaction(async (tx) => {
        const c = (await repo.findCommitment(id, tx, true))!;
        if (c.version !== body.version) throw offersErrors.commitmentStale();
        if (c.status !== 'active') throw offersErrors.commitmentState(c.status);
        const { version: _v, ...values } = body;
        const row = await repo.updateCommitment(tx, id, values);
        if (body.startDate && body.startDate !== c.startDate) {
          await deps.scheduler.cancel(tx, COMMITMENT_REMINDER_JOB, `${id}:`);
          await schedule(tx, row);
        }
        await audit(tx, ctx, 'updated', id, { changed: Object.keys(values) });
      });
      return get(ctx, id);
    },

    /** The employer's yearly confirmation, kept as a record; the last one completes the commitment. */
    async confirm(ctx: RequestContext, id: string, body: { year: number; note: string }) {
      const { who } = await loadOne(ctx, id);
      if (!who.employer && !who.officer) throw offersErrors.commitmentForbidden();
      await db.transaction(async (tx) => {
        const c = (await repo.findCommitment(id, tx, true))!;
        if (c.status !== 'active') throw offersErrors.commitmentState(c.status);
        const expected = c.confirmations.length + 1;
        if (body.year !== expected || expected > c.years) throw offersErrors.badYear(expected);
        if (!confirmable(dueDateOf(c.startDate, expected))) throw offersErrors.badYear(expected);
        const confirmations = [...c.confirmations, { year: body.year, by: ctx.actor!.userId, at: clock().toISOString(), note: body.note }];
        const status = expected === c.years ? ('completed' as const) : ('active' as const);
        await repo.updateCommitment(tx, id, { confirmations, status });
        await audit(tx, ctx, 'confirmed', id, { year: body.year, status });
      });
      return get(ctx, id);
    },

    /** Early exit: the consequence comes from the program version the application was assessed against. */
    async exit(ctx: RequestContext, id: string, body: { date: string; reason: string }) {
      const { r, who } = await loadOne(ctx, id);
      if (!who.employer && !who.officer) throw offersErrors.commitmentForbidden();
      await db.transaction(async (tx) => {
        const c = (await repo.findCommitment(id, tx, true))!;
        if (c.status !== 'active') throw offersErrors.commitmentState(c.status);
        const app = await deps.offersRepository.applicationVersion(c.applicationId, tx);
        const sc = app ? contentOf(app).serviceCommitment : null;
        const exit: CommitmentExit = {
          date: body.date,
          reason: body.reason,
          consequence: {
            text: sc?.conditions.vi ?? '',
            textEn: sc?.conditions.en ?? '',
            // The program content holds no refund amount yet: the sources do not give one ("to confirm").
            amountVnd: null,
            toConfirm: true,
            sourceUrl: sc?.source?.link ?? null,
          },
          by: ctx.actor!.userId,
          at: clock().toISOString(),
        };
        await repo.updateCommitment(tx, id, { status: 'ended_early', exit });
        await deps.scheduler.cancel(tx, COMMITMENT_REMINDER_JOB, `${id}:`);
        await audit(tx, ctx, 'ended_early', id, { date: body.date });
        if (r.expertUserId)
          await deps.notificationsService.notify(tx, [r.expertUserId], {
            kind: 'commitment.ended_early',
            title: { vi: 'Cam kết công tác kết thúc trước hạn', en: 'Service commitment ended early' },
            body: { vi: `${r.programCode}: ${body.reason}`, en: `${r.programCode}: ${body.reason}` },
            link: commitmentLink(id),
            data: { commitmentId: id },
          });
      });
      return get(ctx, id);
    },

    /** The reminder job: the employer's agency users and the program's officers, while the year is unconfirmed. */
    async remind(commitmentId: string, year: number) {
      const [r] = await repo.listCommitments({ ids: [commitmentId] });
      if (!r || r.c.status !== 'active' || r.c.confirmations.length >= year) return 0;
      const to = [
        ...(await repo.staffUserIds(r.c.employerOrganisationId, ['agency', 'officer'])),
        ...(await repo.staffUserIds(r.programOrganisationId, ['officer'])),
      ];
      if (to.length === 0) return 0;
      const due = dueDateOf(r.c.startDate, year);
      return db.transaction((tx) =>
        deps.notificationsService.notify(tx, to, {
          kind: 'commitment.reminder',
          title: { vi: `Xác nhận năm ${year} cam kết công tác: ${r.expertName}`, en: `Confirm year ${year} of ${r.expertName}'s service` },
          body: { vi: `${r.programCode}: hạn xác nhận ${due}.`, en: `${r.programCode}: due on ${due}.` },
          link: commitmentLink(commitmentId),
          data: { commitmentId, year },
        }),
      );
    },
  };
}
export type CommitmentsService = ReturnType<typeof createCommitmentsService>;

export function registerCommitmentReminderJob(scheduler: Scheduler, service: CommitmentsService) {
  scheduler.register(COMMITMENT_REMINDER_JOB, async (job: ScheduledJobRow) => {
    const { commitmentId, year } = job.payload as { commitmentId: string; year: number };
    await service.remind(commitmentId, year);
  });
}
