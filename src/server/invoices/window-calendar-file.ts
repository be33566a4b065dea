import type { InvoiceWindow } from '../../policy/index.ts';

const stamp = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const escapeText = (text: string) =>
  text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n?|\n/g, '\\n');

const encoder = new TextEncoder();

/**
 * A content line folded as RFC 5545 (3.1) asks: at most 75 octets of UTF-8 per line, each
 * continuation starting with a space (which counts), never inside a multi-byte character.
 */
export function foldIcsLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > 75) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

/** An iCalendar file (RFC 5545) with the invoice window, so a partner can add it to a calendar. */
export function invoiceWindowIcs(
  window: InvoiceWindow,
  texts: { summary: string; description: string },
  now: Date,
): string {
  const lines = [
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
  ];
  return `${lines.map(foldIcsLine).join('\r\n')}\r\n`;
}
