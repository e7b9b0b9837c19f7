import { describe, expect, it } from 'vitest';
import { missingForSubmission, requiredFactKeys } from './application-completeness.js';
import { programContentSchema } from './programs.schemas.js';
import { decree263, resolution53 } from './seed-programs.js';

const r53 = programContentSchema.parse(resolution53);
const d263 = programContentSchema.parse(decree263);
const codes = (xs: Array<{ kind: string; code: string }>) => xs.map((x) => `${x.kind}:${x.code}`).sort();

describe('what an application lacks before submission', () => {
  it('requires the declared facts on the all-path of the requirements, not the alternatives or the benefit groups', () => {
    expect([...requiredFactKeys(r53.rules.requirements)].sort()).toEqual(['commit_5_years', 'recruited_by_city_unit']);
    expect([...requiredFactKeys(d263.rules.requirements)].sort()).toEqual(['active_in_sti', 'no_prohibited_acts', 'vietnamese_citizen']);
  });

  it('lists required documents, unanswered facts, evidence of what is claimed and the consent', () => {
    const none = missingForSubmission({ content: r53, declared: {}, documentPurposes: [], consentGranted: false });
    expect(codes(none)).toEqual([
      'consent:program_assessment',
      'document:commitment',
      'document:cv',
      'document:degrees',
      'document:recruitment_decision',
      'fact:commit_5_years',
      'fact:recruited_by_city_unit',
    ]);
    // A "no" needs no evidence; a "yes" or a grade does.
    const answered = missingForSubmission({
      content: r53,
      declared: { recruited_by_city_unit: true, commit_5_years: false, graduation_grade: 'gioi' },
      documentPurposes: ['cv', 'degrees', 'recruitment_decision', 'commitment', 'other'],
      consentGranted: true,
    });
    expect(codes(answered)).toEqual(['evidence:graduation_grade', 'evidence:recruited_by_city_unit']);
    const complete = missingForSubmission({
      content: r53,
      declared: { recruited_by_city_unit: true, commit_5_years: false },
      documentPurposes: ['cv', 'degrees', 'recruitment_decision', 'commitment', 'fact:recruited_by_city_unit'],
      consentGranted: true,
    });
    expect(complete).toEqual([]);
  });
});
