/**
 * Pure enumerations shared by the schema, the API contracts and the web app.
 * No imports here: web/ bundles this file.
 */
export const roles = ['expert', 'agency', 'curator', 'officer', 'admin'] as const;
export type Role = (typeof roles)[number];
export const staffRoles = ['agency', 'curator', 'officer', 'admin'] as const;

export const userStatuses = ['invited', 'active', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];

export const organisationKinds = [
  'department',
  'district',
  'union',
  'association',
  'university',
  'public_unit',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
