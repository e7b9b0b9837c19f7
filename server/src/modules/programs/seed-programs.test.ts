import { describe, expect, it } from 'vitest';
import { type EligibilityFacts, evaluateRules } from '../eligibility/eligibility-rules.js';
import { programContentSchema } from './programs.schemas.js';
import { decree263, resolution53 } from './seed-programs.js';

const r53 = programContentSchema.parse(resolution53).rules;
const d263 = programContentSchema.parse(decree263).rules;
const facts = (over: Partial<EligibilityFacts>): EligibilityFacts => ({ asOf: '2026-06-01', declared: {}, ...over });
const R53_FACTS = { recruited_by_city_unit: true, field_needed_by_city: true, commit_5_years: true };

describe('Resolution 53/2025 on hand-made profiles', () => {
  it('a 27-year-old excellent IT graduate recruited by a city unit: eligible, 150 million level', () => {
    const r = evaluateRules(
      r53,
      facts({
        birthYear: 1999,
        gender: 'female',
        highestDegree: 'DH',
        sectors: ['information_technology'],
        declared: { ...R53_FACTS, graduation_grade: 'xuat_sac' },
      }),
    );
    expect([r.outcome, r.group]).toEqual(['eligible', 'excellent_graduate']);
  });
  it('a 58-year-old professor: exempt from the 10 working years, professor level', () => {
    const r = evaluateRules(
      r53,
      facts({ birthYear: 1968, gender: 'male', highestDegree: 'TS', academicTitle: 'GS', sectors: ['health'], declared: R53_FACTS }),
    );
    expect([r.outcome, r.group]).toEqual(['eligible', 'professor']);
  });
  it('a 55-year-old doctor without a title: not enough working years left (nearly)', () => {
    const r = evaluateRules(
      r53,
      facts({ birthYear: 1971, gender: 'male', highestDegree: 'TS', academicTitle: null, sectors: ['logistics'], declared: R53_FACTS }),
    );
    expect(r.outcome).toBe('nearly');
    expect(r.criteria.find((c) => c.id === 'HP53-AGE-YEARS')).toMatchObject({ status: 'not_met', value: 7 });
  });
  it('a resident doctor who has not declared the commitment: nearly, resident-doctor level', () => {
    const r = evaluateRules(
      r53,
      facts({
        birthYear: 1996,
        gender: 'female',
        highestDegree: 'BSNT',
        academicTitle: null,
        sectors: ['health'],
        declared: { recruited_by_city_unit: true, field_needed_by_city: true },
      }),
    );
    expect([r.outcome, r.group]).toEqual(['nearly', 'resident_doctor']);
  });
});

describe('Decree 263/2025 on hand-made profiles', () => {
  const base = { vietnamese_citizen: true, active_in_sti: true, no_prohibited_acts: true };
  it('a 32-year-old PhD, main author of 6 prestigious articles: talented young scientist', () => {
    const r = evaluateRules(
      d263,
      facts({ birthYear: 1994, highestDegree: 'TS', declared: { ...base, main_author_prestigious_articles: 6 } }),
    );
    expect([r.outcome, r.group]).toEqual(['eligible', 'young_scientist']);
  });
  it('a 29-year-old engineer with one applied invention: talented young engineer', () => {
    const r = evaluateRules(d263, facts({ birthYear: 1997, highestDegree: 'DH', declared: { ...base, applied_inventions: 1 } }));
    expect([r.outcome, r.group]).toEqual(['eligible', 'young_engineer']);
  });
  it('a 35-year-old is not "under 35"', () => {
    const r = evaluateRules(
      d263,
      facts({ birthYear: 1991, highestDegree: 'TS', declared: { ...base, main_author_prestigious_articles: 9 } }),
    );
    expect(r.outcome).toBe('nearly');
    expect(r.criteria.find((c) => c.id === 'D263-AGE')).toMatchObject({ status: 'not_met', value: 35 });
  });
  it('an engineer with two prestigious articles and nothing else: not a young talent', () => {
    const r = evaluateRules(
      d263,
      facts({
        birthYear: 1997,
        highestDegree: 'ThS',
        declared: {
          ...base,
          main_author_prestigious_articles: 2,
          applied_inventions: 0,
          rd_project_key_role: false,
          new_product_key_role: false,
          startup_founder: false,
        },
      }),
    );
    expect([r.outcome, r.group]).toEqual(['nearly', null]);
  });
});
