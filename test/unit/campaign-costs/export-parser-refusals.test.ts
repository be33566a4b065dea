import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { csvExportSource } from '../../../src/server/campaign-costs/campaign-source.ts';
import {
  decimalMarkShownBy,
  foldPlacement,
  namesALead,
  readDay,
} from '../../../src/server/campaign-costs/export-parser-values.ts';
import {
  EN_BY_PLACEMENT,
  exportBytes,
  exportCsv,
  PT_BY_PLACEMENT,
  placementCells,
} from '../../support/ads-exports.ts';

const source = csvExportSource(policy);
const read = (bytes: Uint8Array) => source.read(bytes);
const text = (value: string) => new TextEncoder().encode(value);
const row = (overrides: Partial<Parameters<typeof placementCells>[0]> = {}) =>
  placementCells({
    starts: '2026-11-30',
    campaign: 'Verão',
    impressions: '100',
    spend: '10.00',
    clicks: '5',
    ...overrides,
  });

describe('files that are not an export, refused before anything is read', () => {
  it('an empty file, or one of only blank lines', async () => {
    expect(await read(new Uint8Array())).toEqual({ ok: false, problem: 'empty' });
    expect(await read(text('\uFEFF\r\n \r\n'))).toEqual({ ok: false, problem: 'empty' });
  });

  it('a spreadsheet (XLSX is a ZIP, XLS an OLE file): save it as CSV', async () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]);
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
    expect(await read(xlsx)).toEqual({ ok: false, problem: 'spreadsheet' });
    expect(await read(xls)).toEqual({ ok: false, problem: 'spreadsheet' });
  });

  it('binary bytes, a PNG, control bytes: not text', async () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(await read(junk)).toEqual({ ok: false, problem: 'not_text' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(await read(png)).toEqual({ ok: false, problem: 'not_text' });
    // 0x81 is undefined in Windows-1252 and not UTF-8 either.
    const neither = new Uint8Array([...text('Impress'), 0x81, ...text('es;Nome\r\n')]);
    expect(await read(neither)).toEqual({ ok: false, problem: 'not_text' });
  });

  it('Windows-1252 text, as Excel in Brazil saves a plain CSV, is read (even past 64 KB of ASCII)', async () => {
    const latin1 = (value: string) => Uint8Array.from(value, (char) => char.charCodeAt(0));
    const ascii = Array.from({ length: 900 }, (_, i) => row({ campaign: `Campanha ${i}` }));
    const csv = exportCsv(PT_BY_PLACEMENT, [...ascii, row({ campaign: 'Promoção Verão' })], {
      delimiter: ';',
    });
    const result = await read(latin1(csv));
    if (!result.ok) throw new Error(result.problem);
    expect(result.campaigns).toContain('Promoção Verão');
    expect(result.columns.map((c) => c.header)).toContain('Impressões');
  });

  it('a file over the policy’s size, without reading it', async () => {
    const big = new Uint8Array(policy.campaignImports.maxUploadBytes + 1).fill(0x41);
    expect(await read(big)).toEqual({ ok: false, problem: 'too_large' });
  });

  it('megabytes of text that is not an export: the columns it lacks, named', async () => {
    const lorem = `${'lorem ipsum dolor sit amet, '.repeat(40)}\n`.repeat(3000);
    expect(await read(text(lorem))).toMatchObject({ ok: false, problem: 'missing_columns' });
    const oneLine = 'x'.repeat(2 * 1024 * 1024);
    expect(await read(text(oneLine))).toMatchObject({ ok: false, problem: 'missing_columns' });
  });
});

describe('exports that cannot be imported, with what is wrong', () => {
  it('missing columns, named in the export’s language', async () => {
    const header = PT_BY_PLACEMENT.filter((h) => h !== 'Cliques no link' && h !== 'Impressões');
    expect(await read(exportBytes(header, []))).toEqual({
      ok: false,
      problem: 'missing_columns',
      detail: 'Impressões, Cliques no link',
    });
    const english = [
      'Campaign name',
      'Amount spent (USD)',
      'Impressions',
      'Link clicks',
      'Results',
    ];
    expect(await read(exportBytes(english, []))).toEqual({
      ok: false,
      problem: 'missing_columns',
      detail: 'Reporting starts, Reporting ends',
    });
  });

  it('a header and no rows, or only a totals row', async () => {
    expect(await read(exportBytes(PT_BY_PLACEMENT, []))).toEqual({ ok: false, problem: 'no_rows' });
    const totals = exportBytes(PT_BY_PLACEMENT, [row({ campaign: '' })]);
    expect(await read(totals)).toEqual({ ok: false, problem: 'no_rows' });
  });

  it('two currencies: two amount-spent columns, or a currency column that changes', async () => {
    const header = [...EN_BY_PLACEMENT, 'Amount spent (BRL)'];
    expect(await read(exportBytes(header, [[...row(), '1']]))).toEqual({
      ok: false,
      problem: 'mixed_currencies',
      detail: 'USD, BRL',
    });
    const withColumn = [
      'Nome da campanha',
      'Dia',
      'Moeda',
      'Valor usado',
      'Impressões',
      'Cliques no link',
      'Resultados',
    ];
    const rows = [
      ['A', '2026-11-30', 'BRL', '1,00', '10', '1', '0'],
      ['B', '2026-11-30', 'USD', '1,00', '10', '1', '0'],
    ];
    expect(await read(exportBytes(withColumn, rows))).toEqual({
      ok: false,
      problem: 'mixed_currencies',
      line: 3,
      detail: 'USD',
    });
    expect(await read(exportBytes(withColumn, rows.slice(0, 1)))).toMatchObject({
      ok: true,
      currency: 'BRL',
    });
  });

  it('no currency anywhere, or one that does not exist', async () => {
    const header = [
      'Nome da campanha',
      'Dia',
      'Valor usado',
      'Impressões',
      'Cliques no link',
      'Resultados',
    ];
    const rows = [['A', '2026-11-30', '1,00', '10', '1', '0']];
    expect(await read(exportBytes(header, rows))).toEqual({ ok: false, problem: 'no_currency' });
    const made = header.map((h) => (h === 'Valor usado' ? 'Valor usado (XYZ)' : h));
    expect(await read(exportBytes(made, rows))).toMatchObject({ problem: 'unknown_currency' });
  });

  it('a cell that is not a number or a date, naming its line and column', async () => {
    expect(await read(exportBytes(PT_BY_PLACEMENT, [row(), row({ clicks: 'muitos' })]))).toEqual({
      ok: false,
      problem: 'bad_number',
      line: 3,
      detail: 'Cliques no link: “muitos”',
    });
    expect(await read(exportBytes(PT_BY_PLACEMENT, [row({ impressions: '10.5' })]))).toMatchObject({
      problem: 'bad_number',
    });
    expect(await read(exportBytes(PT_BY_PLACEMENT, [row({ starts: '31/02/2026' })]))).toMatchObject(
      {
        problem: 'bad_date',
        line: 2,
      },
    );
    // The English day and month order is not guessed: 11/30/2026 is refused.
    const english = exportBytes(EN_BY_PLACEMENT, [row({ starts: '11/30/2026' })]);
    expect(await read(english)).toMatchObject({ problem: 'bad_date' });
  });

  it('a broken quote, with its line; more rows than the policy allows', async () => {
    const broken = `${exportCsv(PT_BY_PLACEMENT, [row()])}"2026-11-30,"x\r\n`;
    expect(await read(text(broken))).toMatchObject({ ok: false, problem: 'unreadable' });
    const many = Array.from({ length: policy.campaignImports.maxRows + 1 }, () => row());
    expect(await read(exportBytes(PT_BY_PLACEMENT, many))).toEqual({
      ok: false,
      problem: 'too_many_rows',
    });
  });

  it('a quoted cell across lines keeps the next rows’ line numbers right', async () => {
    const rows = [row({ campaign: 'Verão\nsegunda linha' }), row({ clicks: 'x' })];
    expect(await read(exportBytes(PT_BY_PLACEMENT, rows))).toMatchObject({
      problem: 'bad_number',
      line: 4,
    });
  });
});

describe('cells', () => {
  it('what a number shows of the decimal mark', () => {
    expect(
      ['12', '1.741,86', '1,741.86', '12,5', '12.50', '1.741', '1,741', '1.741.000', ''].map(
        decimalMarkShownBy,
      ),
    ).toEqual(['none', ',', '.', ',', '.', 'either', 'either', ',', 'none']);
  });

  it('placements fold into feed, stories and other', () => {
    const names = [
      'Feed',
      'Feed do Instagram',
      'Facebook Stories',
      'Stories',
      'Reels do Instagram',
      'Explorar',
      'Feed de vídeos',
      'Marketplace',
      '',
    ];
    expect(names.map(foldPlacement)).toEqual([
      'feed',
      'feed',
      'stories',
      'stories',
      'other',
      'other',
      'feed',
      'other',
      'other',
    ]);
  });

  it('result indicators that name a lead, and ones that do not', () => {
    const leads = [
      'actions:lead',
      'leadgen',
      'Leads (formulário)',
      'offsite_conversion.fb_pixel_lead',
      'onsite_conversion.lead_grouped',
    ];
    const others = ['actions:link_click', 'reach', 'Cliques no link', 'actions:landing_page_view'];
    expect(leads.every(namesALead)).toBe(true);
    expect(others.some(namesALead)).toBe(false);
  });

  it('days: ISO always, dd/mm/yyyy only with Brazilian numbers, real dates only', () => {
    expect(readDay('2026-11-30', '.')).toBe('2026-11-30');
    expect(readDay('30/11/2026', ',')).toBe('2026-11-30');
    expect(readDay('30/11/2026', '.')).toBeNull();
    expect(readDay('2026-02-29', ',')).toBeNull();
    expect(readDay('2028-02-29', ',')).toBe('2028-02-29');
  });
});
