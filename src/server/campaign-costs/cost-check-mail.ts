import {
  createTranslator,
  formatCalendarDate,
  formatDateTime,
  type Locale,
  localeOf,
  type Translator,
} from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';
import type { CheckFindings } from './cost-check-rules.ts';

/** The agency's page of a client's campaigns, as e-mails link to it. */
export function campaignsPageUrl(origin: string, clientId: string): string {
  return `${origin}/clients/${encodeURIComponent(clientId)}/campaigns`;
}

/** What is left of a check, in words: the days without figures, the breaches to acknowledge. */
export function checkLeftText(findings: CheckFindings, t: Translator, locale: Locale): string {
  const parts: string[] = [];
  if (findings.missingDays.length > 0) {
    const days = findings.missingDays.map((day) => formatCalendarDate(day, locale)).join(', ');
    parts.push(t('campaignCheck.home.missing', { days }));
  }
  if (findings.unacknowledged > 0) {
    parts.push(t('campaignCheck.home.breaches', { count: findings.unacknowledged }));
  }
  return parts.join('; ');
}

/**
 * The e-mails of the daily check, in the reader's language: the reminder to the client's
 * paid-traffic partners and CS before noon, the escalation to the admins once it has passed.
 */
export function costCheckNoticeMail(
  to: { name: string; locale: string },
  notice: 'reminder' | 'escalation',
  facts: { client: string; findings: CheckFindings; dueAt: Date; timeZone: string; url: string },
) {
  const lang = localeOf(to.locale);
  const t = createTranslator(lang);
  const params = {
    client: facts.client,
    due: formatDateTime(facts.dueAt, lang, facts.timeZone),
    what: checkLeftText(facts.findings, t, lang),
  };
  return composeMail({
    lang,
    subject: t(`campaignCheck.notices.${notice}.subject`, params),
    paragraphs: [
      t('campaignCheck.notices.greeting', { name: to.name }),
      t(`campaignCheck.notices.${notice}.body`, params),
    ],
    action: { label: t('campaignCheck.notices.action'), url: facts.url },
    footer: t('mail.footer'),
  });
}
