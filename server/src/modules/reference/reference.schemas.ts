import { z } from 'zod';

export const taxonomyFieldSchema = z.object({
  code: z.string(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
  nameVi: z.string(),
  nameEn: z.string(),
});
export type TaxonomyField = z.infer<typeof taxonomyFieldSchema>;

export const taxonomySchema = z.object({
  version: z.string(),
  title: z.string(),
  fields: z.array(taxonomyFieldSchema),
});
export type Taxonomy = z.infer<typeof taxonomySchema>;

const labelled = z.object({ code: z.string(), vi: z.string(), en: z.string() });

export const referenceSuggestQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(100),
  lang: z.enum(['vi', 'en']).default('vi'),
});

export const referenceSuggestionsSchema = z.object({
  /** Taxonomy fields matching the words, then those most chosen with the matching keywords. */
  fields: z.array(z.object({ code: z.string(), label: z.string(), path: z.string() })),
  /** Keywords that experts use publicly, with how many use each. */
  keywords: z.array(z.object({ text: z.string(), count: z.number().int() })),
});
export type ReferenceSuggestions = z.infer<typeof referenceSuggestionsSchema>;

export const referenceDataSchema = z.object({
  sectors: z.array(labelled),
  degrees: z.array(labelled.extend({ rank: z.number().int() })),
  districts: z.array(labelled),
  provinces: z.array(z.object({ code: z.string(), vi: z.string() })),
});
