import { locales, roles, staffRoles, userStatuses } from '@hpen/db/enums';
import { z } from 'zod';
import { organisationSchema } from '../organisations/organisations.schemas.js';
import {
  emailSchema,
  fullNameSchema,
  pageOf,
  pageQuerySchema,
  passwordSchema,
  textSchema,
  multilineTextSchema,
} from '../shared/shared.schemas.js';

export const roleSchema = z.enum(roles);
export const staffRoleSchema = z.enum(staffRoles);
export const userStatusSchema = z.enum(userStatuses);
export const localeSchema = z.enum(locales);

/** What a signed-in user sees of their own account. */
export const meSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  locale: localeSchema,
  emailVerified: z.boolean(),
  organisation: organisationSchema.nullable(),
  createdAt: z.string(),
});
export type Me = z.infer<typeof meSchema>;

export const updateMeBodySchema = z
  .strictObject({ fullName: fullNameSchema, locale: localeSchema })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });

export const changePasswordBodySchema = z.strictObject({
  currentPassword: multilineTextSchema().min(1).max(128),
  newPassword: passwordSchema,
});

export const sessionSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });

/** What an admin sees of any account. Never includes password hashes or tokens. */
export const adminUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  emailVerified: z.boolean(),
  organisation: organisationSchema.nullable(),
  lastSignInAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;
export const adminUserPageSchema = pageOf(adminUserSchema);

export const listUsersQuerySchema = pageQuerySchema.extend({
  q: textSchema().trim().max(100).optional(),
  role: roleSchema.optional(),
  status: userStatusSchema.optional(),
  organisationId: z.uuid().optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuerySchema>;

export const inviteStaffBodySchema = z.strictObject({
  email: emailSchema,
  fullName: fullNameSchema,
  role: staffRoleSchema,
  organisationId: z.uuid(),
});
export type InviteStaffBody = z.infer<typeof inviteStaffBodySchema>;

export const updateUserBodySchema = z
  .strictObject({
    role: roleSchema,
    organisationId: z.uuid().nullable(),
    status: z.enum(['active', 'disabled']),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'Nothing to update' });
export type UpdateUserBody = z.infer<typeof updateUserBodySchema>;

export const userIdParamsSchema = z.strictObject({ id: z.uuid() });
