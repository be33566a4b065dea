import { describe, expect, it } from 'vitest';
import { invoiceWindowOf, policy } from '../../../src/policy/index.ts';
import {
  foldIcsLine,
  invoiceWindowIcs,
} from '../../../src/server/invoices/window-calendar-file.ts';

const octets = (line: string) => new TextEncoder().encode(line).length;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const unfold = (text: string) => text.replace(/\r\n /g, '');

describe('iCalendar lines fold at 75 octets (RFC 5545 3.1)', () => {
  it.each([
    ['ASCII', `DESCRIPTION:${'a'.repeat(200)}`],
    ['Cyrillic (2 octets each)', `SUMMARY:${'Окно подачи счетов за работу в марте '.repeat(5)}`],
    ['CJK (3 octets each)', `SUMMARY:${'請求書の提出期間'.repeat(10)}`],
    ['emoji (4 octets each)', `SUMMARY:${'🧾'.repeat(40)}`],
    ['mixed', `DESCRIPTION:x${'é🧾я'.repeat(30)}`],
  ])('%s: each line ≤ 75 octets, no character split, unfolds to the original', (_, line) => {
    const folded = foldIcsLine(line);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const [index, part] of lines.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      expect(() => strictUtf8.decode(new TextEncoder().encode(part))).not.toThrow();
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
    }
    expect(unfold(folded)).toBe(line);
  });

  it('leaves a line of exactly 75 octets whole, and folds one of 76', () => {
    expect(foldIcsLine('a'.repeat(75))).toBe('a'.repeat(75));
    expect(foldIcsLine('a'.repeat(76))).toBe(`${'a'.repeat(75)}\r\n a`);
    // 74 ASCII octets and a 2-octet letter: the letter moves whole to the next line.
    expect(foldIcsLine(`${'a'.repeat(74)}я`)).toBe(`${'a'.repeat(74)}\r\n я`);
  });

  it('folds the invoice window file with Russian texts', () => {
    const window = invoiceWindowOf('2026-03', policy);
    const ics = invoiceWindowIcs(
      window,
      {
        summary: 'Окно подачи счетов (2026-03) — не забудьте приложить PDF',
        description: 'Подайте в Ponte счёт за работу 2026-02; оплата в последний рабочий день.',
      },
      new Date('2026-03-02T13:00:00.000Z'),
    );
    expect(ics.endsWith('\r\n')).toBe(true);
    for (const line of ics.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(unfold(ics)).toContain(
      'DESCRIPTION:Подайте в Ponte счёт за работу 2026-02\\; оплата в последний рабочий день.',
    );
  });
});
