/** The session cookie: __Host- makes the browser insist on Secure, Path=/ and no Domain. */
export const SESSION_COOKIE = '__Host-ponte_session';

/** The attributes the session cookie is always set with; only the expiry varies. */
export function sessionCookieOptions(expires: Date) {
  return { path: '/', httpOnly: true, secure: true, sameSite: 'lax', expires } as const;
}
