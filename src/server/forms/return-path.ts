// A form's `returnTo` ends up in a Location header. Only characters a URL carries unencoded
// are allowed: a browser drops tabs and newlines from a URL (so "/\t/evil.example" becomes
// "//evil.example", another site), and a CR or LF cannot be put in a header at all.
const SEGMENT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%]+$/;
const QUERY = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

/** The longest path a form may ask to return to. */
export const MAX_RETURN_PATH = 512;

// "." and ".." (also percent-encoded) are resolved by the browser: "/a/../" is not what it says.
const isDotSegment = (segment: string) => /^(\.|%2e){1,2}$/i.test(segment);

/**
 * The path of ours a plain form asked to return to, or null when it is anything else (another
 * origin, "//host", a backslash, a control character, a dot segment): the page's default applies.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_RETURN_PATH) return null;
  if (!value.startsWith('/')) return null;
  const queryAt = value.indexOf('?');
  const path = queryAt === -1 ? value : value.slice(0, queryAt);
  const query = queryAt === -1 ? '' : value.slice(queryAt + 1);
  if (!QUERY.test(query)) return null;
  // "/" and "/en/" end with an empty segment; any other empty one is "//", another host.
  const segments = path.slice(1).split('/');
  const last = segments.pop() ?? '';
  for (const segment of segments) if (!SEGMENT.test(segment) || isDotSegment(segment)) return null;
  if (last !== '' && (!SEGMENT.test(last) || isDotSegment(last))) return null;
  return value;
}

/** Where a person lands after signing in when they were not on their way to a page. */
export const PARTNER_HOME = '/partner';

// A deep link never lands on the API (it answers JSON, and a GET there is not a page) nor on
// the sign-in pages (signing in to reach the sign-in page loops). Compared decoded and in
// lower case, so "/API/…" or "/%73ign-in" cannot slip past.
const NEVER_NEXT = ['/api', '/sign-in'];

/**
 * The page a person signing in was opening, when it is a path of ours a browser may be sent
 * to after sign-in (see safeReturnPath) and neither the API nor the sign-in pages; else null,
 * and they land on the partner home.
 */
export function safeNextPath(value: unknown): string | null {
  const path = safeReturnPath(value);
  if (!path) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(path.split('?')[0] ?? '').toLowerCase();
  } catch {
    return null;
  }
  const under = (prefix: string) => pathname === prefix || pathname.startsWith(`${prefix}/`);
  return NEVER_NEXT.some(under) ? null : path;
}

/**
 * A sign-in page (the form, or the "check your e-mail" page after it) for someone who opened
 * `pathWithQuery` signed out: it keeps the path to return to, when that is a safe one and not
 * the home they would land on anyway, so asking for another link still leads there.
 */
export function signInPathFor(
  pathWithQuery: unknown,
  page: '/sign-in' | '/sign-in/sent' = '/sign-in',
): string {
  const next = safeNextPath(pathWithQuery);
  if (!next || next === PARTNER_HOME) return page;
  return `${page}?next=${encodeURIComponent(next)}`;
}
