import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { prebuiltRead } from '../../../db/prebuilt-read.ts';
import {
  campaignImports,
  clients,
  clientTeamMembers,
  userRoles,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import {
  type CostCheckPolicy,
  checkStateOf,
  dailyCheckAt,
} from '../campaign-costs/cost-check-rules.ts';
import {
  type CheckStatusRow,
  checkDaysOf,
  checkFindingsWithBreachesOf,
  selectCheckStatuses,
} from '../campaign-costs/cost-check-status.ts';

export type CostCheckHomePolicy = CostCheckPolicy & Pick<Policy, 'costNorms'>;

// The home names each client's first breaches left (campaign, metric, how much over); the
// rest are on the client's campaigns page it links to.
export const HOME_BREACHES_PER_CLIENT = 3;

/**
 * The home's block of today's campaign-cost checks: for a paid-traffic partner the clients on
 * whose team they are in that role, for a CS the clients in their charge, for an admin every
 * client — those with running campaigns whose check is not met yet. One statement for the
 * home's batch; null (nothing read) on a day off or for someone who does no check.
 */
export function readCostChecksToday(
  db: Database,
  viewer: Viewer,
  rules: CostCheckHomePolicy,
  now: Date,
) {
  const isAdmin = viewer.roles.includes('admin');
  const isCs = viewer.roles.includes('cs');
  const isPaidTraffic = viewer.roles.includes('paid_traffic');
  if (!isAdmin && !isCs && !isPaidTraffic) return null;
  const check = dailyCheckAt(now, rules);
  if (!check) return null;
  const whose: Whose = isAdmin
    ? 'admin'
    : isCs && isPaidTraffic
      ? 'csAndPaid'
      : isCs
        ? 'cs'
        : 'paid';
  const withinDays = rules.campaignChecks.runningIfSpentWithinDays;
  const key = `${whose} ${withinDays}`;
  const read = checkReads.get(key) ?? checkStatusesOf(whose, withinDays);
  checkReads.set(key, read);
  return {
    read: read(db, { ...checkDaysOf(check), person: viewer.id }),
    /** The clients whose check is still open or overdue, with what is left of it. */
    from(rows: CheckStatusRow[]) {
      return rows.flatMap((row) => {
        const { left, ...findings } = checkFindingsWithBreachesOf(row, check, rules);
        const state = checkStateOf(check, findings, now);
        if (state === 'met') return [];
        const breaches = left.slice(0, HOME_BREACHES_PER_CLIENT).map((breach) => ({
          campaignName: breach.campaignName,
          placement: breach.placement,
          metric: breach.metric,
          currency: breach.norm.currency,
          overByMinorUnits: breach.overByMinorUnits,
          overByPercent: breach.overByPercent,
        }));
        return [
          {
            clientId: row.id,
            clientName: row.name,
            state,
            dueAt: check.dueAt,
            findings,
            breaches,
            moreBreaches: left.length - breaches.length,
          },
        ];
      });
    },
  };
}

/** Whose clients a person checks: every client's (an admin), their CS's, their team's, or both. */
type Whose = 'admin' | 'cs' | 'paid' | 'csAndPaid';

// The statement of each kind of person (and running window: a number printed into it),
// printed once with the days and the person as placeholders (see prebuiltRead: drizzle
// printing it on every request was a twentieth of a CS's home).
const checkReads = new Map<string, ReturnType<typeof checkStatusesOf>>();
const PERSON = sql.placeholder('person');

function checkStatusesOf(whose: Whose, withinDays: number) {
  // An admin's are every client that ever imported figures (no other can run campaigns by
  // the rule), found through the imports' index rather than by reading every client.
  const mine =
    whose === 'admin'
      ? sql`"clients"."id" in (select i.client_id from ${campaignImports} i)`
      : or(
          whose !== 'paid' ? eq(clients.csUserId, PERSON) : undefined,
          whose !== 'cs'
            ? sql`"clients"."id" in (select m.client_id from ${clientTeamMembers} m inner join ${userRoles} r on r.user_id = m.user_id and r.role = m.role where m.user_id = ${PERSON} and m.role = 'paid_traffic')`
            : undefined,
        );
  const days = {
    first: sql.placeholder('first'),
    last: sql.placeholder('last'),
    checkDay: sql.placeholder('checkDay'),
  };
  return prebuiltRead((db) => selectCheckStatuses(db, days, withinDays, mine));
}
