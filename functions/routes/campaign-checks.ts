import { Hono } from 'hono';
import { policy } from '../../src/policy/index.ts';
import { acknowledgeBreach } from '../../src/server/campaign-costs/cost-check-acknowledge.ts';
import { acknowledgementInput } from '../../src/server/campaign-costs/cost-check-input.ts';
import { COST_CHECK_REFUSALS } from '../../src/server/campaign-costs/cost-check-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** The client's campaigns page, where the check's forms return. */
const campaignsPage = (clientId: string) => `/clients/${encodeURIComponent(clientId)}/campaigns`;

const input = acknowledgementInput(policy);

/** The daily cost check: the client's CS, paid-traffic partner or an admin acknowledges a breach. */
export const campaignCheckRoutes = new Hono<ApiEnv>().post(
  '/:clientId/acknowledgements',
  async (c) => {
    const form = await readInput(c, input);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('clientId');
    const back = `${campaignsPage(clientId)}#breaches`;
    const result = await acknowledgeBreach(db, actingPerson(c), clientId, form, policy, clock());
    if (!result.ok) return refuseWith(c, COST_CHECK_REFUSALS, result.error, { back });
    return done(c, {
      location: back,
      body: { acknowledged: true },
      notice: 'campaignCheck.acknowledged',
      params: { campaign: form.campaignName },
    });
  },
);
