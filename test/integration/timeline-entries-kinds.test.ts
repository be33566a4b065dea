import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineEntries, timelineFiles } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  EXE,
  NOTE,
  openTimelineApp,
  PDF,
  PNG,
  postEntry,
  postEntryForm,
  storedTimelineFiles,
  timelineCounts,
  type Who,
} from '../support/timeline-entries.ts';

describe.each(DRIVERS)('timeline entries: each kind and its fields (%s)', (driver) => {
  let app: TestApp;
  let cookies: Record<Who, string>;
  beforeAll(async () => {
    ({ app, cookies } = await openTimelineApp(driver));
  });
  afterAll(() => app.close());

  /** Posts and expects a refusal that wrote nothing, neither rows nor stored bytes. */
  async function refusedWithNothingWritten(
    post: () => Response | Promise<Response>,
    status: number,
  ) {
    const before = [await timelineCounts(app), await storedTimelineFiles(app)];
    const response = await post();
    expect(response.status).toBe(status);
    expect([await timelineCounts(app), await storedTimelineFiles(app)]).toEqual(before);
    return (await readJson(response)).error;
  }

  it.each([
    ['monthly_report', ['period', 'summary']],
    ['minutes', ['occurredOn', 'discussed']],
    ['decision', ['occurredOn', 'decided']],
    ['media_payment', ['dueOn', 'amount']],
    ['note', ['text']],
  ])(
    '%s without its required fields: each named, localized, nothing written',
    async (kind, fields) => {
      const error = await refusedWithNothingWritten(
        () => postEntry(app, cookies.cs, { kind, title: '', visibility: 'internal' }),
        400,
      );
      expect(error.code).toBe('validation');
      expect(error.fields.title).toBe('Preencha este campo.');
      for (const field of fields) expect(error.fields[field]).toBe('Preencha este campo.');
    },
  );

  it('a report of the month still running is refused (policy: a month is reported once over); last month is fine', async () => {
    expect(policy.timeline.reportCurrentMonth).toBe(false);
    const report = {
      kind: 'monthly_report',
      title: 'Relatório',
      visibility: 'client',
      summary: 'Bom mês.',
      link: 'https://reportei.example/r/1',
    };
    const error = await refusedWithNothingWritten(
      () => postEntry(app, cookies.cs, { ...report, period: '2026-03' }),
      400,
    );
    expect(error.fields.period).toContain('2026-02');
    const future = await refusedWithNothingWritten(
      () => postEntry(app, cookies.cs, { ...report, period: '2027-01' }),
      400,
    );
    expect(future.fields.period).toBeDefined();
    const ok = await postEntry(app, cookies.cs, { ...report, period: '2026-02' });
    expect(ok.status).toBe(200);
    const { id } = await readJson(ok);
    const [entry] = await app.db.select().from(timelineEntries).where(eq(timelineEntries.id, id));
    expect(entry).toMatchObject({ period: '2026-02', occurredOn: '2026-03-10', revision: 1 });
  });

  it('a report needs its PDF or an https link; a link that is not https is refused', async () => {
    const report = {
      kind: 'monthly_report',
      title: 'R',
      visibility: 'internal',
      period: '2026-01',
      summary: 'S',
    };
    const none = await refusedWithNothingWritten(() => postEntry(app, cookies.cs, report), 400);
    expect(none.code).toBe('attachment_required');
    const http = await refusedWithNothingWritten(
      () => postEntry(app, cookies.cs, { ...report, link: 'http://reportei.example/r' }),
      400,
    );
    expect(http.fields.link).toBeDefined();
    const withPdf = await postEntryForm(app, cookies.cs, report, [
      { name: 'janeiro.pdf', bytes: PDF },
    ]);
    expect(withPdf.status).toBe(200);
    const { id } = await readJson(withPdf);
    const files = await app.db.select().from(timelineFiles).where(eq(timelineFiles.entryId, id));
    expect(files).toMatchObject([{ fileName: 'janeiro.pdf', contentType: 'application/pdf' }]);
  });

  it('attachments: a refused type, an image as a report, over the limit or too many — refused on the field, nothing stored', async () => {
    const note = { ...NOTE };
    const exe = await refusedWithNothingWritten(
      () => postEntryForm(app, cookies.cs, note, [{ name: 'nota.pdf', bytes: EXE }]),
      415,
    );
    expect(exe.fields.files).toContain('nota.pdf');
    const report = {
      kind: 'monthly_report',
      title: 'R',
      visibility: 'internal',
      period: '2026-01',
      summary: 'S',
    };
    const image = await refusedWithNothingWritten(
      () => postEntryForm(app, cookies.cs, report, [{ name: 'print.png', bytes: PNG }]),
      415,
    );
    expect(image.fields.files).toContain('PDF');
    const big = new Uint8Array(policy.timeline.maxUploadBytes + 1);
    big.set(PDF);
    const tooLarge = await refusedWithNothingWritten(
      () => postEntryForm(app, cookies.cs, note, [{ name: 'grande.pdf', bytes: big }]),
      413,
    );
    expect(tooLarge.fields.files).toContain('20 MB');
    const many = Array.from({ length: policy.timeline.maxFilesPerEntry + 1 }, (_, i) => ({
      name: `${i}.pdf`,
      bytes: PDF,
    }));
    const tooMany = await refusedWithNothingWritten(
      () => postEntryForm(app, cookies.cs, note, many),
      400,
    );
    expect(tooMany.code).toBe('too_many_files');
    // An image goes with a note.
    const ok = await postEntryForm(app, cookies.cs, note, [{ name: 'print.png', bytes: PNG }]);
    expect(ok.status).toBe(200);
  });

  it('minutes and decisions: a date in the future is refused', async () => {
    const error = await refusedWithNothingWritten(
      () =>
        postEntry(app, cookies.cs, {
          kind: 'decision',
          title: 'Verba',
          visibility: 'internal',
          occurredOn: '2026-03-11',
          decided: 'Dobrar a verba',
        }),
      400,
    );
    expect(error.fields.occurredOn).toContain('futuro');
  });

  it('a media payment document: its PDF, due date and amount in the agency currency, by paid traffic', async () => {
    const payment = {
      kind: 'media_payment',
      title: 'Boleto Meta março',
      visibility: 'client',
      dueOn: '2026-03-20',
      amount: '1.234,56',
    };
    const noPdf = await refusedWithNothingWritten(() => postEntry(app, cookies.paid, payment), 400);
    expect(noPdf.code).toBe('attachment_required');
    const badAmount = await refusedWithNothingWritten(
      () => postEntry(app, cookies.paid, { ...payment, amount: '-3' }),
      400,
    );
    expect(badAmount.fields.amount).toBeDefined();
    const ok = await postEntryForm(app, cookies.paid, payment, [
      { name: 'boleto.pdf', bytes: PDF },
    ]);
    expect(ok.status).toBe(200);
    const { id } = await readJson(ok);
    const [entry] = await app.db.select().from(timelineEntries).where(eq(timelineEntries.id, id));
    expect(entry?.occurredOn).toBe('2026-03-20');
    expect(JSON.parse(entry?.content ?? '{}')).toEqual({
      dueOn: '2026-03-20',
      amount: 123456,
      currency: 'BRL',
    });
  });
});
