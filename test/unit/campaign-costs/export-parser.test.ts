import { describe, expect, it } from 'vitest';
import {
  EN_BY_PLACEMENT,
  exportCsv,
  PT_BY_PLACEMENT,
  parseExport as parse,
  parsedExport as parsed,
  placementCells,
} from '../../support/ads-exports.ts';

describe('the ads manager export, as the ads manager writes it in Portuguese', () => {
  // A one-day report broken down by placement, with the totals row the ads manager adds.
  const text = exportCsv(
    PT_BY_PLACEMENT,
    [
      placementCells({
        starts: '2026-11-30',
        campaign: '',
        impressions: '30000',
        spend: '1741.86',
        clicks: '900',
      }),
      placementCells({
        starts: '2026-11-30',
        campaign: 'Verão | Leads',
        platform: 'facebook',
        placement: 'Feed',
        results: '12',
        indicator: 'actions:lead',
        impressions: '10000',
        spend: '600.50',
        clicks: '300',
      }),
      placementCells({
        starts: '2026-11-30',
        campaign: 'Verão | Leads',
        platform: 'instagram',
        placement: 'Feed do Instagram',
        results: '8',
        indicator: 'leadgen',
        impressions: '5000',
        spend: '400',
        clicks: '150',
      }),
      placementCells({
        starts: '2026-11-30',
        campaign: 'Verão | Leads',
        platform: 'instagram',
        placement: 'Stories do Instagram',
        results: '',
        indicator: 'actions:lead',
        impressions: '9000',
        spend: '500.36',
        clicks: '300',
      }),
      placementCells({
        starts: '2026-11-30',
        campaign: 'Tráfego "site"',
        placement: 'Reels do Instagram',
        results: '150',
        indicator: 'actions:link_click',
        impressions: '6000',
        spend: '241',
        clicks: '150',
      }),
    ],
    { bom: true },
  );

  it('reads the day, the currency in the header, the campaigns and placements folded and summed', () => {
    const result = parsed(text);
    expect(result).toMatchObject({
      currency: 'BRL',
      firstDay: '2026-11-30',
      lastDay: '2026-11-30',
      readRows: 4,
      campaigns: ['Tráfego "site"', 'Verão | Leads'],
      platforms: ['facebook', 'instagram'],
      language: 'pt',
      delimiter: ',',
      decimalMark: '.',
    });
    expect(result.rows).toEqual([
      {
        day: '2026-11-30',
        campaignName: 'Verão | Leads',
        placement: 'feed',
        currency: 'BRL',
        spendMinorUnits: 100050,
        impressions: 15000,
        linkClicks: 450,
        results: 20,
        resultIndicator: 'actions:lead + leadgen',
        resultsAreLeads: true,
        objective: 'leads',
      },
      expect.objectContaining({ placement: 'stories', spendMinorUnits: 50036, results: 0 }),
      expect.objectContaining({
        campaignName: 'Tráfego "site"',
        placement: 'other',
        resultsAreLeads: false,
        objective: 'traffic',
      }),
    ]);
  });

  it('skips the totals row and says so; lists the columns it does not use', () => {
    const result = parsed(text);
    expect(result.skipped).toEqual([{ line: 2, reason: 'totals' }]);
    expect(result.unknownColumns).toEqual([
      'Veiculação da campanha',
      'Alcance',
      'Custo por resultados',
      'CPC (custo por clique no link) (BRL)',
      'CPM (custo por 1.000 impressões) (BRL)',
      'Término',
    ]);
    expect(result.columns.map((c) => c.column)).toEqual([
      'reportingStarts',
      'reportingEnds',
      'campaign',
      'platform',
      'placement',
      'results',
      'resultIndicator',
      'impressions',
      'spend',
      'linkClicks',
    ]);
  });

  it('reads the same export re-saved by a Brazilian spreadsheet: semicolons, "1.741,86", 30/11/2026', () => {
    const resaved = exportCsv(
      PT_BY_PLACEMENT,
      [
        placementCells({
          starts: '30/11/2026',
          campaign: 'Verão',
          results: '3',
          indicator: 'Leads (formulário)',
          impressions: '120.000',
          spend: '1.741,86',
          clicks: '1.200',
        }),
        placementCells({
          starts: '30/11/2026',
          campaign: 'Inverno',
          placement: 'Stories',
          impressions: '900',
          spend: '12,5',
          clicks: '3',
        }),
      ],
      { delimiter: ';' },
    );
    const result = parsed(resaved);
    expect(result).toMatchObject({ delimiter: ';', decimalMark: ',', firstDay: '2026-11-30' });
    expect(result.rows.map((r) => [r.campaignName, r.spendMinorUnits, r.impressions])).toEqual([
      ['Verão', 174186, 120000],
      ['Inverno', 1250, 900],
    ]);
    expect(result.rows[0]?.resultsAreLeads).toBe(true);
  });
});

describe('the ads manager export in English, another currency, by day', () => {
  const byDay = [
    'Campaign name',
    'Day',
    'Amount spent (USD)',
    'Impressions',
    'Link clicks',
    'Results',
    'Result indicator',
    'Reporting starts',
    'Reporting ends',
  ];
  const text = exportCsv(byDay, [
    [
      'Summer',
      '2026-11-01',
      '1,741.86',
      '120,000',
      '1,200',
      '40',
      'offsite_conversion.fb_pixel_lead',
      '2026-11-01',
      '2026-11-03',
    ],
    ['Summer', '2026-11-02', '12.5', '900', '3', '0', '', '2026-11-01', '2026-11-03'],
    ['Total', '', '1,754.36', '120,900', '1,203', '40', '', '2026-11-01', '2026-11-03'],
  ]);

  it('takes each row’s day, the period from the reporting dates, USD from the header', () => {
    const result = parsed(text);
    expect(result).toMatchObject({ currency: 'USD', language: 'en', decimalMark: '.' });
    expect([result.firstDay, result.lastDay]).toEqual(['2026-11-01', '2026-11-03']);
    expect(result.rows.map((r) => [r.day, r.placement, r.spendMinorUnits, r.impressions])).toEqual([
      ['2026-11-01', 'all', 174186, 120000],
      ['2026-11-02', 'all', 1250, 900],
    ]);
    expect(result.rows[0]?.resultsAreLeads).toBe(true);
    expect(result.skipped).toEqual([{ line: 4, reason: 'totals' }]);
  });

  it('refuses a row over several days without a day column, asking for a day-by-day export', () => {
    const header = EN_BY_PLACEMENT;
    const row = placementCells({
      starts: '2026-11-01',
      ends: '2026-11-07',
      campaign: 'Summer',
      impressions: '10',
      spend: '1',
      clicks: '1',
    });
    expect(parse(exportCsv(header, [row]))).toEqual({ ok: false, problem: 'spans_days', line: 2 });
  });

  it('reads a currency without minor units (JPY) in whole units', () => {
    const jpy = exportCsv(
      ['Campaign name', 'Day', 'Amount spent (JPY)', 'Impressions', 'Link clicks', 'Results'],
      [['Natsu', '2026-11-01', '15,000', '2000', '10', '1']],
    );
    expect(parsed(jpy).rows[0]).toMatchObject({ currency: 'JPY', spendMinorUnits: 15000 });
  });
});
