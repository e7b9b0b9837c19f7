import type { Criterion, DeclaredFacts, RuleDocument } from './eligibility.schemas.js';

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
