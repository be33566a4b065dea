import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { acknowledgementInput } from '../../../src/server/campaign-costs/cost-check-input.ts';
import { exportText } from '../../../src/server/campaign-costs/export-parser-text.ts';
import {
  exportCsv,
  PT_BY_PLACEMENT,
  parsedExport,
  parseExport,
  placementCells,
} from '../../support/ads-exports.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const named = (campaign: string) =>
  exportCsv(PT_BY_PLACEMENT, [
    placementCells({
      starts: '2026-11-30',
      campaign,
      impressions: '10',
      spend: '1.00',
      clicks: '1',
    }),
  ]);
const MAX = policy.campaignImports.maxCampaignNameChars;

describe('control characters in a UTF-8 file', () => {
  it('refuses C0 controls and DEL as not text, valid UTF-8 or not', () => {
    const header = 'Nome da campanha,Impressões\r\n';
    for (const control of ['\u0000', '\u0001', '\u0008', '\u000B', '\u001B', '\u001F', '\u007F'])
      expect(exportText(utf8(`${header}Verão${control},10\r\n`))).toBe('not_text');
  });

  it('keeps TAB, LF and CR', () => {
    const text = 'Nome da campanha\tImpressões\r\nVerão\t10\n';
    expect(exportText(utf8(text))).toBe(text);
  });
});

describe('campaign names as kept: what the acknowledgement form can post back', () => {
  it('trims and folds spaces and line breaks into one space', () => {
    const [row] = parsedExport(named('  Verão\r\n  2026\t| Leads ')).rows;
    expect(row?.campaignName).toBe('Verão 2026 | Leads');
  });

  it('keeps a name of the policy’s length; one character more is refused, naming the line', () => {
    const longest = 'V'.repeat(MAX);
    expect(parsedExport(named(longest)).rows[0]?.campaignName).toBe(longest);
    expect(parseExport(named(`${longest}V`))).toMatchObject({
      ok: false,
      problem: 'long_campaign_name',
      line: 2,
    });
  });

  it('the longest name an import keeps is one the acknowledgement accepts', () => {
    const input = acknowledgementInput(policy);
    const ack = {
      day: '2026-11-30',
      placement: 'feed',
      metric: 'CPC',
      action: 'budget',
      note: '',
    };
    expect(input.safeParse({ ...ack, campaignName: 'V'.repeat(MAX) }).success).toBe(true);
    expect(input.safeParse({ ...ack, campaignName: 'V'.repeat(MAX + 1) }).success).toBe(false);
  });
});

describe('amounts in a currency without minor units (JPY)', () => {
  it('refuses yen with decimals rather than round them', () => {
    const jpy = (spend: string) =>
      exportCsv(
        ['Campaign name', 'Day', 'Amount spent (JPY)', 'Impressions', 'Link clicks', 'Results'],
        [['Natsu', '2026-11-01', spend, '2000', '10', '1']],
      );
    expect(parseExport(jpy('15000.5'))).toMatchObject({ problem: 'too_many_decimals', line: 2 });
    expect(parsedExport(jpy('15000.00')).rows[0]?.spendMinorUnits).toBe(15000);
  });
});
