import { AppError } from '../../app/errors.js';

/** Stable codes; the web translates them. */
export const reportsErrors = {
  forbidden: (message = 'You may not see these figures') => new AppError(403, 'reports.forbidden', message),
  notFound: () => new AppError(404, 'reports.not_found', 'Report not found'),
  noOrganisation: () => new AppError(403, 'reports.no_organisation', 'Your account belongs to no organisation that reports'),
  badTransition: (from: string, event: string) => new AppError(409, 'reports.invalid_state', `Cannot ${event} a report that is ${from}`),
  staleVersion: () => new AppError(409, 'reports.stale_version', 'The report was changed by someone else: reload it'),
  badPeriod: () =>
    new AppError(400, 'reports.bad_period', 'The period must start before it ends', {
      fields: [{ path: 'from', code: 'after_to', message: 'After "to"' }],
    }),
  tooLarge: () => new AppError(413, 'reports.too_large', 'The report is too large to render as PDF'),
};
