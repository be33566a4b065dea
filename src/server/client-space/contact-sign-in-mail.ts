import { createTranslator, localeOf } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';

/** The e-mail carrying a contact's sign-in link to the space: the agency's branding, their language. */
export function composeSpaceSignInMail(mail: {
  locale: string;
  name: string;
  url: string;
  minutes: number;
}) {
  const lang = localeOf(mail.locale);
  const t = createTranslator(lang);
  return composeMail({
    lang,
    subject: t('space.mail.subject'),
    paragraphs: [
      t('space.mail.greeting', { name: mail.name }),
      t('space.mail.body', { minutes: mail.minutes }),
      t('space.mail.ignore'),
    ],
    action: { label: t('space.mail.action'), url: mail.url },
    footer: t('mail.footer'),
  });
}
