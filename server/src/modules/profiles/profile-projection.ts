import type { ExpertProfileRow } from '@hpen/db';
import { badgesFor } from './verification-items.js';
import { rowToContent, rowVisibility } from './profile-document.js';
import type { ExpertView, ProfileSection, VisibilityLevel } from './profiles.schemas.js';

export type Audience = 'public' | 'agencies' | 'owner';

const RANK: Record<VisibilityLevel | Audience, number> = { public: 0, agencies: 1, private: 2, owner: 2 };

/** Whether a section set to `level` may reach `audience`. */
export const canSee = (level: VisibilityLevel, audience: Audience) => RANK[level] <= RANK[audience];

/**
 * The only way a profile leaves the server for someone other than its owner. It builds the
 * view section by section from an allow-list; a section the audience may not see is absent.
 * Returns null when even the identity is hidden: the profile does not exist for that viewer.
 */
export function projectProfile(row: ExpertProfileRow, audience: Audience): ExpertView | null {
  const visibility = rowVisibility(row);
  const may = (section: ProfileSection) => canSee(visibility[section], audience);
  if (!may('identity')) return null;
  const c = rowToContent(row);
  return {
    id: row.id,
    audience,
    fullName: c.fullName,
    academicTitle: c.academicTitle,
    highestDegree: c.highestDegree,
    orcid: c.orcid,
    ...(may('personal') ? { birthYear: c.birthYear, gender: c.gender } : {}),
    ...(may('contact') ? { contact: c.contact } : {}),
    ...(may('bio') ? { bio: c.bio } : {}),
    ...(may('expertise') ? { fields: c.fields, keywords: c.keywords, sectors: c.sectors } : {}),
    ...(may('education') ? { education: c.education } : {}),
    ...(may('positions') ? { positions: c.positions } : {}),
    ...(may('languages') ? { languages: c.languages } : {}),
    ...(may('publications') ? { publications: c.publications } : {}),
    ...(may('patents') ? { patents: c.patents } : {}),
    ...(may('projects') ? { projects: c.projects } : {}),
    ...(may('awards') ? { awards: c.awards } : {}),
    ...(may('location') ? { location: c.location } : {}),
    ...(may('availability') ? { availability: c.availability } : {}),
    verified: badgesFor(row.verifications, c, { identity: true, education: may('education'), positions: may('positions') }),
    updatedAt: row.updatedAt.toISOString(),
  };
}
