import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { events, sessions, signInLinks, userRoles, users } from '../../../db/schema/index.ts';
import type { Policy, Role } from '../../policy/index.ts';
import { historyEntryOf, readEventHistory } from '../audit/event-history.ts';
import { recordEvent } from '../audit/record-event.ts';
import { composeInvitationMail } from '../auth/auth-mail.ts';
import { createSignInLink, signInLinkUrl } from '../auth/sign-in-links.ts';
import type { Actor } from '../auth/viewer.ts';
import { queueMail } from '../mail/outbox.ts';
import type { InvitationInput } from './person-input.ts';

// Until src/server/approvals and src/server/onboarding import it from auth/viewer.ts.

type PersonProblem = 'not_found' | 'own_access';

const DAY_MS = 86_400_000;

/** A person as the admin pages list them. */
export type PersonSummary = {
  id: string;
  name: string;
  email: string;
  locale: string;
  active: boolean;
  roles: Role[];
};

const rolesOf = sql<
  string | null
>`(select group_concat(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id})`;

// What the admin pages show of a person, roles included, in one query.
const personColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  locale: users.locale,
  active: users.active,
  roles: rolesOf,
};

const toSummary = (
  row: Omit<PersonSummary, 'roles'> & { roles: string | null },
): PersonSummary => ({
  ...row,
  roles: (row.roles ?? '').split(',').filter(Boolean) as Role[],
});

/** Everyone who can sign in, by name, with roles, in one query. */
export async function listPeople(db: Database): Promise<PersonSummary[]> {
  const rows = await db.select(personColumns).from(users).orderBy(users.name);
  return rows.map(toSummary);
}

/** Everyone's id and name, by name: for choosing a person in a filter. */
export function listPeopleNames(db: Database) {
  return db.select({ id: users.id, name: users.name }).from(users).orderBy(users.name);
}

/** One person with the audit trail about them, newest first; null when there is no such person. */
export async function getPerson(db: Database, userId: string) {
  const [found, history] = await db.batch([
    db.select(personColumns).from(users).where(eq(users.id, userId)),
    // Each event with who acted, for the history in sentences (see EventHistory).
    readEventHistory(
      db,
      or(
        and(eq(events.subjectType, 'user'), eq(events.subjectId, userId)),
        eq(events.actorId, userId),
      ),
      100,
    ),
  ]);
  const row = found[0];
  return row ? { person: toSummary(row), history: history.map(historyEntryOf) } : null;
}

/** The invitation link and its e-mail, queued with the change that causes them. */
function invitationWrites(
  db: Database,
  invitee: { id: string; name: string; email: string; locale: string },
  inviter: Actor,
  rules: Pick<Policy, 'links'>,
  origin: string,
  now: Date,
) {
  const days = rules.links.invitationDays;
  const link = createSignInLink(
    db,
    { userId: invitee.id, purpose: 'invitation', lifetimeMs: days * DAY_MS },
    now,
  );
  const mail = composeInvitationMail({
    locale: invitee.locale,
    name: invitee.name,
    inviter: inviter.name,
    url: signInLinkUrl(origin, link.token),
    days,
  });
  return [
    // A new invitation replaces any earlier one that was not used.
    db
      .update(signInLinks)
      .set({ usedAt: now })
      .where(
        and(
          eq(signInLinks.userId, invitee.id),
          eq(signInLinks.purpose, 'invitation'),
          isNull(signInLinks.usedAt),
        ),
      ),
    link.insert,
    queueMail(db, { idempotencyKey: `invitation:${link.id}`, to: invitee.email, ...mail }, now),
  ] as const;
}

export type InviteResult = { ok: true; userId: string } | { ok: false; error: 'email_taken' };

/** Creates a person with roles and e-mails them an invitation: all in one atomic batch. */
export async function invitePerson(
  db: Database,
  rules: Pick<Policy, 'links'>,
  invitation: InvitationInput & { inviter: Actor; origin: string },
  now: Date,
): Promise<InviteResult> {
  const emailTaken = async () =>
    (await db.select({ id: users.id }).from(users).where(eq(users.email, invitation.email)))
      .length > 0;
  if (await emailTaken()) return { ok: false, error: 'email_taken' };
  const id = crypto.randomUUID();
  const invitee = { id, name: invitation.name, email: invitation.email, locale: invitation.locale };
  try {
    await db.batch([
      db.insert(users).values({ ...invitee, active: true, createdAt: now }),
      db.insert(userRoles).values(invitation.roles.map((role) => ({ userId: id, role }))),
      ...invitationWrites(db, invitee, invitation.inviter, rules, invitation.origin, now),
      recordEvent(
        db,
        {
          actorId: invitation.inviter.id,
          action: 'invitation',
          subjectType: 'user',
          subjectId: id,
          ip: invitation.inviter.ip,
          data: { roles: invitation.roles, locale: invitation.locale },
        },
        now,
      ),
    ]);
  } catch (error) {
    // Two admins inviting the same address at once: the unique e-mail lets one through.
    if (await emailTaken()) return { ok: false, error: 'email_taken' };
    throw error;
  }
  return { ok: true, userId: id };
}

type ChangeResult = { ok: true } | { ok: false; error: PersonProblem };

/** Replaces a person's roles. An admin cannot take the admin role from themselves. */
export async function changeRoles(
  db: Database,
  change: { userId: string; roles: Role[]; actor: Actor },
  now: Date,
): Promise<ChangeResult> {
  const found = await getPerson(db, change.userId);
  if (!found) return { ok: false, error: 'not_found' };
  if (change.userId === change.actor.id && !change.roles.includes('admin')) {
    return { ok: false, error: 'own_access' };
  }
  await db.batch([
    db.delete(userRoles).where(eq(userRoles.userId, change.userId)),
    db.insert(userRoles).values(change.roles.map((role) => ({ userId: change.userId, role }))),
    recordEvent(
      db,
      {
        actorId: change.actor.id,
        action: 'roles_changed',
        subjectType: 'user',
        subjectId: change.userId,
        ip: change.actor.ip,
        data: { from: found.person.roles, to: change.roles },
      },
      now,
    ),
  ]);
  return { ok: true };
}

/**
 * Deactivates or reactivates a person. Deactivation deletes every session and unused link in
 * the same batch, so access ends at once; nobody can deactivate themselves.
 */
export async function setPersonActive(
  db: Database,
  change: { userId: string; active: boolean; actor: Actor },
  now: Date,
): Promise<ChangeResult> {
  if (change.userId === change.actor.id) return { ok: false, error: 'own_access' };
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.id, change.userId));
  if (!person) return { ok: false, error: 'not_found' };
  await db.batch([
    db.update(users).set({ active: change.active }).where(eq(users.id, change.userId)),
    ...(change.active
      ? []
      : [
          db.delete(sessions).where(eq(sessions.userId, change.userId)),
          db
            .update(signInLinks)
            .set({ usedAt: now })
            .where(and(eq(signInLinks.userId, change.userId), isNull(signInLinks.usedAt))),
        ]),
    recordEvent(
      db,
      {
        actorId: change.actor.id,
        action: change.active ? 'reactivated' : 'deactivated',
        subjectType: 'user',
        subjectId: change.userId,
        ip: change.actor.ip,
      },
      now,
    ),
  ]);
  return { ok: true };
}

/** Sends a fresh invitation (the earlier unused one stops working). */
export async function resendInvitation(
  db: Database,
  rules: Pick<Policy, 'links'>,
  resend: { userId: string; actor: Actor; origin: string },
  now: Date,
): Promise<ChangeResult> {
  const found = await getPerson(db, resend.userId);
  if (!found?.person.active) return { ok: false, error: 'not_found' };
  await db.batch([
    ...invitationWrites(db, found.person, resend.actor, rules, resend.origin, now),
    recordEvent(
      db,
      {
        actorId: resend.actor.id,
        action: 'invitation',
        subjectType: 'user',
        subjectId: resend.userId,
        ip: resend.actor.ip,
        data: { resent: true },
      },
      now,
    ),
  ]);
  return { ok: true };
}
