import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { users } from './users.js';

/**
 * A user's TOTP second factor (RFC 6238). `pendingSecret` holds a secret shown at set-up until
 * the first code proves the authenticator has it; `lastTimeStep` refuses a code seen before.
 */
export const userMfa = pgTable('user_mfa', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  totpSecret: text('totp_secret'),
  pendingSecret: text('pending_secret'),
  enabledAt: timestampTz('enabled_at'),
  lastTimeStep: bigint('last_time_step', { mode: 'number' }),
  updatedAt: updatedAt(),
});

/** Ten one-time recovery codes per enrolment; only a SHA-256 of each is stored. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    createdAt: createdAt(),
    usedAt: timestampTz('used_at'),
  },
  (t) => [index('mfa_recovery_codes_user_idx').on(t.userId)],
);

/**
 * The second sign-in step: a password that was right gives a short-lived, single-use challenge
 * (only its SHA-256 stored) that a few wrong codes use up.
 */
export const mfaChallenges = pgTable(
  'mfa_challenges',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: createdAt(),
    expiresAt: timestampTz('expires_at').notNull(),
    usedAt: timestampTz('used_at'),
  },
  (t) => [uniqueIndex('mfa_challenges_hash_uq').on(t.tokenHash), index('mfa_challenges_user_idx').on(t.userId)],
);

/** Settings an admin changes at run time (e.g. which staff roles must use a second factor). */
export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
});
