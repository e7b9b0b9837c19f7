import { z } from 'zod';
import { meSchema } from '../users/users.schemas.js';
import { signUpConsentsSchema } from '../privacy/privacy.schemas.js';
import { emailSchema, fullNameSchema, passwordSchema, multilineTextSchema } from '../shared/shared.schemas.js';

/** The privacy notice version a sign-up consents to; bump it when the notice text changes. */
export const PRIVACY_NOTICE_VERSION = '2026-11-01';

export const signUpBodySchema = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  fullName: fullNameSchema,
  /** Consent to the registry purpose (required for an account). */
  acceptPrivacy: z.literal(true),
  /** Optional purposes the person ticked; none is ticked by default (Decree 356/2025). */
  consents: signUpConsentsSchema,
  locale: z.enum(['vi', 'en']).optional(),
});
export type SignUpBody = z.infer<typeof signUpBodySchema>;

export const signInBodySchema = z.strictObject({
  email: emailSchema,
  password: multilineTextSchema().min(1).max(128),
});
export type SignInBody = z.infer<typeof signInBodySchema>;

/** Tokens are base64url, 43 characters for 32 random bytes. */
export const tokenSchema = z
  .string()
  .min(16)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

export const tokenBodySchema = z.strictObject({ token: tokenSchema });
export const emailBodySchema = z.strictObject({ email: emailSchema });
export const resetPasswordBodySchema = z.strictObject({ token: tokenSchema, password: passwordSchema });
export const acceptInvitationBodySchema = z.strictObject({
  token: tokenSchema,
  password: passwordSchema,
  fullName: fullNameSchema.optional(),
});

export const signUpResponseSchema = z.object({ user: meSchema });
export const sessionResponseSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int(),
  user: meSchema,
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;
export const okResponseSchema = z.object({ ok: z.literal(true) });

export const privacyNoticeSchema = z.object({
  version: z.string(),
  vi: z.string(),
  en: z.string(),
});

/** The web's strength hint asks the server, so the dictionaries never reach the browser. */
export const passwordStrengthBodySchema = z.strictObject({
  password: z.string().max(128),
  email: z.string().max(254).optional(),
  fullName: z.string().max(120).optional(),
});
export const passwordStrengthResponseSchema = z.object({ score: z.number().int().min(0).max(4), acceptable: z.boolean() });
export type PasswordStrengthResponse = z.infer<typeof passwordStrengthResponseSchema>;
