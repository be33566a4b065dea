import { Hono } from 'hono';
import { policy } from '../../src/policy/index.ts';
import { recordRefund } from '../../src/server/refunds/record-refund.ts';
import { refundInput } from '../../src/server/refunds/refund-input.ts';
import { REFUND_REFUSALS } from '../../src/server/refunds/refund-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

const refundsOnPage = (clientId: string) => `/clients/${encodeURIComponent(clientId)}#refunds`;

/** A client's refunds, recorded by its CS or an admin (checked per client; see ACCESS_RULES). */
export const refundRoutes = new Hono<ApiEnv>().post('/:id/refunds', async (c) => {
  const input = await readInput(c, refundInput);
  const { db, clock } = c.get('deps');
  const clientId = c.req.param('id');
  const result = await recordRefund(
    db,
    policy,
    { clientId, ...input, ...actingPerson(c) },
    clock(),
  );
  if (!result.ok) return refuseWith(c, REFUND_REFUSALS, result.error);
  return done(c, {
    location: refundsOnPage(clientId),
    body: { id: result.refundId },
    notice: 'refunds.recorded',
  });
});
