import { describe, expect, it } from 'vitest';
import { objectiveOf } from '../../../src/server/campaign-costs/export-parser-values.ts';
import {
  EN_BY_PLACEMENT,
  exportCsv,
  PT_BY_PLACEMENT,
  parsedExport,
  placementCells,
} from '../../support/ads-exports.ts';

const row = (campaign: string, indicator: string, placement = 'Feed') =>
  placementCells({
    starts: '2026-11-30',
    campaign,
    placement,
    results: '5',
    indicator,
    impressions: '1000',
    spend: '10.00',
    clicks: '5',
  });
const objectives = (text: string) =>
  Object.fromEntries(parsedExport(text).rows.map((r) => [r.campaignName, r.objective]));

describe('each figure’s objective, from the export’s objective column', () => {
  it('reads the Portuguese “Objetivo” column, whatever the indicator says', () => {
    const text = exportCsv(
      [...PT_BY_PLACEMENT, 'Objetivo'],
      [
        [...row('Cadastro', 'actions:link_click'), 'Cadastros'],
        [...row('Site', 'actions:lead'), 'Tráfego'],
        [...row('Marca', ''), 'Reconhecimento'],
        [...row('Loja', 'actions:link_click'), 'Vendas'],
      ],
    );
    expect(objectives(text)).toEqual({
      Cadastro: 'leads',
      Site: 'traffic',
      Marca: 'reach',
      // An objective with no norm (sales) is not guessed from the indicator: not compared.
      Loja: null,
    });
  });

  it('reads the English “Objective” column, in the API’s names too', () => {
    const text = exportCsv(
      [...EN_BY_PLACEMENT, 'Objective'],
      [
        [...row('A', ''), 'OUTCOME_LEADS'],
        [...row('B', ''), 'Traffic'],
        [...row('C', ''), 'REACH'],
        // An empty objective cell: the indicator decides.
        [...row('D', 'actions:link_click'), ''],
      ],
    );
    expect(objectives(text)).toEqual({ A: 'leads', B: 'traffic', C: 'reach', D: 'traffic' });
  });
});

describe('each figure’s objective, from the result indicator when there is no objective column', () => {
  it('leads from any lead indicator, traffic from link clicks or landing page views, reach from reach or impressions', () => {
    expect(objectiveOf(null, 'offsite_conversion.fb_pixel_lead')).toBe('leads');
    expect(objectiveOf(null, 'actions:link_click')).toBe('traffic');
    expect(objectiveOf(null, 'actions:landing_page_view')).toBe('traffic');
    expect(objectiveOf(null, 'Visualizações da página de destino')).toBe('traffic');
    expect(objectiveOf(null, 'reach')).toBe('reach');
    expect(objectiveOf(null, 'Impressions')).toBe('reach');
    expect(objectiveOf(null, 'actions:post_engagement')).toBeNull();
    expect(objectiveOf(null, null)).toBeNull();
  });

  it('in a file: an unrecognised indicator leaves the campaign without an objective', () => {
    const text = exportCsv(PT_BY_PLACEMENT, [
      row('Leads', 'leadgen'),
      row('Cliques', 'actions:link_click'),
      row('Engajamento', 'actions:post_engagement'),
    ]);
    expect(objectives(text)).toEqual({ Leads: 'leads', Cliques: 'traffic', Engajamento: null });
  });

  it('a day whose rows disagree (one placement a lead, another clicks) is left unknown', () => {
    const text = exportCsv(PT_BY_PLACEMENT, [
      row('Misto', 'leadgen', 'Feed'),
      row('Misto', 'actions:link_click', 'Feed do Instagram'),
    ]);
    expect(objectives(text)).toEqual({ Misto: null });
  });
});
