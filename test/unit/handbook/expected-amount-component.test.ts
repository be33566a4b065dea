// Finance's review (#21): the lines behind the amount the scorecard expects, rendered as the
// invoice page renders them (the Container API compiles .astro in this project only).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ExpectedAmount from '../../../src/components/ExpectedAmount.astro';
import type { Locale } from '../../../src/i18n/index.ts';
import { policy } from '../../../src/policy/index.ts';
import { expectedAmountOf } from '../../../src/server/scorecard/expected-amount.ts';
import { scorecardOf } from '../../../src/server/scorecard/scorecard-pay.ts';
import { emptyCounts } from '../../../src/server/scorecard/scorecard-rules.ts';

/** Paulo's month: a renewal and a late launch, over or counted so far. */
function expected(complete: boolean) {
  const counts = { ...emptyCounts(), renewals: 1, launches: { onTime: 0, missed: 1, ahead: 0 } };
  const asOf = new Date('2026-11-20T12:00:00Z');
  const scorecard = scorecardOf({ month: '2026-11', complete, asOf, counts }, true, policy);
  const team = [
    {
      month: '2026-11',
      complete,
      closing: complete
        ? ({ kind: 'complete', closesAt: new Date('2026-12-06T03:00:00Z') } as const)
        : ({ kind: 'soFar', closesAt: new Date('2026-12-06T03:00:00Z') } as const),
      best: null,
      partners: [{ partnerId: 'paulo', name: 'Paulo', roles: [], paid: true, scorecard }],
    },
  ];
  const invoice = {
    partnerId: 'paulo',
    competenceMonth: '2026-11',
    amountMinor: 1,
    currency: 'BRL',
  };
  const found = expectedAmountOf(team, invoice);
  if (found.kind !== 'expected') throw new Error('expected an amount');
  return found;
}

describe('the expected amount’s lines on finance’s review', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (options: { complete?: boolean; href?: string | null; locale?: Locale } = {}) =>
    container.renderToString(ExpectedAmount, {
      props: {
        expected: expected(options.complete ?? true),
        partnerName: 'Paulo Prado',
        scorecardHref: options.href ?? null,
        locale: options.locale ?? 'pt-BR',
      },
    });

  it('lists each line, deductions negative and no negative zero, and the expected total', async () => {
    const html = await render();
    expect(html).toContain('O placar de novembro de 2026');
    expect([...html.matchAll(/data-line="(\w+)"/g)].map((m) => m[1])).toHaveLength(6);
    expect(html).toMatch(/-R\$\s50,00/);
    expect(html).not.toMatch(/-R\$\s0,00/);
    // 1.500 base + 100 renewal − 50 late launch.
    expect(html).toMatch(/Total esperado[\s\S]*R\$\s1\.550,00/);
    expect(html).not.toContain('O mês ainda não terminou');
  });

  it('says a month not over is the amount so far, and an ended one when it closes (#21)', async () => {
    const running = await render({ complete: false });
    expect(running).toContain('O mês ainda não terminou');
    expect(running).not.toContain('fecha em');
    expect(await render()).toContain('O mês terminou e fecha em 06/12/2026');
  });

  it('links to the partner’s scorecard only when given the admin’s link', async () => {
    expect(await render()).not.toContain('href=');
    const html = await render({ href: '/admin/scorecard/paulo' });
    expect(html).toContain('href="/admin/scorecard/paulo"');
    expect(html).toContain('Ver o placar de Paulo Prado');
  });

  it('speaks English and Russian', async () => {
    expect(await render({ locale: 'en' })).toContain('Expected total');
    expect(await render({ locale: 'ru' })).toContain('Ожидаемая сумма');
  });
});
