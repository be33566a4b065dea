// Invoices as one table (#15): the partner's history and finance's list read the same columns;
// finance's adds the partner first. The payment day is the day paid, else the day due.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '../../../db/schema/index.ts';
import InvoiceTable from '../../../src/components/InvoiceTable.astro';
import { createTranslator, formatCalendarDate } from '../../../src/i18n/index.ts';

const t = createTranslator('en');
const invoice = {
  id: 'inv-1',
  partnerName: 'Ana Lima',
  competenceMonth: '2026-10',
  number: 'NF-77',
  amountMinor: 250_000,
  currency: 'BRL',
  status: 'approved' as InvoiceStatus,
  paidOn: null as string | null,
  paymentDueOn: '2026-11-30',
};

describe('invoice table', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (withPartner: boolean, rows = [invoice]) =>
    container.renderToString(InvoiceTable, {
      props: {
        rows,
        caption: 'Invoices',
        numberHref: (row: { id: string }) => `/review/invoices/${row.id}`,
        withPartner,
        t,
        locale: 'en',
      },
    });

  it('names the partner only in finance’s list', async () => {
    expect(await render(true)).toContain('Ana Lima');
    const history = await render(false);
    expect(history).not.toContain('Ana Lima');
    expect(history).not.toContain(t('finance.partner'));
  });

  it('links the number and shows the value, the status and the day due', async () => {
    const html = await render(false);
    expect(html).toContain('<a href="/review/invoices/inv-1">NF-77</a>');
    expect(html).toContain('2,500.00');
    expect(html).toContain(t('invoices.statuses.approved'));
    expect(html).toContain(formatCalendarDate('2026-11-30', 'en'));
  });

  it('shows the day paid once the invoice is paid', async () => {
    const html = await render(false, [{ ...invoice, status: 'paid', paidOn: '2026-11-27' }]);
    expect(html).toContain(formatCalendarDate('2026-11-27', 'en'));
    expect(html).not.toContain(formatCalendarDate('2026-11-30', 'en'));
  });
});
