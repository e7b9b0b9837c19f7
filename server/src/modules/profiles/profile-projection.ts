import type { ExpertProfileRow } from '@hpen/db';
import { badgesFor } from './verification-items.js';
import { rowToContent, rowVisibility } from './profile-document.js';
import { type Audience, projectSections } from './profile-sections.js';
import type { ExpertView } from './profiles.schemas.js';

export type { Audience } from './profile-sections.js';

/**
 * The only way a profile leaves the server for someone other than its owner: the stored row
 * through the shared section projection (profile-sections.ts). Returns null when even the
 * identity is hidden, and for anyone but the owner while the profile is not published (its owner's
 * e-mail unverified, or the account disabled): the profile does not exist for that viewer. So
 * search, member lists, shortlists and exports all follow the same rule.
 */
export function projectProfile(row: ExpertProfileRow, asked: Audience): ExpertView | null {
  if (!row.listed && asked !== 'owner') return null;
  // Consents (Law 91/2025): without agency sharing an agency sees the public view; without
  // publication consent (Art. 16) the public sees nothing.
  const audience: Audience = asked === 'agencies' && !row.agencySharingConsent ? 'public' : asked;
  if (audience === 'public' && !row.publicationConsent) return null;
  const content = rowToContent(row);
  return projectSections(
    {
      ...content,
      id: row.id,
      visibility: rowVisibility(row),
      verified: badgesFor(row.verifications, content),
      updatedAt: row.updatedAt.toISOString(),
    },
    audience,
  );
}

type Position = NonNullable<ExpertView['positions']>[number];

/** A position as one line, "title, organisation" (search text, the eligible list). */
export const positionLine = (p: Pick<Position, 'title' | 'organisation'>) => `${p.title}, ${p.organisation}`;

/** Where a person works as a view shows it: the current position, else the first listed; null when none is shared. */
export function workplaceOf(view: ExpertView | null): string | null {
  const positions = view?.positions ?? [];
  const p = positions.find((x) => x.current) ?? positions[0];
  return p ? positionLine(p) : null;
}
