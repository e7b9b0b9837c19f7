import { AppError, conflict } from '../../app/errors.js';

export const searchErrors = {
  unavailable: () =>
    new AppError(503, 'search.unavailable', 'Search is temporarily unavailable. Please try again in a moment; your data is safe.'),
  reindexRunning: () => conflict('search.reindex_running', 'A reindex is already running'),
};
