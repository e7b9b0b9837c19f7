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

export const referenceDataSchema = z.object({
  sectors: z.array(labelled),
  degrees: z.array(labelled.extend({ rank: z.number().int() })),
  districts: z.array(labelled),
  provinces: z.array(z.object({ code: z.string(), vi: z.string() })),
});
