import type { RequestContext } from '../../app/request-context.js';
import { assumedDeclarations } from '../eligibility/assumed-declarations.js';
import { factsFromProfile } from '../eligibility/eligibility-facts.js';
import type { EligibilityOutcomesService } from '../eligibility/eligibility-outcomes.service.js';
import { evaluateRules } from '../eligibility/eligibility-rules.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { contentOf } from '../programs/program-presenter.js';
import { offersErrors } from './offers.errors.js';
import type { OffersRepository } from './offers.repository.js';

interface Deps {
  offersRepository: OffersRepository;
  profilesRepository: ProfilesRepository;
  eligibilityOutcomesService: EligibilityOutcomesService;
  clock: () => Date;
  /** Profiles read per database round trip (bounded memory). */
  batchSize?: number;
}

interface Hit {
  profileId: string;
  fullName: string;
  outcome: 'eligible' | 'nearly';
  group: string | null;
  gap: number;
}

const STAFF = ['agency', 'curator', 'officer', 'admin'];

// One collator for every comparison: localeCompare(…, 'vi') per pair is several times slower on long lists.
const vietnamese = new Intl.Collator('vi');
const byOutcomeThenName = (a: Hit, b: Hit) =>
  Number(a.outcome !== 'eligible') - Number(b.outcome !== 'eligible') || vietnamese.compare(a.fullName, b.fullName);

/**
 * "Eligible for program X" for staff search. A published program is answered from the precomputed
 * outcomes (eligibility-outcomes.service.ts) once a full pass of its current version has ended;
 * until then (a new version, a draft or closed program) the rules are evaluated on every profile
 * as agencies see it (the one projection), read in keyset batches, and that list is kept per
 * (program version, profiles stamp, day) for the next pages.
 */
export function createEligibleSearchService(deps: Deps) {
  const { offersRepository: repo, clock } = deps;
  const batch = deps.batchSize ?? 1000;
  const cache = new Map<string, { hits: Hit[]; scanned: number }>();
  const sorted = new Map<string, Hit[]>();

  async function scanAll(programId: string, versionKey: string, rules: ReturnType<typeof contentOf>['rules']) {
    const asOf = clock();
    const key = `${programId}:${versionKey}:${await repo.profilesStamp()}:${asOf.toISOString().slice(0, 10)}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const assumed = assumedDeclarations(rules);
    const hits: Hit[] = [];
    let scanned = 0;
    for await (const rows of deps.profilesRepository.pages(batch)) {
      for (const row of rows) {
        scanned++;
        const facts = factsFromProfile(row, 'agencies', assumed, asOf);
        if (!facts) continue;
        const r = evaluateRules(rules, facts);
        if (r.outcome !== 'not_eligible')
          hits.push({ profileId: row.id, fullName: row.fullName, outcome: r.outcome, group: r.group, gap: r.gap });
      }
    }
    hits.sort(byOutcomeThenName);
    if (cache.size > 20) cache.clear();
    cache.set(key, { hits, scanned });
    return { hits, scanned };
  }

  /** The table's rows in the list's order, kept until a row of the version changes (the next pages, the next agency). */
  async function sortedOutcomes(key: string, read: () => Promise<Hit[]>) {
    const cached = sorted.get(key);
    if (cached) return cached;
    const hits = (await read()).sort(byOutcomeThenName);
    if (sorted.size > 50) sorted.clear();
    sorted.set(key, hits);
    return hits;
  }

  async function outcomes(programId: string) {
    const p = await repo.programWithCurrent(programId);
    if (!p) throw offersErrors.programNotFound();
    const rules = contentOf(p.version).rules;
    const assumed = assumedDeclarations(rules);
    const stored = p.program.status === 'published' ? await deps.eligibilityOutcomesService.answer(programId, p.version) : null;
    if (stored) {
      const { stamp, hits, ...rest } = stored;
      return { p, assumed, ...rest, hits: await sortedOutcomes(`${p.version.id}:${stamp}`, hits), source: 'precomputed' as const };
    }
    const scanned = await scanAll(programId, String(p.version.version), rules);
    return {
      p,
      assumed,
      ...scanned,
      asOf: clock().toISOString().slice(0, 10),
      computing: await deps.eligibilityOutcomesService.computing(p.version.id),
      source: 'scan' as const,
    };
  }

  return {
    async search(ctx: RequestContext, q: { programId: string; nearly: 'true' | 'false'; page: number; pageSize: number }) {
      if (!ctx.actor || !STAFF.includes(ctx.actor.role)) throw offersErrors.staffOnly();
      const started = performance.now();
      const { p, assumed, hits, scanned, asOf, computing, source } = await outcomes(q.programId);
      const chosen = q.nearly === 'true' ? hits : hits.filter((h) => h.outcome === 'eligible');
      const eligible = hits.filter((h) => h.outcome === 'eligible').length;
      return {
        programId: q.programId,
        programVersion: p.version.version,
        assumedFacts: Object.keys(assumed),
        total: chosen.length,
        counts: { eligible, nearly: hits.length - eligible, scanned },
        page: q.page,
        pageSize: q.pageSize,
        items: chosen.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
        source,
        asOf,
        computing,
        ms: Math.round(performance.now() - started),
      };
    },
    clearCache: () => {
      cache.clear();
      sorted.clear();
    },
  };
}
export type EligibleSearchService = ReturnType<typeof createEligibleSearchService>;
