/**
 * Application errors carry a stable machine code and an HTTP status; the error handler
 * turns them into `{ error: { code, message, fields? }, requestId }`.
 */
export interface FieldError {
  path: string;
  code: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: { fields?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'Resource') => new AppError(404, 'not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new AppError(403, 'forbidden', message);
export const unauthenticated = (message = 'Sign in to continue') => new AppError(401, 'auth.unauthenticated', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const badRequest = (code: string, message: string, fields?: FieldError[]) =>
  new AppError(400, code, message, fields ? { fields } : {});
