import type { DbOrTx, ProgramApplicationReviewerRow, ProgramApplicationRow } from '@hpen/db';
import { type ConflictFlag, screenConflicts } from '../consultations/conflict-rules.js';
import { projectProfile } from '../profiles/profile-projection.js';
import type { ProfilesRepository } from '../profiles/profiles.repository.js';
import type { ExpertView } from '../profiles/profiles.schemas.js';
import type { ApplicationReviewerView } from './programs.schemas.js';

/** Review council seats: who may sit (screening), when the council sits, and how a seat is shown. */

/** The council sits while the application is before the agency: submitted, in review, or waiting for information. */
const UNDER_REVIEW: ReadonlyArray<ProgramApplicationRow['status']> = ['submitted', 'in_review', 'needs_information'];
export const underReview = (a: Pick<ProgramApplicationRow, 'status'>) => UNDER_REVIEW.includes(a.status);

type Flag = ConflictFlag | { code: 'applicant'; evidence: string };

/**
 * Conflicts of a would-be reviewer with an applicant, by the consultation screening rules (same
 * organisation as the applicant's current employer, co-authorship with the applicant), plus being
 * the applicant.
 */
export function screenReviewer(view: ExpertView, a: Pick<ProgramApplicationRow, 'id' | 'profileId' | 'snapshot'>): Flag[] {
  // The applicant shares every organisation and paper with themself: that one flag says it.
  if (view.id === a.profileId) return [{ code: 'applicant', evidence: view.fullName }];
  const snapshot = a.snapshot as Partial<Pick<ExpertView, 'fullName' | 'positions'>>;
  const employers = (snapshot.positions ?? []).filter((p) => p.current || p.to === null).map((p) => p.organisation);
  return screenConflicts(view, {
    consultation: {
      id: a.id,
      scheme: {
        title: '',
        ownerAgency: '',
        ownerOrganisationId: null,
        type: 'application',
        summary: '',
        draftingTeam: [snapshot.fullName ?? ''],
      },
      requesterOrganisationId: '',
    },
    organisationNames: employers.filter((o) => o.trim() !== ''),
    history: [],
  });
}

/** A seat as the officers see it (and the reviewer sees their own). */
export function reviewerView(r: ProgramApplicationReviewerRow, name: string): ApplicationReviewerView {
  return {
    id: r.id,
    profileId: r.profileId,
    name,
    status: r.status,
    declaration: r.declaration,
    opinion: r.opinion,
    declineReason: r.declineReason,
    invitedAt: r.createdAt.toISOString(),
  };
}

/** Seats as views, each reviewer named as agencies see their profile. */
export async function seatViews(profiles: ProfilesRepository, rows: ProgramApplicationReviewerRow[], tx?: DbOrTx) {
  const found = await profiles.findByIds([...new Set(rows.map((r) => r.profileId))], tx);
  const names = new Map(found.map((r) => [r.id, projectProfile(r, 'agencies')?.fullName ?? '']));
  return rows.map((r) => reviewerView(r, names.get(r.profileId) ?? ''));
}
