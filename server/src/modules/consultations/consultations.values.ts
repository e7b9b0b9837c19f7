/** The sections of an expert's written review, in order; without zod, so the review editor lists them without loading it. */
export const reviewSections = [
  'summary',
  'assessment',
  'necessity',
  'legalBasis',
  'fitWithGoals',
  'feasibility',
  'effects',
  'findings',
  'recommendations',
  'verdict',
] as const;
