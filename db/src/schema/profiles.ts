import { bigserial, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core';
import { createdAt, id, timestampTz, updatedAt } from './columns.js';
import { reportFieldsSql, reportLocationSql, reportScoreSql, reportSectorsSql } from './profile-report-keys.js';
import { users } from './users.js';

/**
 * One row per expert. Identity columns are plain columns (indexed, used by duplicate checks);
 * the repeating sections live in `content` as one validated JSON document, edited with an
 * optimistic `version`. An imported profile has no user until its person claims it.
 */
export const expertProfiles = pgTable(
  'expert_profiles',
  {
    id: id(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    /** Lower-case, without diacritics: "nguyen van hai". */
    fullNameFolded: text('full_name_folded').notNull(),
    academicTitle: text('academic_title'),
    highestDegree: text('highest_degree'),
    orcid: text('orcid'),
    birthYear: integer('birth_year'),
    gender: text('gender'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    visibility: jsonb('visibility').$type<Record<string, string>>().notNull(),
    version: integer('version').notNull().default(1),
    /**
     * Verified items (key: "degree:<item id>", "title", "position:<item id>") with provenance and the item's hash when verified;
     * "award:<nomination id>": an award decided and published, its provenance (decision, signer) hashed.
     */
    verifications: jsonb('verifications')
      .$type<
        Record<string, { by: string; byName: string; at: string; hash: string; provenance?: Record<string, string | number | null> }>
      >()
      .notNull()
      .default({}),
    createdBy: uuid('created_by'),
    claimedAt: timestampTz('claimed_at'),
    /**
     * Whether anyone but its owner may see it (directory, indexes, profile page): false while the
     * owner's e-mail is unverified or the account is disabled. Unclaimed imported profiles: true.
     */
    listed: boolean('listed').notNull().default(true),
    /** The owner's consent to publication (Law 91/2025 Art. 16): without it the public never sees the profile. */
    publicationConsent: boolean('publication_consent').notNull().default(true),
    /** The owner's consent to share beyond the public projection with agencies; without it agencies see the public view. */
    agencySharingConsent: boolean('agency_sharing_consent').notNull().default(true),
    /** When a "confirm your profile" mail went out (retention); cleared when the owner confirms. */
    confirmRequestedAt: timestampTz('confirm_requested_at'),
    /** Reporting keys kept by the database (profile-report-keys.ts): read by the dashboard instead of `content`. */
    reportLocation: text('report_location').generatedAlwaysAs(reportLocationSql()),
    reportScore: smallint('report_score').generatedAlwaysAs(reportScoreSql),
    reportFields: jsonb('report_fields').$type<string[]>().generatedAlwaysAs(reportFieldsSql),
    reportSectors: jsonb('report_sectors').$type<string[]>().generatedAlwaysAs(reportSectorsSql),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('expert_profiles_user_uq').on(t.userId),
    index('expert_profiles_name_folded_idx').on(t.fullNameFolded),
    index('expert_profiles_contact_email_idx').on(t.contactEmail),
    index('expert_profiles_orcid_idx').on(t.orcid),
  ],
);
export type ExpertProfileRow = typeof expertProfiles.$inferSelect;

/** Every change to a profile: who, when, and each changed field's before and after. */
export const profileVersions = pgTable(
  'profile_versions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role'),
    changes: jsonb('changes').$type<Array<{ field: string; before: unknown; after: unknown }>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('profile_versions_profile_version_uq').on(t.profileId, t.version)],
);

/** Versions of the S&T field classification (12/2008 now; Circular 24/2025 later, with a crosswalk). */
export const taxonomyVersions = pgTable('taxonomy_versions', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  /** The legal act behind an uploaded version (e.g. "Thông tư 24/2025/TT-BKHCN"); null for the seeded 12/2008. */
  legalReference: text('legal_reference'),
  isCurrent: boolean('is_current').notNull().default(false),
  createdAt: createdAt(),
});

export const taxonomyFields = pgTable(
  'taxonomy_fields',
  {
    version: text('version')
      .notNull()
      .references(() => taxonomyVersions.code),
    code: text('code').notNull(),
    level: integer('level').notNull(),
    parentCode: text('parent_code'),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.version, t.code] }), index('taxonomy_fields_parent_idx').on(t.version, t.parentCode)],
);

/** How codes of one version map to the next (uploaded with the version; issue 13 part 3). */
export const taxonomyCrosswalks = pgTable(
  'taxonomy_crosswalks',
  {
    fromVersion: text('from_version')
      .notNull()
      .references(() => taxonomyVersions.code),
    toVersion: text('to_version')
      .notNull()
      .references(() => taxonomyVersions.code),
    oldCode: text('old_code').notNull(),
    newCode: text('new_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fromVersion, t.toVersion, t.oldCode] })],
);
