import type { ExpertView, ProfileContent } from './profiles.schemas.js';

/**
 * The one description of profile sections and the one privacy projection. The server's API and
 * search index, the web preview, the duplicate merge and the privacy tests all use these, so a
 * field added to a section is hidden with it everywhere. Pure and free of Node imports: web/
 * imports it through contracts.ts.
 */

/** The sections an expert sets visibility on (their defaults: profiles.schemas.ts defaultVisibility). */
export const profileSections = [
  'identity',
  'personal',
  'contact',
  'bio',
  'expertise',
  'education',
  'positions',
  'languages',
  'publications',
  'patents',
  'projects',
  'awards',
  'location',
  'availability',
  'completedReviews',
] as const;
export type ProfileSection = (typeof profileSections)[number];

export const visibilityLevels = ['public', 'agencies', 'private'] as const;
export type VisibilityLevel = (typeof visibilityLevels)[number];

/** Which fields of a profile each section carries (the visibility an expert sets applies to all of them). */
export const SECTION_FIELDS = {
  identity: ['fullName', 'academicTitle', 'highestDegree', 'orcid'],
  personal: ['birthYear', 'gender'],
  contact: ['contact'],
  bio: ['bio'],
  expertise: ['fields', 'keywords', 'sectors'],
  education: ['education'],
  positions: ['positions'],
  languages: ['languages'],
  publications: ['publications'],
  patents: ['patents'],
  projects: ['projects'],
  awards: ['awards'],
  location: ['location'],
  availability: ['availability'],
  completedReviews: ['completedReviews'],
} as const satisfies Record<ProfileSection, ReadonlyArray<keyof ProfileContent>>;

export type SectionField = (typeof SECTION_FIELDS)[ProfileSection][number];

/** The section whose visibility decides whether a verification badge may be shown. */
export const BADGE_SECTION = { title: 'identity', degree: 'education', position: 'positions', award: 'awards' } as const satisfies Record<
  ExpertView['verified'][number]['itemType'],
  ProfileSection
>;

export type Audience = 'public' | 'agencies' | 'owner';

const RANK: Record<VisibilityLevel | Audience, number> = { public: 0, agencies: 1, private: 2, owner: 2 };

/** Whether a section set to `level` may reach `audience`. */
export const canSee = (level: VisibilityLevel, audience: Audience) => RANK[level] <= RANK[audience];

/** What the projection needs of a profile: its section fields, visibility and valid badges. */
export interface ProjectableProfile extends Pick<ExpertView, SectionField> {
  id: string;
  visibility: Record<ProfileSection, VisibilityLevel>;
  verified: ExpertView['verified'];
  updatedAt: string;
}

/**
 * The profile as `audience` receives it: built section by section from the allow-list above; a
 * section the audience may not see is absent (not null), and so are its badges. Returns null
 * when even the identity is hidden: the profile does not exist for that viewer.
 */
export function projectSections(profile: ProjectableProfile, audience: Audience): ExpertView | null {
  const may = (section: ProfileSection) => canSee(profile.visibility[section], audience);
  if (!may('identity')) return null;
  const sections: Partial<Record<SectionField, unknown>> = {};
  for (const [section, fields] of Object.entries(SECTION_FIELDS) as Array<[ProfileSection, readonly SectionField[]]>) {
    if (may(section)) for (const field of fields) sections[field] = profile[field];
  }
  return {
    id: profile.id,
    audience,
    ...(sections as Pick<ExpertView, SectionField>),
    verified: profile.verified.filter((badge) => may(BADGE_SECTION[badge.itemType])),
    updatedAt: profile.updatedAt,
  };
}
