import { z } from 'zod';
import { mfaPolicyRoles } from './mfa.values.js';

/** A 6-digit TOTP code, or a recovery code such as "k3f9q-2m7xa" (spaces tolerated). */
export const mfaCodeSchema = z
  .string()
  .trim()
  .min(6)
  .max(16)
  .regex(/^[A-Za-z0-9 -]+$/);

export const mfaPolicyRoleSchema = z.enum(mfaPolicyRoles);

export const mfaSignInBodySchema = z.strictObject({
  mfaToken: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/),
  code: mfaCodeSchema,
});

export const mfaChallengeResponseSchema = z.object({ mfaRequired: z.literal(true), mfaToken: z.string() });
export type MfaChallengeResponse = z.infer<typeof mfaChallengeResponseSchema>;

export const totpSetupResponseSchema = z.object({ secret: z.string(), otpauthUrl: z.string() });
export const totpEnableBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/),
});
export const recoveryCodesResponseSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const totpDisableBodySchema = z.strictObject({ password: z.string().min(1).max(128), code: mfaCodeSchema });
export const regenerateCodesBodySchema = z.strictObject({ code: mfaCodeSchema });

export const mfaStatusSchema = z.object({
  totpEnabled: z.boolean(),
  /** The account's role must use a second factor (admins always; other staff roles by policy). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export type MfaStatus = z.infer<typeof mfaStatusSchema>;

export const mfaPolicySchema = z.strictObject({ requiredRoles: z.array(mfaPolicyRoleSchema).max(3) });
export type MfaPolicy = z.infer<typeof mfaPolicySchema>;
