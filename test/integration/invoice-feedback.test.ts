// What a partner and finance read back from the invoice forms and files: a plain form's refusal
// marks each field and keeps what was typed; a submission says what happens next, with the
// window's dates; the payments spreadsheet opens as a Brazilian spreadsheet reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoices } from '../../db/schema/index.ts';
import { formatCalendarDate } from '../../src/i18n/index.ts';
import { invoiceWindowAt, policy } from '../../src/policy/index.ts';
import { invoiceForm, pdf, valid } from '../support/invoices.ts';
import { feedbackOf } from '../support/onboarding.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const inWindow = new Date('2026-03-02T13:00:00.000Z');

/** A plain form post of an invoice as the page sends it (no JavaScript): a page is asked back. */
function plainPost(fields: Record<string, string>, file: Uint8Array | null, cookie: string) {
  const init = invoiceForm({ ...fields, returnTo: '/partner/invoices' }, file, cookie);
  return { ...init, headers: { ...init.headers, Accept: 'text/html' } };
}

/** RFC 4180 rows with a separator: quoted cells may hold it, quotes doubled, CRLF between rows. */
function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') cell += text[++i];
      else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

describe.each(DRIVERS)('invoice forms and files as people read them (%s)', (driver) => {
  let app: TestApp;
  let partner: string;
  let finance: string;
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(inWindow);
    await seedPeople(app);
    [partner, finance] = (await Promise.all(
      ['trafego.pago@ponte.example', 'financeiro@ponte.example'].map((email) => signIn(app, email)),
    )) as [string, string];
    const profile = { name: 'Prado; Paulo', locale: 'pt-BR', taxId: '52998224725' };
    const saved = await app.request(
      '/api/profile',
      postJson({ ...profile, pixKey: '+5511987654321' }, { cookie: partner }),
    );
    expect(saved.status).toBe(200);
  });
  afterAll(() => app.close());

  it('sends a refused plain form back with each field marked and what was typed', async () => {
    const bad = { number: ' ', issueDate: '2026-13-01', amount: '12,345', note: 'março' };
    const response = await app.request('/api/invoices', plainPost(bad, pdf('x'), partner));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/partner/invoices');
    const feedback = feedbackOf(response);
    expect(Object.keys(feedback?.fields ?? {}).sort()).toEqual(['amount', 'issueDate', 'number']);
    expect(feedback?.values).toMatchObject({ issueDate: '2026-13-01', amount: '12,345' });
    expect(feedback?.values?.note).toBe('março');

    const notPdf = new TextEncoder().encode('<html>not a pdf</html>');
    const refused = feedbackOf(
      await app.request('/api/invoices', plainPost(valid, notPdf, partner)),
    );
    expect(refused?.fields?.file).toMatch(/PDF/);
    expect(refused?.values).toMatchObject({ number: 'NF 123', amount: '1.234,56' });
    expect(await app.db.select().from(invoices)).toEqual([]);
  });

  it('says, after a submission, when finance reviews it and until when it can be corrected', async () => {
    const response = await app.request('/api/invoices', plainPost(valid, pdf('a'), partner));
    expect(response.status).toBe(303);
    const { window } = invoiceWindowAt(inWindow, policy);
    const day = (iso: string) => formatCalendarDate(iso, 'pt-BR');
    expect(feedbackOf(response)?.notice).toBe(
      `Fatura enviada. O financeiro a revisa antes de ${day(window.paymentDate)}, a data do pagamento; se algo não conferir, você recebe um e-mail e pode corrigi-la até o fim de ${day(window.closesOn)}.`,
    );
    expect(day(window.paymentDate)).toBe('31/03/2026');
  });

  it('exports the month’s payments as a pt-BR spreadsheet, beside the bank’s file', async () => {
    const [invoice] = await app.db.select().from(invoices);
    const approve = await app.request(
      `/api/finance/invoices/${invoice?.id}/approve`,
      postJson({}, { cookie: finance }),
    );
    expect(approve.status).toBe(200);
    const download = (format: string) =>
      app.request(`/api/finance/payments.csv?month=2026-03&format=${format}`, {
        headers: { Cookie: finance },
      });
    const sheet = await download('spreadsheet');
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get('Content-Disposition')).toContain('pagamentos-2026-03-planilha.csv');
    const bytes = new Uint8Array(await sheet.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8, accents intact
    const rows = parseCsv(new TextDecoder().decode(bytes), ';');
    expect(rows).toEqual([
      ['Parceiro', 'CPF/CNPJ', 'Chave PIX', 'Número', 'Valor', 'Moeda', 'Data de pagamento'],
      [
        'Prado; Paulo',
        '529.982.247-25',
        '+5511987654321',
        'NF 123',
        '1234,56',
        'BRL',
        '31/03/2026',
      ],
    ]);

    const bank = await (await download('bank')).text();
    expect(bank.split('\r\n')[1]).toBe(
      '"Prado; Paulo",52998224725,+5511987654321,NF 123,1234.56,BRL,2026-03-31',
    );
    expect((await download('xlsx')).status).toBe(400);
  });
});
