import { createTranslator, formatDateTime, localeOf } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';

/** The agency's page of a request, as e-mails link to it. */
export function requestPageUrl(origin: string, requestId: string): string {
  return `${origin}/requests/${encodeURIComponent(requestId)}`;
}

export type RequestNoticeKind = 'reminder' | 'escalation' | 'reply';

/**
 * The e-mails about a request's triage, in the reader's language: the reminder to its CS
 * before the deadline, the escalation to the admins once passed, and the contact's answer
 * that gives the request back to CS.
 */
export function requestNoticeMail(
  to: { name: string; locale: string },
  kind: RequestNoticeKind,
  facts: {
    title: string;
    client: string;
    contact: string;
    dueAt: Date | null;
    timeZone: string;
    url: string;
  },
) {
  const lang = localeOf(to.locale);
  const t = createTranslator(lang);
  const params = {
    title: facts.title,
    client: facts.client,
    contact: facts.contact,
    due: facts.dueAt ? formatDateTime(facts.dueAt, lang, facts.timeZone) : '',
  };
  return composeMail({
    lang,
    subject: t(`requestTriage.notices.${kind}.subject`, params),
    paragraphs: [
      t('requestTriage.notices.greeting', { name: to.name }),
      t(`requestTriage.notices.${kind}.body`, params),
    ],
    action: { label: t('requestTriage.notices.action'), url: facts.url },
    footer: t('mail.footer'),
  });
}
