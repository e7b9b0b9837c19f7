import { z } from 'zod';
import { multilineTextSchema } from '../shared/shared.schemas.js';

/**
 * Personal data under Law 91/2025/QH15 and Decree 356/2025/NĐ-CP: consents per purpose,
 * data-subject requests with their legal clocks, the breach register, the versioned notice.
 * Pure zod: web/ imports these through contracts.ts.
 */

/** Purposes of processing, each consented to separately (Art. 9: per purpose, never bundled). */
export const consentPurposes = [
  'registry_profile',
  'public_profile',
  'share_with_agencies',
  'consultation_invitations',
  'program_assessment',
  'award_nomination',
] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
/** Without this one there is no account: withdrawing it means deleting the account. */
export const requiredConsentPurposes: readonly ConsentPurpose[] = ['registry_profile'];
export const consentPurposeSchema = z.enum(consentPurposes);

export const consentMethods = ['web_form', 'sign_up', 'import_claim', 'backfill', 'data_request'] as const;

export const consentEventSchema = z.object({
  id: z.uuid(),
  purpose: z.string(),
  action: z.enum(['granted', 'withdrawn']),
  noticeVersion: z.string(),
  method: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type ConsentEvent = z.infer<typeof consentEventSchema>;

export const consentStateSchema = z.object({
  purpose: consentPurposeSchema,
  required: z.boolean(),
  /** never: no answer yet, which is not consent. */
  state: z.enum(['granted', 'withdrawn', 'never']),
  noticeVersion: z.string().nullable(),
  changedAt: z.string().nullable(),
  history: z.array(consentEventSchema),
});
export type ConsentState = z.infer<typeof consentStateSchema>;
export const consentStateListSchema = z.object({ items: z.array(consentStateSchema) });
export const consentPurposeParamsSchema = z.strictObject({ purpose: consentPurposeSchema });
export const consentChangeBodySchema = z
  .strictObject({
    /** The notice version the person saw on the form (defaults to the current one). */
    noticeVersion: z.string().min(1).max(40).optional(),
  })
  .nullish();

/** Optional purposes offered (unticked) at sign-up. */
export const signUpConsentsSchema = z.array(consentPurposeSchema).max(consentPurposes.length).optional();

// ---- Data-subject requests --------------------------------------------------------------

export const dataRequestTypes = ['access', 'correction', 'deletion', 'restriction', 'objection', 'withdrawal'] as const;
export type DataRequestType = (typeof dataRequestTypes)[number];
export const dataRequestStatuses = ['received', 'acknowledged', 'extended', 'fulfilled', 'rejected'] as const;
export type DataRequestStatus = (typeof dataRequestStatuses)[number];

export const dataRequestSchema = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  subjectName: z.string().nullable(),
  subjectEmail: z.string().nullable(),
  type: z.enum(dataRequestTypes),
  status: z.enum(dataRequestStatuses),
  details: z.string(),
  purpose: z.string().nullable(),
  involvesProcessors: z.boolean(),
  selfService: z.boolean(),
  policyVersion: z.string(),
  receivedAt: z.string(),
  acknowledgeBy: z.string(),
  dueAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  extendedAt: z.string().nullable(),
  extensionReason: z.string().nullable(),
  completedAt: z.string().nullable(),
  outcome: z.string().nullable(),
  /** Open and past its next deadline (acknowledgement, else completion). */
  overdue: z.boolean(),
});
export type DataRequestView = z.infer<typeof dataRequestSchema>;
export const dataRequestListSchema = z.object({ items: z.array(dataRequestSchema) });
export const dataRequestIdParamsSchema = z.strictObject({ id: z.uuid() });

export const fileDataRequestBodySchema = z.strictObject({
  type: z.enum(dataRequestTypes),
  details: multilineTextSchema().max(4000).default(''),
  purpose: consentPurposeSchema.optional(),
});
export const dataRequestQueueQuerySchema = z.strictObject({
  status: z.enum(['open', 'closed', 'all']).default('open'),
});
export const dataRequestActionBodySchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('acknowledge'), involvesProcessors: z.boolean().optional() }),
  z.strictObject({ action: z.literal('extend'), reason: multilineTextSchema().min(3).max(2000), days: z.number().int().min(1).max(365) }),
  z.strictObject({ action: z.literal('fulfil'), outcome: multilineTextSchema().min(3).max(4000) }),
  z.strictObject({ action: z.literal('reject'), outcome: multilineTextSchema().min(3).max(4000) }),
]);
export type DataRequestAction = z.infer<typeof dataRequestActionBodySchema>;

// ---- Policy rows (law as data) ----------------------------------------------------------

export const legalRefSchema = z.object({
  document: z.string().min(1).max(200),
  article: z.string().max(200).default(''),
  link: z.string().max(500).default(''),
  /** POLICY-FACTS.md marks: V verified, P probable, U unverified. */
  certainty: z.enum(['V', 'P', 'U']),
});
const clockSchema = z.object({
  days: z.number().int().min(1).max(365),
  withProcessorsDays: z.number().int().min(1).max(365),
  legal: legalRefSchema,
});
export const privacyRulesSchema = z.object({
  acknowledge: z.object({ workingDays: z.number().int().min(1).max(60), legal: legalRefSchema }),
  complete: z.record(z.enum(dataRequestTypes), clockSchema),
  extension: z.object({ maxDays: z.number().int().min(1).max(365), maxCount: z.number().int().min(0).max(5), legal: legalRefSchema }),
  /** Reminders this many days (and 1 day) before a deadline. */
  reminderDaysBefore: z.number().int().min(1).max(30),
  breach: z.object({ notifyHours: z.number().int().min(1).max(720), legal: legalRefSchema }),
  retention: z.object({
    untouchedYears: z.number().int().min(1).max(50),
    graceDays: z.number().int().min(1).max(365),
    legal: legalRefSchema,
  }),
  /** Public holidays (YYYY-MM-DD) skipped as well as weekends when counting working days. */
  holidays: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).max(400),
});
export type PrivacyRules = z.infer<typeof privacyRulesSchema>;
export const privacyPolicySchema = z.object({
  id: z.uuid(),
  version: z.string(),
  rules: privacyRulesSchema,
  note: z.string().nullable(),
  createdAt: z.string(),
});
export const privacyPolicyListSchema = z.object({ items: z.array(privacyPolicySchema) });
export const newPrivacyPolicyBodySchema = z.strictObject({
  version: z.string().min(1).max(40),
  rules: privacyRulesSchema,
  note: multilineTextSchema().max(2000).optional(),
});

// ---- Breach register --------------------------------------------------------------------

export const breachStatuses = ['detected', 'assessing', 'notified', 'closed'] as const;
export const breachSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string(),
  dataCategories: z.array(z.string()),
  peopleAffected: z.number().int().nullable(),
  detectedAt: z.string(),
  notifyBy: z.string(),
  status: z.enum(breachStatuses),
  authorityNotifiedAt: z.string().nullable(),
  subjectsNotifiedAt: z.string().nullable(),
  notifiedParties: z.string(),
  measures: z.string(),
  policyVersion: z.string(),
  /** Not yet notified to the authority and past notifyBy. */
  overdue: z.boolean(),
  createdAt: z.string(),
});
export type BreachView = z.infer<typeof breachSchema>;
export const breachListSchema = z.object({ items: z.array(breachSchema) });
export const newBreachBodySchema = z.strictObject({
  title: z.string().trim().min(3).max(300),
  description: multilineTextSchema().max(8000).default(''),
  dataCategories: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
  peopleAffected: z.number().int().min(0).max(100_000_000).nullable().default(null),
  detectedAt: z.iso.datetime({ offset: true }),
  measures: multilineTextSchema().max(8000).default(''),
});
export const updateBreachBodySchema = z.strictObject({
  status: z.enum(breachStatuses).optional(),
  description: multilineTextSchema().max(8000).optional(),
  dataCategories: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  peopleAffected: z.number().int().min(0).max(100_000_000).nullable().optional(),
  authorityNotifiedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  subjectsNotifiedAt: z.iso.datetime({ offset: true }).nullable().optional(),
  notifiedParties: multilineTextSchema().max(2000).optional(),
  measures: multilineTextSchema().max(8000).optional(),
});

// ---- Privacy notice ---------------------------------------------------------------------

const noticeTextSchema = z.object({
  controller: z.string().min(1).max(2000),
  purposes: z
    .array(z.object({ purpose: z.string().max(60), text: z.string().min(1).max(2000) }))
    .min(1)
    .max(20),
  dataCategories: z.string().min(1).max(4000),
  retention: z.string().min(1).max(4000),
  rights: z.string().min(1).max(4000),
});
export const privacyNoticeContentSchema = z.object({ vi: noticeTextSchema, en: noticeTextSchema, legal: z.array(legalRefSchema).max(10) });
export type PrivacyNoticeContent = z.infer<typeof privacyNoticeContentSchema>;
export const privacyNoticeVersionSchema = z.object({
  version: z.string(),
  publishedAt: z.string(),
  content: privacyNoticeContentSchema,
});
export const newPrivacyNoticeBodySchema = z.strictObject({ version: z.string().min(1).max(40), content: privacyNoticeContentSchema });
export const myNoticeStatusSchema = z.object({
  current: privacyNoticeVersionSchema,
  reviewedVersion: z.string().nullable(),
  needsReview: z.boolean(),
});

/** Officer-role staff designated for data protection: they work the request queue and the breach register. */
export const privacyOfficersBodySchema = z.strictObject({ userIds: z.array(z.uuid()).max(50) });
export const privacyOfficerListSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), email: z.string(), fullName: z.string().nullable() })),
});
