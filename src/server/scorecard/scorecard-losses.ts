import { type DeadlinePolicy, lostByDateAt } from '../deadlines/deadline-rules.ts';
import type { ScorecardClient } from './scorecard-rules.ts';

/**
 * When a service ending on `endsOn` made its client lost by date, by `asOf`: the policy's days
 * after its end, unless it was renewed before then (a renewal recorded later brings back a
 * client that was lost, but the loss stands in its month). Null: not lost by date.
 */
function lostByDate(
  endsOn: string,
  renewedAt: Date | undefined,
  rules: DeadlinePolicy,
  asOf: Date,
): Date | null {
  const at = lostByDateAt(endsOn, rules);
  if (at.getTime() > asOf.getTime()) return null;
  return renewedAt && renewedAt.getTime() < at.getTime() ? null : at;
}

/**
 * When a client was lost, by `asOf`: as recorded; else by date, from its current service's
 * end (unless renewed in time) and from each renewed service renewed too late.
 */
export function lossesOf(client: ScorecardClient, rules: DeadlinePolicy, asOf: Date): Date[] {
  const { milestones, serviceEndsOn } = client;
  if (milestones.lost) return [milestones.lost];
  const losses: Date[] = [];
  const current = serviceEndsOn && lostByDate(serviceEndsOn, milestones.renewed, rules, asOf);
  if (current) losses.push(current);
  for (const renewal of client.renewals) {
    if (renewal.serviceEndsOn === serviceEndsOn) continue;
    const lost = lostByDate(renewal.serviceEndsOn, renewal.renewedAt, rules, asOf);
    if (lost) losses.push(lost);
  }
  return losses;
}
