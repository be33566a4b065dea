/**
 * The client space's session cookie: its own name, so a contact's session never reaches the
 * partner area (which reads only __Host-ponte_session) and a partner's never reaches /space.
 * Set with the same attributes as the partner cookie (sessionCookieOptions).
 */
export const SPACE_COOKIE = '__Host-ponte_space';

/** Where a contact signs in, and where they land once signed in. */
export const SPACE_SIGN_IN = '/space/sign-in';
export const SPACE_HOME = '/space';
/** Where an address that is a contact of several clients picks one. */
export const SPACE_CHOOSE = '/space/choose';
