import { z } from 'zod';
import { textSchema, multilineTextSchema, fullNameSchema } from '../shared/shared.schemas.js';
import {
  academicTitles,
  availabilityKinds,
  cefrLevels,
  degreeCodes,
  isCountryCode,
  isLanguageCode,
  publicationTypes,
  sectorCodes,
} from '../reference/reference.data.js';
import { communeCodeSchema, provinceCodeSchema } from '../reference/reference.schemas.js';
import { profileSections, visibilityLevels, type ProfileSection, type VisibilityLevel } from './profile-sections.js';
import { isValidDoi, isValidOrcid, normaliseDoi, normaliseOrcid } from './identifiers.js';

// The section and visibility names are zod-free (profile-sections.ts), so web/ pages can use them without zod.
export { profileSections, visibilityLevels, type ProfileSection, type VisibilityLevel } from './profile-sections.js';
export const visibilityLevelSchema = z.enum(visibilityLevels);

/** Contact details and personal data start private; what makes an expert findable starts public. */
export const defaultVisibility: Record<ProfileSection, VisibilityLevel> = {
  identity: 'public',
  personal: 'private',
  contact: 'private',
  bio: 'public',
  expertise: 'public',
  education: 'public',
  positions: 'public',
  languages: 'public',
  publications: 'public',
  patents: 'public',
  projects: 'public',
  awards: 'public',
  location: 'public',
  availability: 'agencies',
  completedReviews: 'public',
};

/** A partial map: PATCH may change one section's visibility. */
export const visibilitySchema = z.partialRecord(z.enum(profileSections), visibilityLevelSchema);
export type Visibility = Record<ProfileSection, VisibilityLevel>;

/** A custom rule's message with a stable code: the error's field `code` (for translation) instead of "custom". */
export const rule = (code: string, message: string) => ({ message, params: { code } });

const thisYear = () => new Date().getFullYear();
const text = (max: number) => textSchema().trim().max(max);
const lines = (max: number) => multilineTextSchema().trim().max(max);
const requiredText = (max: number) => textSchema().trim().min(1).max(max);
const year = (min = 1940, aheadYears = 0) =>
  z
    .number()
    .int()
    .min(min)
    .refine(
      (y) => y <= thisYear() + aheadYears,
      rule('year_in_future', `Must not be later than ${aheadYears ? 'a few years from now' : 'this year'}`),
    );
const itemId = z.uuid().optional();

export const orcidSchema = z
  .string()
  .max(60)
  .transform(normaliseOrcid)
  .refine(isValidOrcid, rule('orcid_invalid', 'Not a valid ORCID iD (format 0000-0000-0000-0000 and check digit)'));

export const doiSchema = z
  .string()
  .max(300)
  .transform(normaliseDoi)
  .refine(isValidDoi, rule('doi_invalid', 'Not a valid DOI (expected 10.xxxx/…)'));

export const countryCodeSchema = z.string().length(2).refine(isCountryCode, rule('country_unknown', 'Not an ISO 3166 country code'));

export const phoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9 ().-]+$/, rule('phone_characters', 'Use digits, spaces, + ( ) - only'))
  .refine(
    (v) => {
      const digits = v.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 15;
    },
    rule('phone_length', 'A phone number has 8 to 15 digits'),
  );

export const educationItemSchema = z.strictObject({
  id: itemId,
  degree: z.enum(degreeCodes),
  field: requiredText(200),
  institution: requiredText(200),
  country: countryCodeSchema,
  year: year(1940, 6),
  trainedAbroad: z.boolean().default(false),
  honours: z.enum(['xuat_sac', 'gioi', 'kha', 'none']).default('none'),
});

const yearRange = <T extends z.ZodRawShape>(shape: T) =>
  z
    .strictObject({ ...shape, from: year(1940), to: year(1940, 10).nullable().default(null) })
    .refine((v) => fromNotAfterTo(v as unknown as { from: number; to: number | null }), {
      ...rule('from_after_to', '"From" must not be after "to"'),
      path: ['to'],
    });
const fromNotAfterTo = (v: { from: number; to: number | null }) => v.to === null || v.from <= v.to;

export const positionItemSchema = yearRange({
  id: itemId,
  title: requiredText(200),
  organisation: requiredText(200),
  current: z.boolean().default(false),
});

export const fieldItemSchema = z.strictObject({
  code: z.string().regex(/^\d{1,7}$/, rule('field_code_format', 'A field code from the taxonomy')),
  primary: z.boolean().default(false),
  /** Set only on a code of an earlier classification version that has no mapping yet; absent = current version. */
  version: z.string().max(20).optional(),
});

export const languageItemSchema = z.strictObject({
  code: z.string().refine(isLanguageCode, rule('language_unknown', 'Not an ISO 639-1 language code')),
  level: z.enum(cefrLevels),
});

export const publicationItemSchema = z.strictObject({
  id: itemId,
  title: requiredText(500),
  authors: text(1000).default(''),
  venue: text(300).default(''),
  year: year(1900, 1),
  type: z.enum(publicationTypes).default('journal_article'),
  doi: doiSchema.nullable().default(null),
});

export const patentItemSchema = z.strictObject({
  id: itemId,
  title: requiredText(500),
  number: text(100).default(''),
  country: countryCodeSchema.nullable().default(null),
  year: year(1950, 1),
});

export const projectItemSchema = yearRange({
  id: itemId,
  title: requiredText(500),
  role: text(100).default(''),
  funder: text(300).default(''),
  level: z.enum(['national', 'ministry', 'city', 'institutional', 'international', 'other']).default('other'),
});

export const awardItemSchema = z.strictObject({
  id: itemId,
  title: requiredText(300),
  issuer: text(300).default(''),
  year: year(1950),
});

/**
 * Where the expert is, on the 2025 two-level map (province, commune), checked against the current
 * administrative units by the service. In Hải Phòng a null commune with `formerAddress` is an old
 * value (a pre-2025 district, a Hải Dương address) kept "to confirm" until the expert picks their
 * phường/xã/đặc khu.
 */
export const locationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('haiphong'),
    commune: communeCodeSchema.nullable().default(null),
    formerAddress: text(200).optional(),
  }),
  z.strictObject({ kind: z.literal('vietnam'), province: provinceCodeSchema, commune: communeCodeSchema.nullable().default(null) }),
  z.strictObject({ kind: z.literal('overseas'), country: countryCodeSchema }),
]);

export const availabilitySchema = z.strictObject({
  kinds: z.array(z.enum(availabilityKinds)).max(availabilityKinds.length).default([]),
  modes: z
    .array(z.enum(['remote', 'in_person']))
    .max(2)
    .default([]),
  note: lines(500).default(''),
});

const uniqueBy =
  <T>(key: (item: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `Duplicate ${what}`, path: [index], params: { code: 'duplicate' } });
      seen.add(k);
    });
  };

/**
 * Item ids are unique within a list: a second item cannot borrow the id of a verified one, and
 * with it the badge (a forged "verified" degree). Items without an id get one when saved.
 */
const uniqueItemIds = <T extends { id?: string | undefined }>(items: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (!item.id) return;
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', message: 'Two items have the same id', path: [index, 'id'], params: { code: 'duplicate' } });
    seen.add(item.id);
  });
};

/**
 * A published consultation case the expert sat on and agreed to be named for (issue 11): written
 * by the consultations module when the case is closed and published, never by the expert.
 */
export const completedReviewSchema = z.strictObject({
  consultationId: z.uuid(),
  kind: z.enum(['tu_van', 'phan_bien', 'giam_dinh']),
  title: z.string().max(500),
  requester: z.string().max(500),
  role: z.enum(['chair', 'reviewer', 'member', 'secretary']),
  /** When the case was closed and published (ISO). */
  date: z.string().max(40),
});
export type CompletedReview = z.infer<typeof completedReviewSchema>;

/**
 * Every part of a profile. PATCH takes any subset of the editable ones; `completedReviews` is the
 * record of the expert's published consultations, kept by the server (only its visibility is the
 * expert's to set).
 */
export const profileContentSchema = z.strictObject({
  fullName: fullNameSchema,
  academicTitle: z.enum(academicTitles).nullable(),
  highestDegree: z.enum(degreeCodes).nullable(),
  orcid: orcidSchema.nullable(),
  birthYear: year(1920)
    .refine((y) => y <= thisYear() - 16, rule('birth_year_too_recent', 'Must be at least 16 years ago'))
    .nullable(),
  gender: z.enum(['female', 'male', 'other']).nullable(),
  contact: z.strictObject({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()).nullable(),
    phone: phoneSchema.nullable(),
  }),
  bio: z.strictObject({ vi: lines(5000), en: lines(5000) }),
  fields: z
    .array(fieldItemSchema)
    .max(10)
    .superRefine(uniqueBy((f) => f.code, 'field'))
    .refine((fs) => fs.filter((f) => f.primary).length <= 1, rule('one_primary_field', 'Only one field can be primary')),
  keywords: z
    .array(textSchema().trim().min(1).max(60))
    .max(30)
    .superRefine(uniqueBy((k) => k.toLowerCase(), 'keyword')),
  sectors: z
    .array(z.enum(sectorCodes))
    .max(sectorCodes.length)
    .superRefine(uniqueBy((s) => s, 'sector')),
  education: z.array(educationItemSchema).max(20).superRefine(uniqueItemIds),
  positions: z.array(positionItemSchema).max(40).superRefine(uniqueItemIds),
  languages: z
    .array(languageItemSchema)
    .max(20)
    .superRefine(uniqueBy((l) => l.code, 'language')),
  publications: z.array(publicationItemSchema).max(2000).superRefine(uniqueItemIds),
  patents: z.array(patentItemSchema).max(200).superRefine(uniqueItemIds),
  projects: z.array(projectItemSchema).max(200).superRefine(uniqueItemIds),
  awards: z.array(awardItemSchema).max(200).superRefine(uniqueItemIds),
  location: locationSchema.nullable(),
  availability: availabilitySchema,
  completedReviews: z.array(completedReviewSchema).max(1000).default([]),
});
export type ProfileContent = z.infer<typeof profileContentSchema>;
export type ProfileContentInput = z.input<typeof profileContentSchema>;

/**
 * Responses are encoded with zod, which cannot run one-way transforms backwards: the stored
 * (already normalised) ORCID and DOI are plain strings on the way out.
 */
const storedPublicationSchema = publicationItemSchema.extend({ doi: z.string().nullable() });
export const profileOutputSchema = profileContentSchema.extend({
  orcid: z.string().nullable(),
  publications: z.array(storedPublicationSchema),
});

/** What the expert may write: everything but the server-kept record of completed reviews. */
export const editableProfileContentSchema = profileContentSchema.omit({ completedReviews: true });

export const updateProfileBodySchema = editableProfileContentSchema.partial().extend({
  visibility: visibilitySchema.optional(),
  /** The version the edit was based on; a newer stored version answers 409 instead of losing an update. */
  version: z.number().int().min(1).optional(),
});
export type UpdateProfileBody = z.infer<typeof updateProfileBodySchema>;

export const completenessSchema = z.object({
  score: z.number().int().min(0).max(100),
  hints: z.array(z.object({ code: z.string(), section: z.enum(profileSections) })),
});

/** Who decided an award and when (decision number, date, signer): the provenance of an award mark. */
export const awardProvenanceSchema = z.object({
  awardId: z.string(),
  roundId: z.string(),
  nominationId: z.string(),
  awardTitle: z.string(),
  awardTitleEn: z.string(),
  year: z.number(),
  prizeLevel: z.string().nullable(),
  prizeLevelTitle: z.string(),
  prizeLevelTitleEn: z.string(),
  workTitle: z.string(),
  decisionNumber: z.string(),
  decisionDate: z.string(),
  signer: z.string(),
  organiser: z.string(),
});

export const verificationBadgeSchema = z.object({
  /** A curator's verification of a title, degree or position, or an award decided and published. */
  itemType: z.enum(['degree', 'title', 'position', 'award']),
  /** The education or position item, the award's nomination; null for the academic title. */
  itemId: z.string().nullable(),
  /** Who verified (curator and organisation) or signed the award decision, and when. */
  by: z.string(),
  at: z.string(),
  /** Award marks: the decision and the work it honours. */
  provenance: awardProvenanceSchema.optional(),
});

/** The owner's view: everything, with visibility and version. */
export const ownProfileSchema = profileOutputSchema.extend({
  id: z.uuid(),
  version: z.number().int(),
  visibility: z.record(z.enum(profileSections), visibilityLevelSchema),
  completeness: completenessSchema,
  verified: z.array(verificationBadgeSchema),
  claimed: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OwnProfile = z.infer<typeof ownProfileSchema>;

/**
 * What anyone else receives: only the sections the viewer may see. The keys are optional, so
 * a hidden section is absent rather than null.
 */
export const expertViewSchema = z.object({
  id: z.uuid(),
  audience: z.enum(['public', 'agencies', 'owner']),
  fullName: z.string(),
  academicTitle: z.enum(academicTitles).nullable(),
  highestDegree: z.enum(degreeCodes).nullable(),
  orcid: z.string().nullable(),
  birthYear: z.number().int().nullable().optional(),
  gender: z.enum(['female', 'male', 'other']).nullable().optional(),
  contact: profileOutputSchema.shape.contact.optional(),
  bio: profileOutputSchema.shape.bio.optional(),
  fields: profileOutputSchema.shape.fields.optional(),
  keywords: z.array(z.string()).optional(),
  sectors: profileOutputSchema.shape.sectors.optional(),
  education: profileOutputSchema.shape.education.optional(),
  positions: profileOutputSchema.shape.positions.optional(),
  languages: profileOutputSchema.shape.languages.optional(),
  publications: profileOutputSchema.shape.publications.optional(),
  patents: profileOutputSchema.shape.patents.optional(),
  projects: profileOutputSchema.shape.projects.optional(),
  awards: profileOutputSchema.shape.awards.optional(),
  location: profileOutputSchema.shape.location.optional(),
  availability: profileOutputSchema.shape.availability.optional(),
  completedReviews: z.array(completedReviewSchema).optional(),
  /** Verified items among the sections shown. */
  verified: z.array(verificationBadgeSchema),
  updatedAt: z.string(),
});
export type ExpertView = z.infer<typeof expertViewSchema>;

export const profileVersionSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  actorUserId: z.string().nullable(),
  actorRole: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});
export const profileHistorySchema = z.object({ items: z.array(profileVersionSchema) });

export const expertIdParamsSchema = z.strictObject({ id: z.uuid() });

export const publicationImportBodySchema = z.strictObject({
  format: z.enum(['bibtex', 'csv']),
  /** The file's text; 2 MB holds thousands of entries. */
  content: multilineTextSchema().min(1).max(2_000_000),
});

export const publicationImportCommitBodySchema = publicationImportBodySchema.extend({
  version: z.number().int().min(1),
  /** Indexes of entries the user chose not to import. */
  skip: z.array(z.number().int().min(0)).max(5000).default([]),
});

export const importCandidateSchema = z.object({
  index: z.number().int(),
  source: z.string(),
  publication: storedPublicationSchema.nullable(),
  status: z.enum(['new', 'duplicate_existing', 'duplicate_in_file', 'invalid']),
  duplicateOf: z.string().nullable(),
  errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
});
export const importPreviewSchema = z.object({
  entries: z.array(importCandidateSchema),
  counts: z.object({ new: z.number().int(), duplicate: z.number().int(), invalid: z.number().int() }),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const claimableProfilesSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), fullName: z.string(), contactEmail: z.string() })),
});
export const requestClaimBodySchema = z.strictObject({ profileId: z.uuid() });
/** Deliberately says nothing about the profile's e-mail (see requestClaim). */
export const requestClaimResponseSchema = z.object({ ok: z.literal(true) });
export const confirmClaimBodySchema = z.strictObject({
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
});
