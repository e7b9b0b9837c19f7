import { createHash } from 'node:crypto';
import type { VerificationItemType } from '@hpen/db/enums';
import type { ProfileContent } from '../profiles/profiles.schemas.js';

/**
 * What can be verified, and how a badge stays tied to the exact item a curator saw: the
 * profile keeps, per verified item, the hash of its content at approval. Any later change
 * to the item makes the hash differ, and the badge no longer holds.
 */
export type Verifications = Record<
  string,
  { by: string; byName: string; at: string; hash: string; provenance?: Record<string, string | number | null> }
>;

/**
 * What a badge can mark: an item a curator verified, or an award decided and published (the
 * awards module writes it: key "award:<nomination id>", the decision as provenance, hashed).
 */
export type BadgeItemType = VerificationItemType | 'award';

/** Who decided an award and when: what the profile's award mark shows. */
export interface AwardProvenance {
  awardId: string;
  roundId: string;
  nominationId: string;
  awardTitle: string;
  awardTitleEn: string;
  year: number;
  prizeLevel: string | null;
  prizeLevelTitle: string;
  prizeLevelTitleEn: string;
  workTitle: string;
  decisionNumber: string;
  decisionDate: string;
  signer: string;
  organiser: string;
}

export const itemKey = (type: BadgeItemType, itemId: string | null) => (type === 'title' ? 'title' : `${type}:${itemId}`);

/** The item as a curator judges it (ids and display-only flags left out). */
export function itemSnapshot(content: ProfileContent, type: VerificationItemType, itemId: string | null): Record<string, unknown> | null {
  if (type === 'title') return content.academicTitle ? { academicTitle: content.academicTitle } : null;
  if (type === 'degree') {
    const e = content.education.find((x) => x.id === itemId);
    return e ? { degree: e.degree, field: e.field, institution: e.institution, country: e.country, year: e.year } : null;
  }
  const p = content.positions.find((x) => x.id === itemId);
  return p ? { title: p.title, organisation: p.organisation, from: p.from, to: p.to } : null;
}

/** Key order does not count (JSONB reorders keys): the hash is over sorted entries. */
export const hashSnapshot = (snapshot: Record<string, unknown>) =>
  createHash('sha256')
    .update(JSON.stringify(Object.entries(snapshot).sort(([a], [b]) => (a < b ? -1 : 1))))
    .digest('base64url');

function parseKey(key: string): { type: BadgeItemType; itemId: string | null } {
  if (key === 'title') return { type: 'title', itemId: null };
  const [type, itemId] = key.split(':') as [BadgeItemType, string];
  return { type, itemId };
}

/**
 * Splits the stored verifications against the content: those still valid, and those whose
 * item changed (still present: re-queue) or disappeared (drop).
 */
export function reconcileVerifications(verifications: Verifications, content: ProfileContent) {
  const valid: Verifications = {};
  const changed: Array<{ key: string; type: VerificationItemType; itemId: string | null; snapshot: Record<string, unknown> }> = [];
  for (const [key, v] of Object.entries(verifications)) {
    const { type, itemId } = parseKey(key);
    // An award mark is not an item of the content: it holds while its provenance is the one decided.
    if (type === 'award') {
      if (v.provenance && hashSnapshot(v.provenance) === v.hash) valid[key] = v;
      continue;
    }
    const snapshot = itemSnapshot(content, type, itemId);
    if (snapshot && hashSnapshot(snapshot) === v.hash) valid[key] = v;
    else if (snapshot) changed.push({ key, type, itemId, snapshot });
  }
  return { valid, changed };
}

export interface VerificationBadge {
  itemType: BadgeItemType;
  itemId: string | null;
  by: string;
  at: string;
  /** Award marks only: the decision behind it. */
  provenance?: AwardProvenance;
}

/** Badges that hold for the content; which of them an audience may see is the projection's business. */
export function badgesFor(verifications: Verifications, content: ProfileContent): VerificationBadge[] {
  const { valid } = reconcileVerifications(verifications, content);
  return Object.entries(valid)
    .map(([key, v]) => ({ ...parseKey(key), v }))
    .map(({ type, itemId, v }) => ({
      itemType: type,
      itemId,
      by: v.byName,
      at: v.at,
      ...(type === 'award' && v.provenance ? { provenance: v.provenance as unknown as AwardProvenance } : {}),
    }));
}
