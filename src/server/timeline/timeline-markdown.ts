import {
  createTranslator,
  formatCalendarDate,
  formatDateTime,
  formatMonth,
  type Locale,
} from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import { markdownText } from '../onboarding/markdown-text.ts';
import { clientFieldsOf } from './space-timeline-view.ts';
import type { TimelinePeriod } from './timeline-period.ts';
import { assigneeRoleLabel } from './timeline-roles.ts';

type MarkdownRules = { agency: Pick<Policy['agency'], 'timeZone' | 'currency'> };

/** A file name for a client's month: plain letters, digits and dashes (the header encodes it again). */
export function timelineFileName(clientName: string, period: string): string {
  const slug = clientName
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return `timeline-${slug || 'client'}-${period}.md`;
}

/**
 * One client's month of timeline as Markdown, for CS to keep or send on. Only the headings and
 * lists are Markdown of ours: everything a person typed — the client's name, titles, the
 * kinds' texts, names, file names, action items, observations — goes through markdownText and
 * stays literal text (no HTML, no link, no heading of its own).
 */
export function timelineMarkdown(
  timeline: TimelinePeriod,
  locale: Locale,
  rules: MarkdownRules,
  now: Date,
): string {
  const t = createTranslator(locale);
  const { timeZone } = rules.agency;
  const month = formatMonth(timeline.period, locale);
  // A paragraph keeps its line breaks; a heading or a list item is one line.
  const literal = (text: string) => markdownText(text).replace(/\n/g, '  \n');
  const inline = (text: string) => markdownText(text.replace(/\s+/g, ' ').trim());
  const lines = [
    `# ${t('timelineReport.document.title', { client: inline(timeline.client.name), month })}`,
    '',
    `_${t('timelineReport.document.exportedAt', { date: formatDateTime(now, locale, timeZone) })}_`,
    '',
  ];
  if (timeline.entries.length === 0) lines.push(t('timelineReport.document.empty', { month }), '');
  for (const entry of timeline.entries) {
    const day = formatCalendarDate(entry.occurredOn, locale);
    lines.push(
      `## ${day} · ${t(`timelineAck.kinds.${entry.kind}`)}: ${inline(entry.title)}`,
      '',
      `- ${t(`timelineReport.document.visibility.${entry.visibility}`)}`,
      `- ${t('timelineReport.document.byline', {
        author: inline(entry.authorName),
        date: formatDateTime(entry.createdAt, locale, timeZone),
      })}${entry.revision > 1 ? ` (${t('timelineReport.document.revision', { n: entry.revision })})` : ''}`,
    );
    if (entry.period)
      lines.push(`- ${t('timelineAck.period')}: ${formatMonth(entry.period, locale)}`);
    lines.push('');
    for (const shown of clientFieldsOf(entry.kind, entry.content, locale, rules))
      lines.push(`### ${t(`timelineAck.fields.${shown.field}`)}`, '', literal(shown.text), '');
    if (entry.files.length > 0)
      lines.push(
        `### ${t('timelineAck.files')}`,
        '',
        ...entry.files.map((file) => `- ${inline(file.fileName)}`),
        '',
      );
    if (entry.actionItems.length > 0)
      lines.push(
        `### ${t('timelineReport.document.actionItems')}`,
        '',
        ...entry.actionItems.map((item) => {
          const what = t('timelineReport.document.actionItem', {
            what: inline(item.what),
            role: roleName(t, item.assigneeRole),
            date: formatCalendarDate(item.dueOn, locale),
          });
          const outcome = item.taskRequestId
            ? t('timelineReport.document.actionOpened')
            : t('timelineReport.document.actionRefused');
          return `- ${what}: ${outcome}`;
        }),
        '',
      );
    if (entry.recipients.length > 0)
      lines.push(
        `### ${t('timelineReport.document.acknowledgements')}`,
        '',
        ...entry.recipients.flatMap((recipient) => {
          const name = inline(recipient.contactName);
          if (!recipient.response || !recipient.respondedAt)
            return [`- ${t('timelineReport.document.pending', { name })}`];
          const date = formatDateTime(recipient.respondedAt, locale, timeZone);
          if (recipient.response === 'agreed')
            return [`- ${t('timelineReport.document.agreed', { name, date })}`];
          return [
            `- ${t('timelineReport.document.observation', { name, date })}`,
            ...(recipient.observation
              ? ['', `  ${literal(recipient.observation).replace(/\n/g, '\n  ')}`]
              : []),
          ];
        }),
        '',
      );
  }
  return lines.join('\n');
}

/** A role as sentences name it ("tráfego pago"); an unknown one as stored, as Markdown text. */
function roleName(t: ReturnType<typeof createTranslator>, role: string): string {
  return assigneeRoleLabel(t, role) ?? markdownText(role.replace(/\s+/g, ' '));
}
