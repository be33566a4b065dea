import { createTranslator, type Locale, localeOf } from '../../i18n/index.ts';
import { policy } from '../../policy/index.ts';
import { accentOnWhite } from '../../styles/brand-style.ts';
import { composeMail, escapeHtml } from '../mail/compose-mail.ts';
import { SCORES } from './survey-rules.ts';

/** A survey's page, with a rating chosen (the e-mail's five links) or not. */
export const surveyPagePath = (token: string, score?: number) =>
  `/satisfaction/${token}${score ? `?score=${score}` : ''}`;

/** The link only link scanners follow: hidden from people, it voids the survey. */
export const surveyVoidPath = (token: string) => `/satisfaction/${token}/void`;

type Delivery = { kind: 'piece' | 'request' | 'service'; title: string };

/** The question, naming what was delivered, in the contact's language. */
export function surveyQuestion(delivery: Delivery, client: string, locale: Locale) {
  const t = createTranslator(locale);
  return t(`satisfaction.question.${delivery.kind}`, { title: delivery.title, client });
}

/**
 * The one-question e-mail: the question and five links, 1 to 5, each opening the page with
 * its rating chosen (nothing counts before the page's own button). A last link, hidden from
 * people and screen readers and marked nofollow, is there for scanners only: following it
 * voids the survey, so a scanner's later visit can never pass for the contact's answer.
 */
export function surveyMail(input: {
  contact: { name: string; locale: string };
  clientName: string;
  delivery: Delivery;
  token: string;
  origin: string;
}) {
  const lang = localeOf(input.contact.locale);
  const t = createTranslator(lang);
  const question = surveyQuestion(input.delivery, input.clientName, lang);
  const base = composeMail({
    lang,
    subject: t('satisfaction.mail.subject', { agency: policy.agency.name }),
    paragraphs: [t('satisfaction.mail.greeting', { name: input.contact.name }), question],
    footer: t('satisfaction.mail.footer'),
  });
  const accent = accentOnWhite(policy.agency.branding.accent);
  const link = (score: number) => `${input.origin}${surveyPagePath(input.token, score)}`;
  const buttons = SCORES.map(
    (score) =>
      `<a href="${escapeHtml(link(score))}" style="display:inline-block;min-width:40px;margin:0 6px 6px 0;padding:10px 0;text-align:center;border:2px solid ${accent};border-radius:6px;color:${accent};font-weight:700;text-decoration:none" title="${escapeHtml(t(`satisfaction.scale.score${score}`))}">${score}</a>`,
  ).join('');
  const scale = `<p style="margin:0 0 8px">${buttons}</p><p style="margin:0 0 16px;font-size:13px;color:#555">${escapeHtml(t('satisfaction.mail.scale'))}</p><p style="margin:0 0 16px">${escapeHtml(t('satisfaction.mail.comment'))}</p>`;
  const trap = `<a href="${escapeHtml(`${input.origin}${surveyVoidPath(input.token)}`)}" rel="nofollow" aria-hidden="true" tabindex="-1" style="display:none;font-size:0;line-height:0;max-height:0;overflow:hidden;mso-hide:all">&#8203;</a>`;
  // The rating row goes after the question, before the footer's rule.
  const html = base.html.replace('<hr ', `${scale}${trap}<hr `);
  const text = [
    t('satisfaction.mail.greeting', { name: input.contact.name }),
    question,
    ...SCORES.map((score) => `${score} — ${t(`satisfaction.scale.score${score}`)}: ${link(score)}`),
    t('satisfaction.mail.comment'),
    '--',
    t('satisfaction.mail.footer'),
  ].join('\n\n');
  return { subject: base.subject, html, text };
}

/** The e-mail that tells the client's CS of a low score and the task it opened. */
export function lowScoreMail(input: {
  cs: { name: string; locale: string };
  contactName: string;
  clientName: string;
  score: number;
  comment: string | null;
  taskUrl: string;
}) {
  const lang = localeOf(input.cs.locale);
  const t = createTranslator(lang);
  const facts = { contact: input.contactName, client: input.clientName, score: input.score };
  return composeMail({
    lang,
    subject: t('satisfaction.lowScore.subject', facts),
    paragraphs: [
      t('satisfaction.lowScore.greeting', { name: input.cs.name }),
      t('satisfaction.lowScore.body', facts),
      ...(input.comment ? [t('satisfaction.lowScore.comment', { comment: input.comment })] : []),
    ],
    action: { label: t('satisfaction.lowScore.action'), url: input.taskUrl },
    footer: t('mail.footer'),
  });
}
