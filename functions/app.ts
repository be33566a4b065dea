import { Hono } from 'hono';
import type { Dependencies } from '../src/server/dependencies.ts';
import { accessGuard } from './http/access-guard.ts';
import type { ApiEnv } from './http/api-env.ts';
import { handleError } from './http/handle-error.ts';
import { requestContext, sameOriginOnly, securityHeaders } from './http/middleware.ts';
import { problem } from './http/problem.ts';
import { spaceGuard } from './http/space-guard.ts';
import { approvalRoutes } from './routes/approval.ts';
import { authRoutes } from './routes/auth.ts';
import { campaignCheckRoutes } from './routes/campaign-checks.ts';
import { campaignImportRoutes } from './routes/campaign-imports.ts';
import { clientRoutes } from './routes/clients.ts';
import { costNormRoutes } from './routes/cost-norms.ts';
import { financeRoutes } from './routes/finance.ts';
import { healthRoutes } from './routes/health.ts';
import { invoiceRoutes } from './routes/invoices.ts';
import { onboardingRoutes } from './routes/onboarding.ts';
import { peopleRoutes } from './routes/people.ts';
import { pieceRequestFileRoutes } from './routes/piece-request-files.ts';
import { pieceRoutes } from './routes/pieces.ts';
import { preferenceRoutes } from './routes/preferences.ts';
import { profileRoutes } from './routes/profile.ts';
import { refundRoutes } from './routes/refunds.ts';
import { requestTemplateRoutes } from './routes/request-templates.ts';
import { requestRoutes } from './routes/requests.ts';
import { satisfactionRoutes } from './routes/satisfaction.ts';
import { spaceAuthRoutes } from './routes/space-auth.ts';
import { spacePieceRoutes } from './routes/space-pieces.ts';
import { spacePreferenceRoutes } from './routes/space-preferences.ts';
import { spaceRequestRoutes } from './routes/space-requests.ts';
import { spaceTimelineRoutes } from './routes/space-timeline.ts';
import { taskRoutes } from './routes/tasks.ts';
import { timelineRoutes } from './routes/timeline.ts';
import { timelineAckRoutes } from './routes/timeline-ack.ts';
import { timelineExportRoutes } from './routes/timeline-export.ts';

/**
 * The API under /api: one router per resource, behind the same request context, security
 * headers, CSRF guard, access guard and error handler. Dependencies are resolved per request from the env.
 */
export function createApi(resolveDependencies: (env: unknown) => Dependencies) {
  // Chained, so the app's type carries every route (Hono's RPC typing).
  return new Hono<ApiEnv>()
    .basePath('/api')
    .use(
      requestContext(resolveDependencies),
      securityHeaders,
      sameOriginOnly,
      accessGuard,
      spaceGuard,
    )
    .route('/health', healthRoutes)
    .route('/preferences', preferenceRoutes)
    .route('/auth', authRoutes)
    .route('/people', peopleRoutes)
    .route('/profile', profileRoutes)
    .route('/clients', clientRoutes)
    .route('/clients', refundRoutes)
    .route('/clients', timelineExportRoutes)
    .route('/cost-norms', costNormRoutes)
    .route('/onboarding', onboardingRoutes)
    .route('/invoices', invoiceRoutes)
    .route('/finance', financeRoutes)
    .route('/tasks', taskRoutes)
    .route('/pieces', pieceRoutes)
    .route('/pieces', pieceRequestFileRoutes)
    .route('/approval', approvalRoutes)
    .route('/satisfaction', satisfactionRoutes)
    .route('/space/auth', spaceAuthRoutes)
    .route('/space/pieces', spacePieceRoutes)
    .route('/space/requests', spaceRequestRoutes)
    .route('/timeline-ack', timelineAckRoutes)
    .route('/space/timeline', spaceTimelineRoutes)
    .route('/request-templates', requestTemplateRoutes)
    .route('/space/preferences', spacePreferenceRoutes)
    .route('/requests', requestRoutes)
    .route('/timeline', timelineRoutes)
    .route('/campaign-checks', campaignCheckRoutes)
    .route('/campaign-imports', campaignImportRoutes)
    .notFound((c) => problem(c, 404, 'not_found', 'errors.notFound'))
    .onError(handleError);
}

/** The API's type, every route with its method, path and input: what `hc<Api>` reads. */
export type Api = ReturnType<typeof createApi>;
