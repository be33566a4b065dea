import { createTranslator, formatDateTime, localeOf } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';

/** What an internal-review e-mail tells, and to whom inside the agency. */
export type InternalReviewNews =
  | 'changes_requested'
  | 'approved'
  | 'approved_and_sent'
  | 'reminder'
  | 'escalation';

/**
 * An e-mail about a version's internal review: the uploader hears of changes asked, CS that
 * it may be sent (or went to the client's contacts, as CS asked), the reviewers of a review
 * about to be due, the admins of one overdue.
 */
export function internalReviewMail(
  to: { name: string; locale: string },
  news: InternalReviewNews,
  facts: {
    title: string;
    version: number;
    client: string;
    reviewer?: string;
    message?: string | null;
    dueAt?: Date;
    timeZone: string;
    url: string;
  },
) {
  const lang = localeOf(to.locale);
  const t = createTranslator(lang);
  const params = {
    piece: facts.title,
    version: String(facts.version),
    client: facts.client,
    reviewer: facts.reviewer ?? '',
    due: facts.dueAt ? formatDateTime(facts.dueAt, lang, facts.timeZone) : '',
  };
  return composeMail({
    lang,
    subject: t(`internalReview.mail.${news}.subject`, params),
    paragraphs: [
      t('internalReview.mail.greeting', { name: to.name }),
      t(`internalReview.mail.${news}.body`, params),
      ...(facts.message ? [facts.message] : []),
    ],
    action: { label: t('internalReview.mail.action'), url: facts.url },
    footer: t('mail.footer'),
  });
}
