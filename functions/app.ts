import { Hono } from 'hono';
import type { Dependencies } from './dependencies.ts';
import type { ApiEnv } from './http/api-env.ts';
import { handleError, problem } from './http/errors.ts';
import { requestContext, sameOriginOnly, securityHeaders } from './http/middleware.ts';
import { healthRoutes } from './routes/health.ts';
import { preferenceRoutes } from './routes/preferences.ts';

/**
 * The API under /api: one router per resource, behind the same request context, security
 * headers, CSRF guard and error handler. Dependencies are resolved per request from the env.
 */
export function createApi(resolveDependencies: (env: unknown) => Dependencies) {
  const api = new Hono<ApiEnv>().basePath('/api');
  api.use(requestContext(resolveDependencies), securityHeaders, sameOriginOnly);
  api.route('/health', healthRoutes);
  api.route('/preferences', preferenceRoutes);
  api.notFound((c) => problem(c, 404, 'not_found', 'errors.notFound'));
  api.onError(handleError);
  return api;
}

export type Api = ReturnType<typeof createApi>;
