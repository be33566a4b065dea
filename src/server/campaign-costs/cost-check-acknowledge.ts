import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  campaignDayMetrics,
  clientCostNorms,
  costBreachAcknowledgements,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { AcknowledgementInput } from './cost-check-input.ts';
import type { CostCheckFailure } from './cost-check-refusals.ts';
import { campaignClientFor, readCampaignClient } from './cost-norms-access.ts';
import { findBreaches, normLookup } from './cost-rules.ts';

type Result = { ok: true } | { ok: false; error: CostCheckFailure };

/**
 * Records what was done about one breach. The breach is found again from the stored figures
 * and norms (the page may be old: the day re-imported, a norm raised), and one acknowledgement
 * per breach is kept: of two at once, the first wins and the other is told so (409).
 */
export async function acknowledgeBreach(
  db: Database,
  person: { actor: Actor; user: Viewer },
  clientId: string,
  input: AcknowledgementInput,
  rules: Pick<Policy, 'costNorms'>,
  now: Date,
): Promise<Result> {
  const [access, norms, figures] = await db.batch([
    readCampaignClient(db, person.user, clientId),
    db.select().from(clientCostNorms).where(eq(clientCostNorms.clientId, clientId)),
    db
      .select()
      .from(campaignDayMetrics)
      .where(
        and(
          eq(campaignDayMetrics.clientId, clientId),
          eq(campaignDayMetrics.day, input.day),
          eq(campaignDayMetrics.campaignName, input.campaignName),
          eq(campaignDayMetrics.placement, input.placement),
        ),
      ),
  ]);
  if (!campaignClientFor(person.user, access)) return { ok: false, error: 'not_found' };
  const breach = findBreaches(figures, normLookup(norms, rules.costNorms), input.day).find(
    (found) => found.metric === input.metric,
  );
  if (!breach) return { ok: false, error: 'not_a_breach' };

  // changes(): the event only when the insert just before it in this batch wrote the row,
  // not when another acknowledgement beat it (the same person's double click included).
  const wroteIt = sql`changes() > 0`;
  const [written] = await db.batch([
    db
      .insert(costBreachAcknowledgements)
      .values({
        clientId,
        day: input.day,
        campaignName: input.campaignName,
        placement: input.placement,
        metric: input.metric,
        action: input.action,
        note: input.note,
        acknowledgedBy: person.actor.id,
        acknowledgedAt: now,
      })
      .onConflictDoNothing()
      .returning({ day: costBreachAcknowledgements.day }),
    recordEventWhen(
      db,
      {
        actorId: person.actor.id,
        action: 'cost_breach_acknowledged',
        // Its own subject type: the check's page shows who acknowledged what, not the client's history.
        subjectType: 'campaign_check',
        subjectId: clientId,
        ip: person.actor.ip,
        data: {
          day: input.day,
          campaignName: input.campaignName,
          placement: input.placement,
          metric: input.metric,
          action: input.action,
          costMinorUnits: breach.costMinorUnits,
          normMinorUnits: breach.norm.maxMinorUnits,
          currency: breach.norm.currency,
        },
      },
      now,
      wroteIt,
    ),
  ]);
  if (written.length === 0) return { ok: false, error: 'already_acknowledged' };
  return { ok: true };
}
