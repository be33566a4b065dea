import { describe, expect, it } from 'vitest';
import { parseAmountToMinor } from '../../../src/server/invoices/amount.ts';
import { csvField, toCsv } from '../../../src/server/invoices/invoice-csv.ts';

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

describe('CSV cells: quoted when they hold a separator, formulas disarmed', () => {
  it.each([
    ['Silva, Ana', '"Silva, Ana"'],
    ['NF 9;=2+3;x', '"NF 9;=2+3;x"'], // pt-BR Excel splits on ; and would run =2+3
    ['tab\there', '"tab\there"'],
    ['linha\nnova', '"linha\nnova"'],
    ['volta\rcarro', '"volta\rcarro"'],
    ['NF "7"', '"NF ""7"""'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['=1+1', "'=1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['+cmd', "'+cmd"],
    ['-cmd', "'-cmd"],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['+5511987654321', '+5511987654321'], // a phone PIX key is a number, not a formula
    ['-12.50', '-12.50'],
    ['NF 123', 'NF 123'],
    ['1200.00', '1200.00'],
    ['', ''],
    [null, ''],
  ])('%j → %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes rows with CRLF line ends, each cell on its own', () => {
    expect(
      toCsv([
        ['Parceiro', 'NF 9;=2+3;x'],
        ['=1', null],
      ]),
    ).toBe(`Parceiro,"NF 9;=2+3;x"\r\n'=1,\r\n`);
  });
});
