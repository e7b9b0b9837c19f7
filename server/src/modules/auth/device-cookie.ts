import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const DEVICE_COOKIE = 'hpen_device';
const MAX_AGE_DAYS = 180;

export function deviceCookieOptions(secure: boolean) {
  return { httpOnly: true, secure, sameSite: 'strict' as const, path: '/api/auth', maxAge: MAX_AGE_DAYS * 24 * 3600 };
}

/**
 * A device that once signed in to an account carries a signed cookie naming it and the account.
 * Sign-in throttling counts that device's failures on its own, so an attacker elsewhere cannot
 * lock its owner out. The cookie grants nothing else: the password is still needed.
 */
export function createDeviceCookies(secret: string) {
  const mac = (deviceId: string, userId: string) => createHmac('sha256', secret).update(`device:${deviceId}:${userId}`).digest('base64url');

  return {
    issue(userId: string): string {
      const deviceId = randomBytes(16).toString('base64url');
      return `${deviceId}.${userId}.${mac(deviceId, userId)}`;
    },

    /** The device id when the cookie is genuine and belongs to `userId`; otherwise null. */
    deviceFor(cookie: string | undefined, userId: string): string | null {
      const [deviceId, owner, signature, ...rest] = (cookie ?? '').split('.');
      if (!deviceId || !owner || !signature || rest.length > 0 || owner !== userId) return null;
      const expected = Buffer.from(mac(deviceId, owner));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given) ? deviceId : null;
    },
  };
}
export type DeviceCookies = ReturnType<typeof createDeviceCookies>;
