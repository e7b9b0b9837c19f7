import type { ExpertProfileRow } from '@hpen/db';
import { type Audience, projectProfile } from '../profiles/profile-projection.js';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import type { EligibilityFacts } from './eligibility-rules.js';
import type { DeclaredFacts } from './eligibility.schemas.js';

/**
 * The facts a rule may read, from a stored profile as `audience` may see it: the row goes through
 * the one profile projection first, so a section hidden from the viewer is `undefined` here and
 * every criterion that needs it comes out `missing`, never evaluated on data the viewer may not
 * see. Returns null when the profile does not exist for that viewer.
 */
export function factsFromProfile(row: ExpertProfileRow, audience: Audience, declared: DeclaredFacts, asOf: Date): EligibilityFacts | null {
  const view = projectProfile(row, audience);
  return view ? factsFromView(view, declared, asOf) : null;
}

/** The same from an already projected view (search results, snapshots). */
export function factsFromView(view: ExpertView, declared: DeclaredFacts, asOf: Date): EligibilityFacts {
  return {
    asOf: asOf.toISOString().slice(0, 10),
    highestDegree: view.highestDegree,
    academicTitle: view.academicTitle,
    birthYear: view.birthYear,
    gender: view.gender,
    sectors: view.sectors,
    fields: view.fields?.map((f) => f.code),
    education: view.education,
    publications: view.publications,
    patents: view.patents,
    projects: view.projects,
    awards: view.awards,
    languages: view.languages,
    positions: view.positions,
    declared,
  };
}
