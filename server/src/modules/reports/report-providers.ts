import type { ExpertScope } from './report-experts.repository.js';
import type { ReportsRepository } from './reports.repository.js';
import type { Cell, ExpertsFigures, ReportDomain, ReportFilters } from './reports.schemas.js';

/** Every expert breakdown for one scope, as raw counts (the public side suppresses them afterwards). */
export async function expertFigures(repo: ReportsRepository, scope: ExpertScope, period?: { from: Date; to: Date }) {
  const f = await repo.expertBreakdowns(scope, period);
  const byField = f.fieldsTop.map((t) => ({ ...t, sub: f.fieldsSub.filter((s) => s.key.length > 1 && s.key.startsWith(t.key)) }));
  return {
    total: f.total,
    verified: f.verified,
    registered: f.registered,
    completeness: f.completeness,
    verifiedShare: f.total ? Math.round((f.verified / f.total) * 1000) / 1000 : null,
    completenessBands: f.completenessBands,
    byField,
    bySector: f.sectors,
    byDegree: f.degrees,
    byTitle: f.titles,
    byAgeBand: f.ageBands,
    byGender: f.genders,
    byLocation: f.locations,
    byAssociation: f.associations,
    ...(f.growth ? { growth: f.growth } : {}),
  } satisfies ExpertsFigures & { byField: Array<Cell & { sub: Cell[] }> };
}

/** What a domain's figures are asked for. */
export interface OverviewQuery {
  filters: ReportFilters;
  now: Date;
}
/** A year's figures for one organisation, or the whole city when organisationId is null. */
export interface AnnualQuery {
  year: number;
  from: Date;
  to: Date;
  organisationId: string | null;
  /** Whether the organisation is an association (its members are its experts). */
  association: boolean;
}

/**
 * One domain's contribution to the dashboard and to the yearly report: registry, curation,
 * consultations, programs and awards. A domain without a provider (dialogues) shows as "not yet
 * available" in the report rather than as zero.
 */
export interface ReportProvider {
  domain: ReportDomain | 'dialogues';
  overview(q: OverviewQuery): Promise<unknown>;
  /** Values keyed by the figure codes of plan-09.ts. */
  annual(q: AnnualQuery): Promise<Record<string, number | null>>;
  /** Breakdown tables of the yearly report (a sheet per domain in the XLSX). */
  breakdowns?(q: AnnualQuery): Promise<AnnualBreakdown[]>;
}
export interface AnnualBreakdown {
  code: string;
  titleVi: string;
  titleEn: string;
  cells: Cell[];
}

export function createExpertsProvider(repo: ReportsRepository): ReportProvider {
  return {
    domain: 'experts',
    overview: ({ filters }) =>
      expertFigures(repo, { listedOnly: false, asOf: filters.to, associationId: filters.associationId, field: filters.field }, filters),
    async annual(q) {
      const scope = { listedOnly: false, asOf: q.to, associationId: q.association ? (q.organisationId ?? undefined) : undefined };
      const e = await repo.expertAnnual(scope, q.from, q.to);
      return {
        'experts.total': e.total,
        'experts.new': e.created,
        'experts.verified': e.verified,
        'experts.overseas': e.overseas,
      };
    },
  };
}

export function createCurationProvider(repo: ReportsRepository): ReportProvider {
  return {
    domain: 'curation',
    async overview({ filters, now }) {
      const [queueAgeing, verificationDecisions, memberships, imports] = await Promise.all([
        repo.curationQueue(filters.associationId, now),
        repo.verificationDecisions(filters.associationId, filters.from, filters.to),
        repo.membershipStatuses(filters.associationId),
        repo.imports(filters.associationId, filters.from, filters.to),
      ]);
      return { queue: queueAgeing.reduce((n, c) => n + c.count, 0), queueAgeing, verificationDecisions, memberships, imports };
    },
    async annual(q) {
      const association = q.association ? (q.organisationId ?? undefined) : undefined;
      if (q.organisationId && !q.association)
        return { 'curation.members': null, 'curation.verifications': null, 'curation.imported_rows': null };
      const [members, decisions, imports] = await Promise.all([
        repo.membershipStatuses(association),
        repo.verificationDecisions(association, q.from, q.to),
        repo.imports(association, q.from, q.to),
      ]);
      return {
        'curation.members': members.find((c) => c.key === 'approved')?.count ?? 0,
        'curation.verifications': decisions.find((c) => c.key === 'approved')?.count ?? 0,
        'curation.imported_rows': imports.rowsImported,
      };
    },
  };
}

export function createConsultationsProvider(repo: ReportsRepository): ReportProvider {
  return {
    domain: 'consultations',
    async overview({ filters }) {
      const [figures, panel] = await Promise.all([
        repo.consultationFigures(filters.agencyId, filters.from, filters.to),
        repo.panelDiversity(filters.agencyId, filters.from, filters.to),
      ]);
      return { ...figures, panel };
    },
    async annual(q) {
      const c = await repo.consultationFigures(q.organisationId ?? undefined, q.from, q.to);
      return {
        'consultations.total': c.total,
        'consultations.sent': c.sent,
        'consultations.days_to_opinion': c.daysToOpinion,
        'consultations.rating_average': c.ratingAverage,
      };
    },
  };
}

/** Talent programs (issue 14): applications of the period by the program's agency, commitments. */
export function createProgramsProvider(repo: ReportsRepository): ReportProvider {
  return {
    domain: 'programs',
    overview: ({ filters }) => repo.programFigures(filters.agencyId, filters.from, filters.to),
    async annual(q) {
      const f = await repo.programFigures(q.organisationId ?? undefined, q.from, q.to);
      return {
        'programs.applications': f.applied,
        'programs.eligible': f.eligible,
        'programs.approved': f.approved,
        'programs.rejected': f.rejected,
        'programs.commitments_active': f.commitments.active,
        'programs.commitments_ended': f.commitments.ended,
      };
    },
    async breakdowns(q) {
      const f = await repo.programFigures(q.organisationId ?? undefined, q.from, q.to);
      return [
        { code: 'programs.by_program', titleVi: 'Hồ sơ đăng ký theo chương trình', titleEn: 'Applications by program', cells: f.byProgram },
        {
          code: 'programs.approved_by_program',
          titleVi: 'Hồ sơ được chấp thuận theo chương trình',
          titleEn: 'Approvals by program',
          cells: f.approvedByProgram,
        },
        { code: 'programs.by_status', titleVi: 'Hồ sơ theo trạng thái', titleEn: 'Applications by state', cells: f.byStatus },
      ];
    },
  };
}

/** Awards (issue 15): nominations of the year's rounds by the nominating organisation, awarded by field. */
export function createAwardsProvider(repo: ReportsRepository): ReportProvider {
  return {
    domain: 'awards',
    overview: ({ filters }) => repo.awardFigures(filters.agencyId, filters.from, filters.to),
    async annual(q) {
      const f = await repo.awardFigures(q.organisationId ?? undefined, q.from, q.to);
      return { 'awards.nominations': f.nominations, 'awards.awarded': f.awardedPeople, 'awards.awarded_nominations': f.awarded };
    },
    async breakdowns(q) {
      const f = await repo.awardFigures(q.organisationId ?? undefined, q.from, q.to);
      return [
        { code: 'awards.by_field', titleVi: 'Đề cử được khen thưởng theo lĩnh vực', titleEn: 'Awarded by field', cells: f.awardedByField },
        { code: 'awards.by_status', titleVi: 'Đề cử theo trạng thái', titleEn: 'Nominations by state', cells: f.byStatus },
      ];
    },
  };
}

export function createDefaultProviders(repo: ReportsRepository): ReportProvider[] {
  return [
    createExpertsProvider(repo),
    createCurationProvider(repo),
    createConsultationsProvider(repo),
    createProgramsProvider(repo),
    createAwardsProvider(repo),
  ];
}
