import type { InvoiceWindow } from '../../policy/index.ts';

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

/** An iCalendar file (RFC 5545) with the invoice window, so a partner can add it to a calendar. */
export function invoiceWindowIcs(
  window: InvoiceWindow,
  texts: { summary: string; description: string },
  now: Date,
): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ponte//Invoice window//PT',
    'CALSCALE:GREGORIAN',
    'BEGIN:VEVENT',
    `UID:invoice-window-${window.month}@ponte`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(window.opensAt)}`,
    `DTEND:${stamp(window.closesAt)}`,
    `SUMMARY:${escapeText(texts.summary)}`,
    `DESCRIPTION:${escapeText(texts.description)}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
