import type { ProfileContent, ProfileSection } from './profiles.schemas.js';

interface Rule {
  code: string;
  section: ProfileSection;
  weight: number;
  done(c: ProfileContent): boolean;
}

/** What makes a profile useful to an agency looking for a reviewer, weighted to 100. */
const RULES: Rule[] = [
  { code: 'add_degree', section: 'identity', weight: 10, done: (c) => c.highestDegree !== null },
  { code: 'choose_primary_field', section: 'expertise', weight: 12, done: (c) => c.fields.some((f) => f.primary) },
  { code: 'add_keywords', section: 'expertise', weight: 6, done: (c) => c.keywords.length >= 3 },
  { code: 'choose_sectors', section: 'expertise', weight: 5, done: (c) => c.sectors.length > 0 },
  { code: 'write_bio', section: 'bio', weight: 10, done: (c) => c.bio.vi.length >= 100 || c.bio.en.length >= 100 },
  { code: 'add_education', section: 'education', weight: 12, done: (c) => c.education.length > 0 },
  { code: 'add_position', section: 'positions', weight: 10, done: (c) => c.positions.length > 0 },
  { code: 'add_languages', section: 'languages', weight: 5, done: (c) => c.languages.length > 0 },
  { code: 'add_publications', section: 'publications', weight: 10, done: (c) => c.publications.length > 0 },
  { code: 'set_location', section: 'location', weight: 5, done: (c) => c.location !== null },
  // An old (pre-2025) district kept "to confirm": the expert picks their phường/xã/đặc khu. No weight of its own.
  {
    code: 'confirm_commune',
    section: 'location',
    weight: 0,
    done: (c) => !(c.location?.kind === 'haiphong' && c.location.commune === null && c.location.formerAddress !== undefined),
  },
  { code: 'set_availability', section: 'availability', weight: 8, done: (c) => c.availability.kinds.length > 0 },
  { code: 'add_orcid', section: 'identity', weight: 4, done: (c) => c.orcid !== null },
  { code: 'add_contact', section: 'contact', weight: 3, done: (c) => Boolean(c.contact.email || c.contact.phone) },
];

export function computeCompleteness(content: ProfileContent) {
  let score = 0;
  const hints: Array<{ code: string; section: ProfileSection }> = [];
  for (const rule of RULES) {
    if (rule.done(content)) score += rule.weight;
    else hints.push({ code: rule.code, section: rule.section });
  }
  return { score, hints };
}
