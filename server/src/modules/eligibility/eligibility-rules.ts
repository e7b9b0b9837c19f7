/**
 * The eligibility rule engine: pure, synchronous, no database, no knowledge of programs or awards.
 *
 * API (all of it):
 * - `evaluateRules(doc, facts)` → `EligibilityResult`: every criterion of `doc.requirements` as
 *   met / not_met / missing with the value it used (pre-order, with `depth`), every benefit group
 *   with its status, the benefit group reached (the last one met in list order), and the outcome:
 *   `eligible` (requirements met and, when the rule has groups, some group met), `nearly` (one
 *   leaf criterion away: one missing datum or one unmet condition) or `not_eligible`.
 * - `EligibilityFacts`: what a rule may read. A profile part that is `undefined` was not visible
 *   to the viewer (or never filled): criteria reading it are `missing`, with a `fill` hint naming
 *   the profile section or the declared fact that would answer them. Build it from a stored
 *   profile with `factsFromProfile` (eligibility-facts.ts), which goes through the profile
 *   projection so a viewer never evaluates data they may not see.
 * - `combineStatus(kind, statuses)`: the three-valued logic of all / any / not, exported for tests.
 *
 * Three-valued logic: all → not_met if any child is not_met, else missing if any is missing, else
 * met; any → met if any child is met, else missing if any is missing, else not_met; not swaps met
 * and not_met and keeps missing. The "gap" of a node is the least number of leaves that would have
 * to change for it to be met (all: the sum, any: the least, not: the cost of making the child fail).
 */
import {
  CEFR_ORDER,
  type Criterion,
  type CriterionResult,
  type CriterionStatus,
  type CriterionValue,
  DEGREE_ORDER,
  type DeclaredFacts,
  type EligibilityOutcome,
  GRADE_ORDER,
  type GapHint,
  type LeafCriterion,
  type LocalisedText,
  type RuleDocument,
  TITLE_ORDER,
} from './eligibility.schemas.js';

type Degree = keyof typeof DEGREE_ORDER;
type Grade = keyof typeof GRADE_ORDER;

export interface EligibilityFacts {
  /** The date the rules are evaluated at (ISO date); ages are counted in its year. */
  asOf: string;
  highestDegree?: Degree | null;
  academicTitle?: 'GS' | 'PGS' | null;
  birthYear?: number | null;
  gender?: 'female' | 'male' | 'other' | null;
  sectors?: readonly string[];
  fields?: readonly string[];
  education?: ReadonlyArray<{ degree: Degree; trainedAbroad: boolean; honours: Grade }>;
  publications?: ReadonlyArray<{ type: string; year: number }>;
  patents?: ReadonlyArray<{ number: string }>;
  projects?: ReadonlyArray<{ role: string; level: string }>;
  awards?: ReadonlyArray<unknown>;
  languages?: ReadonlyArray<{ code: string; level: keyof typeof CEFR_ORDER }>;
  positions?: ReadonlyArray<{ from: number; to: number | null; current: boolean }>;
  declared: DeclaredFacts;
}

export interface GroupResult {
  code: string;
  label: LocalisedText;
  status: CriterionStatus;
  gap: number;
  criteria: CriterionResult[];
}

export interface EligibilityResult {
  outcome: EligibilityOutcome;
  /** Status of the requirements alone. */
  status: CriterionStatus;
  /** Least number of leaf criteria to change to become eligible. */
  gap: number;
  criteria: CriterionResult[];
  groups: GroupResult[];
  /** Code of the benefit group reached, or null. */
  group: string | null;
}

interface Node {
  status: CriterionStatus;
  /** Cost to make the node met, and to make it not met. */
  toMeet: number;
  toFail: number;
}

export function combineStatus(kind: 'all' | 'any' | 'not', statuses: readonly CriterionStatus[]): CriterionStatus {
  if (kind === 'not') {
    const s = statuses[0] ?? 'missing';
    return s === 'met' ? 'not_met' : s === 'not_met' ? 'met' : 'missing';
  }
  const decisive = kind === 'all' ? 'not_met' : 'met';
  if (statuses.includes(decisive)) return decisive;
  if (statuses.includes('missing')) return 'missing';
  return kind === 'all' ? 'met' : 'not_met';
}

export function evaluateRules(doc: RuleDocument, facts: EligibilityFacts): EligibilityResult {
  const criteria: CriterionResult[] = [];
  const req = visit(doc.requirements, facts, 0, criteria);
  const groups: GroupResult[] = doc.groups.map((g) => {
    const list: CriterionResult[] = [];
    const node = visit(g.when, facts, 0, list);
    return { code: g.code, label: g.label, status: node.status, gap: node.toMeet, criteria: list };
  });
  const reached = groups.filter((g) => g.status === 'met').at(-1) ?? null;
  const groupCost = groups.length ? Math.min(...groups.map((g) => g.gap)) : 0;
  const gap = req.toMeet + groupCost;
  const outcome: EligibilityOutcome = gap === 0 ? 'eligible' : gap === 1 ? 'nearly' : 'not_eligible';
  return { outcome, status: req.status, gap, criteria, groups, group: reached?.code ?? null };
}

function visit(c: Criterion, facts: EligibilityFacts, depth: number, out: CriterionResult[]): Node {
  const entry: CriterionResult = { id: c.id, kind: c.kind, label: c.label, depth, status: 'missing', toConfirm: c.toConfirm ?? false };
  if (c.source) entry.source = c.source;
  out.push(entry);
  let node: Node;
  if (c.kind === 'all' || c.kind === 'any') {
    const children = c.of.map((child) => visit(child, facts, depth + 1, out));
    const status = combineStatus(
      c.kind,
      children.map((n) => n.status),
    );
    const meets = children.map((n) => n.toMeet);
    const fails = children.map((n) => n.toFail);
    node =
      c.kind === 'all'
        ? { status, toMeet: sum(meets), toFail: Math.min(...fails) }
        : { status, toMeet: Math.min(...meets), toFail: sum(fails) };
  } else if (c.kind === 'not') {
    const child = visit(c.of, facts, depth + 1, out);
    node = { status: combineStatus('not', [child.status]), toMeet: child.toFail, toFail: child.toMeet };
  } else {
    const leaf = evaluateLeaf(c as LeafCriterion, facts);
    if (leaf.value !== undefined) entry.value = leaf.value;
    if (leaf.status === 'missing' && leaf.fill) entry.fill = leaf.fill;
    node = { status: leaf.status, toMeet: leaf.status === 'met' ? 0 : 1, toFail: leaf.status === 'not_met' ? 0 : 1 };
  }
  entry.status = node.status;
  return node;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

interface Leaf {
  status: CriterionStatus;
  value?: CriterionValue;
  fill?: GapHint;
}

const missing = (fill: GapHint): Leaf => ({ status: 'missing', fill });
const judge = (ok: boolean, value: CriterionValue): Leaf => ({ status: ok ? 'met' : 'not_met', value });
const section = (name: string): GapHint => ({ section: name });
const yearOf = (iso: string) => Number(iso.slice(0, 4));

/** A declared number (or a yes/no counted as 1/0) replaces the profile's count when present. */
function declaredCount(c: LeafCriterion, facts: EligibilityFacts): number | undefined {
  if (!c.fact) return undefined;
  const v = facts.declared[c.fact];
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

function countLeaf(
  c: LeafCriterion & { min: number },
  facts: EligibilityFacts,
  fromProfile: () => number | undefined,
  sectionName: string,
): Leaf {
  const declared = declaredCount(c, facts);
  const n = declared ?? fromProfile();
  if (n === undefined) return missing(c.fact ? { fact: c.fact } : section(sectionName));
  return judge(n >= c.min, n);
}

function evaluateLeaf(c: LeafCriterion, facts: EligibilityFacts): Leaf {
  switch (c.kind) {
    case 'degree': {
      const degree = bestDegree(facts);
      if (!degree) return missing(section('identity'));
      const okMin = c.min === undefined || DEGREE_ORDER[degree] >= DEGREE_ORDER[c.min];
      const okAny = c.anyOf === undefined || degreesHeld(facts, degree).some((d) => c.anyOf?.includes(d));
      return judge(okMin && okAny, degree);
    }
    case 'title': {
      if (facts.academicTitle === undefined) return missing(section('identity'));
      const t = facts.academicTitle;
      return judge(t !== null && TITLE_ORDER[t] >= TITLE_ORDER[c.min], t);
    }
    case 'trained_abroad': {
      if (!facts.education?.length) return missing(section('education'));
      const ok = facts.education.some(
        (e) =>
          e.trainedAbroad &&
          (c.minDegree === undefined || DEGREE_ORDER[e.degree] >= DEGREE_ORDER[c.minDegree]) &&
          (c.minGrade === undefined || GRADE_ORDER[e.honours] >= GRADE_ORDER[c.minGrade]),
      );
      return judge(
        ok,
        facts.education.some((e) => e.trainedAbroad),
      );
    }
    case 'graduation_grade': {
      const declared = c.fact ? facts.declared[c.fact] : undefined;
      if (typeof declared === 'string' && declared in GRADE_ORDER)
        return judge(GRADE_ORDER[declared as Grade] >= GRADE_ORDER[c.min], declared);
      const items = (facts.education ?? []).filter((e) => (c.degree ? e.degree === c.degree : true) && e.honours !== 'none');
      if (!items.length) return missing(c.fact ? { fact: c.fact } : section('education'));
      const best = items.reduce((a, b) => (GRADE_ORDER[b.honours] > GRADE_ORDER[a.honours] ? b : a)).honours;
      return judge(GRADE_ORDER[best] >= GRADE_ORDER[c.min], best);
    }
    case 'age': {
      if (facts.birthYear === undefined || facts.birthYear === null) return missing(section('personal'));
      const age = yearOf(facts.asOf) - facts.birthYear;
      const okMax = c.max === undefined || (c.strict ? age < c.max : age <= c.max);
      const okMin = c.min === undefined || age >= c.min;
      return judge(okMax && okMin, age);
    }
    case 'remaining_working_years': {
      if (facts.birthYear === undefined || facts.birthYear === null) return missing(section('personal'));
      const retire = c.retirementAge[facts.gender ?? 'other'];
      const left = Math.max(0, Math.floor(retire - (yearOf(facts.asOf) - facts.birthYear)));
      return judge(left >= c.min, left);
    }
    case 'sector': {
      if (!facts.sectors?.length) return missing(section('expertise'));
      const hits = facts.sectors.filter((s) => c.anyOf.includes(s));
      return judge(hits.length > 0, hits.length ? hits : [...facts.sectors]);
    }
    case 'field': {
      if (!facts.fields?.length) return missing(section('expertise'));
      const hits = facts.fields.filter((f) => c.anyOf.some((p) => f.startsWith(p)));
      return judge(hits.length > 0, hits.length ? hits : [...facts.fields]);
    }
    case 'publications':
      return countLeaf(
        c,
        facts,
        () => {
          // The profile knows neither the author's role nor the journal's indexing.
          if ((c.role && c.role !== 'any') || c.indexed) return undefined;
          return facts.publications?.filter(
            (p) => (!c.types || c.types.includes(p.type as never)) && (!c.sinceYear || p.year >= c.sinceYear),
          ).length;
        },
        'publications',
      );
    case 'patents':
      return countLeaf(c, facts, () => (c.status && c.status !== 'any' ? undefined : facts.patents?.length), 'patents');
    case 'projects_led':
      return countLeaf(
        c,
        facts,
        () =>
          c.passedEvaluation
            ? undefined
            : facts.projects?.filter((p) => LEAD_ROLE.test(p.role) && (!c.levels || c.levels.includes(p.level as never))).length,
        'projects',
      );
    case 'awards':
      return countLeaf(c, facts, () => (c.prestigious ? undefined : facts.awards?.length), 'awards');
    case 'language': {
      if (!facts.languages) return missing(section('languages'));
      const levels = facts.languages.filter((l) => (c.code ? l.code === c.code : l.code !== 'vi'));
      const best = levels.reduce<string | null>(
        (a, l) => (a === null || CEFR_ORDER[l.level] > CEFR_ORDER[a as keyof typeof CEFR_ORDER] ? l.level : a),
        null,
      );
      if (best === null) return facts.languages.length ? judge(false, null) : missing(section('languages'));
      return judge(CEFR_ORDER[best as keyof typeof CEFR_ORDER] >= CEFR_ORDER[c.min], best);
    }
    case 'experience_years': {
      const declared = declaredCount(c, facts);
      if (declared !== undefined) return judge(declared >= c.min, declared);
      if (!facts.positions?.length) return missing(c.fact ? { fact: c.fact } : section('positions'));
      const years = Math.max(0, yearOf(facts.asOf) - Math.min(...facts.positions.map((p) => p.from)));
      return judge(years >= c.min, years);
    }
    case 'employer_type': {
      const key = c.fact ?? 'employer_type';
      const v = facts.declared[key];
      if (typeof v !== 'string') return missing({ fact: key });
      return judge((c.anyOf as readonly string[]).includes(v), v);
    }
    case 'declared': {
      const v = facts.declared[c.fact];
      if (v === undefined) return missing({ fact: c.fact });
      if (c.op === 'is_true') return judge(v === true, v);
      if (c.op === 'at_least') return typeof v === 'number' && typeof c.value === 'number' ? judge(v >= c.value, v) : judge(false, v);
      return judge(Array.isArray(c.value) && c.value.includes(String(v)), v);
    }
  }
}

/** "Chủ nhiệm", "lead", "PI", "principal investigator", "chief engineer", "coordinator". */
const LEAD_ROLE = /ch[uủ] nhi[eệ]m|\blead|\bpi\b|principal|chief|coordinator|tr[uư][oở]ng/i;

function bestDegree(facts: EligibilityFacts): Degree | null {
  const all = degreesHeld(facts, facts.highestDegree ?? null);
  if (!all.length) return null;
  return all.reduce((a, b) => (DEGREE_ORDER[b] > DEGREE_ORDER[a] ? b : a));
}

function degreesHeld(facts: EligibilityFacts, highest: Degree | null): Degree[] {
  const list = (facts.education ?? []).map((e) => e.degree);
  return highest ? [highest, ...list] : list;
}
