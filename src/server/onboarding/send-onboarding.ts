import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { onboardingLinks, onboardings } from '../../../db/schema/index.ts';
import { createTranslator, localeOf } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import { CURRENT_ONBOARDING } from '../../questionnaires/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import { generateSecretToken, hashToken } from '../auth/tokens.ts';
import type { Actor, Viewer } from '../auth/viewer.ts';
import { getClientFor } from '../clients/clients.ts';
import { composeMail } from '../mail/compose-mail.ts';
import { queueMail } from '../mail/outbox.ts';

// CS's side of onboarding links: sending the questionnaire to contacts, and revoking a link.

const DAY_MS = 86_400_000;

/** Where a contact's personal onboarding link points. */
export function onboardingUrl(origin: string, token: string): string {
  return `${origin}/onboarding/${token}`;
}

type SendProblem = 'not_found' | 'no_contacts' | 'submitted';

/**
 * Sends the onboarding questionnaire to the chosen contacts of a client: a personal link
 * each, by e-mail. Sending again to a contact replaces their earlier link.
 */
export async function sendOnboarding(
  db: Database,
  rules: Pick<Policy, 'links'>,
  send: {
    clientId: string;
    contactIds: string[];
    actor: Actor;
    user: Viewer;
    origin: string;
  },
  now: Date,
): Promise<{ ok: true; sent: number } | { ok: false; error: SendProblem }> {
  const found = await getClientFor(db, send.user, send.clientId);
  if (!found) return { ok: false, error: 'not_found' };
  const chosen = found.contacts.filter(
    (c) => send.contactIds.includes(c.id) && c.mayAnswerQuestionnaires,
  );
  if (chosen.length === 0) return { ok: false, error: 'no_contacts' };
  await db
    .insert(onboardings)
    .values({
      id: crypto.randomUUID(),
      clientId: send.clientId,
      questionnaireVersion: CURRENT_ONBOARDING.version,
      createdAt: now,
      createdBy: send.actor.id,
    })
    .onConflictDoNothing({ target: onboardings.clientId });
  const [onboarding] = await db
    .select()
    .from(onboardings)
    .where(eq(onboardings.clientId, send.clientId));
  if (!onboarding) return { ok: false, error: 'not_found' };
  if (onboarding.status === 'submitted') return { ok: false, error: 'submitted' };
  const writes = chosen.flatMap((contact) => {
    const token = generateSecretToken();
    const id = hashToken(token);
    const locale = localeOf(contact.locale);
    const t = createTranslator(locale);
    const mail = composeMail({
      lang: locale,
      subject: t('mail.onboarding.subject', { client: found.client.name }),
      paragraphs: [
        t('mail.onboarding.greeting', { name: contact.name }),
        t('mail.onboarding.body', { cs: send.actor.name, client: found.client.name }),
        t('mail.onboarding.validity', { days: rules.links.onboardingDays }),
      ],
      action: { label: t('mail.onboarding.action'), url: onboardingUrl(send.origin, token) },
      footer: t('mail.clientFooter'),
    });
    return [
      db
        .update(onboardingLinks)
        .set({ revokedAt: now })
        .where(and(eq(onboardingLinks.contactId, contact.id), isNull(onboardingLinks.revokedAt))),
      db.insert(onboardingLinks).values({
        id,
        onboardingId: onboarding.id,
        contactId: contact.id,
        createdAt: now,
        expiresAt: new Date(now.getTime() + rules.links.onboardingDays * DAY_MS),
      }),
      queueMail(db, { idempotencyKey: `onboarding-link:${id}`, to: contact.email, ...mail }, now),
      recordEvent(
        db,
        {
          actorId: send.actor.id,
          action: 'onboarding_sent',
          subjectType: 'client',
          subjectId: send.clientId,
          ip: send.actor.ip,
          data: { contactId: contact.id },
        },
        now,
      ),
    ];
  });
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  return { ok: true, sent: chosen.length };
}

/** Revokes one contact's link at once (CS, on the client page). */
export async function revokeOnboardingLinks(
  db: Database,
  revoke: {
    clientId: string;
    contactId: string;
    actor: Actor;
    user: Viewer;
  },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
  const found = await getClientFor(db, revoke.user, revoke.clientId);
  if (!found?.contacts.some((c) => c.id === revoke.contactId))
    return { ok: false, error: 'not_found' };
  await db.batch([
    db
      .update(onboardingLinks)
      .set({ revokedAt: now })
      .where(
        and(eq(onboardingLinks.contactId, revoke.contactId), isNull(onboardingLinks.revokedAt)),
      ),
    recordEvent(
      db,
      {
        actorId: revoke.actor.id,
        action: 'onboarding_revoked',
        subjectType: 'client',
        subjectId: revoke.clientId,
        ip: revoke.actor.ip,
        data: { contactId: revoke.contactId },
      },
      now,
    ),
  ]);
  return { ok: true };
}
