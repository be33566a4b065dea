import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  API_CSP,
  handbookCsp,
  inlineScriptHashes,
  PAGE_CSP,
  staticAssetHeadersRule,
  withSecurityHeaders,
} from '../../../functions/http/security-headers.ts';

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

describe('security headers', () => {
  it('keep HSTS at one year or more, with subdomains', () => {
    const headers = withSecurityHeaders(new Response('x'), PAGE_CSP).headers;
    const maxAge = Number(
      /max-age=(\d+)/.exec(headers.get('Strict-Transport-Security') ?? '')?.[1],
    );
    expect(maxAge).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);
    expect(headers.get('Strict-Transport-Security')).toContain('includeSubDomains');
  });

  it('forbid plugins, base-tag hijacking and framing in both policies', () => {
    for (const csp of [PAGE_CSP, API_CSP]) {
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('keep a page-specific Referrer-Policy (token pages send no-referrer)', () => {
    const page = new Response('x', { headers: { 'Referrer-Policy': 'no-referrer' } });
    expect(withSecurityHeaders(page, PAGE_CSP).headers.get('Referrer-Policy')).toBe('no-referrer');
    expect(withSecurityHeaders(new Response('x'), PAGE_CSP).headers.get('Referrer-Policy')).toBe(
      'strict-origin-when-cross-origin',
    );
  });

  it('keep the status, body and other headers of the response', async () => {
    const original = new Response('body', {
      status: 404,
      headers: { 'Content-Type': 'text/html' },
    });
    const secured = withSecurityHeaders(original, PAGE_CSP);
    expect(secured.status).toBe(404);
    expect(secured.headers.get('Content-Type')).toBe('text/html');
    expect(secured.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await secured.text()).toBe('body');
  });

  it('let on-demand pages run scripts only as files of ours: no inline script, no eval', () => {
    expect(directive(PAGE_CSP, 'script-src')).toBe("script-src 'self'");
    expect(directive(PAGE_CSP, 'default-src')).toBe("default-src 'self'");
  });

  it('let the handbook run its own inline scripts by hash, and no other inline script', () => {
    const csp = handbookCsp(['sha256-b', 'sha256-a', 'sha256-b']);
    expect(directive(csp, 'script-src')).toBe(
      "script-src 'self' 'wasm-unsafe-eval' 'sha256-a' 'sha256-b'",
    );
    expect(directive(csp, 'script-src')).not.toContain('unsafe-inline');
    expect(staticAssetHeadersRule(csp)).toContain(`Content-Security-Policy: ${csp}`);
  });

  it('fail the build rather than write a _headers line Cloudflare would cut short', () => {
    const hashes = (n: number) =>
      Array.from({ length: n }, (_, i) => `sha256-${'A'.repeat(42)}${i}=`);
    expect(() => staticAssetHeadersRule(handbookCsp(hashes(20)))).not.toThrow();
    expect(() => staticAssetHeadersRule(handbookCsp(hashes(60)))).toThrow(/limit 2000/);
  });

  it('hash exactly the text of each inline script, as the browser does, and skip scripts from files', () => {
    const theme = "\n\twindow.theme = 'escuro'; // “aspas”\n";
    const html = `<head><script>${theme}</script><script type="module">import "/a.js";</script><script src="/x.js"></script><script defer src="/y.js"> </script></head>`;
    const sha = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(inlineScriptHashes(html)).toEqual([sha(theme), sha('import "/a.js";')]);
    expect(inlineScriptHashes('<p>no scripts</p>')).toEqual([]);
  });

  it("keep a response's own CSP (a prerendered page's, from _headers) and add the other headers", () => {
    const handbook = handbookCsp(['sha256-a']);
    const page = new Response('x', { headers: { 'Content-Security-Policy': handbook } });
    const secured = withSecurityHeaders(page, PAGE_CSP);
    expect(secured.headers.get('Content-Security-Policy')).toBe(handbook);
    expect(secured.headers.get('Strict-Transport-Security')).toContain('max-age=31536000');
    expect(
      withSecurityHeaders(new Response('x'), PAGE_CSP).headers.get('Content-Security-Policy'),
    ).toBe(PAGE_CSP);
  });
});
