/** HSTS of one year with subdomains (ASVS 3.4.1 asks for at least a year). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * CSP for HTML pages. Starlight inlines its theme and search bootstrap scripts, and Pagefind
 * instantiates WebAssembly; everything else is same-origin only.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** CSP for API answers: they are data, never documents to render. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/** Sets the security headers every response carries; the CSP depends on what is served. */
export function applySecurityHeaders(headers: Headers, csp: string): void {
  headers.set('Strict-Transport-Security', HSTS);
  headers.set('Content-Security-Policy', csp);
  headers.set('X-Content-Type-Options', 'nosniff');
  headers.set('X-Frame-Options', 'DENY');
  headers.set('Cross-Origin-Opener-Policy', 'same-origin');
  headers.set('Cross-Origin-Resource-Policy', 'same-origin');
  headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  if (!headers.has('Referrer-Policy'))
    headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
}

/** Returns a copy of a response with the security headers (Astro and asset responses are immutable). */
export function withSecurityHeaders(response: Response, csp: string): Response {
  const secured = new Response(response.body, response);
  applySecurityHeaders(secured.headers, csp);
  return secured;
}
