import type { RequestContext } from '../../app/request-context.js';
import { factsFromProfile } from '../eligibility/eligibility-facts.js';
import { evaluateRules } from '../eligibility/eligibility-rules.js';
import type { Criterion, DeclaredFacts, RuleDocument } from '../eligibility/eligibility.schemas.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import { contentOf } from '../programs/program-presenter.js';
import { offersErrors } from './offers.errors.js';
import type { OffersRepository } from './offers.repository.js';

interface Deps {
  offersRepository: OffersRepository;
  profilesRepository: ProfilesRepository;
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

/**
 * Facts only the expert can declare (citizenship, a recruitment decision, a commitment) are not in
 * any profile: the search assumes each favourable (met where it counts, failing under a `not`) and
 * names them, so "eligible" reads "eligible on the profile, these declarations to confirm".
 */
export function assumedDeclarations(rules: RuleDocument): DeclaredFacts {
  const out: DeclaredFacts = {};
  const visit = (c: Criterion, negated: boolean) => {
    if (c.kind === 'all' || c.kind === 'any') return c.of.forEach((x) => visit(x, negated));
    if (c.kind === 'not') return visit(c.of, !negated);
    if (c.kind !== 'declared' || c.fact in out) return;
    if (c.op === 'is_true') out[c.fact] = !negated;
    else if (c.op === 'at_least') out[c.fact] = typeof c.value === 'number' ? (negated ? c.value - 1 : c.value) : 0;
    else out[c.fact] = negated || !Array.isArray(c.value) ? '' : c.value[0]!;
  };
  visit(rules.requirements, false);
  for (const g of rules.groups ?? []) visit(g.when, false);
  return out;
}

/**
 * "Eligible for program X" for staff search: the program's current rules evaluated on every
 * profile as agencies see it (the one projection), read in keyset batches. The outcome list is
 * kept per (program version, profiles stamp, day): the stamp (count and last update of the
 * profiles) changes with any profile edit, so a repeated query or the next page costs one
 * aggregate query instead of a scan.
 */
export function createEligibleSearchService(deps: Deps) {
  const { offersRepository: repo, clock } = deps;
  const batch = deps.batchSize ?? 1000;
  const cache = new Map<string, { hits: Hit[]; scanned: number }>();

  async function scan(programId: string) {
    const p = await repo.programWithCurrent(programId);
    if (!p) throw offersErrors.programNotFound();
    const asOf = clock();
    const stamp = await repo.profilesStamp();
    const key = `${programId}:${p.version.version}:${stamp}:${asOf.toISOString().slice(0, 10)}`;
    const rules = contentOf(p.version).rules;
    const assumed = assumedDeclarations(rules);
    const cached = cache.get(key);
    if (cached) return { p, assumed, ...cached };
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
    hits.sort((a, b) => Number(a.outcome !== 'eligible') - Number(b.outcome !== 'eligible') || a.fullName.localeCompare(b.fullName, 'vi'));
    if (cache.size > 20) cache.clear();
    cache.set(key, { hits, scanned });
    return { p, assumed, hits, scanned };
  }

  return {
    async search(ctx: RequestContext, q: { programId: string; nearly: 'true' | 'false'; page: number; pageSize: number }) {
      if (!ctx.actor || !STAFF.includes(ctx.actor.role)) throw offersErrors.staffOnly();
      const started = performance.now();
      const { p, assumed, hits, scanned } = await scan(q.programId);
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
        ms: Math.round(performance.now() - started),
      };
    },
    clearCache: () => cache.clear(),
  };
}
export type EligibleSearchService = ReturnType<typeof createEligibleSearchService>;
