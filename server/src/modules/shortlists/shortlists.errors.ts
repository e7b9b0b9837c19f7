import { AppError, forbidden } from '../../app/errors.js';

export const shortlistsErrors = {
  notFound: () => new AppError(404, 'shortlists.not_found', 'Shortlist not found'),
  tooMany: (what: string, max: number) => new AppError(409, 'shortlists.limit_reached', `At most ${max} ${what}`),
  staffOnly: () => forbidden('Shortlists are for agency and city staff'),
};
