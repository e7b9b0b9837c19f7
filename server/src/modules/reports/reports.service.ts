import type { RequestContext } from '../../app/request-context.js';
import { unauthenticated } from '../../app/errors.js';
import { createReportAggregates } from './report-aggregates.js';
import type { ReportAggregatesRepository } from './report-aggregates.repository.js';
import { expertFigures, type ReportProvider } from './report-providers.js';
import { reportsErrors } from './reports.errors.js';
import type { ReportsRepository } from './reports.repository.js';
import {
  type Cell,
  type ExpertsFigures,
  MIN_PUBLIC_CELL,
  type Overview,
  type PublicStatistics,
  type ReportDomain,
  type ReportFilters,
  type ReportFiltersQuery,
} from './reports.schemas.js';
import { suppressCells, suppressTotal } from './suppression.js';

interface Deps {
  reportsRepository: ReportsRepository;
  aggregatesRepository: ReportAggregatesRepository;
  providers: ReportProvider[];
  clock: () => Date;
  /** Overviews kept (per scope and filters) while nothing changes; 0 turns the cache off. */
  cacheEntries?: number;
  /** Stored figures are recomputed at least this often even when nothing was written. */
  aggregatesMaxAgeMs?: number;
}

/** Figures that depend on the clock (ageing, the default period) are recomputed each minute. */
const CACHE_MINUTE = 60_000;

const DAY = 86_400_000;

/** Dates are calendar days in Hải Phòng (UTC+7): "to" takes the whole day. */
export function resolveFilters(q: ReportFiltersQuery, now: Date): ReportFilters {
  const to = q.to ? new Date(Date.parse(`${q.to}T23:59:59.999+07:00`)) : now;
  const from = q.from ? new Date(Date.parse(`${q.from}T00:00:00+07:00`)) : new Date(to.getTime() - 365 * DAY);
  if (from > to) throw reportsErrors.badPeriod();
  return { from, to, agencyId: q.agencyId, associationId: q.associationId, field: q.field };
}

/** Officers and admins see everything; a curator sees the figures of their own association. */
function overviewScope(ctx: RequestContext, q: ReportFiltersQuery): ReportFiltersQuery {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role === 'officer' || actor.role === 'admin') return q;
  if (actor.role === 'curator' && actor.organisationId)
    return { ...q, associationId: actor.organisationId, agencyId: actor.organisationId };
  throw reportsErrors.forbidden();
}

const publicCells = (cells: Cell[]) => suppressCells(cells, MIN_PUBLIC_CELL);

/** Public figures: only listed profiles, every number 0 or at least MIN_PUBLIC_CELL people. */
function suppressExperts(e: Awaited<ReturnType<typeof expertFigures>>): PublicStatistics['experts'] {
  const total = suppressTotal(e.total);
  const verified = suppressTotal(e.verified);
  const byField = publicCells(e.byField).map((c) => ({
    ...c,
    sub: publicCells(e.byField.find((f) => f.key === c.key)?.sub ?? []),
  }));
  return {
    total,
    verified,
    verifiedShare: total && verified !== null ? Math.round((verified / total) * 1000) / 1000 : null,
    completeness: total === null ? null : e.completeness,
    completenessBands: publicCells(e.completenessBands),
    byField,
    bySector: publicCells(e.bySector),
    byDegree: publicCells(e.byDegree),
    byTitle: publicCells(e.byTitle),
    byAgeBand: publicCells(e.byAgeBand),
    byGender: publicCells(e.byGender),
    byLocation: publicCells(e.byLocation),
    byAssociation: publicCells(e.byAssociation),
  };
}

/** No filter at all: the figures the scheduler keeps (an empty query is the dashboard's first view). */
const unfiltered = (q: ReportFiltersQuery) => Object.values(q).every((v) => v === undefined);

export function createReportsService({
  reportsRepository: repo,
  aggregatesRepository,
  providers,
  clock,
  cacheEntries = 200,
  aggregatesMaxAgeMs,
}: Deps) {
  const provider = (domain: ReportDomain) => providers.find((p) => p.domain === domain);
  /**
   * Figures per (audience, scope and filters, change stamp, minute): a repeated view costs one
   * indexed query while nothing was written; concurrent identical requests share one computation.
   * Oldest entries go first once the map is full.
   */
  const computed = new Map<string, Promise<unknown>>();
  async function cached<T>(what: unknown, now: Date, compute: () => Promise<T>): Promise<T> {
    if (cacheEntries <= 0) return compute();
    const key = JSON.stringify([what, await repo.changeStamp(), Math.floor(now.getTime() / CACHE_MINUTE)]);
    let hit = computed.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = compute();
      computed.set(key, hit);
      hit.catch(() => computed.delete(key));
      while (computed.size > cacheEntries) computed.delete(computed.keys().next().value!);
    }
    return hit;
  }

  const stored = createReportAggregates<Overview | PublicStatistics>({
    aggregatesRepository,
    changeStamp: () => repo.changeStamp(),
    compute: { overview: (now) => computeOverview({}, now), public: (now) => computePublicStatistics(now) },
    clock,
    maxAgeMs: aggregatesMaxAgeMs,
  });

  async function computeOverview(scoped: ReportFiltersQuery, now: Date): Promise<Overview> {
    const filters = resolveFilters(scoped, now);
    const domains = ['experts', 'curation', 'consultations', 'programs', 'awards'] as const;
    const results = await Promise.all(domains.map((d) => provider(d)?.overview({ filters, now }) ?? Promise.resolve(undefined)));
    const figures = Object.fromEntries(domains.map((d, i) => [d, results[i] ?? { available: false }]));
    return {
      generatedAt: now.toISOString(),
      filters: {
        from: filters.from.toISOString(),
        to: filters.to.toISOString(),
        agencyId: filters.agencyId ?? null,
        associationId: filters.associationId ?? null,
        field: filters.field ?? null,
      },
      available: domains.filter((_, i) => results[i] !== undefined),
      ...(figures as Pick<Overview, (typeof domains)[number]>),
      experts: figures.experts as ExpertsFigures,
    };
  }

  return {
    async overview(ctx: RequestContext, query: ReportFiltersQuery): Promise<Overview> {
      const now = clock();
      const scoped = overviewScope(ctx, query);
      resolveFilters(scoped, now); // a bad period is refused before any cache lookup
      if (unfiltered(scoped)) {
        const { figures, asOf } = await stored.read('overview');
        return { ...(figures as Overview), asOf: asOf.toISOString() };
      }
      const figures = await cached(['overview', scoped], now, () => computeOverview(scoped, now));
      return { ...figures, asOf: figures.generatedAt };
    },

    /** The public subset: no filters (filtered differences could single people out), suppressed cells. */
    async publicStatistics(): Promise<PublicStatistics> {
      const { figures, asOf } = await stored.read('public');
      return { ...(figures as PublicStatistics), asOf: asOf.toISOString() };
    },

    /** The scheduler's refresh of the stored figures (recomputes only what is out of date). */
    refreshAggregates: () => stored.refresh(),
  };

  async function computePublicStatistics(now: Date): Promise<PublicStatistics> {
    const experts = await expertFigures(repo, { listedOnly: true, asOf: now });
    const [c, programs, awards] = await Promise.all([
      repo.consultationFigures(undefined, new Date(0), now),
      repo.programFigures(undefined, new Date(0), now),
      repo.awardFigures(undefined, new Date(0), now),
    ]);
    return {
      generatedAt: now.toISOString(),
      minimumCell: MIN_PUBLIC_CELL,
      experts: suppressExperts(experts),
      consultations: { total: suppressTotal(c.total), sent: suppressTotal(c.sent), byKind: publicCells(c.byKind) },
      programs: {
        applied: suppressTotal(programs.applied),
        approved: suppressTotal(programs.approved),
        byProgram: publicCells(programs.byProgram),
        commitmentsActive: suppressTotal(programs.commitments.active),
      },
      awards: {
        nominations: suppressTotal(awards.nominations),
        awarded: suppressTotal(awards.awardedPeople),
        awardedByField: publicCells(awards.awardedByField),
      },
    };
  }
}
export type ReportsService = ReturnType<typeof createReportsService>;
