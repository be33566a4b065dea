import { addMonths, isoDateInZone } from '../../policy/index.ts';
import type { Milestones } from '../deadlines/deadline-rules.ts';

// A client's first service: the one its first month, its first days and a refund in them are
// counted from (the scorecard's incentives for a new client), whatever its renewals since.

/**
 * The day a client's first month of service is over: the same day of the next month (the
 * month's last day when it has no such day), so a service from 31 January ends it 28 February.
 */
export function firstMonthEndsOn(serviceStartsOn: string): string {
  const day = Number(serviceStartsOn.slice(8, 10));
  const next = addMonths(serviceStartsOn.slice(0, 7), 1);
  const [year, month] = next.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${next}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/**
 * The first day of a client's first service: the day it first paid (the document sets the
 * service start to the payment day), or its recorded service start when no payment was
 * recorded in the pipeline (a client that came before Ponte).
 */
export function firstServiceStartsOn(
  milestones: Milestones,
  serviceStartsOn: string | null,
  timeZone: string,
): string | null {
  return milestones.paid ? isoDateInZone(milestones.paid, timeZone) : serviceStartsOn;
}

// The first service of a client that came before Ponte and renewed: its first days and its
// first month are long over (a loss counts as after the first month; no early refund).
const BEFORE_PONTE = '2000-01-01';

/**
 * A client's first service: its start (firstServiceStartsOn) and the day its refund was asked.
 * A refund is stored under the service start recorded when it was asked, which can be a day or
 * two off the `paid` milestone's day: the first service's refund is the earliest one whose
 * service started before the first month was over (a renewed service starts later), judged
 * from the first service's start like every other first-days rule. Without a `paid`
 * milestone, a client whose earliest renewal came before its recorded service start, or with
 * a refund of an earlier service, is on a renewed service: its first service was before Ponte.
 */
export function firstServiceOf(
  milestones: Milestones,
  serviceStartsOn: string | null,
  refunds: Record<string, string>,
  timeZone: string,
  earliestRenewalAt: Date | null = null,
): { startsOn: string | null; refundOn: string | null } {
  let earliest: string | undefined;
  for (const startsOn of Object.keys(refunds))
    if (!earliest || startsOn < earliest) earliest = startsOn;
  if (!milestones.paid && serviceStartsOn) {
    const renewed = earliestRenewalAt && isoDateInZone(earliestRenewalAt, timeZone);
    const renewedBefore = renewed && renewed < serviceStartsOn;
    if (renewedBefore || (earliest && earliest < serviceStartsOn)) {
      return { startsOn: BEFORE_PONTE, refundOn: null };
    }
  }
  const startsOn = firstServiceStartsOn(milestones, serviceStartsOn, timeZone);
  if (!startsOn || !earliest || earliest >= firstMonthEndsOn(startsOn)) {
    return { startsOn, refundOn: null };
  }
  return { startsOn, refundOn: refunds[earliest] ?? null };
}
