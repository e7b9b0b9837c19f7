import type { ExpertView, OwnProfile, ProfileSection, VisibilityLevel } from '@hpen/server/contracts';

export type PreviewAudience = 'public' | 'agencies';

const RANK: Record<VisibilityLevel | PreviewAudience, number> = { public: 0, agencies: 1, private: 2 };

/**
 * The owner's profile as `audience` would receive it from GET /api/experts/:id: the same
 * rules as the server's projectProfile (public sees public; agencies see public + agencies;
 * no identity, no profile). Only for the preview — the server decides what really leaves it.
 */
export function projectForAudience(profile: OwnProfile, audience: PreviewAudience): ExpertView | null {
  const may = (section: ProfileSection) => RANK[profile.visibility[section]] <= RANK[audience];
  if (!may('identity')) return null;
  return {
    id: profile.id,
    audience,
    fullName: profile.fullName,
    academicTitle: profile.academicTitle,
    highestDegree: profile.highestDegree,
    orcid: profile.orcid,
    ...(may('personal') ? { birthYear: profile.birthYear, gender: profile.gender } : {}),
    ...(may('contact') ? { contact: profile.contact } : {}),
    ...(may('bio') ? { bio: profile.bio } : {}),
    ...(may('expertise') ? { fields: profile.fields, keywords: profile.keywords, sectors: profile.sectors } : {}),
    ...(may('education') ? { education: profile.education } : {}),
    ...(may('positions') ? { positions: profile.positions } : {}),
    ...(may('languages') ? { languages: profile.languages } : {}),
    ...(may('publications') ? { publications: profile.publications } : {}),
    ...(may('patents') ? { patents: profile.patents } : {}),
    ...(may('projects') ? { projects: profile.projects } : {}),
    ...(may('awards') ? { awards: profile.awards } : {}),
    ...(may('location') ? { location: profile.location } : {}),
    ...(may('availability') ? { availability: profile.availability } : {}),
    verified: profile.verified.filter((b) =>
      b.itemType === 'degree' ? may('education') : b.itemType === 'position' ? may('positions') : true,
    ),
    updatedAt: profile.updatedAt,
  };
}
