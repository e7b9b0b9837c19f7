import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz } from './columns.js';
import { users } from './users.js';

/**
 * A session is one sign-in on one device: the family of refresh tokens that rotate from it.
 * Revoking the session revokes every token of the family and the access tokens that name it.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    createdAt: createdAt(),
    lastUsedAt: timestampTz('last_used_at').notNull().defaultNow(),
    expiresAt: timestampTz('expires_at').notNull(),
    revokedAt: timestampTz('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Only a SHA-256 of each refresh token is stored. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestampTz('expires_at').notNull(),
    usedAt: timestampTz('used_at'),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash), index('refresh_tokens_session_idx').on(t.sessionId)],
);

export const actionTokenPurposes = ['verify_email', 'reset_password', 'accept_invitation', 'claim_profile'] as const;
export type ActionTokenPurpose = (typeof actionTokenPurposes)[number];

/** Single-use links sent by e-mail; only a SHA-256 of the token is stored. */
export const actionTokens = pgTable(
  'action_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: actionTokenPurposes }).notNull(),
    /** What the token is about beyond its user, e.g. the profile being claimed. */
    subjectId: text('subject_id'),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: timestampTz('expires_at').notNull(),
    usedAt: timestampTz('used_at'),
  },
  (t) => [uniqueIndex('action_tokens_hash_uq').on(t.tokenHash), index('action_tokens_user_idx').on(t.userId)],
);

/**
 * Failed sign-in counters per key ("email:<addr>" or "ip:<addr>") in a fixed window.
 * Kept in the database so throttling survives restarts and holds across instances.
 */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestampTz('window_started_at').notNull().defaultNow(),
  blockedUntil: timestampTz('blocked_until'),
});
