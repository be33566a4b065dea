import { Hono } from 'hono';
import type { Dependencies } from '../src/server/dependencies.ts';
import { accessGuard } from './http/access-guard.ts';
import type { ApiEnv } from './http/api-env.ts';
import { handleError, problem } from './http/errors.ts';
import { requestContext, sameOriginOnly, securityHeaders } from './http/middleware.ts';
import { approvalRoutes } from './routes/approval.ts';
import { authRoutes } from './routes/auth.ts';
import { clientRoutes } from './routes/clients.ts';
import { financeRoutes } from './routes/finance.ts';
import { healthRoutes } from './routes/health.ts';
import { invoiceRoutes } from './routes/invoices.ts';
import { onboardingRoutes } from './routes/onboarding.ts';
import { peopleRoutes } from './routes/people.ts';
import { pieceRoutes } from './routes/pieces.ts';
import { preferenceRoutes } from './routes/preferences.ts';
import { profileRoutes } from './routes/profile.ts';
import { taskRoutes } from './routes/tasks.ts';

/**
 * The API under /api: one router per resource, behind the same request context, security
 * headers, CSRF guard, access guard and error handler. Dependencies are resolved per request from the env.
 */
export function createApi(resolveDependencies: (env: unknown) => Dependencies) {
  const api = new Hono<ApiEnv>().basePath('/api');
  api.use(requestContext(resolveDependencies), securityHeaders, sameOriginOnly, accessGuard);
  api.route('/health', healthRoutes);
  api.route('/preferences', preferenceRoutes);
  api.route('/auth', authRoutes);
  api.route('/people', peopleRoutes);
  api.route('/profile', profileRoutes);
  api.route('/clients', clientRoutes);
  api.route('/onboarding', onboardingRoutes);
  api.route('/invoices', invoiceRoutes);
  api.route('/finance', financeRoutes);
  api.route('/tasks', taskRoutes);
  api.route('/pieces', pieceRoutes);
  api.route('/approval', approvalRoutes);
  api.notFound((c) => problem(c, 404, 'not_found', 'errors.notFound'));
  api.onError(handleError);
  return api;
}

export type Api = ReturnType<typeof createApi>;
