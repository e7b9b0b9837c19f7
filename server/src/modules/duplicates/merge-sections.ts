import type { ProfileContent, ProfileSection } from '../profiles/profiles.schemas.js';

/** Sections a curator picks from one profile or the other when merging. */
export const mergeSections = [
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
] as const;
export const SECTION_KEYS: Record<ProfileSection, Array<keyof ProfileContent>> = {
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
};
