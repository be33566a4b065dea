import { describe, expect, it } from 'vitest';
import {
  EN_BY_PLACEMENT,
  exportCsv,
  PT_BY_PLACEMENT,
  parseExport as parse,
  parsedExport as parsed,
  placementCells,
} from '../../support/ads-exports.ts';

describe('numbers that read both ways', () => {
  const oneRow = (spend: string, options: { delimiter?: string; english?: boolean } = {}) =>
    exportCsv(
      options.english ? EN_BY_PLACEMENT : PT_BY_PLACEMENT,
      [
        placementCells({
          starts: '2026-11-30',
          campaign: 'A',
          impressions: '10',
          spend,
          clicks: '1',
        }),
      ],
      { delimiter: options.delimiter },
    );
  const spendOf = (text: string) => parsed(text).rows[0]?.spendMinorUnits;

  it('"1.741" alone: Brazilian in a Portuguese or semicolon file (1741), English in an English one (1.741 reais, refused: more decimals than centavos)', () => {
    expect(spendOf(oneRow('1.741'))).toBe(174100);
    expect(spendOf(oneRow('1.741', { delimiter: ';', english: true }))).toBe(174100);
    expect(parse(oneRow('1.741', { english: true }))).toMatchObject({
      problem: 'too_many_decimals',
    });
    expect(spendOf(oneRow('1,741', { english: true }))).toBe(174100);
    expect(parse(oneRow('1,741'))).toMatchObject({ problem: 'too_many_decimals' });
  });

  it('another cell of the file settles it', () => {
    const text = exportCsv(EN_BY_PLACEMENT, [
      placementCells({
        starts: '2026-11-30',
        campaign: 'A',
        impressions: '10',
        spend: '1.741',
        clicks: '1',
      }),
      placementCells({
        starts: '2026-11-30',
        campaign: 'B',
        impressions: '10',
        spend: '3,5',
        clicks: '1',
      }),
    ]);
    expect(parsed(text).rows.map((r) => r.spendMinorUnits)).toEqual([174100, 350]);
  });

  it('refuses a file that writes numbers both ways, naming the cell', () => {
    const text = exportCsv(PT_BY_PLACEMENT, [
      placementCells({
        starts: '2026-11-30',
        campaign: 'A',
        impressions: '10',
        spend: '12.50',
        clicks: '1',
      }),
      placementCells({
        starts: '2026-11-30',
        campaign: 'B',
        impressions: '10',
        spend: '3,5',
        clicks: '1',
      }),
    ]);
    expect(parse(text)).toEqual({
      ok: false,
      problem: 'mixed_number_formats',
      line: 3,
      detail: 'Valor usado (BRL): “3,5”',
    });
  });

  it('refuses an amount with more decimals than the currency has rather than round it, naming the cell', () => {
    expect(parse(oneRow('0.005', { english: true }))).toEqual({
      ok: false,
      problem: 'too_many_decimals',
      line: 2,
      detail: 'Amount spent (USD): “0.005”',
    });
    expect(parse(oneRow('9,991'))).toMatchObject({ problem: 'too_many_decimals', line: 2 });
    // Zeros past the centavos change nothing: kept.
    expect(spendOf(oneRow('9,9900'))).toBe(999);
    expect(spendOf(oneRow('0.01', { english: true }))).toBe(1);
  });
});
