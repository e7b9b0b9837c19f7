import { randomUUID } from 'node:crypto';
import { emptyDocument } from '../profiles/profile-document.js';
import type { ProfileContent } from '../profiles/profiles.schemas.js';
import type { ImportRow } from './import-rows.js';

/** The profile content an imported row describes. */
export function contentOf(row: ImportRow): ProfileContent {
  return {
    fullName: row.full_name,
    academicTitle: row.academic_title ?? null,
    highestDegree: row.highest_degree ?? null,
    orcid: row.orcid ?? null,
    birthYear: row.birth_year ?? null,
    gender: row.gender ?? null,
    contact: { email: row.email ?? null, phone: row.phone ?? null },
    ...emptyDocument(),
    fields: (row.fields ?? []).map((code, i) => ({ code, primary: i === 0 })),
    sectors: row.sectors ?? [],
    positions:
      row.position && row.organisation
        ? [
            {
              id: randomUUID(),
              title: row.position,
              organisation: row.organisation,
              from: new Date().getFullYear(),
              to: null,
              current: true,
            },
          ]
        : [],
    location: row.location ?? null,
  };
}
