import type { AuthRepository } from './auth.repository.js';
import { authErrors } from './auth.errors.js';

export interface ThrottleSettings {
  maxPerAccount: number;
  maxPerIp: number;
  windowMinutes: number;
}

/** Failed sign-ins per account and per IP, counted in the database (see sign_in_throttle). */
export function createSignInThrottle({ authRepository, settings }: { authRepository: AuthRepository; settings: ThrottleSettings }) {
  const windowMs = settings.windowMinutes * 60_000;
  const keysOf = (email: string, ip: string | null) => ({
    account: `email:${email}`,
    ip: ip ? `ip:${ip}` : null,
  });

  return {
    /** Throws 429 with the seconds to wait when the account or the IP is blocked. */
    async ensureAllowed(email: string, ip: string | null, now: Date): Promise<void> {
      const keys = keysOf(email, ip);
      const rows = await authRepository.findThrottle([keys.account, ...(keys.ip ? [keys.ip] : [])]);
      const blockedUntil = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
      if (blockedUntil > now.getTime()) {
        throw authErrors.tooManyAttempts(Math.ceil((blockedUntil - now.getTime()) / 1000));
      }
    },

    async recordFailure(email: string, ip: string | null, now: Date): Promise<void> {
      const keys = keysOf(email, ip);
      await authRepository.recordFailure(keys.account, now, windowMs, settings.maxPerAccount);
      if (keys.ip) await authRepository.recordFailure(keys.ip, now, windowMs, settings.maxPerIp);
    },

    /** A successful sign-in clears the account's counter (not the IP's: one success must not unlock a spraying IP). */
    async recordSuccess(email: string): Promise<void> {
      await authRepository.clearThrottle(keysOf(email, null).account);
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
