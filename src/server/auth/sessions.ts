import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { sessions, userRoles, users } from '../../../db/schema/index.ts';
import { isLocale, type Locale } from '../../i18n/locales.ts';
import { type Policy, ROLES, type Role } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import { isSessionExpired, sessionExpiresAt, shouldRenewSession } from './session-rules.ts';
import { generateSecretToken, hashToken, looksLikeToken } from './tokens.ts';

/** The person behind a valid session, as pages and routes see them. */
export type SignedInUser = {
  id: string;
  name: string;
  email: string;
  locale: Locale;
  roles: Role[];
};

export type ValidSession = {
  id: string;
  user: SignedInUser;
  expiresAt: Date;
  // True when this request moved the session's last use forward: the cookie is sent again.
  renewed: boolean;
};

type SessionRules = Policy['sessions'];

/** A fresh session token and the id it is stored under (its SHA-256). */
export function issueSessionToken(): { token: string; id: string } {
  const token = generateSecretToken();
  return { token, id: hashToken(token) };
}

/** The roles column read back from group_concat, keeping only roles the code knows. */
function parseRoles(value: string | null): Role[] {
  const known = new Set<string>(ROLES);
  return (value ?? '').split(',').filter((role): role is Role => known.has(role));
}

/**
 * Checks a session token from a cookie: one query reads the session, its person and roles;
 * an ended session is deleted, a used one renewed at most once per renewal period.
 */
export async function validateSessionToken(
  db: Database,
  token: string,
  rules: SessionRules,
  now: Date,
): Promise<ValidSession | null> {
  if (!looksLikeToken(token)) return null;
  const id = hashToken(token);
  const [row] = await db
    .select({
      createdAt: sessions.createdAt,
      lastVerifiedAt: sessions.lastVerifiedAt,
      userId: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      active: users.active,
      roles: sql<
        string | null
      >`(select group_concat(${userRoles.role}) from ${userRoles} where ${userRoles.userId} = ${users.id})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  if (!row.active || isSessionExpired(row, rules, now)) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  const renewed = shouldRenewSession(row, rules, now);
  if (renewed) {
    await db.update(sessions).set({ lastVerifiedAt: now }).where(eq(sessions.id, id));
  }
  const lastVerifiedAt = renewed ? now : row.lastVerifiedAt;
  return {
    id,
    renewed,
    expiresAt: sessionExpiresAt({ createdAt: row.createdAt, lastVerifiedAt }, rules),
    user: {
      id: row.userId,
      name: row.name,
      email: row.email,
      locale: isLocale(row.locale) ? row.locale : 'pt-BR',
      roles: parseRoles(row.roles),
    },
  };
}

type SessionEnd = { sessionId: string; userId: string; ip: string | null };

/** Signs out one session: the row is deleted, so the cookie is worthless even if kept. */
export async function endSession(db: Database, end: SessionEnd, now: Date): Promise<void> {
  await db.batch([
    db.delete(sessions).where(eq(sessions.id, end.sessionId)),
    recordEvent(
      db,
      {
        actorId: end.userId,
        action: 'sign_out',
        subjectType: 'user',
        subjectId: end.userId,
        ip: end.ip,
      },
      now,
    ),
  ]);
}

/** Signs a person out of every device at once. */
export async function endAllSessions(
  db: Database,
  end: Omit<SessionEnd, 'sessionId'>,
  now: Date,
): Promise<void> {
  await db.batch([
    db.delete(sessions).where(eq(sessions.userId, end.userId)),
    recordEvent(
      db,
      {
        actorId: end.userId,
        action: 'sign_out_everywhere',
        subjectType: 'user',
        subjectId: end.userId,
        ip: end.ip,
      },
      now,
    ),
  ]);
}
