import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { events, invoices, outbox, userRoles, users } from '../../db/schema/index.ts';
import { postJson, seedPeople, signIn } from '../support/sign-in.ts';
import { createTestApp, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`);

function invoiceForm(
  fields: Record<string, string>,
  file: Uint8Array | null,
  cookie: string,
  fileName = 'fatura.pdf',
): RequestInit {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file)
    form.set(
      'file',
      new File([file as Uint8Array<ArrayBuffer>], fileName, { type: 'application/pdf' }),
    );
  return { method: 'POST', headers: { ...SAME_ORIGIN, Cookie: cookie }, body: form };
}

const valid = { number: 'NF 123', issueDate: '2026-02-27', amount: '1.234,56' };

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

describe.each(DRIVERS)('segregation of duties and payment dates (%s)', (driver) => {
  let app: TestApp;
  let finance: string;
  let admin: string;
  let organic: string;
  const inWindow = new Date('2026-03-02T13:00:00.000Z');
  // 23:30 on 2 March in São Paulo, already 3 March in UTC: the approval day is the 2nd.
  const approvedLate = new Date('2026-03-03T02:30:00.000Z');
  // 23:59 on 4 March in São Paulo, already 5 March in UTC: today is the 4th.
  const lateOnThe4th = new Date('2026-03-05T02:59:00.000Z');
  beforeAll(async () => {
    app = await createTestApp(driver);
    app.setNow(inWindow);
    await seedPeople(app);
    // The finance person also works as a paid-traffic partner and bills the agency.
    const [person] = await app.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, 'financeiro@ponte.example'));
    await app.db.insert(userRoles).values({ userId: person?.id ?? '', role: 'paid_traffic' });
    [finance, admin, organic] = (await Promise.all(
      ['financeiro@ponte.example', 'admin@ponte.example', 'trafego.organico@ponte.example'].map(
        (email) => signIn(app, email),
      ),
    )) as [string, string, string];
    for (const [cookie, taxId, fileName, number] of [
      [finance, '529.982.247-25', 'fatura.pdf', 'NF 123'],
      // Plain text would be refused: an invoice is a PDF by its bytes, whatever its name says.
      [organic, '111.444.777-35', 'relatorio\u202Efdp.bat', 'NF 9;=2+3;x'],
    ] as const) {
      const profile = { name: 'Parceiro', locale: 'pt-BR', taxId, pixKey: '+5511987654321' };
      expect((await app.request('/api/profile', postJson(profile, { cookie }))).status).toBe(200);
      const sent = await app.request(
        '/api/invoices',
        invoiceForm({ ...valid, number }, pdf(taxId), cookie, fileName),
      );
      expect(sent.status).toBe(200);
    }
  });
  afterAll(() => app.close());
  const invoiceOf = async (email: string) => {
    const [row] = await app.db
      .select({ id: invoices.id })
      .from(invoices)
      .innerJoin(users, eq(users.id, invoices.partnerId))
      .where(eq(users.email, email));
    return row?.id ?? '';
  };
  const act = (id: string, path: string, body: unknown, cookie: string) =>
    app.request(`/api/finance/invoices/${id}/${path}`, postJson(body, { cookie }));

  it('refuses a finance person who is also a partner to approve, diverge on or pay their own invoice', async () => {
    const own = await invoiceOf('financeiro@ponte.example');
    for (const [path, body] of [
      ['approve', {}],
      ['divergence', { message: 'Eu mesmo aprovo.' }],
    ] as const) {
      const refused = await act(own, path, body, finance);
      expect(refused.status).toBe(403);
      const { error } = await readJson(refused);
      expect(error.code).toBe('own_invoice');
      expect(error.message).toMatch(/outra pessoa do financeiro/);
    }
    app.setNow(approvedLate);
    expect((await act(own, 'approve', {}, admin)).status).toBe(200);
    expect((await act(own, 'paid', { paidOn: '2026-03-02' }, finance)).status).toBe(403);
    // A plain form goes back to the invoice's page with the message.
    const form = await app.request(`/api/finance/invoices/${own}/paid`, {
      method: 'POST',
      headers: { ...SAME_ORIGIN, Cookie: finance, Accept: 'text/html' },
      body: new URLSearchParams({ paidOn: '2026-03-02' }),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get('Location')).toBe(`/review/invoices/${own}`);
    const [after] = await app.db.select().from(invoices).where(eq(invoices.id, own));
    expect(after).toMatchObject({ status: 'approved', paidOn: null });
    const actions = (await app.db.select().from(events).where(eq(events.subjectId, own))).map(
      (e) => e.action,
    );
    expect(actions).toEqual(['invoice_submitted', 'invoice_approved']);
  });

  it('stores and serves a PDF named relatorio<U+202E>fdp.bat as relatoriofdp.pdf (RFC 8187)', async () => {
    const id = await invoiceOf('trafego.organico@ponte.example');
    const [row] = await app.db.select().from(invoices).where(eq(invoices.id, id));
    expect(row?.fileName).toBe('relatoriofdp.pdf');
    for (const [query, disposition] of [
      ['', 'inline'],
      ['?download=1', 'attachment'],
    ] as const) {
      const served = await app.request(`/api/invoices/${id}/pdf${query}`, {
        headers: { Cookie: organic },
      });
      expect(served.headers.get('Content-Disposition')).toBe(
        `${disposition}; filename="relatoriofdp.pdf"; filename*=UTF-8''relatoriofdp.pdf`,
      );
    }
  });

  it('accepts a payment date from the approval day to today, in the agency’s time zone', async () => {
    const own = await invoiceOf('financeiro@ponte.example');
    app.setNow(lateOnThe4th);
    const before = await act(own, 'paid', { paidOn: '2026-03-01' }, admin);
    expect(before.status).toBe(400);
    expect((await readJson(before)).error.fields.paidOn).toMatch(
      /anterior à aprovação \(02\/03\/2026\)/,
    );
    const tomorrow = await act(own, 'paid', { paidOn: '2026-03-05' }, admin);
    expect(tomorrow.status).toBe(400);
    expect((await readJson(tomorrow)).error.fields.paidOn).toMatch(/futuro/);
    for (const paidOn of ['1999-01-01', '9999-12-31'])
      expect((await act(own, 'paid', { paidOn }, admin)).status).toBe(400);
    expect((await act(own, 'paid', { paidOn: '2026-03-02' }, admin)).status).toBe(200);

    const other = await invoiceOf('trafego.organico@ponte.example');
    app.setNow(approvedLate);
    expect((await act(other, 'approve', {}, finance)).status).toBe(200);
    app.setNow(lateOnThe4th);
    expect((await act(other, 'paid', { paidOn: '2026-03-04' }, finance)).status).toBe(200);
    const paid = await app.db.select().from(invoices).where(eq(invoices.status, 'paid'));
    expect(paid.map((i) => i.paidOn).sort()).toEqual(['2026-03-02', '2026-03-04']);
  });

  it('exports an invoice number that holds ; and a formula as one quoted cell', async () => {
    const response = await app.request('/api/finance/payments.csv?month=2026-03', {
      headers: { Cookie: admin },
    });
    const rows = (await response.text()).split('\r\n');
    expect(rows).toContain(
      'Parceiro,11144477735,+5511987654321,"NF 9;=2+3;x",1234.56,BRL,2026-03-04',
    );
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="pagamentos-2026-03.csv"; filename*=UTF-8''pagamentos-2026-03.csv`,
    );
  });
});
