import { createMiddleware } from 'hono/factory';
import { createTranslator } from '../../src/i18n/index.ts';
import type { Dependencies } from '../../src/server/dependencies.ts';
import { requestLocale } from '../../src/server/i18n/request-locale.ts';
import type { ApiEnv } from './api-env.ts';
import { problem } from './problem.ts';
import { isSameOriginRequest } from './same-origin.ts';
import { API_CSP, applySecurityHeaders, EMBEDDED_FILE_CSP, PAGE_CSP } from './security-headers.ts';

/** Gives each request its dependencies, a request id, and the visitor's language. */
export function requestContext(resolveDependencies: (env: unknown) => Dependencies) {
  return createMiddleware<ApiEnv>(async (c, next) => {
    c.set('requestId', c.req.header('CF-Ray') ?? crypto.randomUUID());
    const locale = requestLocale(c.req.raw);
    c.set('locale', locale);
    c.set('t', createTranslator(locale));
    c.set('deps', resolveDependencies(c.env));
    await next();
    c.header('Content-Language', locale);
  });
}

/** Adds the security headers to every API answer, errors included. */
export const securityHeaders = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  // The API answers data; the one page it answers (a form posted to a dead client link)
  // is drawn under the pages' CSP, so its style shows and still no inline script runs.
  const page = c.res.headers.get('Content-Type')?.startsWith('text/html') ?? false;
  const csp = c.get('embeddable') ? EMBEDDED_FILE_CSP : page ? PAGE_CSP : API_CSP;
  applySecurityHeaders(c.res.headers, csp);
  c.header('Cache-Control', c.res.headers.get('Cache-Control') ?? 'no-store');
});

/** Refuses every state-changing request that did not come from our own pages (CSRF). */
export const sameOriginOnly = createMiddleware<ApiEnv>(async (c, next) => {
  if (!isSameOriginRequest(c.req.raw)) {
    return problem(c, 403, 'cross_site_request', 'errors.forbiddenOrigin');
  }
  return next();
});
