import { SECTION_FIELDS } from '../profiles/profile-sections.js';
import { profileSections } from '../profiles/profiles.schemas.js';

/** Sections a curator picks from one profile or the other when merging: every section, with its fields from the one map. */
export const mergeSections = profileSections;
export const SECTION_KEYS = SECTION_FIELDS;
