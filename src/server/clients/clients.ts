import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import {
  clientContacts,
  clients,
  contactSessions,
  userRoles,
  users,
} from '../../../db/schema/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import type { DeadlinePolicy } from '../deadlines/deadline-rules.ts';
import {
  keepPipelineDue,
  milestonesOf,
  pipelineDueOf,
  readRenewalEndsOf,
  readStagesOf,
  withCurrentRenewal,
} from '../deadlines/stored-deadline.ts';
import type { ClientInput, ContactInput } from './client-input.ts';
import { seenClients } from './team-membership.ts';
import { isCsInCharge } from './team-rules.ts';

export type Client = typeof clients.$inferSelect;
export type Contact = typeof clientContacts.$inferSelect;

/** Admins see every client; a CS partner sees the clients they are in charge of. */
export function mayManageClient(user: Viewer, client: Pick<Client, 'csUserId'>) {
  return user.roles.includes('admin') || isCsInCharge(user, client);
}

/** Only CS register clients (for themselves) and admins (for any CS); team partners only read them. */
export function mayRegisterClients(user: Pick<Viewer, 'roles'>) {
  return user.roles.includes('cs') || user.roles.includes('admin');
}

/** The clients a person may manage, by name. */
export function listClientsFor(db: Database, user: Viewer) {
  const query = db.select().from(clients).orderBy(asc(clients.name));
  if (user.roles.includes('admin')) return query;
  return query.where(user.roles.includes('cs') ? eq(clients.csUserId, user.id) : sql`0`);
}

/** The id and name of each client a person sees (in charge, on its team, or admin): whom they may ask about. */
export function listClientNames(db: Database, user: Viewer) {
  return db
    .select({ id: clients.id, name: clients.name })
    .from(clients)
    .where(seenClients(user))
    .orderBy(asc(clients.name));
}

/** The reads behind a client and its contacts, for one batch: alone, or with a page's others. */
export function readClientWithContacts(db: Database, clientId: string) {
  return [
    db.select().from(clients).where(eq(clients.id, clientId)),
    db
      .select()
      .from(clientContacts)
      .where(eq(clientContacts.clientId, clientId))
      .orderBy(asc(clientContacts.name)),
  ] as const;
}

/** The client and its contacts from their reads, or null when none or not the person's. */
export function clientFor(
  user: Viewer,
  [found, contacts]: readonly [Client[], Contact[]],
): { client: Client; contacts: Contact[] } | null {
  const client = found[0];
  if (!client || !mayManageClient(user, client)) return null;
  return { client, contacts };
}

/** One client with its contacts, or null when it does not exist or is not the person's. */
export async function getClientFor(db: Database, user: Viewer, clientId: string) {
  return clientFor(user, await db.batch(readClientWithContacts(db, clientId)));
}

/** The people who may be in charge of a client: active CS partners. */
export function listCsPartners(db: Database) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, 'cs')))
    .where(eq(users.active, true))
    .orderBy(asc(users.name));
}

type ClientProblem = 'not_found' | 'not_cs';

/** Checks that the person put in charge is an active CS partner. */
async function isCsPartner(db: Database, userId: string) {
  return (await listCsPartners(db)).some((partner) => partner.id === userId);
}

/**
 * Registers a client. A CS partner may only register clients for themselves. Its next
 * pipeline deadline is stored with it (none yet: no stage recorded).
 */
export async function createClient(
  db: Database,
  create: { input: ClientInput; actor: Actor; user: Viewer },
  rules: DeadlinePolicy,
  now: Date,
): Promise<{ ok: true; clientId: string } | { ok: false; error: ClientProblem }> {
  const input = create.user.roles.includes('admin')
    ? create.input
    : { ...create.input, csUserId: create.user.id };
  if (!(await isCsPartner(db, input.csUserId))) return { ok: false, error: 'not_cs' };
  const id = crypto.randomUUID();
  await db.batch([
    db
      .insert(clients)
      .values({ id, ...input, ...pipelineDueOf({}, input.serviceEndsOn, rules), createdAt: now }),
    recordEvent(
      db,
      {
        actorId: create.actor.id,
        action: 'client_created',
        subjectType: 'client',
        subjectId: id,
        ip: create.actor.ip,
      },
      now,
    ),
  ]);
  return { ok: true, clientId: id };
}

/**
 * Changes a client's details; only its CS or an admin may, and only an admin may hand it
 * over. The service end date moves the renewal deadline: the stored next deadline is kept
 * in the same batch.
 */
export async function updateClient(
  db: Database,
  update: {
    clientId: string;
    input: ClientInput;
    actor: Actor;
    user: Viewer;
  },
  rules: DeadlinePolicy,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: ClientProblem }> {
  const [client, contacts, stages, renewals] = await db.batch([
    ...readClientWithContacts(db, update.clientId),
    readStagesOf(db, update.clientId),
    readRenewalEndsOf(db, update.clientId),
  ]);
  const found = clientFor(update.user, [client, contacts]);
  if (!found) return { ok: false, error: 'not_found' };
  const input = update.user.roles.includes('admin')
    ? update.input
    : { ...update.input, csUserId: found.client.csUserId };
  if (!(await isCsPartner(db, input.csUserId))) return { ok: false, error: 'not_cs' };
  await db.batch([
    db.update(clients).set(input).where(eq(clients.id, update.clientId)),
    ...keepPipelineDue(
      db,
      { id: update.clientId, serviceEndsOn: input.serviceEndsOn },
      withCurrentRenewal(milestonesOf(stages), renewals, input.serviceEndsOn),
      rules,
    ),
    recordEvent(
      db,
      {
        actorId: update.actor.id,
        action: 'client_updated',
        subjectType: 'client',
        subjectId: update.clientId,
        ip: update.actor.ip,
      },
      now,
    ),
  ]);
  return { ok: true };
}

/** Adds a contact to a client, or changes one (when `contactId` is given). */
export async function saveContact(
  db: Database,
  save: {
    clientId: string;
    contactId?: string;
    input: ContactInput;
    actor: Actor;
    user: Viewer;
  },
  now: Date,
): Promise<{ ok: true; contactId: string } | { ok: false; error: 'not_found' }> {
  const found = await getClientFor(db, save.user, save.clientId);
  if (!found) return { ok: false, error: 'not_found' };
  const before = found.contacts.find((c) => c.id === save.contactId);
  if (save.contactId && !before) return { ok: false, error: 'not_found' };
  const contactId = save.contactId ?? crypto.randomUUID();
  const write = save.contactId
    ? db.update(clientContacts).set(save.input).where(eq(clientContacts.id, contactId))
    : db
        .insert(clientContacts)
        .values({ id: contactId, clientId: save.clientId, ...save.input, createdAt: now });
  await db.batch([
    write,
    recordEvent(
      db,
      {
        actorId: save.actor.id,
        action: save.contactId ? 'contact_updated' : 'contact_added',
        subjectType: 'client',
        subjectId: save.clientId,
        ip: save.actor.ip,
        data: { contactId },
      },
      now,
    ),
    ...contactSpaceWrites(db, { before, after: save.input, contactId, ...save }, now),
  ]);
  return { ok: true, contactId };
}

/**
 * What a contact's save does to the client space: access turned on or off is its own entry
 * in the client's history, and a contact who may no longer use the space (access off, or
 * another address) is signed out of it in the same batch.
 */
function contactSpaceWrites(
  db: Database,
  change: {
    before: Contact | undefined;
    after: ContactInput;
    contactId: string;
    clientId: string;
    actor: Actor;
  },
  now: Date,
) {
  const { before, after, contactId } = change;
  const accessChanged = (before?.mayUseSpace ?? false) !== after.mayUseSpace;
  const signedOut = before && (!after.mayUseSpace || before.email !== after.email);
  return [
    ...(signedOut
      ? [db.delete(contactSessions).where(eq(contactSessions.contactId, contactId))]
      : []),
    ...(accessChanged
      ? [
          recordEvent(
            db,
            {
              actorId: change.actor.id,
              action: after.mayUseSpace ? 'contact_space_opened' : 'contact_space_closed',
              subjectType: 'client',
              subjectId: change.clientId,
              ip: change.actor.ip,
              data: { contactId },
            },
            now,
          ),
        ]
      : []),
  ];
}
