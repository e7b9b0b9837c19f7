import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { timestampTz, updatedAt } from './columns.js';
import { expertProfiles } from './profiles.js';
import { programs, programVersions } from './programs.js';

/**
 * "Who is eligible for program X", precomputed: one row per (program version, profile) whose
 * outcome on the agencies' projection is eligible or nearly (not eligible is the absence of a row),
 * kept current by the eligibility jobs. A deleted profile or version takes its rows with it.
 */
export const eligibilityOutcomes = pgTable(
  'eligibility_outcomes',
  {
    programVersionId: uuid('program_version_id')
      .notNull()
      .references(() => programVersions.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    outcome: text('outcome', { enum: ['eligible', 'nearly'] }).notNull(),
    group: text('group'),
    gap: integer('gap').notNull(),
    /**
     * The profile's name as a byte-ordered key in the Vietnamese order (nameSortKey on the server),
     * rewritten with the row when the name changes: the list is ordered and paged by the index below.
     */
    nameKey: text('name_key').notNull(),
    /** The day (YYYY-MM-DD) the rules were evaluated for: ages and remaining years depend on it. */
    asOf: text('as_of').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.programVersionId, t.profileId] }),
    index('eligibility_outcomes_profile_idx').on(t.profileId),
    // The list's order: eligible before nearly, then by name; the first page is a scan of this index.
    index('eligibility_outcomes_list_idx').on(t.programVersionId, t.outcome, sql`${t.nameKey} collate "C"`, t.profileId),
  ],
);
export type EligibilityOutcomeRow = typeof eligibilityOutcomes.$inferSelect;

/** Per program version: the last day a full pass completed, and the pass under way (resumable by its cursor). */
export const eligibilityRuns = pgTable('eligibility_runs', {
  programVersionId: uuid('program_version_id')
    .primaryKey()
    .references(() => programVersions.id, { onDelete: 'cascade' }),
  programId: uuid('program_id')
    .notNull()
    .references(() => programs.id, { onDelete: 'cascade' }),
  /** Every profile was evaluated for this day (null until the first pass ends). */
  completeFor: text('complete_for'),
  /** The day of the pass under way, null when none. */
  computingFor: text('computing_for'),
  /** The last profile id the pass under way has evaluated (keyset). */
  cursor: uuid('cursor'),
  scanned: integer('scanned').notNull().default(0),
  startedAt: timestampTz('started_at'),
  /** Wall time of the last full pass, in milliseconds. */
  lastPassMs: integer('last_pass_ms'),
  updatedAt: updatedAt(),
});
export type EligibilityRunRow = typeof eligibilityRuns.$inferSelect;
