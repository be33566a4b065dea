import { Hono } from 'hono';
import { checkHealth } from '../../src/server/health/check-health.ts';
import type { ApiEnv } from '../http/api-env.ts';

/** GET /api/health: 200 when the database, the file bucket and the outbox answer; 503 naming what fails. */
export const healthRoutes = new Hono<ApiEnv>().get('/', async (c) => {
  const report = await checkHealth(c.var.deps);
  if (!report.ok) {
    const parts = report.failing.map((part) => c.var.t(`health.parts.${part}`)).join(', ');
    return c.json(
      {
        status: 'failing',
        failing: report.failing,
        message: c.var.t('errors.serviceUnavailable', { part: parts }),
      },
      503,
    );
  }
  return c.json({
    status: 'ok',
    parts: { database: 'ok', files: 'ok', outbox: 'ok' },
    outbox: report.outbox,
    message: c.var.t('health.ok'),
  });
});
