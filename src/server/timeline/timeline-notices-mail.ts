import { createTranslator, localeOf } from '../../i18n/index.ts';
import { composeMail, headerLine } from '../mail/compose-mail.ts';

/** Where a contact's personal link points: to answer, or only to read an entry that asks nothing. */
export const timelineAckUrl = (origin: string, token: string) => `${origin}/timeline-ack/${token}`;

/**
 * What the contact is sent about an entry: `notice` (published, no answer asked), `ask`
 * (published, please acknowledge) or `reminder` (still unanswered).
 */
export type TimelineNotice = 'notice' | 'ask' | 'reminder';

/**
 * The e-mail of a client-visible entry to a contact chosen on it, in the contact's language:
 * the entry's title, and their personal link — to read and answer when acknowledgement is
 * asked, else to see the entry and its files.
 */
export function timelineNoticeMail(
  contact: { name: string; locale: string },
  facts: { title: string; client: string; cs: string | null; url: string },
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
    ],
    action: {
      label: t(notice === 'notice' ? 'timelineAck.mail.openEntry' : 'timelineAck.mail.openAck'),
      url: facts.url,
    },
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
