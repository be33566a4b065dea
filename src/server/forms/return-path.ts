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
