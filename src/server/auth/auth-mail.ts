import { createTranslator, localeOf } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';

/** The translator for a person's saved language, falling back to the default. */
function translatorFor(locale: string) {
  const lang = localeOf(locale);
  return { lang, t: createTranslator(lang) };
}

/** The e-mail that carries a sign-in link, in the person's language. */
export function composeSignInMail(mail: {
  locale: string;
  name: string;
  url: string;
  minutes: number;
}) {
  const { lang, t } = translatorFor(mail.locale);
  return composeMail({
    lang,
    subject: t('mail.signIn.subject'),
    paragraphs: [
      t('mail.signIn.greeting', { name: mail.name }),
      t('mail.signIn.body', { minutes: mail.minutes }),
      t('mail.signIn.ignore'),
    ],
    action: { label: t('mail.signIn.action'), url: mail.url },
    footer: t('mail.footer'),
  });
}

/** The invitation e-mail, with a link that signs the invitee in once. */
export function composeInvitationMail(mail: {
  locale: string;
  name: string;
  inviter: string;
  url: string;
  days: number;
}) {
  const { lang, t } = translatorFor(mail.locale);
  return composeMail({
    lang,
    subject: t('mail.invitation.subject'),
    paragraphs: [
      t('mail.invitation.greeting', { name: mail.name }),
      t('mail.invitation.body', { inviter: mail.inviter }),
      t('mail.invitation.validity', { days: mail.days }),
    ],
    action: { label: t('mail.invitation.action'), url: mail.url },
    footer: t('mail.footer'),
  });
}
