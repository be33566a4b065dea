import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64 } from '@oslojs/encoding';

/** HSTS of one year with subdomains (ASVS 3.4.1 asks for at least a year). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/** The directives every HTML page shares; only the script sources differ. */
function pageCsp(scriptSources: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    // Styles keep 'unsafe-inline': Astro inlines small stylesheets as <style> elements and the
    // 503 page has a style attribute. A style cannot run code; scripts are what CSP stops here.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * CSP for on-demand pages (partner area, sign-in, client links): scripts only as files from
 * our origin, so markup that got into a page can never run as a script.
 */
export const PAGE_CSP = pageCsp(["'self'"]);

/**
 * CSP for the prerendered handbook: Starlight's own inline scripts (theme, sidebar, search
 * bootstrap) allowed by their hashes, no other inline script, and Pagefind's WebAssembly.
 */
export function handbookCsp(inlineScriptHashes: Iterable<string>): string {
  const hashes = [...new Set(inlineScriptHashes)].sort().map((hash) => `'${hash}'`);
  return pageCsp(["'self'", "'wasm-unsafe-eval'", ...hashes]);
}

/** The CSP hash ("sha256-…") of each inline script of an HTML page: what handbookCsp allows. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  // A script element's text is raw up to the first "</script": what the browser hashes.
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script/gi)) {
    if (/\ssrc\s*=/i.test(match[1] ?? '')) continue;
    const text = new TextEncoder().encode(match[2] ?? '');
    hashes.push(`sha256-${encodeBase64(sha256(text))}`);
  }
  return hashes;
}

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
 * without running the Worker (the prerendered handbook), with the handbook's CSP.
 */
export function staticAssetHeadersRule(csp: string): string {
  const entries = [...securityHeaderEntries(csp), ['Referrer-Policy', DEFAULT_REFERRER_POLICY]];
  const lines = entries.map(([name, value]) => `  ${name}: ${value}`);
  // Cloudflare reads at most 2,000 characters a line of _headers: a longer CSP (many inline
  // scripts' hashes) must fail the build, not be cut short in production.
  const tooLong = lines.find((line) => line.length > HEADERS_LINE_LIMIT);
  if (tooLong)
    throw new Error(
      `_headers line of ${tooLong.length} characters (limit ${HEADERS_LINE_LIMIT}): ${tooLong.slice(0, 60)}…`,
    );
  return `/*\n${lines.join('\n')}\n`;
}

/** Cloudflare's limit on one line of a `_headers` file. */
export const HEADERS_LINE_LIMIT = 2000;

/**
 * Returns a copy of a response with the security headers (Astro and asset responses are
 * immutable). A CSP the response already has is kept: a prerendered file served through
 * the Worker (the handbook's 404 page) carries the handbook's, from `_headers`.
 */
export function withSecurityHeaders(response: Response, defaultCsp: string): Response {
  const secured = new Response(response.body, response);
  applySecurityHeaders(
    secured.headers,
    response.headers.get('Content-Security-Policy') ?? defaultCsp,
  );
  return secured;
}
