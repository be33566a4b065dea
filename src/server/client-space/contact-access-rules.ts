import { isoDateInZone } from '../../policy/index.ts';

/** What decides whether a contact may be in the client space at all. */
export type ContactAccess = {
  mayUseSpace: boolean;
  // The client's last day of service (YYYY-MM-DD, agency time), or null while open-ended.
  serviceEndsOn: string | null;
};

/**
 * True when the client's service has ended: its last day is before today in the agency's
 * time zone. The last day itself still counts as served.
 */
export function hasServiceEnded(
  serviceEndsOn: string | null,
  now: Date,
  timeZone: string,
): boolean {
  return serviceEndsOn !== null && serviceEndsOn < isoDateInZone(now, timeZone);
}

/** True when the contact may sign in and stay signed in: access on, the client still served. */
export function mayEnterSpace(contact: ContactAccess, now: Date, timeZone: string): boolean {
  return contact.mayUseSpace && !hasServiceEnded(contact.serviceEndsOn, now, timeZone);
}
