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
  /** Hải Phòng's districts before the 2025 reform: only to read old values marked "to confirm". */
  districts: z.array(labelled),
  adminUnitsVersion: z.string(),
  /** The 34 provinces and centrally-run cities (2-digit codes; "31" is Hải Phòng). */
  provinces: z.array(labelled.extend({ name: z.string(), kind: z.string() })),
  /** Hải Phòng's 114 phường, xã and đặc khu (5-digit codes), with the former Hải Dương ones flagged. */
  haiphongCommunes: z.array(
    labelled.extend({ name: z.string(), kind: z.string(), formerHaiDuong: z.boolean(), formerProvince: z.string().nullable() }),
  ),
});
export type ReferenceLists = z.infer<typeof referenceDataSchema>;

export const provinceCodeSchema = z.string().regex(/^\d{2}$/, 'A 2-digit province code');
export const communeCodeSchema = z.string().regex(/^\d{5}$/, 'A 5-digit commune code');

export const communesSchema = z.object({
  province: z.string(),
  communes: z.array(labelled.extend({ name: z.string(), kind: z.string() })),
});
export type Communes = z.infer<typeof communesSchema>;

/** An admin's upload of a new classification version (issue 13 part 3): CSV texts, bounded. */
export const taxonomyVersionUploadSchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^[\w./-]{1,20}$/, 'A short version code, e.g. 24/2025'),
  title: z.string().trim().min(1).max(200),
  legalReference: z.string().trim().max(300).optional(),
  classificationCsv: z.string().min(1).max(600_000),
  crosswalkCsv: z.string().max(600_000),
});
export type TaxonomyVersionUpload = z.infer<typeof taxonomyVersionUploadSchema>;

export const taxonomyVersionPreviewSchema = z.object({
  version: z.string(),
  fromVersion: z.string(),
  fields: z.number().int(),
  levels: z.record(z.string(), z.number().int()),
  crosswalkRows: z.number().int(),
  profilesWithFields: z.number().int(),
  /** Profiles whose fields move to new codes (or are marked with their old version). */
  profilesChanged: z.number().int(),
  /** Profiles left with at least one code of the old version (no mapping): they keep it, with its version. */
  profilesKeepingOldCodes: z.number().int(),
  unmappedCodes: z.array(z.object({ code: z.string(), profiles: z.number().int() })),
});
export type TaxonomyVersionPreview = z.infer<typeof taxonomyVersionPreviewSchema>;

export const taxonomyVersionListSchema = z.object({
  items: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      legalReference: z.string().nullable(),
      isCurrent: z.boolean(),
      createdAt: z.string(),
      fields: z.number().int(),
      /** Rows of the crosswalk from the previous version into this one. */
      crosswalkRows: z.number().int(),
    }),
  ),
});
export type TaxonomyVersionList = z.infer<typeof taxonomyVersionListSchema>;
