import { AppError } from '../../app/errors.js';

/** Errors shared by the curation modules (scope, bad multipart). Codes stay `curation.*`: the web maps them. */
export const curationErrors = {
  notCurator: () =>
    new AppError(403, 'curation.not_curator', 'Only curators of the Union of S&T Associations or of an association can do this'),
  alreadyDecided: () => new AppError(409, 'curation.already_decided', 'This has already been decided'),
  invalidFields: (fields: Array<{ path: string; code: string; message: string }>) =>
    new AppError(400, 'validation_failed', 'The request body is invalid', { fields }),
};
