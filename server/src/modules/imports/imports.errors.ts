import { AppError } from '../../app/errors.js';

export const importsErrors = {
  associationNotFound: () => new AppError(404, 'curation.association_not_found', 'Association not found'),
  importNotFound: () => new AppError(404, 'curation.import_not_found', 'Import not found'),
  importNotClean: () =>
    new AppError(409, 'curation.import_not_clean', 'Fix the rows with errors and upload again: only a clean dry run can be imported'),
  importState: (status: string) => new AppError(409, 'curation.import_state', `The import is ${status}; it cannot be confirmed now`),
  importBusy: () => new AppError(409, 'curation.import_busy', 'The import is still running; wait until it stops before deleting it'),
  fileMissing: () =>
    new AppError(400, 'curation.import_file_missing', 'Attach the member list in the `file` field', {
      fields: [{ path: 'file', code: 'required', message: 'Attach a file' }],
    }),
  format: () => new AppError(415, 'curation.import_format', 'Upload a .csv (UTF-8) or .xlsx file'),
  tooLarge: (maxMb: number) => new AppError(413, 'curation.import_too_large', `A member list can be at most ${maxMb} MB; split the file`),
};
