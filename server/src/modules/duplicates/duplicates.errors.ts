import { AppError } from '../../app/errors.js';

export const duplicatesErrors = {
  duplicateNotFound: () => new AppError(404, 'curation.duplicate_not_found', 'Duplicate candidate not found'),
  mergeTwoAccounts: () =>
    new AppError(409, 'curation.merge_two_accounts', 'Both profiles belong to accounts; ask one person to delete their account first'),
  unionOnly: () => new AppError(403, 'forbidden', 'Duplicates are handled by curators of the Union'),
};
