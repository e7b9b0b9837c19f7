import type { Database } from '@hpen/db';
import type { AnnualReportRow } from '@hpen/db';
import { unauthenticated } from '../../app/errors.js';
import type { RequestContext } from '../../app/request-context.js';
import type { AuditService } from '../audit/audit.service.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import { nextAnnualStatus } from './annual-reports.state.js';
import { PLAN_09 } from './plan-09.js';
import type { AnnualQuery, ReportProvider } from './report-providers.js';
import { reportsErrors } from './reports.errors.js';
import type { ReportsRepository } from './reports.repository.js';
import type { AnnualReport, SaveAnnualBody } from './reports.schemas.js';

interface Deps {
  db: Database;
  reportsRepository: ReportsRepository;
  providers: ReportProvider[];
  auditService: AuditService;
  notificationsService: NotificationsService;
  clock: () => Date;
}

const isReviewer = (ctx: RequestContext) => ctx.actor?.role === 'officer' || ctx.actor?.role === 'admin';
const emptyTexts = { results: '', difficulties: '', proposals: '' };
/** A year in Hải Phòng time (UTC+7). */
const yearRange = (year: number) => ({
  from: new Date(Date.parse(`${year}-01-01T00:00:00+07:00`)),
  to: new Date(Date.parse(`${year}-12-31T23:59:59.999+07:00`)),
});

/** The organisation whose own report the actor writes: any staff member of an organisation. */
function ownOrganisation(ctx: RequestContext): string {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role === 'expert') throw reportsErrors.forbidden('Only the staff of an agency write its yearly report');
  if (!actor.organisationId) throw reportsErrors.noOrganisation();
  return actor.organisationId;
}

export function createAnnualReportsService({ db, reportsRepository: repo, providers, auditService, notificationsService, clock }: Deps) {
  /** Each section of the plan with its figures: from the domain's provider, or "not yet available". */
  async function sections(q: AnnualQuery) {
    const values: Record<string, number | null> = {};
    const available = new Set<string>(['reports']);
    for (const p of providers) {
      Object.assign(values, await p.annual(q));
      available.add(p.domain);
    }
    const submissions = (await repo.listAnnual(q.year)).filter((r) => !q.organisationId || r.report.organisationId === q.organisationId);
    values['reports.submitted'] = submissions.filter((r) => r.report.status !== 'draft').length;
    values['reports.accepted'] = submissions.filter((r) => r.report.status === 'accepted').length;
    return PLAN_09.sections.map((s) => ({
      code: s.code,
      titleVi: s.titleVi,
      titleEn: s.titleEn,
      tasks: s.tasks,
      figures: s.figures.map((f) => ({
        task: s.code,
        code: f.code,
        labelVi: f.labelVi,
        labelEn: f.labelEn,
        domain: f.domain,
        available: available.has(f.domain),
        value: available.has(f.domain) ? (values[f.code] ?? null) : null,
      })),
    }));
  }

  async function breakdowns(q: AnnualQuery) {
    const out: AnnualReport['breakdowns'] = [];
    for (const p of providers)
      for (const b of (await p.breakdowns?.(q)) ?? [])
        out.push({ domain: p.domain, code: b.code, titleVi: b.titleVi, titleEn: b.titleEn, rows: b.cells });
    return out;
  }

  const view = (row: AnnualReportRow | undefined) => ({
    id: row?.id ?? null,
    status: row?.status ?? null,
    version: row?.version ?? null,
    documentNumber: row?.documentNumber ?? '',
    signerName: row?.signerName ?? '',
    signerTitle: row?.signerTitle ?? '',
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    decidedAt: row?.decidedAt?.toISOString() ?? null,
    returnReason: row?.returnReason ?? null,
    texts: row?.texts ?? emptyTexts,
  });

  async function agencyReport(organisationId: string, year: number): Promise<AnnualReport> {
    const org = await repo.organisation(organisationId);
    if (!org) throw reportsErrors.notFound();
    const row = await repo.findAnnual(organisationId, year);
    const association = org.kind === 'association' || org.kind === 'union';
    return {
      ...view(row),
      year,
      scope: 'agency',
      organisation: { id: org.id, code: org.code, name: org.nameVi },
      sections: await sections({ year, ...yearRange(year), organisationId, association }),
      breakdowns: await breakdowns({ year, ...yearRange(year), organisationId, association }),
      submissions: [],
    };
  }

  /** City-wide: the platform's figures for the whole city and the agencies' accepted texts, each under its name. */
  async function cityReport(year: number): Promise<AnnualReport> {
    const list = await repo.listAnnual(year);
    const accepted = list.filter((r) => r.report.status === 'accepted');
    const join = (key: keyof AnnualReportRow['texts']) =>
      accepted
        .filter((r) => r.report.texts[key])
        .map((r) => `${r.organisationName}:\n${r.report.texts[key]}`)
        .join('\n\n');
    return {
      ...view(undefined),
      year,
      scope: 'city',
      organisation: null,
      texts: { results: join('results'), difficulties: join('difficulties'), proposals: join('proposals') },
      sections: await sections({ year, ...yearRange(year), organisationId: null, association: false }),
      breakdowns: await breakdowns({ year, ...yearRange(year), organisationId: null, association: false }),
      submissions: list.map((r) => ({
        id: r.report.id,
        organisationId: r.report.organisationId,
        organisationCode: r.organisationCode,
        organisationName: r.organisationName,
        status: r.report.status,
      })),
    };
  }

  async function decide(ctx: RequestContext, id: string, event: 'accept' | 'return', reason: string | null) {
    if (!ctx.actor) throw unauthenticated();
    if (!isReviewer(ctx)) throw reportsErrors.forbidden('Only the Department of Science and Technology accepts yearly reports');
    return db.transaction(async (tx) => {
      const row = await repo.findAnnualById(id, tx, true);
      if (!row) throw reportsErrors.notFound();
      const to = nextAnnualStatus(row.status, event);
      const updated = await repo.updateAnnual(tx, id, {
        status: to,
        decidedAt: clock(),
        decidedBy: ctx.actor!.userId,
        returnReason: reason,
      });
      await auditService.record(tx, ctx, {
        action: `annual_report.${event}`,
        targetType: 'annual_report',
        targetId: id,
        details: { from: row.status, to, year: row.year, ...(reason ? { reason } : {}) },
      });
      const accepted = event === 'accept';
      await notificationsService.notify(tx, await repo.staffUserIds(row.organisationId, tx), {
        kind: `annual_report.${event}`,
        title: {
          vi: accepted ? `Báo cáo năm ${row.year} đã được tiếp nhận` : `Báo cáo năm ${row.year} được trả lại để bổ sung`,
          en: accepted ? `Your ${row.year} report was accepted` : `Your ${row.year} report was returned`,
        },
        body: {
          vi: reason ?? 'Sở Khoa học và Công nghệ đã tiếp nhận báo cáo.',
          en: reason ?? 'The Department of S&T accepted the report.',
        },
        link: `/reports/annual/${row.year}`,
      });
      return { id: updated.id, status: updated.status, version: updated.version };
    });
  }

  return {
    /** Agency staff: their own report. Officers, admins: any agency's, or the city-wide one. */
    async get(ctx: RequestContext, year: number, organisationId?: string): Promise<AnnualReport> {
      if (!ctx.actor) throw unauthenticated();
      if (isReviewer(ctx)) return organisationId ? agencyReport(organisationId, year) : cityReport(year);
      const own = ownOrganisation(ctx);
      if (organisationId && organisationId !== own) throw reportsErrors.forbidden('You may read only your own organisation’s report');
      return agencyReport(own, year);
    },

    async save(ctx: RequestContext, year: number, body: SaveAnnualBody) {
      const organisationId = ownOrganisation(ctx);
      return db.transaction(async (tx) => {
        const row = await repo.findAnnual(organisationId, year, tx, true);
        const values = {
          texts: body.texts,
          documentNumber: body.documentNumber,
          signerName: body.signerName,
          signerTitle: body.signerTitle,
        };
        let saved: AnnualReportRow;
        if (!row) saved = await repo.insertAnnual(tx, { organisationId, year, status: 'draft', ...values });
        else {
          nextAnnualStatus(row.status, 'edit');
          if (body.version !== undefined && body.version !== row.version) throw reportsErrors.staleVersion();
          saved = await repo.updateAnnual(tx, row.id, values);
        }
        await auditService.record(tx, ctx, {
          action: row ? 'annual_report.edit' : 'annual_report.create',
          targetType: 'annual_report',
          targetId: saved.id,
          details: { year, version: saved.version },
        });
        return { id: saved.id, status: saved.status, version: saved.version };
      });
    },

    async submit(ctx: RequestContext, year: number) {
      const organisationId = ownOrganisation(ctx);
      const org = await repo.organisation(organisationId);
      return db.transaction(async (tx) => {
        const row = await repo.findAnnual(organisationId, year, tx, true);
        if (!row) throw reportsErrors.notFound();
        const to = nextAnnualStatus(row.status, 'submit');
        const updated = await repo.updateAnnual(tx, row.id, {
          status: to,
          submittedAt: clock(),
          submittedBy: ctx.actor!.userId,
          returnReason: null,
        });
        await auditService.record(tx, ctx, {
          action: 'annual_report.submit',
          targetType: 'annual_report',
          targetId: row.id,
          details: { from: row.status, to, year },
        });
        await notificationsService.notify(tx, await repo.reviewerUserIds(tx), {
          kind: 'annual_report.submitted',
          title: { vi: `Báo cáo năm ${year}: ${org?.nameVi ?? ''}`, en: `${year} report: ${org?.nameEn ?? ''}` },
          body: {
            vi: 'Một cơ quan đã gửi báo cáo thực hiện Kế hoạch 09/KH-UBND.',
            en: 'An agency submitted its yearly report on Plan 09.',
          },
          link: `/reports/annual/${year}?organisationId=${organisationId}`,
        });
        return { id: updated.id, status: updated.status, version: updated.version };
      });
    },

    accept: (ctx: RequestContext, id: string) => decide(ctx, id, 'accept', null),
    returnToDraft: (ctx: RequestContext, id: string, reason: string) => decide(ctx, id, 'return', reason),
  };
}
export type AnnualReportsService = ReturnType<typeof createAnnualReportsService>;
