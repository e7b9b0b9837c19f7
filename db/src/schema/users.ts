import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { locales, roles, userStatuses } from './enums.js';
import { organisations } from './organisations.js';

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased; the unique index is on the stored value. */
    email: text('email').notNull(),
    /** Null while an invitation has not been accepted. */
    passwordHash: text('password_hash'),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: roles }).notNull(),
    status: text('status', { enum: userStatuses }).notNull().default('active'),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    locale: text('locale', { enum: locales }).notNull().default('vi'),
    emailVerifiedAt: timestampTz('email_verified_at'),
    lastSignInAt: timestampTz('last_sign_in_at'),
    passwordChangedAt: timestampTz('password_changed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    index('users_role_idx').on(t.role),
    index('users_organisation_idx').on(t.organisationId),
    index('users_full_name_idx').on(sql`lower(${t.fullName})`),
  ],
);

export type UserRow = typeof users.$inferSelect;

/**
 * Consent history per purpose (Law 91/2025 Art. 9, Decree 356/2025): which notice version was
 * accepted or withdrawn, when, how (web form, import claim, backfill…) and the evidence kept.
 * Append-only: the current state of a purpose is its latest row.
 */
export const consents = pgTable(
  'consents',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose').notNull(),
    noticeVersion: text('notice_version').notNull(),
    action: text('action', { enum: ['granted', 'withdrawn'] }).notNull(),
    method: text('method').notNull().default('web_form'),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
  },
  (t) => [index('consents_user_idx').on(t.userId)],
);
