import { createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';

/** What authenticator apps show above the code. */
const ISSUER = 'Hai Phong Expert Network';
/** One period either side: phones whose clock is a little off still work (RFC 6238 §5.2). */
const TOLERANCE_SECONDS = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, accountName: string): string {
  return generateURI({ issuer: ISSUER, label: accountName, secret });
}

/**
 * The time step the code belongs to, or null. `afterTimeStep` refuses a code already used
 * (RFC 6238 §5.2: a verifier must not accept the same OTP twice).
 */
export async function verifyTotp(secret: string, code: string, now: Date, afterTimeStep: number | null): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  });
  // Only a TOTP result carries `timeStep`; the HOTP member of the union never applies here.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Ten codes like "k3f9q-2m7xa": 50 random bits each, easy to read out and type. */
export function newRecoveryCodes(): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: 10 }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** Codes have enough entropy that a plain SHA-256 is enough (no need for a slow hash). */
export function hashRecoveryCode(code: string): string {
  const normalised = code.trim().toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update(`recovery:${normalised}`).digest('hex');
}

export function isRecoveryCodeShape(code: string): boolean {
  return /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(code.trim());
}
