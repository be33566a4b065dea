import { createTranslator, formatDate, localeOf } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';

/** Where a contact's personal approval link points. */
export function approvalUrl(origin: string, token: string): string {
  return `${origin}/approval/${token}`;
}

/** The agency's page of a piece, for the e-mails to CS. */
export function piecePageUrl(origin: string, pieceId: string): string {
  return `${origin}/pieces/${pieceId}`;
}

type PieceFacts = { title: string; version: number; client: string };

/** The e-mail that carries a contact's link: the first send, a re-send, or a reminder. */
export function approvalRequestMail(
  contact: { name: string; locale: string },
  facts: PieceFacts & { cs: string; url: string; expiresAt: Date; timeZone: string },
  kind: 'request' | 'reminder',
) {
  const lang = localeOf(contact.locale);
  const t = createTranslator(lang);
  const params = { piece: facts.title, version: String(facts.version), client: facts.client };
  return composeMail({
    lang,
    subject: t(`mail.approval.${kind}.subject`, params),
    paragraphs: [
      t('mail.approval.greeting', { name: contact.name }),
      t(`mail.approval.${kind}.body`, { ...params, cs: facts.cs }),
      t('mail.approval.validity', { date: formatDate(facts.expiresAt, lang, facts.timeZone) }),
    ],
    action: { label: t('mail.approval.action'), url: facts.url },
    footer: t('mail.clientFooter'),
  });
}

/** What CS hears from the client's side of a round, at once. */
export function approvalNewsMail(
  cs: { name: string; locale: string },
  news: PieceFacts & {
    kind: 'changes_requested' | 'commented' | 'approved';
    contact: string;
    message: string;
    url: string;
  },
) {
  const lang = localeOf(cs.locale);
  const t = createTranslator(lang);
  const params = {
    piece: news.title,
    version: String(news.version),
    client: news.client,
    contact: news.contact,
  };
  return composeMail({
    lang,
    subject: t(`mail.approval.${news.kind}.subject`, params),
    paragraphs: [
      t('mail.approval.greeting', { name: cs.name }),
      t(`mail.approval.${news.kind}.body`, params),
      ...(news.message ? [news.message] : []),
    ],
    action: { label: t('mail.approval.openPiece'), url: news.url },
    footer: t('mail.footer'),
  });
}
