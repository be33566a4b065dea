import { addDaysToIsoDate } from '../../policy/index.ts';

export type RenewalProblem = 'no_service_end' | 'not_after_end' | 'lost';

/**
 * Why a client's service cannot be renewed until `renewedUntil` (agency dates, YYYY-MM-DD):
 * it has no service end to renew, was recorded as lost (a lost client that comes back starts
 * a new service: CS sets its dates on the client's details), or the new end is not after the
 * current one. Null: it may.
 */
export function renewalProblem(
  serviceEndsOn: string | null,
  renewedUntil: string,
  lost: boolean,
): RenewalProblem | null {
  if (lost) return 'lost';
  if (!serviceEndsOn) return 'no_service_end';
  if (renewedUntil <= serviceEndsOn) return 'not_after_end';
  return null;
}

/**
 * A renewal carried over from the old one-per-client `renewed` stage (migration 0025): its new
 * end is not known, so it is stored as the end it renewed. Only such a renewal can be the
 * current service's (a recorded one moves the end), and its renewal contact is not judged
 * again (the service it renewed is not known for sure: the stage said only when).
 */
export const isCarriedRenewal = (renewal: { serviceEndsOn: string; renewedUntil: string }) =>
  renewal.renewedUntil === renewal.serviceEndsOn;

/**
 * The first day of the service a day falls in, given the ends of the client's renewed
 * services: the day after the latest renewed end before that day (a service runs to its end
 * day inclusive), or null when the day is in the client's first recorded service.
 */
export function renewedServiceStartsOn(day: string, renewedEnds: readonly string[]): string | null {
  let latest: string | null = null;
  for (const endsOn of renewedEnds)
    if (endsOn < day && (!latest || endsOn > latest)) latest = endsOn;
  return latest === null ? null : addDaysToIsoDate(latest, 1);
}
