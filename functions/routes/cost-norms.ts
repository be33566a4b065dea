import { Hono } from 'hono';
import { policy } from '../../src/policy/index.ts';
import { saveCostNorms } from '../../src/server/campaign-costs/cost-norms.ts';
import { costNormsInput } from '../../src/server/campaign-costs/cost-norms-input.ts';
import { COST_NORM_REFUSALS } from '../../src/server/campaign-costs/cost-norms-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** The client's norms editor, where a save returns. */
const normsPage = (clientId: string) => `/clients/${encodeURIComponent(clientId)}/cost-norms`;

/** A client's own cost norms: its CS, its paid-traffic partner or an admin saves the set. */
export const costNormRoutes = new Hono<ApiEnv>().post('/:clientId', async (c) => {
  const input = await readInput(c, costNormsInput(policy));
  const { db, clock } = c.get('deps');
  const clientId = c.req.param('clientId');
  const back = normsPage(clientId);
  const result = await saveCostNorms(db, actingPerson(c), clientId, input, clock());
  if (!result.ok) return refuseWith(c, COST_NORM_REFUSALS, result.error, { back });
  return done(c, { location: back, body: { saved: result.saved }, notice: 'costNorms.saved' });
});
