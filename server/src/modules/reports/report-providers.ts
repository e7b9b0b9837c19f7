import type { ExpertScope, ReportsRepository } from './reports.repository.js';
import type { Cell, ExpertsFigures, ReportDomain, ReportFilters } from './reports.schemas.js';

/** Every expert breakdown for one scope, as raw counts (the public side suppresses them afterwards). */
export async function expertFigures(repo: ReportsRepository, scope: ExpertScope, period?: { from: Date; to: Date }) {
  const year = scope.asOf.getFullYear();
  const [totals, bands, top, sub, sectors, degrees, titles, ages, genders, locations, associations, growth] = await Promise.all([
    repo.expertTotals(scope),
    repo.completenessBands(scope),
    repo.fieldsTop(scope),
    repo.fieldsSub(scope),
    repo.sectors(scope),
    repo.degrees(scope),
    repo.titles(scope),
    repo.ageBands(scope, year),
    repo.genders(scope),
    repo.locations(scope),
    repo.associations(scope),
    period ? repo.growth(scope, period.from, period.to) : Promise.resolve(undefined),
  ]);
  const byField = top.map((t) => ({ ...t, sub: sub.filter((s) => s.key.length > 1 && s.key.startsWith(t.key)) }));
  return {
    ...totals,
    verifiedShare: totals.total ? Math.round((totals.verified / totals.total) * 1000) / 1000 : null,
    completenessBands: bands,
    byField,
    bySector: sectors,
    byDegree: degrees,
    byTitle: titles,
    byAgeBand: ages,
    byGender: genders,
    byLocation: locations,
    byAssociation: associations,
    ...(growth ? { growth } : {}),
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
 * One domain's contribution to the dashboard and to the yearly report. Registry, curation and
 * consultations provide now; programs and awards add a provider (domain 'programs' / 'awards')
 * when their modules land, and the report's "not yet available" rows fill in by themselves.
 */
export interface ReportProvider {
  domain: ReportDomain | 'dialogues';
  overview(q: OverviewQuery): Promise<unknown>;
  /** Values keyed by the figure codes of plan-09.ts. */
  annual(q: AnnualQuery): Promise<Record<string, number | null>>;
}

export function createExpertsProvider(repo: ReportsRepository): ReportProvider {
  return {
    domain: 'experts',
    overview: ({ filters }) =>
      expertFigures(repo, { listedOnly: false, asOf: filters.to, associationId: filters.associationId, field: filters.field }, filters),
    async annual(q) {
      const scope = { listedOnly: false, asOf: q.to, associationId: q.association ? (q.organisationId ?? undefined) : undefined };
      const [totals, growth, location] = await Promise.all([
        repo.expertTotals(scope),
        repo.growth(scope, q.from, q.to),
        repo.locations(scope),
      ]);
      return {
        'experts.total': totals.total,
        'experts.new': growth.created.reduce((n, c) => n + c.count, 0),
        'experts.verified': totals.verified,
        'experts.overseas': location.filter((c) => c.key.startsWith('overseas:')).reduce((n, c) => n + c.count, 0),
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
    overview: ({ filters }) => repo.consultationFigures(filters.agencyId, filters.from, filters.to),
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

export function createDefaultProviders(repo: ReportsRepository): ReportProvider[] {
  return [createExpertsProvider(repo), createCurationProvider(repo), createConsultationsProvider(repo)];
}
