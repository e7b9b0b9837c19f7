/** The refresh token's cookie: path-scoped and SameSite=Strict, so it only ever travels to /api/auth. */
export const REFRESH_COOKIE = 'hpen_refresh';

export function refreshCookieOptions(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict', secure, path: '/api/auth' } as const;
}
