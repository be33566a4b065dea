import { readFileSync } from 'node:fs';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import Incentives from '../../../src/components/handbook/Incentives.astro';
import { HANDBOOK_PAGES, READING_LISTS } from '../../../src/handbook/reading-lists.ts';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { parsePolicy } from '../../../src/policy/index.ts';

// The same agency paying other amounts, to other roles, with one tie-breaker.
const changed = parsePolicy({
  ...agencyPolicy,
  newClientDeadlines: { ...agencyPolicy.newClientDeadlines, launchWithinHours: 96 },
  refunds: { ...agencyPolicy.refunds, earlyWithinDays: 14 },
  incentives: {
    ...agencyPolicy.incentives,
    paidRoles: ['paid_traffic', 'organic_traffic'],
    base: { minorUnits: 200_000, referenceMinorUnits: 15_000_000 },
    bestOfMonth: { ...agencyPolicy.incentives.bestOfMonth, tieBreakers: ['higher_satisfaction'] },
  },
});

// Intl writes a no-break space between the symbol and the amount.
const text = (html: string) => html.replace(/\u00a0|&nbsp;/g, ' ');

describe('the incentives handbook table', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = async (props: Record<string, unknown> = {}) =>
    text(
      await container.renderToString(Incentives, {
        props,
        request: new Request('http://localhost/finance/incentives/'),
      }),
    );

  it('shows each amount in reais beside the document’s tenge, signed by what it does', async () => {
    const html = await render();
    expect(html).toContain('Os valores do mês (R$)');
    expect(html).toContain('R$ 1.500,00');
    expect(html).toContain('150.000,00');
    expect(html).toContain('+ R$ 100,00');
    expect(html).toContain('− R$ 50,00');
    expect(html).toContain('nos primeiros 10 dias');
    expect(html).toContain('Cada lançamento depois das 72 horas');
    // The document names the launch fine without a figure.
    expect(html).toContain('Sem valor no documento');
    expect(html).toContain('Recebem estes valores: Tráfego pago.');
    expect(html).toContain('1. menos prazos perdidos; 2. a maior nota média de satisfação');
  });

  it('follows a change of the policy, in English too', async () => {
    const html = await render({ policy: changed, locale: 'en' });
    expect(html).toContain('R$2,000.00');
    expect(html).toContain('in the first 14 days');
    expect(html).toContain('Each launch past its 96 hours');
    expect(html).toContain('Paid by these amounts: Paid traffic and Organic traffic.');
    expect(html).toContain('On a tie, in this order: 1. the higher average satisfaction score.');
  });

  it('is a page of paid traffic’s reading list, in both languages', () => {
    expect(READING_LISTS.paid_traffic).toContain(HANDBOOK_PAGES.incentives);
    for (const path of [
      'src/content/docs/finance/incentives.mdx',
      'src/content/docs/en/finance/incentives.mdx',
    ]) {
      expect(readFileSync(path, 'utf8'), path).toContain('<Incentives />');
      // When a month closes is the policy's figure, not typed (#21).
      expect(readFileSync(path, 'utf8'), path).toContain(
        '<PolicyValue path="incentives.monthClosesAfterDays" />',
      );
    }
  });
});
