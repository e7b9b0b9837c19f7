import { AppError } from '../../app/errors.js';

export const membershipsErrors = {
  associationNotFound: () => new AppError(404, 'curation.association_not_found', 'Association not found'),
  membershipNotFound: () => new AppError(404, 'curation.membership_not_found', 'Membership not found'),
  alreadyMember: (status: string) =>
    new AppError(
      409,
      'curation.membership_exists',
      status === 'approved' ? 'You are already a member of this association' : 'Your application is already waiting for a decision',
    ),
  notMember: () => new AppError(409, 'curation.not_member', 'You are not a member of this association'),
  noProposal: () => new AppError(404, 'curation.proposal_not_found', 'There is no invitation from this association waiting for you'),
  codeTaken: () =>
    new AppError(409, 'curation.code_taken', 'An organisation with this code exists', {
      fields: [{ path: 'code', code: 'taken', message: 'This code is taken' }],
    }),
  associationHasMembers: () =>
    new AppError(409, 'curation.association_has_members', 'An association with members or applications cannot be deleted'),
};
