import type { MfaRepository } from './mfa.repository.js';
import { isSealed, type SecretBox } from './secret-box.js';

/**
 * Start-up migration: TOTP secrets stored in the clear (before secret-box.ts) are sealed in place.
 * Idempotent and safe to run on every start; returns how many rows it changed.
 */
export async function sealStoredMfaSecrets({ mfaRepository, secretBox }: { mfaRepository: MfaRepository; secretBox: SecretBox }) {
  let sealed = 0;
  for (const row of await mfaRepository.findUnsealed()) {
    const seal = (value: string | null) => (value === null || isSealed(value) ? value : secretBox.seal(row.userId, value));
    await mfaRepository.replaceSecrets(row, { totpSecret: seal(row.totpSecret), pendingSecret: seal(row.pendingSecret) });
    sealed += 1;
  }
  return sealed;
}
