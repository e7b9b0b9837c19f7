import { AppError } from '../../app/errors.js';

export const curationErrors = {
  notCurator: () =>
    new AppError(403, 'curation.not_curator', 'Only curators of the Union of S&T Associations or of an association can do this'),
  associationNotFound: () => new AppError(404, 'curation.association_not_found', 'Association not found'),
  membershipNotFound: () => new AppError(404, 'curation.membership_not_found', 'Membership not found'),
  alreadyMember: (status: string) =>
    new AppError(
      409,
      'curation.membership_exists',
      status === 'approved' ? 'You are already a member of this association' : 'Your application is already waiting for a decision',
    ),
  notMember: () => new AppError(409, 'curation.not_member', 'You are not a member of this association'),
  codeTaken: () =>
    new AppError(409, 'curation.code_taken', 'An organisation with this code exists', {
      fields: [{ path: 'code', code: 'taken', message: 'This code is taken' }],
    }),
  alreadyDecided: () => new AppError(409, 'curation.already_decided', 'This has already been decided'),
  associationHasMembers: () =>
    new AppError(409, 'curation.association_has_members', 'An association with members or applications cannot be deleted'),
  verificationNotFound: () => new AppError(404, 'curation.verification_not_found', 'Verification request not found'),
  itemNotFound: () =>
    new AppError(400, 'curation.item_not_found', 'There is no such item on your profile to verify', {
      fields: [{ path: 'itemId', code: 'item_not_found', message: 'No such degree, title or position on your profile' }],
    }),
  verificationPending: () => new AppError(409, 'curation.verification_pending', 'This item already waits for verification'),
  itemChanged: () =>
    new AppError(409, 'curation.item_changed', 'The expert changed this item after asking; the request was re-queued with the new content'),
  evidenceNotFound: () => new AppError(404, 'curation.evidence_not_found', 'Evidence file not found'),
  duplicateNotFound: () => new AppError(404, 'curation.duplicate_not_found', 'Duplicate candidate not found'),
  mergeTwoAccounts: () =>
    new AppError(409, 'curation.merge_two_accounts', 'Both profiles belong to accounts; ask one person to delete their account first'),
  importNotFound: () => new AppError(404, 'curation.import_not_found', 'Import not found'),
  importNotClean: () =>
    new AppError(409, 'curation.import_not_clean', 'Fix the rows with errors and upload again: only a clean dry run can be imported'),
  evidenceType: (name: string) =>
    new AppError(415, 'curation.evidence_type', `"${name}" is not a PDF, JPEG or PNG file (checked by its content, not its name)`),
  evidenceTooLarge: (maxMb: number) => new AppError(413, 'curation.evidence_too_large', `An evidence file can be at most ${maxMb} MB`),
  evidenceMissing: () =>
    new AppError(400, 'curation.evidence_missing', 'Attach at least one evidence file (PDF, JPEG or PNG)', {
      fields: [{ path: 'evidence', code: 'required', message: 'Attach at least one file' }],
    }),
  importState: (status: string) => new AppError(409, 'curation.import_state', `The import is ${status}; it cannot be confirmed now`),
};
