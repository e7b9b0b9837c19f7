import { AppError } from '../../app/errors.js';

export const verificationErrors = {
  verificationNotFound: () => new AppError(404, 'curation.verification_not_found', 'Verification request not found'),
  associationNotFound: () => new AppError(404, 'curation.association_not_found', 'Association not found'),
  itemNotFound: () =>
    new AppError(400, 'curation.item_not_found', 'There is no such item on your profile to verify', {
      fields: [{ path: 'itemId', code: 'item_not_found', message: 'No such degree, title or position on your profile' }],
    }),
  verificationPending: () => new AppError(409, 'curation.verification_pending', 'This item already waits for verification'),
  itemChanged: () =>
    new AppError(409, 'curation.item_changed', 'The expert changed this item after asking; the request was re-queued with the new content'),
  evidenceNotFound: () => new AppError(404, 'curation.evidence_not_found', 'Evidence file not found'),
  evidenceType: (name: string) =>
    new AppError(415, 'curation.evidence_type', `"${name}" is not a PDF, JPEG or PNG file (checked by its content, not its name)`),
  evidenceTooLarge: (maxMb: number) => new AppError(413, 'curation.evidence_too_large', `An evidence file can be at most ${maxMb} MB`),
  evidenceMissing: () =>
    new AppError(400, 'curation.evidence_missing', 'Attach at least one evidence file (PDF, JPEG or PNG)', {
      fields: [{ path: 'evidence', code: 'required', message: 'Attach at least one file' }],
    }),
  evidenceField: (field: string) =>
    new AppError(400, 'validation_failed', 'The request body is invalid', {
      fields: [{ path: field, code: 'custom', message: 'Files go in the `evidence` field' }],
    }),
  onlyExperts: () => new AppError(403, 'forbidden', 'Only experts ask for verification'),
};
