import type { RequestContext } from '../../app/request-context.js';
import { assumedDeclarations } from '../eligibility/assumed-declarations.js';
import { factsFromProfile } from '../eligibility/eligibility-facts.js';
import type { EligibilityOutcomesService } from '../eligibility/eligibility-outcomes.service.js';
import { evaluateRules } from '../eligibility/eligibility-rules.js';
import { projectProfile, workplaceOf } from '../profiles/profile-projection.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { contentOf } from '../programs/program-presenter.js';
import { nameSortKey } from '../shared/name-sort-key.js';
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

interface Keyed extends Hit {
  nameKey: string;
}
/** The stored list's order (eligibility_outcomes_list_idx): eligible first, then the name's Vietnamese sort key, then id. */
const inListOrder = (a: Keyed, b: Keyed) =>
  Number(a.outcome !== 'eligible') - Number(b.outcome !== 'eligible') ||
  (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0) ||
  (a.profileId < b.profileId ? -1 : a.profileId > b.profileId ? 1 : 0);
const withoutKey = ({ nameKey: _, ...hit }: Keyed): Hit => hit;

/**
 * "Eligible for program X" for staff search. A published program is answered from the precomputed
 * outcomes (eligibility-outcomes.service.ts) once a full pass of its current version has ended:
 * the page and the counts are indexed queries, whatever the number of profiles. Until then (a new version, a draft or closed program) the rules are evaluated on every profile
 * as agencies see it (the one projection), read in keyset batches, and that list is kept per
 * (program version, profiles stamp, day) for the next pages.
 */
export function createEligibleSearchService(deps: Deps) {
  const { offersRepository: repo, clock } = deps;
  const batch = deps.batchSize ?? 1000;
  const cache = new Map<string, { hits: Hit[]; scanned: number }>();
  /** Scans under way: requests for the same list while one runs share it (a scan of 100 000 profiles takes seconds). */
  const inFlight = new Map<string, Promise<{ hits: Hit[]; scanned: number }>>();

  async function scanAll(programId: string, versionKey: string, rules: ReturnType<typeof contentOf>['rules']) {
    const asOf = clock();
    const key = `${programId}:${versionKey}:${await repo.profilesStamp()}:${asOf.toISOString().slice(0, 10)}`;
    const cached = cache.get(key);
    if (cached) return cached;
    const running = inFlight.get(key);
    if (running) return running;
    const scan = scanProfiles(key, rules, asOf).finally(() => inFlight.delete(key));
    inFlight.set(key, scan);
    return scan;
  }

  async function scanProfiles(key: string, rules: ReturnType<typeof contentOf>['rules'], asOf: Date) {
    const assumed = assumedDeclarations(rules);
    const keyed: Keyed[] = [];
    let scanned = 0;
    for await (const rows of deps.profilesRepository.pages(batch)) {
      for (const row of rows) {
        scanned++;
        const facts = factsFromProfile(row, 'agencies', assumed, asOf);
        if (!facts) continue;
        const r = evaluateRules(rules, facts);
        if (r.outcome !== 'not_eligible')
          keyed.push({
            profileId: row.id,
            fullName: row.fullName,
            outcome: r.outcome,
            group: r.group,
            gap: r.gap,
            nameKey: nameSortKey(row.fullName),
          });
      }
    }
    const hits = keyed.sort(inListOrder).map(withoutKey);
    // A few lists only: at 100 000 profiles each holds tens of thousands of hits.
    if (cache.size > 3) cache.clear();
    cache.set(key, { hits, scanned });
    return { hits, scanned };
  }

  type Query = { programId: string; nearly: 'true' | 'false'; page: number; pageSize: number };

  /**
   * Namesakes are common: each hit on the page carries its current position ("title, organisation")
   * as agencies see the profile (the one projection), or null when that section is not shared.
   */
  async function withWorkplaces(items: Hit[]) {
    const rows = await deps.profilesRepository.findByIds(items.map((i) => i.profileId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return items.map((item) => {
      const row = byId.get(item.profileId);
      return { ...item, workplace: row ? workplaceOf(projectProfile(row, 'agencies')) : null };
    });
  }

  /** The page and counts: from the table when a pass of the current version is complete, else from a scan. */
  async function answer(q: Query) {
    const p = await repo.programWithCurrent(q.programId);
    if (!p) throw offersErrors.programNotFound();
    const rules = contentOf(p.version).rules;
    const assumed = assumedDeclarations(rules);
    const stored = p.program.status === 'published' ? await deps.eligibilityOutcomesService.answer(q.programId, p.version) : null;
    if (stored) {
      const [items, counts, scanned] = await Promise.all([
        stored.page({ nearly: q.nearly === 'true', limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        stored.counts(),
        stored.scanned(),
      ]);
      const total = q.nearly === 'true' ? counts.eligible + counts.nearly : counts.eligible;
      return {
        p,
        assumed,
        items,
        total,
        counts: { ...counts, scanned },
        asOf: stored.asOf,
        computing: stored.computing,
        source: 'precomputed' as const,
      };
    }
    const { hits, scanned } = await scanAll(q.programId, String(p.version.version), rules);
    const chosen = q.nearly === 'true' ? hits : hits.filter((h) => h.outcome === 'eligible');
    const eligible = hits.filter((h) => h.outcome === 'eligible').length;
    return {
      p,
      assumed,
      items: chosen.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
      total: chosen.length,
      counts: { eligible, nearly: hits.length - eligible, scanned },
      asOf: clock().toISOString().slice(0, 10),
      computing: await deps.eligibilityOutcomesService.computing(p.version.id),
      source: 'scan' as const,
    };
  }

  return {
    async search(ctx: RequestContext, q: Query) {
      if (!ctx.actor || !STAFF.includes(ctx.actor.role)) throw offersErrors.staffOnly();
      const started = performance.now();
      const { p, assumed, ...found } = await answer(q);
      return {
        programId: q.programId,
        programVersion: p.version.version,
        assumedFacts: Object.keys(assumed),
        total: found.total,
        counts: found.counts,
        page: q.page,
        pageSize: q.pageSize,
        items: await withWorkplaces(found.items),
        source: found.source,
        asOf: found.asOf,
        computing: found.computing,
        ms: Math.round(performance.now() - started),
      };
    },
    clearCache: () => cache.clear(),
  };
}
export type EligibleSearchService = ReturnType<typeof createEligibleSearchService>;
