import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { users } from './users.js';

/**
 * Versioned privacy rules (Law 91/2025/QH15, Decree 356/2025/NĐ-CP): request clocks, breach clock,
 * retention and the working-day calendar, each with its legal reference. The latest version
 * applies to new records; each request keeps the version it was timed under.
 */
export const privacyPolicies = pgTable(
  'privacy_policies',
  {
    id: id(),
    version: text('version').notNull(),
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('privacy_policies_version_uq').on(t.version)],
);
export type PrivacyPolicyRow = typeof privacyPolicies.$inferSelect;

/** The privacy notice, one row per published version, in Vietnamese and English. */
export const privacyNotices = pgTable(
  'privacy_notices',
  {
    id: id(),
    version: text('version').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    publishedAt: timestampTz('published_at').notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('privacy_notices_version_uq').on(t.version)],
);
export type PrivacyNoticeRow = typeof privacyNotices.$inferSelect;

/** A data subject's request (access, correction, deletion, restriction, objection, withdrawal) and its clocks. */
export const dataRequests = pgTable(
  'data_requests',
  {
    id: id(),
    /** Null once the subject's account is erased: the fulfilled request stays as the record of it. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    type: text('type').notNull(),
    status: text('status').notNull(),
    details: text('details').notNull().default(''),
    purpose: text('purpose'),
    involvesProcessors: boolean('involves_processors').notNull().default(false),
    selfService: boolean('self_service').notNull().default(false),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => privacyPolicies.id),
    receivedAt: timestampTz('received_at').notNull(),
    acknowledgeBy: timestampTz('acknowledge_by').notNull(),
    dueAt: timestampTz('due_at').notNull(),
    acknowledgedAt: timestampTz('acknowledged_at'),
    extendedAt: timestampTz('extended_at'),
    extensionReason: text('extension_reason'),
    completedAt: timestampTz('completed_at'),
    outcome: text('outcome'),
    handledBy: uuid('handled_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('data_requests_user_idx').on(t.userId), index('data_requests_status_idx').on(t.status, t.dueAt)],
);
export type DataRequestRow = typeof dataRequests.$inferSelect;

/** The personal-data breach register, with its notification clock from detection. */
export const dataBreaches = pgTable(
  'data_breaches',
  {
    id: id(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    dataCategories: jsonb('data_categories').$type<string[]>().notNull().default([]),
    peopleAffected: integer('people_affected'),
    detectedAt: timestampTz('detected_at').notNull(),
    notifyBy: timestampTz('notify_by').notNull(),
    status: text('status').notNull(),
    authorityNotifiedAt: timestampTz('authority_notified_at'),
    subjectsNotifiedAt: timestampTz('subjects_notified_at'),
    notifiedParties: text('notified_parties').notNull().default(''),
    measures: text('measures').notNull().default(''),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => privacyPolicies.id),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('data_breaches_detected_idx').on(t.detectedAt)],
);
export type DataBreachRow = typeof dataBreaches.$inferSelect;
