import type { AuthRepository } from './auth.repository.js';
import { authErrors } from './auth.errors.js';

export interface ThrottleSettings {
  maxPerAccount: number;
  maxPerIp: number;
  windowMinutes: number;
}

/** One counter: after `max` failures in the window each further one doubles the wait, from `baseMs` up to `capMs`. */
export interface ThrottleKey {
  key: string;
  max: number;
  baseMs: number;
  capMs: number;
}

export interface SignInOrigin {
  email: string;
  ip: string | null;
  /** Set when the request carries this account's signed device cookie. */
  deviceId: string | null;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Failed sign-ins counted in the database, so limits hold across restarts and instances. It slows
 * down rather than locks: waits grow with each failure past a threshold and are capped.
 *
 * - A known device (this account's signed cookie) has its own counter and nothing else: an attacker
 *   elsewhere, or behind the same address, cannot keep its owner out for more than a minute.
 * - Otherwise: per account+address (a guesser at one address), per address (one address spraying
 *   many accounts), and per account from everywhere, with a high threshold and a short cap, so
 *   wrong passwords from one address never lock the account for others.
 */
export function createSignInThrottle({ authRepository, settings }: { authRepository: AuthRepository; settings: ThrottleSettings }) {
  const windowMs = settings.windowMinutes * MINUTE;

  function keysOf({ email, ip, deviceId }: SignInOrigin): ThrottleKey[] {
    if (deviceId) return [{ key: `device:${deviceId}`, max: settings.maxPerAccount, baseMs: 5 * SECOND, capMs: MINUTE }];
    return [
      { key: `account-ip:${email}|${ip ?? '-'}`, max: settings.maxPerAccount, baseMs: 30 * SECOND, capMs: windowMs },
      ...(ip ? [{ key: `ip:${ip}`, max: settings.maxPerIp, baseMs: 30 * SECOND, capMs: windowMs }] : []),
      { key: `account:${email}`, max: settings.maxPerAccount * 10, baseMs: 5 * SECOND, capMs: MINUTE },
    ];
  }

  return {
    /** Throws 429 with the seconds to wait while any counter of this origin is slowed down. */
    async ensureAllowed(origin: SignInOrigin, now: Date): Promise<void> {
      const rows = await authRepository.findThrottle(keysOf(origin).map((k) => k.key));
      const blockedUntil = Math.max(0, ...rows.map((r) => r.blockedUntil?.getTime() ?? 0));
      if (blockedUntil > now.getTime()) {
        throw authErrors.tooManyAttempts(Math.ceil((blockedUntil - now.getTime()) / 1000));
      }
    },

    async recordFailure(origin: SignInOrigin, now: Date): Promise<void> {
      for (const key of keysOf(origin)) await authRepository.recordFailure(key, now, windowMs);
    },

    /** Clears this origin's counters for the account (never the address's: one success must not unlock a spraying address). */
    async recordSuccess(origin: SignInOrigin): Promise<void> {
      for (const { key } of keysOf(origin)) if (!key.startsWith('ip:')) await authRepository.clearThrottle(key);
    },
  };
}
export type SignInThrottle = ReturnType<typeof createSignInThrottle>;
