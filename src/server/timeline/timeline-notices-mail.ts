import { createTranslator, localeOf } from '../../i18n/index.ts';
import { composeMail, headerLine } from '../mail/compose-mail.ts';

/** Where a contact's personal acknowledgement link points. */
export const timelineAckUrl = (origin: string, token: string) => `${origin}/timeline-ack/${token}`;

/** An entry in the client space's timeline (the contact signs in there first). */
export const spaceEntryUrl = (origin: string, entryId: string) =>
  `${origin}/space/timeline/${encodeURIComponent(entryId)}`;

/**
 * What the contact is sent about an entry: `notice` (published, no answer asked), `ask`
 * (published, please acknowledge) or `reminder` (still unanswered).
 */
export type TimelineNotice = 'notice' | 'ask' | 'reminder';

/**
 * The e-mail of a client-visible entry to a contact chosen on it, in the contact's language:
 * the entry's title, and the link — the personal acknowledgement link when one is asked,
 * else the space's entry when they may use the space, else none.
 */
export function timelineNoticeMail(
  contact: { name: string; locale: string },
  facts: { title: string; client: string; cs: string | null; url: string | null },
  notice: TimelineNotice,
) {
  const lang = localeOf(contact.locale);
  const t = createTranslator(lang);
  const params = { title: headerLine(facts.title), client: facts.client };
  return composeMail({
    lang,
    subject: headerLine(t(`timelineAck.mail.${notice}.subject`, params)),
    paragraphs: [
      t('timelineAck.mail.greeting', { name: contact.name }),
      facts.cs
        ? t(`timelineAck.mail.${notice}.bodyBy`, { ...params, cs: facts.cs })
        : t(`timelineAck.mail.${notice}.body`, params),
      ...(facts.url ? [] : [t('timelineAck.mail.noLink')]),
    ],
    ...(facts.url
      ? {
          action: {
            label: t(
              notice === 'notice' ? 'timelineAck.mail.openSpace' : 'timelineAck.mail.openAck',
            ),
            url: facts.url,
          },
        }
      : {}),
    footer: t('mail.clientFooter'),
  });
}

/** What CS hears when a contact answers an entry with an observation: who, on what, and the message. */
export function observationMail(
  cs: { name: string; locale: string },
  facts: { title: string; client: string; contact: string; observation: string; url: string },
) {
  const lang = localeOf(cs.locale);
  const t = createTranslator(lang);
  const params = { title: headerLine(facts.title), client: facts.client, contact: facts.contact };
  return composeMail({
    lang,
    subject: headerLine(t('timelineAck.mail.observation.subject', params)),
    paragraphs: [
      t('timelineAck.mail.greeting', { name: cs.name }),
      t('timelineAck.mail.observation.body', params),
      facts.observation,
    ],
    action: { label: t('timelineAck.mail.observation.action'), url: facts.url },
    footer: t('mail.footer'),
  });
}
