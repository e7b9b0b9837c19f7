import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Stored form of a sealed value: `v1:` + base64url(12-byte IV ‖ 16-byte GCM tag ‖ ciphertext). */
const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * TOTP secrets at rest (issue 18): AES-256-GCM under a key kept outside the database
 * (MFA_SECRET_KEY or DATA_DIR/mfa-secret-key, like the JWT secret), with the owner's user id as
 * associated data, so a copied column cannot make codes and a value moved to another row does not open.
 * `open` still reads a value stored before encryption (no prefix); sealStoredMfaSecrets re-stores those.
 */
export function createSecretBox(keyMaterial: string) {
  if (keyMaterial.length < 32) throw new Error('the MFA secret key must be at least 32 characters');
  const key = createHash('sha256').update(`hpen-mfa-secret:${keyMaterial}`).digest();
  return {
    seal(owner: string, plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(owner, 'utf8'));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    /** Throws when the value was sealed under another key or for another owner, or was altered. */
    open(owner: string, stored: string): string {
      if (!isSealed(stored)) return stored;
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(owner, 'utf8'));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
export type SecretBox = ReturnType<typeof createSecretBox>;

export const isSealed = (stored: string) => stored.startsWith(PREFIX);
