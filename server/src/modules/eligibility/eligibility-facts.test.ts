import type { ExpertProfileRow } from '@hpen/db';
import { describe, expect, it } from 'vitest';
import { contentToColumns } from '../profiles/profile-document.js';
import { defaultVisibility, profileContentSchema } from '../profiles/profiles.schemas.js';
import { factsFromProfile } from './eligibility-facts.js';
import { evaluateRules } from './eligibility-rules.js';
import { ruleDocumentSchema } from './eligibility.schemas.js';

const content = profileContentSchema.parse({
  fullName: 'Trần Thị Mai',
  academicTitle: null,
  highestDegree: 'TS',
  orcid: null,
  birthYear: 1994,
  gender: 'female',
  contact: { email: null, phone: null },
  bio: { vi: '', en: '' },
  fields: [{ code: '202', primary: true }],
  keywords: [],
  sectors: ['logistics'],
  education: [],
  positions: [],
  languages: [],
  publications: [],
  patents: [],
  projects: [],
  awards: [],
  location: null,
  availability: { kinds: [], modes: [], note: '' },
});
const row = (visibility: Record<string, string>): ExpertProfileRow => ({
  id: '00000000-0000-4000-8000-000000000001',
  userId: null,
  ...contentToColumns(content),
  visibility,
  version: 1,
  verifications: {},
  createdBy: null,
  claimedAt: null,
  listed: true,
  createdAt: new Date('2026-01-01'),
  updatedAt: new Date('2026-01-01'),
});
const label = { vi: 'Dưới 35 tuổi', en: 'Under 35' };
const doc = ruleDocumentSchema.parse({ schemaVersion: 1, requirements: { id: 'age', label, kind: 'age', max: 35, strict: true } });
const asOf = new Date('2026-06-01');

describe('factsFromProfile goes through the profile projection', () => {
  it('the owner is assessed on their birth year; agencies see it missing while it is private', () => {
    const r = row({ ...defaultVisibility });
    expect(evaluateRules(doc, factsFromProfile(r, 'owner', {}, asOf)!).criteria[0]).toMatchObject({ status: 'met', value: 32 });
    const staff = evaluateRules(doc, factsFromProfile(r, 'agencies', {}, asOf)!).criteria[0]!;
    expect(staff).toMatchObject({ status: 'missing', fill: { section: 'personal' } });
    expect(staff.value).toBeUndefined();
  });

  it('shared personal data is used for agencies; a hidden identity yields no facts', () => {
    expect(evaluateRules(doc, factsFromProfile(row({ ...defaultVisibility, personal: 'agencies' }), 'agencies', {}, asOf)!).outcome).toBe(
      'eligible',
    );
    expect(factsFromProfile(row({ ...defaultVisibility, identity: 'private' }), 'agencies', {}, asOf)).toBeNull();
  });
});
