import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { events, sessions, signInLinks, users } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import { PARTNER_HOME, safeNextPath } from '../forms/return-path.ts';
import { queueMail } from '../mail/outbox.ts';
import { countHit, judgeHit } from '../rate-limits/rate-limits.ts';
import { composeSignInMail } from './auth-mail.ts';
import { issueSessionToken } from './sessions.ts';
import { generateSecretToken, hashToken, looksLikeToken, sha256Hex } from './tokens.ts';

type SignInPolicy = Pick<Policy, 'links' | 'rateLimits' | 'sessions'>;

/** Trims and lowercases an e-mail address, the one form it is stored and compared in. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Where a person lands from an e-mailed link: a page that asks them to confirm. */
export function signInLinkUrl(origin: string, token: string): string {
  return `${origin}/sign-in/confirm?token=${token}`;
}

/** A new single-use link for a person: the token for the URL, and the row that stores its hash. */
export function createSignInLink(
  db: Database,
  link: {
    userId: string;
    purpose: 'sign_in' | 'invitation';
    lifetimeMs: number;
    nextPath?: string | null;
  },
  now: Date,
) {
  const token = generateSecretToken();
  const id = hashToken(token);
  const insert = db.insert(signInLinks).values({
    id,
    userId: link.userId,
    purpose: link.purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + link.lifetimeMs),
    nextPath: link.nextPath ?? null,
  });
  return { token, id, insert };
}

/**
 * `next` is the page the person was opening when sent to sign in, as the sign-in form posted
 * it: anything but a safe path of ours (see safeNextPath) is dropped, not refused.
 */
export type SignInRequest = { email: string; ip: string | null; origin: string; next?: unknown };
export type SignInRequestResult =
  | { ok: true }
  | { ok: false; error: 'rate_limited'; retryAfterMinutes: number };

/**
 * Handles "send me a sign-in link". The answer is the same whether the address belongs to
 * anyone: the limits count every address, and both paths make the same two round trips.
 */
export async function requestSignInLink(
  db: Database,
  rules: SignInPolicy,
  request: SignInRequest,
  now: Date,
): Promise<SignInRequestResult> {
  const email = normalizeEmail(request.email);
  const emailHash = sha256Hex(email);
  const [ipCount, emailCount, found] = await db.batch([
    countHit(db, `sign-in:ip:${request.ip ?? 'unknown'}`, rules.rateLimits.signInPerIp, now),
    countHit(db, `sign-in:email:${emailHash}`, rules.rateLimits.signInPerEmail, now),
    db
      .select({ id: users.id, name: users.name, locale: users.locale, active: users.active })
      .from(users)
      .where(eq(users.email, email)),
  ]);
  for (const [counter, limit] of [
    [ipCount[0], rules.rateLimits.signInPerIp],
    [emailCount[0], rules.rateLimits.signInPerEmail],
  ] as const) {
    const verdict = counter ? judgeHit(counter, limit, now) : ({ allowed: true } as const);
    if (!verdict.allowed) {
      return { ok: false, error: 'rate_limited', retryAfterMinutes: verdict.retryAfterMinutes };
    }
  }
  const person = found[0];
  if (!person?.active) {
    // Recorded under the address's hash, so the audit trail shows attempts without holding them.
    await db.batch([
      recordEvent(
        db,
        {
          actorId: null,
          action: 'sign_in_link_refused',
          subjectType: 'email',
          subjectId: emailHash,
          ip: request.ip,
          data: { reason: person ? 'inactive' : 'unknown' },
        },
        now,
      ),
    ]);
    return { ok: true };
  }
  const link = createSignInLink(
    db,
    {
      userId: person.id,
      purpose: 'sign_in',
      lifetimeMs: rules.links.signInMinutes * 60_000,
      nextPath: safeNextPath(request.next),
    },
    now,
  );
  const mail = composeSignInMail({
    locale: person.locale,
    name: person.name,
    url: signInLinkUrl(request.origin, link.token),
    minutes: rules.links.signInMinutes,
  });
  await db.batch([
    link.insert,
    queueMail(db, { idempotencyKey: `sign-in-link:${link.id}`, to: email, ...mail }, now),
    recordEvent(
      db,
      {
        actorId: person.id,
        action: 'sign_in_link_sent',
        subjectType: 'user',
        subjectId: person.id,
        ip: request.ip,
      },
      now,
    ),
  ]);
  return { ok: true };
}

export type LinkProblem = 'invalid' | 'expired' | 'used';

/** Why a link cannot sign anyone in, or null when it still can. Reads only: GET pages use it. */
export async function inspectSignInLink(
  db: Database,
  token: string,
  now: Date,
): Promise<LinkProblem | null> {
  if (!looksLikeToken(token)) return 'invalid';
  const [link] = await db
    .select({ expiresAt: signInLinks.expiresAt, usedAt: signInLinks.usedAt, active: users.active })
    .from(signInLinks)
    .innerJoin(users, eq(users.id, signInLinks.userId))
    .where(eq(signInLinks.id, hashToken(token)));
  if (!link?.active) return 'invalid';
  if (link.usedAt) return 'used';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

export type SignInResult =
  | { ok: true; userId: string; sessionToken: string; landing: string }
  | { ok: false; error: LinkProblem };

/**
 * Signs a person in with a link, once. One atomic batch marks the link used by this
 * request's new session, creates that session and records the sign-in; a second request
 * with the same link (double click, two tabs) finds it used and creates nothing.
 */
export async function consumeSignInLink(
  db: Database,
  consume: { token: string; ip: string | null },
  now: Date,
): Promise<SignInResult> {
  if (!looksLikeToken(consume.token)) return { ok: false, error: 'invalid' };
  const linkId = hashToken(consume.token);
  const session = issueSessionToken();
  const consumedByThisRequest = and(
    eq(signInLinks.id, linkId),
    eq(signInLinks.sessionId, session.id),
  );
  const [claimed] = await db.batch([
    db
      .update(signInLinks)
      .set({ usedAt: now, sessionId: session.id })
      .where(
        and(
          eq(signInLinks.id, linkId),
          isNull(signInLinks.usedAt),
          gt(signInLinks.expiresAt, now),
          sql`exists (select 1 from ${users} where ${users.id} = ${signInLinks.userId} and ${users.active} = 1)`,
        ),
      )
      .returning({ userId: signInLinks.userId, nextPath: signInLinks.nextPath }),
    insertWhen(
      db,
      sessions,
      { id: session.id, userId: signInLinks.userId, createdAt: now, lastVerifiedAt: now },
      consumedByThisRequest,
      signInLinks,
    ),
    insertWhen(
      db,
      events,
      {
        occurredAt: now,
        actorId: signInLinks.userId,
        action: 'sign_in',
        subjectType: 'user',
        subjectId: signInLinks.userId,
        ip: consume.ip,
        data: sql`json_object('via', ${signInLinks.purpose})`,
      },
      consumedByThisRequest,
      signInLinks,
    ),
  ]);
  const userId = claimed[0]?.userId;
  if (userId) {
    // Checked again on the way out: a row written before this rule lands on the home.
    const landing = safeNextPath(claimed[0]?.nextPath) ?? PARTNER_HOME;
    return { ok: true, userId, sessionToken: session.token, landing };
  }
  return { ok: false, error: (await inspectSignInLink(db, consume.token, now)) ?? 'invalid' };
}
