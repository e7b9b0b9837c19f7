import type { ExpertView } from '../profiles/profiles.schemas.js';

export interface OfferLike {
  fields: readonly string[];
  sectors: readonly string[];
  overseasWelcome: boolean;
}

/** A field matches when one code is the other or one of its sub-fields (the taxonomy nests codes by prefix). */
const fieldMatches = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);

/**
 * How well an expert (as the viewer may see them) fits an offer: shared fields weigh 3, shared
 * priority sectors 2, an overseas expert for an offer open to them 1; a linked program's outcome
 * adds 3 (eligible) or 1 (nearly). Reasons name what matched, for the list to show.
 */
export function scoreOffer(
  offer: OfferLike,
  view: Pick<ExpertView, 'fields' | 'sectors' | 'location'>,
  eligibility: 'eligible' | 'nearly' | 'not_eligible' | null = null,
): { score: number; reasons: string[] } {
  const reasons: string[] = [];
  let score = 0;
  const fields = (view.fields ?? []).map((f) => f.code);
  for (const code of offer.fields) {
    if (fields.some((f) => fieldMatches(f, code))) {
      score += 3;
      reasons.push(`field:${code}`);
    }
  }
  const sectors = new Set<string>(view.sectors ?? []);
  for (const s of offer.sectors) {
    if (sectors.has(s)) {
      score += 2;
      reasons.push(`sector:${s}`);
    }
  }
  if (offer.overseasWelcome && view.location?.kind === 'overseas') {
    score += 1;
    reasons.push('overseas');
  }
  if (eligibility === 'eligible') {
    score += 3;
    reasons.push('program:eligible');
  } else if (eligibility === 'nearly') {
    score += 1;
    reasons.push('program:nearly');
  }
  return { score, reasons };
}

/** Does the expert match the offer on subject at all (a field or a sector)? Alerts go only to those. */
export const fitsOnSubject = (r: { reasons: string[] }) => r.reasons.some((x) => x.startsWith('field:') || x.startsWith('sector:'));
