import type { RequestKind } from '../../../db/schema/index.ts';
import { createTranslator, formatDateTime, localeOf } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';

/** The e-mail telling a client's CS, in their language, that a contact asked for new work. */
export function requestOpenedMail(
  to: { name: string; locale: string },
  facts: {
    contact: string;
    client: string;
    kind: RequestKind;
    title: string;
    dueAt: Date;
    timeZone: string;
    url: string;
  },
) {
  const lang = localeOf(to.locale);
  const t = createTranslator(lang);
  const params = {
    contact: facts.contact,
    client: facts.client,
    title: facts.title,
    kind: t(`requestForm.kinds.${facts.kind}`),
    due: formatDateTime(facts.dueAt, lang, facts.timeZone),
  };
  return composeMail({
    lang,
    subject: t('requestForm.mail.subject', params),
    paragraphs: [
      t('requestForm.mail.greeting', { name: to.name }),
      t('requestForm.mail.body', params),
      t('requestForm.mail.due', params),
    ],
    action: { label: t('requestForm.mail.action'), url: facts.url },
    footer: t('mail.footer'),
  });
}
