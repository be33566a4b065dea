import { and, asc, eq, exists, inArray, notExists } from 'drizzle-orm';
import type { RowsOf } from '../../../db/batch-rows.ts';
import type { Database } from '../../../db/client.ts';
import {
  clients,
  clientTeamMembers,
  TEAM_ROLES,
  type TeamRole,
  userRoles,
  users,
} from '../../../db/schema/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { getClientFor, mayManageClient } from './clients.ts';
import { maySeeClient } from './team-rules.ts';

type TeamChange = { clientId: string; userId: string; role: TeamRole; actor: Actor; user: Viewer };

/** A client's team: its active members who still hold their role, by role and name. */
function teamOf(db: Database, clientId: string) {
  return db
    .select({ userId: clientTeamMembers.userId, name: users.name, role: clientTeamMembers.role })
    .from(clientTeamMembers)
    .innerJoin(users, eq(users.id, clientTeamMembers.userId))
    .innerJoin(
      userRoles,
      and(
        eq(userRoles.userId, clientTeamMembers.userId),
        eq(userRoles.role, clientTeamMembers.role),
      ),
    )
    .where(and(eq(clientTeamMembers.clientId, clientId), eq(users.active, true)))
    .orderBy(asc(clientTeamMembers.role), asc(users.name));
}

/** The reads behind a client with its team and the name of its CS in charge, for one batch. */
export function readClientTeam(db: Database, clientId: string) {
  return [
    db.select().from(clients).where(eq(clients.id, clientId)),
    teamOf(db, clientId),
    db
      .select({ name: users.name })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.csUserId))
      .where(eq(clients.id, clientId)),
  ] as const;
}

/** The client, its team and its CS's name from their reads; null when there is no client. */
export function clientTeamFrom([found, team, cs]: RowsOf<ReturnType<typeof readClientTeam>>) {
  const client = found[0];
  return client ? { client, team, csName: cs[0]?.name ?? '' } : null;
}

/** A client with its team and the name of its CS in charge, whoever asks; null when none. One round trip. */
export async function loadClientTeam(db: Database, clientId: string) {
  return clientTeamFrom(await db.batch(readClientTeam(db, clientId)));
}

/** Active people holding a team role: whom the CS may add, per role. */
export function listTeamCandidates(db: Database) {
  return db
    .select({ id: users.id, name: users.name, role: userRoles.role })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(users.active, true), inArray(userRoles.role, [...TEAM_ROLES])))
    .orderBy(asc(userRoles.role), asc(users.name));
}

/**
 * A client as the person sees it (its CS in charge, an admin, or someone on its team), with
 * its team, whether they may keep it, and whom they could add; null for anyone else.
 */
export async function getClientView(db: Database, viewer: Viewer, clientId: string) {
  const loaded = await loadClientTeam(db, clientId);
  const mayManage = loaded ? mayManageClient(viewer, loaded.client) : false;
  return clientViewFor(viewer, loaded, mayManage ? await listTeamCandidates(db) : []);
}

/** The client as the viewer sees it, given its team and the candidates; null if not theirs to see. */
export function clientViewFor(
  viewer: Viewer,
  loaded: ReturnType<typeof clientTeamFrom>,
  candidates: Awaited<ReturnType<typeof listTeamCandidates>>,
) {
  if (!loaded || !maySeeClient(viewer, loaded)) return null;
  const mayManage = mayManageClient(viewer, loaded.client);
  return { ...loaded, mayManage, candidates: mayManage ? candidates : [] };
}

export type ClientView = NonNullable<Awaited<ReturnType<typeof getClientView>>>;

/** Puts a partner on a client's team in a role they hold (the client's CS or an admin); once. */
export async function addTeamMember(
  db: Database,
  add: TeamChange,
  now: Date,
): Promise<{ ok: true; added: boolean } | { ok: false; error: 'not_found' | 'not_in_role' }> {
  if (!(await getClientFor(db, add.user, add.clientId))) return { ok: false, error: 'not_found' };
  const [[person], [existing]] = await db.batch([
    db
      .select({ id: users.id })
      .from(users)
      .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, add.role)))
      .where(and(eq(users.id, add.userId), eq(users.active, true))),
    db.select({ userId: clientTeamMembers.userId }).from(clientTeamMembers).where(memberIs(add)),
  ]);
  if (!person) return { ok: false, error: 'not_in_role' };
  if (existing) return { ok: true, added: false };
  // The event first, written only if the row is not there yet as the batch runs: two clicks
  // at once add one member and record one event.
  await db.batch([
    recordEventWhen(
      db,
      teamEvent('team_member_added', add),
      now,
      notExists(db.select().from(clientTeamMembers).where(memberIs(add))),
    ),
    db
      .insert(clientTeamMembers)
      .values({
        clientId: add.clientId,
        userId: add.userId,
        role: add.role,
        addedAt: now,
        addedBy: add.actor.id,
      })
      .onConflictDoNothing(),
  ]);
  return { ok: true, added: true };
}

/** Takes a partner off a client's team in one role (the client's CS or an admin). */
export async function removeTeamMember(
  db: Database,
  remove: TeamChange,
  now: Date,
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
  if (!(await getClientFor(db, remove.user, remove.clientId)))
    return { ok: false, error: 'not_found' };
  const [existing] = await db
    .select({ userId: clientTeamMembers.userId })
    .from(clientTeamMembers)
    .where(memberIs(remove));
  if (!existing) return { ok: false, error: 'not_found' };
  // Likewise: the event only while the row is still there, so two removals record one.
  await db.batch([
    recordEventWhen(
      db,
      teamEvent('team_member_removed', remove),
      now,
      exists(db.select().from(clientTeamMembers).where(memberIs(remove))),
    ),
    db.delete(clientTeamMembers).where(memberIs(remove)),
  ]);
  return { ok: true };
}

/** The one team row a change is about. */
function memberIs(change: TeamChange) {
  return and(
    eq(clientTeamMembers.clientId, change.clientId),
    eq(clientTeamMembers.userId, change.userId),
    eq(clientTeamMembers.role, change.role),
  );
}

/** The audit entry of a team change, on the client. */
function teamEvent(action: string, change: TeamChange) {
  return {
    actorId: change.actor.id,
    action,
    subjectType: 'client',
    subjectId: change.clientId,
    ip: change.actor.ip,
    data: { userId: change.userId, role: change.role },
  };
}
