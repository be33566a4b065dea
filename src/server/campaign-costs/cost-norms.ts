import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import {
  COST_METRICS,
  type CostMetric,
  clientCostNorms,
  events,
  NORM_PLACEMENTS,
  type NormPlacement,
  users,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { campaignClientFor, readCampaignClient } from './cost-norms-access.ts';
import { type CostNormsInput, normField } from './cost-norms-input.ts';

export const COST_NORMS_SAVED = 'cost_norms_saved';

/** One cell of the editor: a metric and placement, the client's own norm and the policy's. */
export type NormCell = {
  metric: CostMetric;
  placement: NormPlacement;
  field: string;
  // Null: the policy's applies. `demo`: set by the demo seed (no one saved it).
  own: { maxMinorUnits: number; demo: boolean } | null;
  policy: { minMinorUnits?: number; maxMinorUnits: number } | null;
};

export type CostNormsPage = {
  client: { id: string; name: string };
  // The currency of the client's norms; null until some are saved.
  currency: string | null;
  policyCurrency: string;
  basedOn: number;
  cells: NormCell[];
  lastChange: { byName: string | null; at: Date } | null;
};

/** The client's norms with who last set them, newest first (the first row is the last change). */
function readClientNorms(db: Database, clientId: string) {
  return db
    .select({
      metric: clientCostNorms.metric,
      placement: clientCostNorms.placement,
      currency: clientCostNorms.currency,
      maxMinorUnits: clientCostNorms.maxMinorUnits,
      updatedBy: clientCostNorms.updatedBy,
      updatedByName: users.name,
      updatedAt: clientCostNorms.updatedAt,
    })
    .from(clientCostNorms)
    .leftJoin(users, eq(users.id, clientCostNorms.updatedBy))
    .where(eq(clientCostNorms.clientId, clientId))
    .orderBy(sql`${clientCostNorms.updatedAt} desc`, asc(clientCostNorms.metric));
}

/**
 * The norms editor of a client, in one batch: each metric and placement with the client's
 * norm and the policy's general one beside it. Null for anyone but its CS, its paid-traffic
 * partner or an admin.
 */
export async function loadCostNormsPage(
  db: Database,
  viewer: Viewer,
  clientId: string,
  rules: Pick<Policy, 'costNorms'>,
): Promise<CostNormsPage | null> {
  const [clientRows, norms] = await db.batch([
    readCampaignClient(db, viewer, clientId),
    readClientNorms(db, clientId),
  ]);
  const client = campaignClientFor(viewer, clientRows);
  if (!client) return null;
  const general = rules.costNorms.norms.filter((norm) => norm.niche === undefined);
  const cells = COST_METRICS.flatMap((metric) =>
    NORM_PLACEMENTS.map((placement): NormCell => {
      const own = norms.find((n) => n.metric === metric && n.placement === placement);
      const policy = general.find((n) => n.metric === metric && n.placement === placement);
      return {
        metric,
        placement,
        field: normField(metric, placement),
        own: own ? { maxMinorUnits: own.maxMinorUnits, demo: own.updatedBy === null } : null,
        policy: policy
          ? { minMinorUnits: policy.minMinorUnits, maxMinorUnits: policy.maxMinorUnits }
          : null,
      };
    }),
  );
  const last = norms[0];
  return {
    client,
    currency: last?.currency ?? null,
    policyCurrency: rules.costNorms.currency,
    basedOn: last?.updatedAt.getTime() ?? 0,
    cells,
    lastChange: last ? { byName: last.updatedByName, at: last.updatedAt } : null,
  };
}

export type SaveCostNormsResult =
  | { ok: true; saved: number }
  | { ok: false; error: 'not_found' | 'conflict' };

/**
 * Saves a client's norms as one set in one currency: the set replaces every norm the client
 * had (a currency change rewrites them all), atomically. The save happens only over the norms
 * the form was filled from (`basedOn`): two saves from the same page, one wins, the other is
 * a conflict. The first statement decides (its history event is written only then) and the
 * others follow it, so no later statement can see a half-changed set.
 */
export async function saveCostNorms(
  db: Database,
  who: { user: Viewer; actor: Actor },
  clientId: string,
  input: CostNormsInput,
  now: Date,
): Promise<SaveCostNormsResult> {
  if (!campaignClientFor(who.user, await readCampaignClient(db, who.user, clientId))) {
    return { ok: false, error: 'not_found' };
  }
  const saveId = crypto.randomUUID();
  const unchanged = sql`(select coalesce(max(${clientCostNorms.updatedAt}), 0) from ${clientCostNorms} where ${clientCostNorms.clientId} = ${clientId}) = ${input.basedOn}`;
  // This save's own event (found through the client's events), written only when it won.
  const ownEvent = and(
    eq(events.subjectType, 'client'),
    eq(events.subjectId, clientId),
    eq(events.action, COST_NORMS_SAVED),
    sql`json_extract(${events.data}, '$.saveId') = ${saveId}`,
  );
  const thisSave = sql`exists (select 1 from ${events} where ${ownEvent})`;
  const results = await db.batch([
    recordEventWhen(
      db,
      {
        actorId: who.actor.id,
        action: COST_NORMS_SAVED,
        subjectType: 'client',
        subjectId: clientId,
        ip: who.actor.ip,
        data: { saveId, currency: input.currency, norms: input.norms.length },
      },
      now,
      unchanged,
    ),
    db.delete(clientCostNorms).where(and(eq(clientCostNorms.clientId, clientId), thisSave)),
    ...input.norms.map((norm) =>
      insertWhen(
        db,
        clientCostNorms,
        { ...norm, clientId, currency: input.currency, updatedBy: who.actor.id, updatedAt: now },
        thisSave,
      ),
    ),
    db.select({ id: events.id }).from(events).where(ownEvent),
  ]);
  if ((results[results.length - 1] as unknown[]).length === 0) {
    return { ok: false, error: 'conflict' };
  }
  return { ok: true, saved: input.norms.length };
}
