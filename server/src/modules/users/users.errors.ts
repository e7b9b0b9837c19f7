import { AppError } from '../../app/errors.js';

export const usersErrors = {
  notFound: () => new AppError(404, 'users.not_found', 'User not found'),
  cannotChangeSelf: () => new AppError(409, 'users.cannot_change_self', 'You cannot change your own role or status; ask another admin'),
  organisationRequired: () =>
    new AppError(400, 'users.organisation_required', 'Staff users must belong to an organisation', {
      fields: [{ path: 'organisationId', code: 'required', message: 'Choose an organisation' }],
    }),
  organisationNotFound: () =>
    new AppError(400, 'users.organisation_not_found', 'Organisation not found', {
      fields: [{ path: 'organisationId', code: 'not_found', message: 'No such organisation' }],
    }),
  lastAdmin: () => new AppError(409, 'users.last_admin', 'At least one active admin must remain'),
  wrongPassword: () => new AppError(401, 'auth.invalid_credentials', 'The current password is incorrect'),
};
