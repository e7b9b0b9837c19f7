/**
 * The value lists of the verification contract, without zod: the schemas build on them, and web pages
 * that only need the choices (a filter's options) import them without loading zod on first view.
 */
export const verificationStatuses = ['pending', 'approved', 'rejected', 'changes_requested', 'superseded', 'withdrawn'] as const;
export const verificationItemTypes = ['degree', 'title', 'position'] as const;
