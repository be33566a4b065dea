import { describe, expect, it } from 'vitest';
import { parseAmountToMinor } from '../../../src/server/invoices/amount.ts';
import { csvField } from '../../../src/server/invoices/invoice-csv.ts';

describe('amounts as people type them', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,5', 123450],
    ['1234.56', 123456],
    ['R$ 2.000', 200000],
    ['80', 8000],
  ])('reads %s as %i cents', (text, minor) => {
    expect(parseAmountToMinor(text)).toBe(minor);
  });

  it.each(['0', '-5', '12,345', '1,2,3', 'abc', '', '1.23.4'])('refuses %j', (text) => {
    expect(parseAmountToMinor(text)).toBeNull();
  });
});

describe('CSV fields', () => {
  it('quotes separators, quotes and line breaks, and disarms formulas but not phone numbers', () => {
    expect(csvField('Silva, Ana')).toBe('"Silva, Ana"');
    expect(csvField('NF "7"')).toBe('"NF ""7"""');
    expect(csvField('linha\nnova')).toBe('"linha\nnova"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+5511987654321')).toBe('+5511987654321');
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField(null)).toBe('');
  });
});
