import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ChangeTurnaround from '../../../src/components/handbook/ChangeTurnaround.astro';
import CostNorms from '../../../src/components/handbook/CostNorms.astro';
import InvoiceCalendar from '../../../src/components/handbook/InvoiceCalendar.astro';
import InvoiceRules from '../../../src/components/handbook/InvoiceRules.astro';
import NewClientDeadlines from '../../../src/components/handbook/NewClientDeadlines.astro';
import PolicyValue from '../../../src/components/handbook/PolicyValue.astro';
import RoutingMatrix from '../../../src/components/handbook/RoutingMatrix.astro';
import { agencyPolicy } from '../../../src/policy/agency-policy.ts';
import { parsePolicy, policy } from '../../../src/policy/index.ts';

// The same agency with other rules: every table must follow.
const changed = parsePolicy({
  ...agencyPolicy,
  taskRouting: {
    ...agencyPolicy.taskRouting,
    minimumLeadTimeDays: 3,
    mayRequestFrom: { ...agencyPolicy.taskRouting.mayRequestFrom, design: ['cs', 'paid_traffic'] },
  },
  newClientDeadlines: { ...agencyPolicy.newClientDeadlines, launchWithinHours: 96 },
  changeTurnaround: { ...agencyPolicy.changeTurnaround, postHours: 24, targetingOrTextHours: 2 },
  costNorms: {
    ...agencyPolicy.costNorms,
    norms: agencyPolicy.costNorms.norms.map((n) =>
      n.id === 'cpl' ? { ...n, maxMinorUnits: 5000 } : n,
    ),
  },
  invoices: { ...agencyPolicy.invoices, windowOpensDay: 2, windowClosesDay: 8 },
});

describe('handbook tables are drawn from the policy', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (
    component: Parameters<AstroContainer['renderToString']>[0],
    props: Record<string, unknown> = {},
    path = '/',
  ) =>
    container.renderToString(component, { props, request: new Request(`http://localhost${path}`) });

  it('shows the lead time and the routing matrix, and follows a change', async () => {
    const now = await render(RoutingMatrix);
    expect(now).toContain('2 dias');
    const later = await render(RoutingMatrix, { policy: changed });
    expect(later).toContain('3 dias');
    // Design may now ask paid traffic: one more "Sim" in the matrix.
    expect(later.split('>Sim<').length).toBe(now.split('>Sim<').length + 1);
  });

  it('shows the launch deadline in words, in each language', async () => {
    expect(await render(NewClientDeadlines)).toContain('72 horas');
    expect(await render(NewClientDeadlines, {}, '/en/clients/new-client-pipeline/')).toContain(
      '72 hours',
    );
    expect(await render(NewClientDeadlines, { policy: changed })).toContain('96 horas');
    expect(
      await render(PolicyValue, {
        path: 'newClientDeadlines.launchWithinHours',
        unit: 'hours',
        policy: changed,
      }),
    ).toBe('96 horas');
  });

  it('shows change turnaround and cost norms from the policy', async () => {
    expect(await render(ChangeTurnaround, { policy: changed })).toContain('24 horas');
    const norms = await render(CostNorms, { locale: 'en' });
    expect(norms).toContain('CPL');
    expect(norms).toContain('40.00');
    // The currency is named, and each norm's objective and placement come from the catalog.
    expect(norms).toContain('(RUB)');
    expect(norms).toContain('Traffic — Stories');
    expect(norms).toContain('Lead generation in difficult niches');
    expect(await render(CostNorms)).toContain('Alcance — Feed');
    expect(await render(CostNorms, { policy: changed, locale: 'en' })).toContain('50.00');
  });

  it('shows the invoice window and a calendar computed from it', async () => {
    expect(await render(InvoiceRules)).toContain('Do dia 1 ao dia 5');
    expect(await render(InvoiceRules, { policy: changed })).toContain('Do dia 2 ao dia 8');
    const from = new Date('2026-11-22T12:00:00Z');
    const calendar = await render(InvoiceCalendar, { from });
    expect(calendar.match(/<tr[\s>]/g)).toHaveLength(13); // header + 12 windows
    expect(calendar).toContain('datetime="2026-12-30"'); // payment: the 31st is the agency's holiday
    expect(await render(InvoiceCalendar, { from, policy: changed })).toContain(
      'datetime="2026-12-08"',
    );
  });

  it('renders with the real policy by default', () => {
    expect(policy.newClientDeadlines.launchWithinHours).toBe(72);
  });
});
