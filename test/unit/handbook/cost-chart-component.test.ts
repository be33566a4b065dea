// The campaigns page's chart (#20), rendered as the page renders it (the Container API
// compiles .astro in this project only).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import CostChart from '../../../src/components/CostChart.astro';
import type { CostSeries } from '../../../src/server/campaign-costs/cost-chart-series.ts';

const series = (norm: number | null): CostSeries => ({
  metric: 'CPC',
  placement: 'feed',
  currency: 'BRL',
  norm:
    norm === null
      ? null
      : {
          metric: 'CPC',
          placement: 'feed',
          currency: 'BRL',
          maxMinorUnits: norm,
          source: 'client',
        },
  normInOtherCurrency: norm === null ? 'RUB' : null,
  points: [
    { day: '2026-04-14', value: 100 },
    { day: '2026-04-15', value: null },
    { day: '2026-04-16', value: 250 },
  ],
  daysAbove: norm === null ? 0 : 1,
});

describe('a cost chart', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (norm: number | null) =>
    container.renderToString(CostChart, {
      props: { series: series(norm), locale: 'pt-BR', id: 'chart-0' },
    });

  it('is an image named for what it shows, with its title, drawn without a script', async () => {
    const html = await render(200);
    expect(html).toContain('role="img"');
    expect(html).toMatch(
      /aria-label="CPC \(custo por clique no link\), Feed, em BRL: o custo de cada dia nos últimos 3 dias, contra a norma de R\$\s2,00; acima dela em 1 dia\."/,
    );
    expect(html).toMatch(/<title>CPC \(custo por clique no link\), Feed, em BRL/);
    expect(html).not.toContain('<script');
    expect(html).toMatch(/norma R\$\s2,00/);
  });

  it('has the same figures as a table, a day without figures said in words, the day above marked', async () => {
    const html = await render(200);
    expect(html).toContain('<table');
    expect(html).toContain('sem números');
    expect(html.match(/acima da norma/g)).toHaveLength(1);
  });

  it('draws no norm line where the only norm is in another currency', async () => {
    const html = await render(null);
    expect(html).toContain('sem norma nesta moeda');
    expect(html).not.toContain('class="norm"');
  });
});
