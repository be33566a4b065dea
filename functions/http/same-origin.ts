/** Methods that must never change state, so they need no origin check. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Decides whether a state-changing request came from our own pages. Browsers send
 * Sec-Fetch-Site on every request; older ones at least send Origin on non-GET requests.
 * A request with neither is refused: forms and fetch calls from our pages always send one.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const fetchSite = request.headers.get('Sec-Fetch-Site');
  if (fetchSite !== null) return fetchSite === 'same-origin';
  const origin = request.headers.get('Origin');
  if (origin === null || origin === 'null') return false;
  return origin === new URL(request.url).origin;
}
