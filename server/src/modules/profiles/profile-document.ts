import type { ExpertProfileRow } from '@hpen/db';
import { foldVietnamese } from '../shared/text.js';
import { defaultVisibility, profileSections, type ProfileContent, type Visibility } from './profiles.schemas.js';

/** Keys of ProfileContent stored as plain columns; everything else lives in the `content` document. */
type ColumnKey = 'fullName' | 'academicTitle' | 'highestDegree' | 'orcid' | 'birthYear' | 'gender' | 'contact';
type DocumentKeys = Exclude<keyof ProfileContent, ColumnKey>;
export type ProfileDocument = Pick<ProfileContent, DocumentKeys>;

export function emptyDocument(): ProfileDocument {
  return {
    bio: { vi: '', en: '' },
    fields: [],
    keywords: [],
    sectors: [],
    education: [],
    positions: [],
    languages: [],
    publications: [],
    patents: [],
    projects: [],
    awards: [],
    location: null,
    availability: { kinds: [], modes: [], note: '' },
    completedReviews: [],
  };
}

export function rowToContent(row: ExpertProfileRow): ProfileContent {
  // Documents written by older code may lack newer sections: fill them from the empty document.
  const document = { ...emptyDocument(), ...(row.content as Partial<ProfileDocument>) };
  return {
    fullName: row.fullName,
    academicTitle: row.academicTitle as ProfileContent['academicTitle'],
    highestDegree: row.highestDegree as ProfileContent['highestDegree'],
    orcid: row.orcid,
    birthYear: row.birthYear,
    gender: row.gender as ProfileContent['gender'],
    contact: { email: row.contactEmail, phone: row.contactPhone },
    ...document,
  };
}

export function contentToColumns(content: ProfileContent) {
  const { fullName, academicTitle, highestDegree, orcid, birthYear, gender, contact, ...document } = content;
  return {
    fullName,
    fullNameFolded: foldVietnamese(fullName),
    academicTitle,
    highestDegree,
    orcid,
    birthYear,
    gender,
    contactEmail: contact.email,
    contactPhone: contact.phone,
    content: document as Record<string, unknown>,
  };
}

export function rowVisibility(row: ExpertProfileRow): Visibility {
  const stored = row.visibility as Partial<Visibility>;
  return Object.fromEntries(profileSections.map((s) => [s, stored[s] ?? defaultVisibility[s]])) as Visibility;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * JSON with object keys in one order: stored documents come back from JSONB with their keys
 * reordered, so the same content read back and sent again must not count as a change.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Top-level fields whose value changed, with before and after, for the version history. */
export function diffContent(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      changes.push({ field: key, before: before[key] ?? null, after: after[key] ?? null });
    }
  }
  return changes;
}
