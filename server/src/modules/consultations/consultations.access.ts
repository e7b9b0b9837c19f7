import type { ConsultationMemberRow, ConsultationRow, ExpertProfileRow } from '@hpen/db';
import type { RequestContext } from '../../app/request-context.js';
import { consultationsErrors } from './consultations.errors.js';
import type { MemberView } from './consultations.schemas.js';

/** How the viewer relates to a case. One person can be several (an agency organising its own case). */
export interface Viewer {
  userId: string;
  requester: boolean;
  organiser: boolean;
  member: ConsultationMemberRow | undefined;
}

export function viewerOf(ctx: RequestContext, c: ConsultationRow, member: ConsultationMemberRow | undefined): Viewer {
  const actor = ctx.actor;
  if (!actor) throw consultationsErrors.forbidden();
  const staff = actor.role !== 'expert' && actor.organisationId !== null;
  return {
    userId: actor.userId,
    requester: staff && actor.organisationId === c.requesterOrganisationId,
    organiser: staff && actor.organisationId === c.organiserOrganisationId,
    member,
  };
}

/** Requester staff, organiser staff, invited experts; nobody else learns the case exists (404). */
export function ensureCanSee(v: Viewer) {
  if (!v.requester && !v.organiser && !v.member) throw consultationsErrors.notFound();
}

/**
 * Whether the viewer may learn who sits on the panel. Blind cases hide names from the requester until
 * the case is published; the organiser always knows (it invited them), and accepted members know each other.
 */
export function mayKnowNames(v: Viewer, c: ConsultationRow): boolean {
  if (v.organiser) return true;
  if (v.member?.status === 'accepted') return true;
  if (v.requester) return !c.blind || c.published;
  return false;
}

interface MemberInput {
  member: ConsultationMemberRow;
  profile: Pick<ExpertProfileRow, 'id' | 'fullName' | 'contactEmail' | 'contactPhone'>;
  submittedAt: Date | null;
}

/**
 * The one projection of a panel for a viewer. An uninvolved expert sees only their own seat; contact
 * details leave only for accepted members who consented to share them, and only to staff who may know names.
 */
export function projectMembers(v: Viewer, c: ConsultationRow, rows: MemberInput[]): MemberView[] {
  const names = mayKnowNames(v, c);
  const visible = rows.filter((r) => names || v.requester || r.member.id === v.member?.id);
  return visible.map((r, index) => {
    const self = r.member.id === v.member?.id;
    const known = names || self;
    const shareContact = r.member.status === 'accepted' && r.member.declaration?.shareContact === true;
    return {
      id: r.member.id,
      profileId: known ? r.profile.id : null,
      name: known ? r.profile.fullName : `#${index + 1}`,
      role: r.member.role,
      status: r.member.status,
      respondedAt: r.member.respondedAt?.toISOString() ?? null,
      contact:
        known && (v.requester || v.organiser) && shareContact ? { email: r.profile.contactEmail, phone: r.profile.contactPhone } : null,
      reviewSubmitted: r.submittedAt !== null,
    };
  });
}

/** The actions the viewer may take now; the service enforces the same rules. */
export function allowedActions(v: Viewer, c: ConsultationRow): string[] {
  const can: string[] = [];
  const s = c.status;
  const open = ['draft', 'panel_forming', 'in_review', 'consolidating'].includes(s);
  if (v.organiser && open) can.push('invite', 'cancel');
  const drafter = v.organiser || (v.member?.status === 'accepted' && (v.member.role === 'chair' || v.member.role === 'secretary'));
  if (drafter && (s === 'in_review' || s === 'consolidating')) can.push('report');
  if (v.organiser && s === 'consolidating') can.push('approve', 'send');
  if (v.requester && s === 'sent') can.push('reply');
  if (v.requester && (s === 'replied' || s === 'closed') && !c.rating) can.push('rate');
  if ((v.requester || v.organiser) && s === 'replied') can.push('close');
  if (v.member?.status === 'accepted' && (s === 'in_review' || s === 'panel_forming')) can.push('review');
  // The same rules as the documents service: both parties, and members once they accepted.
  if (v.requester || v.organiser || v.member?.status === 'accepted') can.push('documents');
  if ((v.requester || v.organiser) && s !== 'closed' && s !== 'cancelled') can.push('upload');
  return can;
}
