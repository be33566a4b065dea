import { describe, expect, it } from 'vitest';
import {
  API_CSP,
  PAGE_CSP,
  withSecurityHeaders,
} from '../../../functions/http/security-headers.ts';

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
});
