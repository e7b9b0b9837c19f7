import type { ConsultationMemberRow, ConsultationRow } from '@hpen/db';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import { foldVietnamese } from '../shared/text.js';

export interface ConflictFlag {
  code: 'same_organisation' | 'co_authorship' | 'earlier_involvement' | 'declared_before';
  evidence: string;
}

export interface ConflictContext {
  consultation: Pick<ConsultationRow, 'id' | 'scheme' | 'requesterOrganisationId'>;
  /** Names of the requesting agency and the scheme owner (Vietnamese and English). */
  organisationNames: string[];
  /** This expert's seats and declarations in other cases. */
  history: Array<{ member: ConsultationMemberRow; consultation: ConsultationRow }>;
}

const folded = (s: string) =>
  foldVietnamese(s)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const sameScheme = (a: ConsultationRow['scheme'], b: ConsultationRow['scheme']) =>
  folded(a.title) !== '' && folded(a.title) === folded(b.title);

/** Same organisation as the requester or the scheme owner, by a current position. */
function sameOrganisation(view: ExpertView, names: string[]): ConflictFlag[] {
  const targets = names.map(folded).filter((n) => n.length >= 4);
  return (view.positions ?? [])
    .filter((p) => p.current || p.to === null)
    .filter((p) =>
      targets.some((t) => folded(p.organisation) === t || folded(p.organisation).includes(t) || t.includes(folded(p.organisation))),
    )
    .map((p) => ({ code: 'same_organisation' as const, evidence: `${p.title}, ${p.organisation} (${p.from}–nay)` }));
}

/** A publication whose authors include a member of the drafting team. */
function coAuthorship(view: ExpertView, draftingTeam: string[]): ConflictFlag[] {
  const team = draftingTeam.map(folded).filter((n) => n.split(' ').length >= 2);
  const flags: ConflictFlag[] = [];
  for (const p of view.publications ?? []) {
    const authors = folded(p.authors);
    const who = team.find((name) => authors.includes(name));
    if (who) flags.push({ code: 'co_authorship', evidence: `"${p.title}" (${p.year})${p.doi ? `, doi:${p.doi}` : ''}: ${p.authors}` });
  }
  return flags;
}

/** Evaluates every rule; each flag says what in the data raised it. */
export function screenConflicts(view: ExpertView, ctx: ConflictContext): ConflictFlag[] {
  const c = ctx.consultation;
  const flags = [...sameOrganisation(view, ctx.organisationNames), ...coAuthorship(view, c.scheme.draftingTeam)];
  for (const { member, consultation: other } of ctx.history) {
    const onScheme = sameScheme(other.scheme, c.scheme);
    if (onScheme && member.status === 'accepted')
      flags.push({ code: 'earlier_involvement', evidence: `${other.title} (${other.createdAt.toISOString().slice(0, 10)})` });
    const sameParty = onScheme || other.requesterOrganisationId === c.requesterOrganisationId;
    if (sameParty && member.declaration?.conflict)
      flags.push({
        code: 'declared_before',
        evidence: `${other.title}: ${member.declaration.description || '(không mô tả)'} (${member.declaration.signedAt.slice(0, 10)})`,
      });
  }
  return flags;
}
