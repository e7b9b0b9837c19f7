import { canSee } from '../profiles/profile-sections.js';
import { defaultVisibility, type ProfileSection, type VisibilityLevel } from '../profiles/profiles.schemas.js';
import { foldVietnamese } from '../shared/text.js';
import type { ImportRow } from './import-rows.js';

export interface MatchCandidate {
  id: string;
  email: string | null;
  orcid: string | null;
  name: string;
  birthYear: number | null;
  userId: string | null;
  visibility: Record<string, string>;
}

/**
 * Which existing profile an imported row is. The rule (issue 18.7): a row is matched only on
 * values the curator may already see: what the profile shares with agencies, and what this
 * association's own imports wrote on the unclaimed profiles they created (the curator's own
 * list). A private e-mail, a private birth year or a hidden profile is never used to match, so
 * neither the dry run nor the import can tell a curator whether such a value exists: the
 * outcome is the same as if it did not (the row creates a new, unclaimed profile, which the
 * duplicate scan of the Union's curators may later pair with the person's own).
 */
export function buildMatchIndex(candidates: MatchCandidate[], memberships: Array<{ profileId: string; source: string }>) {
  const members = new Set(memberships.map((m) => m.profileId));
  const ownImports = new Set(memberships.filter((m) => m.source === 'import').map((m) => m.profileId));
  const byEmail = new Map<string, string>();
  const byOrcid = new Map<string, string>();
  const byNameYear = new Map<string, string>();
  const memberByName = new Map<string, string>();
  /** Profiles with a visible e-mail: a row with another e-mail is another person, whatever the name. */
  const emailOf = new Map<string, string>();
  const claimed = new Set<string>();
  for (const r of candidates) {
    const level = (section: ProfileSection) => (r.visibility[section] ?? defaultVisibility[section]) as VisibilityLevel;
    const ownList = !r.userId && ownImports.has(r.id);
    const may = (section: ProfileSection) => ownList || canSee(level(section), 'agencies');
    if (!may('identity')) continue;
    if (r.userId) claimed.add(r.id);
    if (r.email && may('contact')) {
      byEmail.set(r.email.toLowerCase(), r.id);
      emailOf.set(r.id, r.email.toLowerCase());
    }
    if (r.orcid) byOrcid.set(r.orcid, r.id);
    if (r.birthYear && may('personal')) byNameYear.set(`${r.name}|${r.birthYear}`, r.id);
    if (members.has(r.id)) memberByName.set(r.name, r.id);
  }
  const sameOrUnknownEmail = (row: ImportRow, id: string | undefined) =>
    id && (!row.email || !emailOf.has(id) || emailOf.get(id) === row.email) ? id : null;
  return {
    members,
    /** Whether a profile has an account: its owner must accept a membership themselves. */
    isClaimed: (id: string) => claimed.has(id),
    find(row: ImportRow): string | null {
      const name = foldVietnamese(row.full_name);
      return (
        (row.email && byEmail.get(row.email)) ||
        (row.orcid && byOrcid.get(row.orcid)) ||
        (row.birth_year && sameOrUnknownEmail(row, byNameYear.get(`${name}|${row.birth_year}`))) ||
        (!row.birth_year && sameOrUnknownEmail(row, memberByName.get(name))) ||
        null
      );
    },
    /** A profile this import created is matched by what the file said about it. */
    remember(row: ImportRow, id: string) {
      if (row.email) {
        byEmail.set(row.email, id);
        emailOf.set(id, row.email);
      }
      if (row.orcid) byOrcid.set(row.orcid, id);
      if (row.birth_year) byNameYear.set(`${foldVietnamese(row.full_name)}|${row.birth_year}`, id);
      memberByName.set(foldVietnamese(row.full_name), id);
      members.add(id);
    },
  };
}
export type MatchIndex = ReturnType<typeof buildMatchIndex>;
