/**
 * The value lists of the eligibility rules without zod: the schemas build on them, and the officers'
 * rule editor shows the choices without loading zod before the page can show.
 */
export const employerTypes = [
  'state_agency',
  'public_unit',
  'state_enterprise',
  'private_enterprise',
  'university',
  'research_institute',
  'foreign',
  'none',
] as const;
