import { addDaysToIsoDate, type Policy } from '../../policy/index.ts';
import { renewedServiceStartsOn } from '../renewals/renewal-rules.ts';

export type RefundPolicy = Pick<Policy, 'refunds'>;

export type RefundDateProblem = 'no_service' | 'before_service' | 'after_service' | 'in_future';

/**
 * Why a refund asked on `requestedOn` cannot be recorded today (agency dates, YYYY-MM-DD):
 * the client has no service start, asked before it or after the current service's end (null:
 * no end known), or the day has not come. Null: it may. Why not after the end: a day after it
 * belongs to no service until a renewal is recorded, and then to the renewed one; stored under
 * the ended service first, the same request could be recorded again under the renewal.
 */
export function refundDateProblem(
  requestedOn: string,
  service: { startsOn: string | null; endsOn: string | null },
  today: string,
): RefundDateProblem | null {
  if (!service.startsOn) return 'no_service';
  if (requestedOn < service.startsOn) return 'before_service';
  if (requestedOn > today) return 'in_future';
  if (service.endsOn && requestedOn > service.endsOn) return 'after_service';
  return null;
}

/**
 * A refund asked within the service's first days (policy.refunds.earlyWithinDays): the first
 * day of service is day 1, so with 10 the 10th day counts and the 11th does not.
 */
export function isEarlyRefund(
  serviceStartsOn: string,
  requestedOn: string,
  rules: RefundPolicy,
): boolean {
  const lastEarlyDay = addDaysToIsoDate(serviceStartsOn, rules.refunds.earlyWithinDays - 1);
  return requestedOn >= serviceStartsOn && requestedOn <= lastEarlyDay;
}

/**
 * The start of the service a refund asked now is for: the client's recorded service start, but
 * the day it paid when that start is its first service's (before the payment day plus the early
 * days; a renewed service starts a month or more later). The scorecard's first days run from
 * the payment (firstServiceStartsOn), so the refund is checked and stored from that same day,
 * not from a start typed on the client form a day off it.
 */
export function refundServiceStartsOn(
  serviceStartsOn: string | null,
  paidOn: string | null,
  rules: RefundPolicy,
): string | null {
  if (!serviceStartsOn || !paidOn) return serviceStartsOn;
  const firstService = serviceStartsOn < addDaysToIsoDate(paidOn, rules.refunds.earlyWithinDays);
  return firstService ? paidOn : serviceStartsOn;
}

/**
 * The start of the service a refund asked on `requestedOn` is stored under: once the client
 * renewed, a day after a renewed service's end is in the service that began the next day
 * (renewedServiceStartsOn); before any, the first recorded service's (refundServiceStartsOn).
 */
export function refundServiceOf(
  requestedOn: string,
  client: { serviceStartsOn: string | null; paidOn: string | null; renewedEnds: readonly string[] },
  rules: RefundPolicy,
): string | null {
  return (
    renewedServiceStartsOn(requestedOn, client.renewedEnds) ??
    refundServiceStartsOn(client.serviceStartsOn, client.paidOn, rules)
  );
}
