import { boolean, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { createdAt } from './columns.js';

/**
 * Vietnam's administrative units (province, commune: two levels since 1 July 2025), versioned like
 * the S&T taxonomy: a new official list is a new version, loaded from db/reference/ at start-up.
 */
export const adminUnitVersions = pgTable('admin_unit_versions', {
  code: text('code').primaryKey(),
  title: text('title').notNull(),
  /** Where the list comes from (publisher, extract, effective date) and its licence file. */
  source: text('source').notNull(),
  licence: text('licence').notNull(),
  isCurrent: boolean('is_current').notNull().default(false),
  createdAt: createdAt(),
});

export const adminUnits = pgTable(
  'admin_units',
  {
    version: text('version')
      .notNull()
      .references(() => adminUnitVersions.code),
    /** 'province' (2-digit code) or 'commune' (5-digit code). */
    level: text('level').notNull(),
    code: text('code').notNull(),
    /** A commune's province; null for provinces. */
    provinceCode: text('province_code'),
    nameVi: text('name_vi').notNull(),
    nameEn: text('name_en').notNull(),
    /** 'thành phố trung ương' | 'tỉnh' for provinces; 'phường' | 'xã' | 'đặc khu' for communes. */
    kind: text('kind').notNull(),
    /** The province the unit belonged to before the 2025 mergers, when it differs (e.g. 'Hải Dương'). */
    formerProvince: text('former_province'),
  },
  (t) => [primaryKey({ columns: [t.version, t.level, t.code] }), index('admin_units_province_idx').on(t.version, t.provinceCode)],
);
