import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, invoices, outbox } from '../../db/schema/index.ts';
import { invoiceForm, pdf, valid } from '../support/invoices.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

describe.each(DRIVERS)('partner invoices (%s)', (driver) => {
  let app: TestApp;
  let paid: string;
  let organic: string;
  let finance: string;
  let cs: string;
  const inWindow = new Date('2026-03-02T13:00:00.000Z');
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(inWindow);
    await seedPeople(app);
    [paid, organic, finance, cs] = (await Promise.all(
      [
        'trafego.pago@ponte.example',
        'trafego.organico@ponte.example',
        'financeiro@ponte.example',
        'cs@ponte.example',
      ].map((email) => signIn(app, email)),
    )) as [string, string, string, string];
  });
  afterAll(() => app.close());
  const submit = (fields: Record<string, string>, file: Uint8Array | null, cookie = paid) =>
    app.request('/api/invoices', invoiceForm(fields, file, cookie));
  const fillProfile = (cookie: string, taxId: string) =>
    app.request(
      '/api/profile',
      postJson({ name: 'Parceiro', locale: 'pt-BR', taxId, pixKey: '+5511987654321' }, { cookie }),
    );

  it('asks for the tax id and PIX key before the first invoice', async () => {
    const response = await submit(valid, pdf('a'));
    expect(response.status).toBe(409);
    expect((await readJson(response)).error.code).toBe('profile_incomplete');
    expect((await fillProfile(paid, '529.982.247-25')).status).toBe(200);
    expect((await fillProfile(organic, '111.444.777-35')).status).toBe(200);
  });

  it('refuses bad fields with a message each, and a file that is not a PDF by its bytes', async () => {
    const bad = await readJson(
      await submit({ number: '  ', issueDate: '2026-13-01', amount: '12,345' }, pdf('x')),
    );
    expect(Object.keys(bad.error.fields).sort()).toEqual(['amount', 'issueDate', 'number']);
    const future = await readJson(await submit({ ...valid, issueDate: '2026-03-03' }, pdf('x')));
    expect(future.error.fields.issueDate).toMatch(/futuro/);
    const early = await readJson(await submit({ ...valid, issueDate: '2026-01-31' }, pdf('x')));
    expect(early.error.fields.issueDate).toMatch(/competência/);
    const fake = await submit(valid, new TextEncoder().encode('<html>not a pdf</html>'));
    expect(fake.status).toBe(415);
    expect(await app.db.select().from(invoices)).toEqual([]);
  });

  it('registers one invoice for two identical submissions at once, and keeps one file', async () => {
    const file = pdf('fevereiro');
    const answers = await Promise.all([submit(valid, file), submit(valid, file)]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const rows = await app.db.select().from(invoices);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      competenceMonth: '2026-02',
      submittedMonth: '2026-03',
      amountMinor: 123456,
      status: 'submitted',
      paymentDueOn: '2026-03-31',
    });
    expect(await app.bucket.get(rows[0]?.fileKey ?? '')).not.toBeNull();
    const listed = await app.bucket.list({ prefix: 'invoices/' });
    expect(listed.objects).toHaveLength(1);
    const mails = await app.db
      .select()
      .from(outbox)
      .where(eq(outbox.toAddress, 'trafego.pago@ponte.example'));
    expect(mails.filter((m) => m.subject.includes('NF 123'))).toHaveLength(1);
  });

  it('refuses a second invoice for the same month, and the same PDF on another invoice', async () => {
    expect(
      (await readJson(await submit({ ...valid, number: 'NF 124' }, pdf('outro')))).error.code,
    ).toBe('already_submitted');
    const reused = await submit(valid, pdf('fevereiro'), organic);
    expect(reused.status).toBe(200); // another partner may, by chance, send identical bytes
  });

  it('refuses a form kept open past the window, at the exact instant it closes', async () => {
    app.setNow(new Date('2026-03-06T02:59:59.999Z'));
    expect((await readJson(await submit(valid, pdf('late'), cs))).error.code).not.toBe(
      'window_closed',
    );
    app.setNow(new Date('2026-03-06T03:00:00.000Z'));
    const late = await submit(valid, pdf('late'), cs);
    expect(late.status).toBe(409);
    expect((await readJson(late)).error.message).toMatch(/próxima abre em/);
    app.setNow(inWindow);
  });

  it('lets finance approve, or raise a divergence the partner corrects, then mark it paid', async () => {
    const [invoice] = await app.db.select().from(invoices).where(eq(invoices.number, 'NF 123'));
    const id = invoice?.id ?? '';
    const act = (path: string, body: unknown, cookie = finance) =>
      app.request(`/api/finance/invoices/${id}/${path}`, postJson(body, { cookie }));
    expect((await act('approve', {}, paid)).status).toBe(403);
    const noMessage = await act('divergence', { message: ' ' });
    expect((await readJson(noMessage)).error.fields.message).toMatch(/mensagem/);
    expect((await act('divergence', { message: 'O valor não bate com o combinado.' })).status).toBe(
      200,
    );
    expect((await act('paid', { paidOn: '2026-03-31' })).status).toBe(409); // not approved

    const corrected = await submit({ ...valid, amount: '1.200,00' }, pdf('corrigida'));
    expect(corrected.status).toBe(200);
    expect((await readJson(corrected)).corrected).toBe(true);
    expect((await act('approve', {})).status).toBe(200);
    expect((await act('approve', {})).status).toBe(409); // a second click changes nothing
    expect((await act('paid', { paidOn: '2026-03-02' })).status).toBe(200);

    const [after] = await app.db.select().from(invoices).where(eq(invoices.id, id));
    expect(after).toMatchObject({ status: 'paid', paidOn: '2026-03-02', amountMinor: 120000 });
    const history = (await app.db.select().from(events).where(eq(events.subjectId, id))).map(
      (e) => e.action,
    );
    expect(history).toEqual([
      'invoice_submitted',
      'invoice_divergent',
      'invoice_corrected',
      'invoice_approved',
      'invoice_paid',
    ]);
    const subjects = (
      await app.db.select().from(outbox).where(eq(outbox.toAddress, 'trafego.pago@ponte.example'))
    ).map((m) => m.subject);
    expect(subjects).toEqual(
      expect.arrayContaining([
        'Divergência na fatura NF 123',
        'Fatura NF 123 aprovada',
        'Fatura NF 123 paga',
      ]),
    );
  });

  it('serves the PDF to its partner and to finance only, never sniffed', async () => {
    const [invoice] = await app.db.select().from(invoices).where(eq(invoices.number, 'NF 123'));
    const get = (cookie: string, query = '') =>
      app.request(`/api/invoices/${invoice?.id}/pdf${query}`, { headers: { Cookie: cookie } });
    const own = await get(paid);
    expect(own.status).toBe(200);
    expect(own.headers.get('Content-Type')).toBe('application/pdf');
    expect(own.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(own.headers.get('Content-Disposition')).toBe(
      `inline; filename="fatura.pdf"; filename*=UTF-8''fatura.pdf`,
    );
    expect((await get(finance, '?download=1')).headers.get('Content-Disposition')).toMatch(
      /^attachment/,
    );
    expect((await get(organic)).status).toBe(404);
    expect((await get(cs)).status).toBe(404);
  });

  it('serves the window as an .ics whose lines fit in 75 octets, in Russian too (RFC 5545)', async () => {
    const response = await app.request('/api/invoices/window.ics', {
      headers: { Cookie: paid, 'Accept-Language': 'ru' },
    });
    expect(response.status).toBe(200);
    const ics = await response.text();
    const lines = ics.split('\r\n');
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(ics.replace(/\r\n /g, '')).toContain(
      'DESCRIPTION:Подайте в Ponte счёт за работу 2026-02.',
    );
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="ponte-faturas-2026-03.ics"; filename*=UTF-8''ponte-faturas-2026-03.ics`,
    );
  });

  it('exports the month’s payments as CSV with escaping and UTF-8', async () => {
    const response = await app.request('/api/finance/payments.csv?month=2026-03', {
      headers: { Cookie: finance },
    });
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes); // the decoder drops the byte-order mark
    const [header, row] = text.split('\r\n');
    expect(header).toBe('Parceiro,CPF/CNPJ,Chave PIX,Número,Valor,Moeda,Data de pagamento');
    expect(row).toBe('Parceiro,52998224725,+5511987654321,NF 123,1200.00,BRL,2026-03-02');
    expect(
      (
        await app.request('/api/finance/payments.csv?month=2026-3', {
          headers: { Cookie: finance },
        })
      ).status,
    ).toBe(400);
    expect(
      (await app.request('/api/finance/payments.csv?month=2026-03', { headers: { Cookie: cs } }))
        .status,
    ).toBe(403);
  });
});
