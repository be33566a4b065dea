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

  it('"1.741" alone: Brazilian in a Portuguese or semicolon file (1741), English in an English one (1.741)', () => {
    expect(spendOf(oneRow('1.741'))).toBe(174100);
    expect(spendOf(oneRow('1.741', { delimiter: ';', english: true }))).toBe(174100);
    expect(spendOf(oneRow('1.741', { english: true }))).toBe(174);
    expect(spendOf(oneRow('1,741', { english: true }))).toBe(174100);
    expect(spendOf(oneRow('1,741'))).toBe(174);
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

  it('rounds half up to the minor unit', () => {
    expect(spendOf(oneRow('0.005', { english: true }))).toBe(1);
    expect(spendOf(oneRow('0.004', { english: true }))).toBe(0);
    expect(spendOf(oneRow('9,995'))).toBe(1000);
  });
});
