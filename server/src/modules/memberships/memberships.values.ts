/**
 * The membership states, without zod (the schema builds on them; a web filter lists them without loading zod).
 * pending: an application waiting for a curator; proposed: an import's invitation waiting for the expert.
 */
export const membershipStatuses = ['pending', 'proposed', 'approved', 'rejected', 'left'] as const;
