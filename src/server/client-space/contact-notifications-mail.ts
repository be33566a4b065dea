import { createTranslator, type Locale, type MessageKey } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';
import { PIECE_AWAITS_APPROVAL } from './contact-notifications-rules.ts';

/** One queued piece of news with what its sentence needs: never a token, only ids and titles. */
export type ContactNewsFacts = {
  kind: string;
  subjectId: string;
  title: string;
  declineReason: string | null;
};

type Contact = { name: string; locale: Locale };

// Each kind's sentence; a request status this file does not know yet reads as 'updated'.
const SENTENCES: Record<string, { subject: MessageKey; line: MessageKey }> = {
  [PIECE_AWAITS_APPROVAL]: {
    subject: 'spaceNotifications.pieceAwaitsApproval.subject',
    line: 'spaceNotifications.pieceAwaitsApproval.line',
  },
  request_question: {
    subject: 'spaceNotifications.requestQuestion.subject',
    line: 'spaceNotifications.requestQuestion.line',
  },
  request_at_risk: {
    subject: 'spaceNotifications.requestAtRisk.subject',
    line: 'spaceNotifications.requestAtRisk.line',
  },
  request_authorized: {
    subject: 'spaceNotifications.requestAuthorized.subject',
    line: 'spaceNotifications.requestAuthorized.line',
  },
  request_declined: {
    subject: 'spaceNotifications.requestDeclined.subject',
    line: 'spaceNotifications.requestDeclined.line',
  },
};
const UPDATED = {
  subject: 'spaceNotifications.requestUpdated.subject',
  line: 'spaceNotifications.requestUpdated.line',
} satisfies { subject: MessageKey; line: MessageKey };

/** The page of the space the news is about; the space asks the contact to sign in. */
export function spacePathOf(news: Pick<ContactNewsFacts, 'kind' | 'subjectId'>): string {
  return news.kind === PIECE_AWAITS_APPROVAL
    ? `/space/pieces/${news.subjectId}`
    : `/space/requests/${news.subjectId}`;
}

/** The news as sentences in the contact's language: the line, then the decline's reason. */
function sentencesOf(news: ContactNewsFacts, locale: Locale) {
  const t = createTranslator(locale);
  const keys = SENTENCES[news.kind] ?? UPDATED;
  const line = t(keys.line, { title: news.title });
  const reason = news.declineReason
    ? [t('spaceNotifications.reason', { reason: news.declineReason })]
    : [];
  return { subject: t(keys.subject, { title: news.title }), lines: [line, ...reason] };
}

/** One piece of news in its own e-mail, branded, with a link to its page in the space. */
export function contactNewsMail(contact: Contact, news: ContactNewsFacts, origin: string) {
  const t = createTranslator(contact.locale);
  const { subject, lines } = sentencesOf(news, contact.locale);
  return composeMail({
    lang: contact.locale,
    subject,
    paragraphs: [
      t('spaceNotifications.greeting', { name: contact.name }),
      ...lines,
      t('spaceNotifications.signInNote'),
    ],
    action: { label: t('spaceNotifications.open'), url: `${origin}${spacePathOf(news)}` },
    footer: t('mail.clientFooter'),
  });
}

/** The day's digest: every piece of news since the last one, oldest first, and a link to the space. */
export function contactDigestMail(contact: Contact, news: ContactNewsFacts[], origin: string) {
  const t = createTranslator(contact.locale);
  const lines = news.flatMap((item) => {
    const [line = '', ...rest] = sentencesOf(item, contact.locale).lines;
    return [`• ${line}`, ...rest];
  });
  return composeMail({
    lang: contact.locale,
    subject: t('spaceNotifications.digest.subject', { count: String(news.length) }),
    paragraphs: [
      t('spaceNotifications.greeting', { name: contact.name }),
      t('spaceNotifications.digest.intro'),
      ...lines,
      t('spaceNotifications.signInNote'),
    ],
    action: { label: t('spaceNotifications.digest.action'), url: `${origin}/space` },
    footer: t('mail.clientFooter'),
  });
}
