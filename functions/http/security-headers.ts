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

/**
 * CSP for a piece's file (an image or a PDF) that our own pages show in a frame: still
 * nothing loads from it, but our origin may embed it, and the browser's PDF viewer may run.
 */
export const EMBEDDED_FILE_CSP = "default-src 'none'; frame-ancestors 'self'; base-uri 'none'";

/** The headers every response carries, for a given CSP. */
export function securityHeaderEntries(csp: string): [string, string][] {
  return [
    ['Strict-Transport-Security', HSTS],
    ['Content-Security-Policy', csp],
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', csp === EMBEDDED_FILE_CSP ? 'SAMEORIGIN' : 'DENY'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()'],
  ];
}

// Pages reached by a token set their own (no-referrer); others get this default.
const DEFAULT_REFERRER_POLICY = 'strict-origin-when-cross-origin';

/** Sets the security headers every response carries; the CSP depends on what is served. */
export function applySecurityHeaders(headers: Headers, csp: string): void {
  for (const [name, value] of securityHeaderEntries(csp)) headers.set(name, value);
  if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', DEFAULT_REFERRER_POLICY);
}

/**
 * The same headers as a `_headers` rule for the static assets, which Cloudflare serves
 * without running the Worker (the prerendered handbook).
 */
export function staticAssetHeadersRule(): string {
  const lines = [...securityHeaderEntries(PAGE_CSP), ['Referrer-Policy', DEFAULT_REFERRER_POLICY]];
  return `/*\n${lines.map(([name, value]) => `  ${name}: ${value}`).join('\n')}\n`;
}

/** Returns a copy of a response with the security headers (Astro and asset responses are immutable). */
export function withSecurityHeaders(response: Response, csp: string): Response {
  const secured = new Response(response.body, response);
  applySecurityHeaders(secured.headers, csp);
  return secured;
}
