import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, updatedAt } from './columns.js';
import { expertProfiles } from './profiles.js';
import { users } from './users.js';

/** An agency user's named list of experts (candidates for a consultation, a review panel…). */
export const shortlists = pgTable(
  'shortlists',
  {
    id: id(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('shortlists_owner_idx').on(t.ownerUserId)],
);
export type ShortlistRow = typeof shortlists.$inferSelect;

/** An expert on a list, with the list owner's note. Goes when the profile goes. */
export const shortlistItems = pgTable(
  'shortlist_items',
  {
    shortlistId: uuid('shortlist_id')
      .notNull()
      .references(() => shortlists.id, { onDelete: 'cascade' }),
    profileId: uuid('profile_id')
      .notNull()
      .references(() => expertProfiles.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    addedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.shortlistId, t.profileId] }), index('shortlist_items_profile_idx').on(t.profileId)],
);
export type ShortlistItemRow = typeof shortlistItems.$inferSelect;
