import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineStatus, type EligibilityFacts, evaluateRules } from './eligibility-rules.js';
import { type Criterion, type CriterionStatus, type LeafCriterion, ruleDocumentSchema } from './eligibility.schemas.js';

const label = { vi: 'Tiêu chí', en: 'Criterion' };
const facts = (over: Partial<EligibilityFacts> = {}): EligibilityFacts => ({ asOf: '2026-06-01', declared: {}, ...over });
const leaf = (c: Record<string, unknown>) => ({ id: 'c', label, ...c }) as LeafCriterion;
const one = (c: Criterion, f: EligibilityFacts) => {
  const result = evaluateRules(ruleDocumentSchema.parse({ schemaVersion: 1, requirements: c }), f);
  return result.criteria[0]!;
};

type Case = [
  name: string,
  criterion: Record<string, unknown>,
  met: Partial<EligibilityFacts>,
  notMet: Partial<EligibilityFacts>,
  missing: Partial<EligibilityFacts>,
];
const R = { male: 62, female: 60, other: 62 };
const cases: Case[] = [
  ['degree ≥ TS', { kind: 'degree', min: 'TS' }, { highestDegree: 'CKII' }, { highestDegree: 'BSNT' }, { highestDegree: null }],
  ['BS nội trú above ThS', { kind: 'degree', min: 'BSNT' }, { highestDegree: 'BSNT' }, { highestDegree: 'CKI' }, {}],
  [
    'degree any of',
    { kind: 'degree', anyOf: ['ThS', 'CKI'] },
    { highestDegree: 'TS', education: [{ degree: 'ThS', trainedAbroad: false, honours: 'none' }] },
    { highestDegree: 'DH' },
    {},
  ],
  ['title ≥ PGS', { kind: 'title', min: 'PGS' }, { academicTitle: 'GS' }, { academicTitle: null }, {}],
  ['title GS', { kind: 'title', min: 'GS' }, { academicTitle: 'GS' }, { academicTitle: 'PGS' }, {}],
  [
    'trained abroad with honours',
    { kind: 'trained_abroad', minGrade: 'gioi' },
    { education: [{ degree: 'ThS', trainedAbroad: true, honours: 'xuat_sac' }] },
    { education: [{ degree: 'ThS', trainedAbroad: true, honours: 'kha' }] },
    { education: [] },
  ],
  [
    'graduation grade',
    { kind: 'graduation_grade', min: 'xuat_sac', fact: 'graduation_grade' },
    { declared: { graduation_grade: 'xuat_sac' } },
    { education: [{ degree: 'DH', trainedAbroad: false, honours: 'gioi' }] },
    { education: [{ degree: 'DH', trainedAbroad: false, honours: 'none' }] },
  ],
  ['age under 35', { kind: 'age', max: 35, strict: true }, { birthYear: 1992 }, { birthYear: 1991 }, { birthYear: null }],
  ['age at most 30', { kind: 'age', max: 30 }, { birthYear: 1996 }, { birthYear: 1995 }, {}],
  [
    'remaining working years',
    { kind: 'remaining_working_years', min: 10, retirementAge: R },
    { birthYear: 1974, gender: 'male' },
    { birthYear: 1967, gender: 'female' },
    { gender: 'male' },
  ],
  ['sector', { kind: 'sector', anyOf: ['logistics', 'health'] }, { sectors: ['health'] }, { sectors: ['tourism'] }, { sectors: [] }],
  ['field prefix', { kind: 'field', anyOf: ['2'] }, { fields: ['202'] }, { fields: ['101'] }, {}],
  [
    'publications count',
    { kind: 'publications', min: 2, types: ['journal_article'] },
    {
      publications: [
        { type: 'journal_article', year: 2020 },
        { type: 'journal_article', year: 2021 },
      ],
    },
    {
      publications: [
        { type: 'journal_article', year: 2020 },
        { type: 'book', year: 2021 },
      ],
    },
    {},
  ],
  [
    'main-author indexed publications (declared)',
    { kind: 'publications', min: 5, role: 'main_author', indexed: true, fact: 'main_author_indexed_articles' },
    { declared: { main_author_indexed_articles: 6 } },
    { declared: { main_author_indexed_articles: 4 } },
    { publications: [{ type: 'journal_article', year: 2020 }] },
  ],
  ['patents', { kind: 'patents', min: 1 }, { patents: [{ number: 'VN1' }] }, { patents: [] }, {}],
  [
    'projects led (national)',
    { kind: 'projects_led', min: 1, levels: ['national'] },
    { projects: [{ role: 'Chủ nhiệm', level: 'national' }] },
    { projects: [{ role: 'Thành viên', level: 'national' }] },
    {},
  ],
  [
    'awards prestigious (declared)',
    { kind: 'awards', min: 1, prestigious: true, fact: 'prestigious_awards' },
    { declared: { prestigious_awards: true } },
    { declared: { prestigious_awards: false } },
    { awards: [{}] },
  ],
  [
    'language ≥ B2 English',
    { kind: 'language', min: 'B2', code: 'en' },
    { languages: [{ code: 'en', level: 'C1' }] },
    { languages: [{ code: 'en', level: 'B1' }] },
    { languages: [] },
  ],
  [
    'experience years',
    { kind: 'experience_years', min: 5 },
    { positions: [{ from: 2015, to: null, current: true }] },
    { positions: [{ from: 2024, to: null, current: true }] },
    {},
  ],
  [
    'employer type',
    { kind: 'employer_type', anyOf: ['public_unit'] },
    { declared: { employer_type: 'public_unit' } },
    { declared: { employer_type: 'foreign' } },
    {},
  ],
  [
    'declared yes/no',
    { kind: 'declared', fact: 'no_violation', op: 'is_true' },
    { declared: { no_violation: true } },
    { declared: { no_violation: false } },
    {},
  ],
  [
    'declared number',
    { kind: 'declared', fact: 'keynotes', op: 'at_least', value: 3 },
    { declared: { keynotes: 3 } },
    { declared: { keynotes: 2 } },
    {},
  ],
  [
    'declared choice',
    { kind: 'declared', fact: 'rank', op: 'one_of', value: ['thu_khoa'] },
    { declared: { rank: 'thu_khoa' } },
    { declared: { rank: 'other' } },
    {},
  ],
];

describe('each criterion kind: met, not met, missing', () => {
  for (const [name, criterion, met, notMet, miss] of cases) {
    it(name, () => {
      const c = leaf(criterion);
      expect(one(c, facts(met)).status).toBe('met');
      expect(one(c, facts(notMet)).status).toBe('not_met');
      const m = one(c, facts(miss));
      expect(m.status).toBe('missing');
      expect(m.fill).toBeDefined();
    });
  }

  it('reports the value it used', () => {
    expect(one(leaf({ kind: 'age', max: 35, strict: true }), facts({ birthYear: 1990 })).value).toBe(36);
    expect(one(leaf({ kind: 'degree', min: 'TS' }), facts({ highestDegree: 'ThS' })).value).toBe('ThS');
    expect(
      one(leaf({ kind: 'remaining_working_years', min: 10, retirementAge: R }), facts({ birthYear: 1970, gender: 'female' })).value,
    ).toBe(4);
  });

  it('names the profile section or the declared fact that fills a gap', () => {
    expect(one(leaf({ kind: 'age', max: 35 }), facts()).fill).toEqual({ section: 'personal' });
    expect(one(leaf({ kind: 'declared', fact: 'x', op: 'is_true' }), facts()).fill).toEqual({ fact: 'x' });
  });
});

const statusArb = fc.constantFrom<CriterionStatus>('met', 'not_met', 'missing');
const declaredLeaf = (i: number) => ({ id: `l${i}`, label, kind: 'declared' as const, fact: `f${i}`, op: 'is_true' as const });
const declaredFor = (statuses: CriterionStatus[]) =>
  Object.fromEntries(statuses.flatMap((s, i) => (s === 'missing' ? [] : [[`f${i}`, s === 'met']])));

describe('all / any / not (properties)', () => {
  it('all is met iff every child is met; not_met iff some child is not met', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { minLength: 1, maxLength: 8 }), (statuses) => {
        const doc = ruleDocumentSchema.parse({
          schemaVersion: 1,
          requirements: { id: 'root', label, kind: 'all', of: statuses.map((_, i) => declaredLeaf(i)) },
        });
        const r = evaluateRules(doc, facts({ declared: declaredFor(statuses) }));
        expect(r.criteria.slice(1).map((c) => c.status)).toEqual(statuses);
        expect(r.status === 'met').toBe(statuses.every((s) => s === 'met'));
        expect(r.status === 'not_met').toBe(statuses.includes('not_met'));
        expect(r.gap).toBe(statuses.filter((s) => s !== 'met').length);
      }),
    );
  });

  it('any is met iff some child is met; not_met iff every child is not met', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { minLength: 1, maxLength: 8 }), (statuses) => {
        const doc = ruleDocumentSchema.parse({
          schemaVersion: 1,
          requirements: { id: 'root', label, kind: 'any', of: statuses.map((_, i) => declaredLeaf(i)) },
        });
        const r = evaluateRules(doc, facts({ declared: declaredFor(statuses) }));
        expect(r.status === 'met').toBe(statuses.includes('met'));
        expect(r.status === 'not_met').toBe(statuses.every((s) => s === 'not_met'));
        expect(r.gap).toBe(statuses.includes('met') ? 0 : 1);
      }),
    );
  });

  it('not swaps met and not_met, keeps missing, and not(not(x)) = x', () => {
    fc.assert(
      fc.property(statusArb, (s) => {
        expect(combineStatus('not', [combineStatus('not', [s])])).toBe(s);
        const doc = ruleDocumentSchema.parse({ schemaVersion: 1, requirements: { id: 'n', label, kind: 'not', of: declaredLeaf(0) } });
        const r = evaluateRules(doc, facts({ declared: declaredFor([s]) }));
        expect(r.status).toBe(s === 'met' ? 'not_met' : s === 'not_met' ? 'met' : 'missing');
      }),
    );
  });

  it('De Morgan: not(all(xs)) equals any(not x) on every input', () => {
    fc.assert(
      fc.property(fc.array(statusArb, { minLength: 1, maxLength: 6 }), (statuses) => {
        const left = combineStatus('not', [combineStatus('all', statuses)]);
        const right = combineStatus(
          'any',
          statuses.map((s) => combineStatus('not', [s])),
        );
        expect(left).toBe(right);
      }),
    );
  });

  it('the outcome is eligible iff gap 0 and nearly iff gap 1, on random trees', () => {
    const tree: fc.Arbitrary<Criterion> = fc.letrec<{ node: Criterion }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.nat(5).map((i) => declaredLeaf(i) as Criterion),
        fc
          .record({ kind: fc.constantFrom('all' as const, 'any' as const), of: fc.array(tie('node'), { minLength: 1, maxLength: 3 }) })
          .map((n) => ({ id: 'x', label, ...n }) as Criterion),
        tie('node').map((of) => ({ id: 'x', label, kind: 'not' as const, of }) as Criterion),
      ),
    })).node;
    fc.assert(
      fc.property(tree, fc.array(statusArb, { minLength: 6, maxLength: 6 }), (root, statuses) => {
        let n = 0;
        const renumber = (c: Criterion): Criterion =>
          c.kind === 'all' || c.kind === 'any'
            ? { ...c, id: `n${n++}`, of: c.of.map(renumber) }
            : c.kind === 'not'
              ? { ...c, id: `n${n++}`, of: renumber(c.of) }
              : { ...c, id: `n${n++}` };
        const doc = ruleDocumentSchema.parse({ schemaVersion: 1, requirements: renumber(root) });
        const r = evaluateRules(doc, facts({ declared: declaredFor(statuses) }));
        expect(r.outcome === 'eligible').toBe(r.status === 'met');
        expect(r.outcome).toBe(r.gap === 0 ? 'eligible' : r.gap === 1 ? 'nearly' : 'not_eligible');
      }),
    );
  });
});

describe('benefit groups', () => {
  const doc = ruleDocumentSchema.parse({
    schemaVersion: 1,
    requirements: { id: 'age', label, kind: 'age', max: 60 },
    groups: [
      { code: 'master', label, when: { id: 'g1', label, kind: 'degree', min: 'ThS' } },
      { code: 'doctor', label, when: { id: 'g2', label, kind: 'degree', min: 'TS' } },
    ],
  });
  it('reaches the highest group met', () => {
    expect(evaluateRules(doc, facts({ birthYear: 1980, highestDegree: 'TS' })).group).toBe('doctor');
    expect(evaluateRules(doc, facts({ birthYear: 1980, highestDegree: 'ThS' })).group).toBe('master');
  });
  it('is not eligible without any group; nearly when one datum is missing', () => {
    const none = evaluateRules(doc, facts({ birthYear: 1980, highestDegree: 'DH' }));
    expect([none.outcome, none.group]).toEqual(['nearly', null]);
    expect(evaluateRules(doc, facts({ highestDegree: 'TS' })).outcome).toBe('nearly');
    expect(evaluateRules(doc, facts({ highestDegree: 'DH' })).outcome).toBe('not_eligible');
  });
  it('rejects duplicate criterion ids', () => {
    const bad = ruleDocumentSchema.safeParse({
      schemaVersion: 1,
      requirements: { id: 'a', label, kind: 'all', of: [declaredLeaf(0), declaredLeaf(0)] },
    });
    expect(bad.success).toBe(false);
  });
});
