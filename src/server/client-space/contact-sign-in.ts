import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import { contactSessions, contactSignInLinks, events } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import { issueSessionToken } from '../auth/sessions.ts';
import { normalizeEmail } from '../auth/sign-in-links.ts';
import { generateSecretToken, hashToken, looksLikeToken, sha256Hex } from '../auth/tokens.ts';
import { queueMail } from '../mail/outbox.ts';
import { countHit, judgeHit } from '../rate-limits/rate-limits.ts';
import { composeSpaceSignInMail } from './contact-sign-in-mail.ts';
import { onlySpaceContactId, readSpaceContacts, spaceContactsOf } from './space-contacts.ts';
import { SPACE_CHOOSE, SPACE_HOME } from './space-cookie.ts';

type SignInRules = Pick<Policy, 'clientSpace' | 'rateLimits' | 'agency'>;

/** Where a contact lands from an e-mailed link: a page that asks them to confirm. */
export function spaceSignInLinkUrl(origin: string, token: string): string {
  return `${origin}/space/sign-in/confirm?token=${token}`;
}

export type SpaceSignInRequest = { email: string; ip: string | null; origin: string };
export type SpaceSignInRequestResult =
  | { ok: true }
  | { ok: false; error: 'rate_limited'; retryAfterMinutes: number };

/**
 * "Send me a link to the client space". The answer is the same whether or not the address
 * may use the space: the limits count every address (under keys apart from partners'), both
 * paths make two round trips, and only an address with access gets a link and a mail.
 */
export async function requestSpaceSignInLink(
  db: Database,
  rules: SignInRules,
  request: SpaceSignInRequest,
  now: Date,
): Promise<SpaceSignInRequestResult> {
  const email = normalizeEmail(request.email);
  const emailHash = sha256Hex(email);
  const { signInPerIp, signInPerEmail } = rules.rateLimits;
  const [ipCount, emailCount, rows] = await db.batch([
    countHit(db, `space-sign-in:ip:${request.ip ?? 'unknown'}`, signInPerIp, now),
    countHit(db, `space-sign-in:email:${emailHash}`, signInPerEmail, now),
    readSpaceContacts(db, email),
  ]);
  for (const [counter, limit] of [
    [ipCount[0], signInPerIp],
    [emailCount[0], signInPerEmail],
  ] as const) {
    const verdict = counter ? judgeHit(counter, limit, now) : ({ allowed: true } as const);
    if (!verdict.allowed) {
      return { ok: false, error: 'rate_limited', retryAfterMinutes: verdict.retryAfterMinutes };
    }
  }
  const [contact] = spaceContactsOf(rows, now, rules.agency.timeZone);
  if (!contact) {
    // Recorded under the address's hash (never the address), so both paths make the same
    // two round trips and the audit trail shows attempts without holding them.
    await db.batch([
      recordEvent(
        db,
        {
          actorId: null,
          action: 'space_sign_in_link_refused',
          subjectType: 'email',
          subjectId: emailHash,
          ip: request.ip,
        },
        now,
      ),
    ]);
    return { ok: true };
  }
  const token = generateSecretToken();
  const linkId = hashToken(token);
  const minutes = rules.clientSpace.signInLinkMinutes;
  const mail = composeSpaceSignInMail({
    locale: contact.locale,
    name: contact.name,
    url: spaceSignInLinkUrl(request.origin, token),
    minutes,
  });
  await db.batch([
    db.insert(contactSignInLinks).values({
      id: linkId,
      email,
      createdAt: now,
      expiresAt: new Date(now.getTime() + minutes * 60_000),
    }),
    queueMail(db, { idempotencyKey: `space-sign-in-link:${linkId}`, to: email, ...mail }, now),
    recordEvent(
      db,
      {
        actorId: null,
        action: 'space_sign_in_link_sent',
        subjectType: 'client_contact',
        subjectId: contact.contactId,
        ip: request.ip,
      },
      now,
    ),
  ]);
  return { ok: true };
}

export type SpaceLinkProblem = 'invalid' | 'expired' | 'used';

/** Why a link cannot sign anyone in, or null when it still can. Reads only: the GET page uses it. */
export async function inspectSpaceSignInLink(
  db: Database,
  token: string,
  now: Date,
): Promise<SpaceLinkProblem | null> {
  if (!looksLikeToken(token)) return 'invalid';
  const [link] = await db
    .select({ expiresAt: contactSignInLinks.expiresAt, usedAt: contactSignInLinks.usedAt })
    .from(contactSignInLinks)
    .where(eq(contactSignInLinks.id, hashToken(token)));
  if (!link) return 'invalid';
  if (link.usedAt) return 'used';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}

export type SpaceSignInResult =
  | { ok: true; sessionToken: string; landing: string }
  | { ok: false; error: SpaceLinkProblem };

/**
 * Signs a contact in with a link, once. One atomic batch marks the link used by this
 * request's new session and creates that session — with the contact already chosen when the
 * address may enter as exactly one — and records the sign-in; a second request with the same
 * link (double click, two tabs) finds it used and creates nothing.
 */
export async function consumeSpaceSignInLink(
  db: Database,
  consume: { token: string; ip: string | null; timeZone: string },
  now: Date,
): Promise<SpaceSignInResult> {
  if (!looksLikeToken(consume.token)) return { ok: false, error: 'invalid' };
  const linkId = hashToken(consume.token);
  const session = issueSessionToken();
  const consumedByThisRequest = and(
    eq(contactSignInLinks.id, linkId),
    eq(contactSignInLinks.sessionId, session.id),
  );
  const linkEmail = sql`${contactSignInLinks}.${sql.identifier('email')}`;
  const contactId = onlySpaceContactId(linkEmail, now, consume.timeZone);
  const [claimed, , chosen] = await db.batch([
    db
      .update(contactSignInLinks)
      .set({ usedAt: now, sessionId: session.id })
      .where(
        and(
          eq(contactSignInLinks.id, linkId),
          isNull(contactSignInLinks.usedAt),
          gt(contactSignInLinks.expiresAt, now),
        ),
      )
      .returning({ email: contactSignInLinks.email }),
    insertWhen(
      db,
      contactSessions,
      {
        id: session.id,
        email: contactSignInLinks.email,
        contactId,
        createdAt: now,
        lastVerifiedAt: now,
      },
      consumedByThisRequest,
      contactSignInLinks,
    ),
    db
      .select({ contactId: contactSessions.contactId })
      .from(contactSessions)
      .where(eq(contactSessions.id, session.id)),
    // Recorded against the contact once known: here when there is only one, else at the choice.
    insertWhen(
      db,
      events,
      {
        occurredAt: now,
        actorId: null,
        action: 'space_sign_in',
        subjectType: 'client_contact',
        subjectId: contactId,
        ip: consume.ip,
        data: null,
      },
      and(consumedByThisRequest, sql`${contactId} is not null`),
      contactSignInLinks,
    ),
  ]);
  if (!claimed[0]) {
    return {
      ok: false,
      error: (await inspectSpaceSignInLink(db, consume.token, now)) ?? 'invalid',
    };
  }
  const landing = chosen[0]?.contactId ? SPACE_HOME : SPACE_CHOOSE;
  return { ok: true, sessionToken: session.token, landing };
}
