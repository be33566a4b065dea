import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { clientContacts, clients } from '../../../db/schema/index.ts';
import { isoDateInZone } from '../../policy/index.ts';
import { mayEnterSpace } from './contact-access-rules.ts';

/** A contact an address may enter the space as: one per client that turned access on. */
export type SpaceContact = {
  contactId: string;
  clientId: string;
  clientName: string;
  name: string;
  locale: string;
};

/**
 * The read of every contact with this (lower-cased) address whose access is on, by client
 * name. Every column has its own name: D1's batch answers rows keyed by column name.
 */
export function readSpaceContacts(db: Database, email: string) {
  return db
    .select({
      contactId: clientContacts.id,
      clientId: clientContacts.clientId,
      clientName: sql<string>`${clients.name}`.as('client_name'),
      name: clientContacts.name,
      locale: clientContacts.locale,
      mayUseSpace: clientContacts.mayUseSpace,
      serviceEndsOn: clients.serviceEndsOn,
    })
    .from(clientContacts)
    .innerJoin(clients, eq(clients.id, clientContacts.clientId))
    .where(and(eq(clientContacts.email, email), eq(clientContacts.mayUseSpace, true)))
    .orderBy(asc(clients.name));
}

/** The contacts of that read who may enter now (the client's service not over). */
export function spaceContactsOf(
  rows: Awaited<ReturnType<typeof readSpaceContacts>>,
  now: Date,
  timeZone: string,
): SpaceContact[] {
  return rows
    .filter((row) => mayEnterSpace(row, now, timeZone))
    .map(({ contactId, clientId, clientName, name, locale }) => ({
      contactId,
      clientId,
      clientName,
      name,
      locale,
    }));
}

/**
 * SQL for "the one contact an address may enter as, or null when none or several": what a
 * sign-in writes into the new session, inside the batch that consumes the link, so the
 * choice and the consumption cannot drift apart. `email` must be a qualified column: the
 * subquery's own tables have an email too. Written with its own aliases for the same reason.
 */
export function onlySpaceContactId(email: SQL, now: Date, timeZone: string) {
  const today = isoDateInZone(now, timeZone);
  return sql`(select case when count(*) = 1 then min(cc.id) end
    from client_contacts cc inner join clients cl on cl.id = cc.client_id
    where cc.email = ${email} and cc.may_use_space = 1
      and (cl.service_ends_on is null or cl.service_ends_on >= ${today}))`;
}
