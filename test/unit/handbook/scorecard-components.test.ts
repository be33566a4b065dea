// The scorecard pages' components (#21), rendered as the pages render them (the Container API
// compiles .astro in this project only).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ScorecardClosing from '../../../src/components/scorecard/ScorecardClosing.astro';
import ScorecardTeamTable from '../../../src/components/scorecard/ScorecardTeamTable.astro';
import ScorecardView from '../../../src/components/scorecard/ScorecardView.astro';
import { policy } from '../../../src/policy/index.ts';
import type { MonthClosing } from '../../../src/server/scorecard/month-closing.ts';
import type { PartnerScorecardPage } from '../../../src/server/scorecard/partner-scorecard-page.ts';
import {
  type RankedScorecard,
  scorecardOf,
  withBestOfMonth,
} from '../../../src/server/scorecard/scorecard-pay.ts';
import {
  emptyCounts,
  type ScorecardCounts,
} from '../../../src/server/scorecard/scorecard-rules.ts';
import type { TeamMonth } from '../../../src/server/scorecard/team-scorecards.ts';

const NOW = new Date('2026-12-10T15:30:00Z');
const BEST = { partnerIds: ['renata'], eachMinorUnits: 30_000 };

const card = (month: string, paid: boolean, over: Partial<ScorecardCounts>, best = false) => {
  const complete = month !== '2026-12';
  const counts = { ...emptyCounts(), ...over };
  const scorecard = scorecardOf({ month, complete, asOf: NOW, counts }, paid, policy);
  const ranked: RankedScorecard = { partnerId: 'renata', scorecard };
  return best ? withBestOfMonth(ranked, BEST) : scorecard;
};

const page = (paid: boolean): PartnerScorecardPage => ({
  partnerId: 'renata',
  name: 'Renata Rocha',
  paid,
  months: [
    {
      month: '2026-12',
      best: paid,
      closing: { kind: 'soFar', closesAt: new Date('2027-01-06T03:00:00Z') },
      scorecard: card(
        '2026-12',
        paid,
        {
          renewals: 1,
          launches: { onTime: 2, missed: 1, ahead: 3 },
          satisfaction: { answers: 3, average: 13 / 3, low: 1 },
          refundWindowsOpen: 2,
        },
        paid,
      ),
    },
    {
      month: '2026-11',
      best: false,
      scorecard: card('2026-11', paid, { lostAfterFirstMonth: 2 }),
      closing: { kind: 'closed', closedAt: new Date('2026-12-06T03:00:00Z') },
    },
  ],
});

describe('a partner’s scorecard', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (paid: boolean, locale: 'pt-BR' | 'en' | 'ru' = 'pt-BR') =>
    container.renderToString(ScorecardView, { props: { page: page(paid), locale } });

  it('says this month is counted so far, as of when, and that its partner is the best so far', async () => {
    const html = await render(true);
    expect(html).toContain('Este mês: dezembro de 2026');
    expect(html).toMatch(/Parcial, até 10\/12\/2026,? 12:30/);
    expect(html).toContain('Melhor do mês até agora');
    expect(html).toContain('no prazo: 2 · fora do prazo: 1 · a vencer: 3');
    expect(html).toMatch(/respostas: 3 · média: 4,3 · notas até 2: 1/);
  });

  it('lists a paid partner’s amount line by line, deductions negative, the best-of-month line last', async () => {
    const html = await render(true);
    const lines = [...html.matchAll(/data-line="(\w+)"/g)].map((m) => m[1]);
    expect(lines).toEqual([
      'base',
      'renewedAfterFirstMonth',
      'lostAfterFirstMonth',
      'refundInFirstDays',
      'noRefundInFirstDays',
      'missedLaunch',
      'bestOfMonth',
    ]);
    expect(html).toMatch(/-R\$\s50,00/);
    // A deduction with nothing counted is zero, not a negative zero.
    expect(html).not.toMatch(/-R\$\s0,00/);
    expect(html).toContain('Cada lançamento depois das 72 horas');
    // Total: base 1.500 + renewal 100 − late launch 50 + best 300.
    expect(html).toMatch(/R\$\s1\.850,00/);
  });

  it('shows a partner not paid by the incentives the counts without money, and says why', async () => {
    const html = await render(false);
    expect(html).not.toContain('data-line=');
    expect(html).not.toContain('R$');
    expect(html).toContain('os incentivos em dinheiro são de Tráfego pago');
  });

  it('draws the months as one described image, without a script, and the table holds its figures', async () => {
    const paid = await render(true);
    expect(paid).toContain('role="img"');
    expect(paid).toMatch(
      /aria-label="Parte variável por mês, de novembro de 2026 a dezembro de 2026; os valores de cada mês vêm depois do gráfico\."/,
    );
    expect(paid).toMatch(/<title>Parte variável por mês/);
    expect(paid).not.toContain('<script');
    expect(paid.match(/<tr data-month=/g)).toHaveLength(2);
    // November: two clients lost after the first month is −R$ 100,00 of variable part.
    expect(paid).toMatch(/-R\$\s100,00/);
    const others = await render(false);
    expect(others).toMatch(
      /aria-label="Prazos por mês, de novembro de 2026 a dezembro de 2026: os cumpridos/,
    );
    expect(others).toContain('Perdidos (todos)');
    expect(others).toContain('Cumpridos');
  });

  it('gives a phone each month as a disclosure: its name and the chart’s figures, then all of them', async () => {
    const paid = await render(true);
    expect(paid.match(/<li data-month-details=/g)).toHaveLength(2);
    expect(paid.match(/<details/g)).toHaveLength(2);
    expect(paid).toMatch(/novembro de 2026[\s\S]*Parte variável: <span[^>]*>-R\$\s100,00/);
    expect(paid).toMatch(/<dt[^>]*>Renovações<\/dt>/);
    const others = await render(false);
    expect(others).toMatch(/Prazos cumpridos: <span[^>]*>0<\/span> · Prazos perdidos: /);
    expect(others).not.toContain('R$');
  });

  it('says there is nothing to draw yet instead of an empty frame when every month is zero', async () => {
    const quiet: PartnerScorecardPage = {
      ...page(false),
      months: [
        {
          month: '2026-12',
          best: false,
          scorecard: card('2026-12', false, {}),
          closing: { kind: 'soFar', closesAt: new Date('2027-01-06T03:00:00Z') },
        },
      ],
    };
    const html = await container.renderToString(ScorecardView, {
      props: { page: quiet, locale: 'pt-BR' },
    });
    expect(html).not.toContain('<svg');
    expect(html).toContain('Nenhum mês tem números para desenhar ainda');
    expect(html.match(/<tr data-month=/g)).toHaveLength(1);
  });

  it('marks a past month closed on its day, its figures stored (#21)', async () => {
    const html = await render(true);
    const november = html.slice(html.indexOf('data-month="2026-11"'));
    expect(november.slice(0, november.indexOf('</td>'))).toContain('Fechado em 06/12/2026');
    expect(await render(true, 'en')).toContain('Closed on 12/6/26');
    expect(await render(true, 'ru')).toContain('Закрыт 06.12.2026');
  });

  it('speaks English and Russian', async () => {
    expect(await render(true, 'en')).toContain('So far, as of');
    expect(await render(true, 'ru')).toContain('Промежуточно, на');
  });
});

describe('where a month stands (#21)', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (closing: MonthClosing, locale: 'pt-BR' | 'en' | 'ru' = 'pt-BR') =>
    container.renderToString(ScorecardClosing, { props: { closing, locale } });
  const at = new Date('2027-01-06T03:00:00Z');

  it('says a closed month no longer changes, and an ended one when it closes', async () => {
    expect(await render({ kind: 'closed', closedAt: at })).toContain(
      'Fechado em 06/01/2027: os números do mês foram guardados como estavam e não mudam mais.',
    );
    expect(await render({ kind: 'complete', closesAt: at })).toContain(
      'O mês terminou e fecha em 06/01/2027: até lá, um registro atrasado ainda conta.',
    );
    expect(await render({ kind: 'complete', closesAt: at }, 'en')).toContain('closes on 1/6/27');
    expect(await render({ kind: 'closed', closedAt: at }, 'ru')).toContain('Закрыт 06.01.2027');
    // Its day come, not stored yet (the hourly job): closing now, no date past.
    expect(await render({ kind: 'due', closesAt: at })).toContain(
      'O mês terminou e fecha agora: seus números serão guardados como estão.',
    );
    // A month not over says "so far" where it is shown: nothing here.
    expect(await render({ kind: 'soFar', closesAt: at })).not.toContain('<p');
  });
});

describe('the team’s month', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const team = (complete: boolean): TeamMonth => ({
    month: '2026-12',
    complete,
    closing: complete
      ? { kind: 'complete', closesAt: new Date('2027-01-06T03:00:00Z') }
      : { kind: 'soFar', closesAt: new Date('2027-01-06T03:00:00Z') },
    best: BEST,
    partners: [
      {
        partnerId: 'renata',
        name: 'Renata Rocha',
        roles: ['paid_traffic'],
        paid: true,
        scorecard: card('2026-12', true, { renewals: 1 }, true),
      },
      {
        partnerId: 'carla',
        name: 'Carla Campos',
        roles: ['cs'],
        paid: false,
        scorecard: card('2026-12', false, { renewals: 1 }),
      },
    ],
  });

  it('marks the best of the month beside their name and links each partner’s page', async () => {
    const running = await container.renderToString(ScorecardTeamTable, {
      props: { team: team(false), locale: 'pt-BR' },
    });
    expect(running).toContain('href="/admin/scorecard/renata"');
    expect(running).toContain('href="/admin/scorecard/carla"');
    expect(running.match(/data-best="true"/g)).toHaveLength(1);
    const renata = running.slice(running.indexOf('data-partner="renata"'));
    expect(renata.slice(0, renata.indexOf('</td>'))).toContain('Melhor do mês');
  });

  it('shows money for paid partners only', async () => {
    const html = await container.renderToString(ScorecardTeamTable, {
      props: { team: team(true), locale: 'pt-BR' },
    });
    const carla = html.slice(html.indexOf('data-partner="carla"'));
    expect(carla).not.toContain('R$');
    expect(html).toMatch(/R\$\s1\.900,00/);
  });
});
