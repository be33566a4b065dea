import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clientRequests, events, outbox, requestTemplates } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { postRequestForm } from '../../src/server/client-requests/request-form-post.ts';
import type { RequestTarget } from '../../src/server/client-requests/request-target.ts';
import type { ContactViewer } from '../../src/server/client-space/contact-viewer.ts';
import { formValues, openRequestsApp } from '../support/request-form.ts';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const COMPLETE = {
  title: 'Cardápio de Páscoa',
  description: 'Um post por semana',
  dueDate: '2026-03-30',
};

describe.each(DRIVERS)('a contact requests new work (%s)', (driver) => {
  let app: TestApp;
  let rita: ContactViewer;
  let joao: ContactViewer;
  let lia: ContactViewer;
  const post = (
    viewer: ContactViewer,
    target: RequestTarget,
    raw: Record<string, unknown>,
    send = false,
  ) =>
    postRequestForm(
      app.deps,
      viewer,
      { target, raw, send },
      { origin: TEST_ORIGIN, ip: null },
      policy,
      app.deps.clock(),
    );
  const newPiece = (): RequestTarget => ({
    kind: 'piece',
    projectId: 'bakery-visible',
    newId: crypto.randomUUID(),
  });
  const written = async () => ({
    requests: (await app.db.select().from(clientRequests)).length,
    mails: (await app.db.select().from(outbox)).length,
    events: (await app.db.select().from(events).where(eq(events.subjectType, 'client_request')))
      .length,
  });
  beforeAll(async () => {
    ({ app, rita, joao, lia } = await openRequestsApp(driver));
  });
  beforeEach(async () => {
    await app.db.delete(clientRequests);
    await app.db.delete(requestTemplates);
    await app.db.delete(outbox);
    await app.db.delete(events).where(eq(events.subjectType, 'client_request'));
  });
  afterAll(() => app.close());

  it('saves an incomplete draft on the default form and reopens it with what was typed', async () => {
    const saved = await post(rita, newPiece(), formValues({ title: 'Só o título' }));
    expect(saved).toMatchObject({ ok: true, sent: false });
    if (!saved.ok) return;
    const [row] = await app.db.select().from(clientRequests);
    expect(row).toMatchObject({
      status: 'draft',
      title: 'Só o título',
      projectId: 'bakery-visible',
      contactId: 'rita',
    });
    expect(row?.submittedAt).toBeNull();
    const again = await post(
      rita,
      { requestId: saved.requestId },
      formValues({ title: 'Título', description: 'Mais' }),
    );
    expect(again).toMatchObject({ ok: true, requestId: saved.requestId });
    const [reopened] = await app.db.select().from(clientRequests);
    expect(JSON.parse(reopened?.answers ?? '{}')).toMatchObject({
      title: 'Título',
      description: 'Mais',
    });
    expect(await written()).toMatchObject({ requests: 1, mails: 0 });
  });

  it('sends a complete request: opened, triage due one business day later, CS e-mailed in their language with the link', async () => {
    const sent = await post(rita, newPiece(), formValues(COMPLETE), true);
    expect(sent).toMatchObject({ ok: true, sent: true });
    if (!sent.ok) return;
    const [row] = await app.db.select().from(clientRequests);
    expect(row?.status).toBe('opened');
    expect(row?.submittedAt?.toISOString()).toBe('2026-03-10T13:00:00.000Z');
    // 10:00 in São Paulo on a Tuesday: eight business hours later is 18:00 the same day.
    expect(row?.triageDueAt?.toISOString()).toBe('2026-03-10T21:00:00.000Z');
    const mails = await app.db.select().from(outbox);
    expect(mails.map((m) => m.toAddress)).toEqual(['cs@ponte.example']);
    expect(mails[0]?.subject).toContain('Padaria Sol');
    expect(mails[0]?.text).toContain(`${TEST_ORIGIN}/requests/${sent.requestId}`);
    expect(mails[0]?.text).toContain('Cardápio de Páscoa');
    expect(await written()).toMatchObject({ events: 1 });
  });

  it('refuses sending with a required field missing, the field marked, nothing written', async () => {
    const before = await written();
    const refused = await post(rita, newPiece(), formValues({ title: 'Sem descrição' }), true);
    expect(refused).toMatchObject({
      ok: false,
      error: 'invalid',
      problems: { description: 'requestForm.required' },
    });
    expect(await written()).toEqual(before);
  });

  it('refuses a wrong date and an answer too long even in a draft, nothing written', async () => {
    const badDate = await post(
      rita,
      newPiece(),
      formValues({ ...COMPLETE, dueDate: '2026-02-30' }),
    );
    expect(badDate).toMatchObject({ ok: false, problems: { dueDate: 'requestForm.badDate' } });
    const long = 'x'.repeat(policy.clientSpace.requests.maxShortTextChars + 1);
    const tooLong = await post(rita, newPiece(), formValues({ ...COMPLETE, title: long }));
    expect(tooLong).toMatchObject({ ok: false, problems: { title: 'requestForm.tooLong' } });
    expect(await written()).toMatchObject({ requests: 0, mails: 0 });
  });

  it('another client’s project, a hidden project, another contact’s draft: not found, nothing written', async () => {
    expect(
      await post(
        rita,
        { kind: 'piece', projectId: 'clinic-visible', newId: crypto.randomUUID() },
        formValues(COMPLETE),
        true,
      ),
    ).toEqual({
      ok: false,
      error: 'project_not_found',
    });
    expect(
      await post(
        rita,
        { kind: 'piece', projectId: 'bakery-hidden', newId: crypto.randomUUID() },
        formValues(COMPLETE),
      ),
    ).toMatchObject({
      error: 'project_not_found',
    });
    const draft = await post(rita, newPiece(), formValues({ title: 'Meu' }));
    if (!draft.ok) throw new Error('draft refused');
    expect(await post(lia, { requestId: draft.requestId }, formValues(COMPLETE), true)).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(await post(joao, { requestId: draft.requestId }, formValues(COMPLETE), true)).toEqual({
      ok: false,
      error: 'not_found',
    });
    // Another client's contact posting a new form that carries the draft's id takes nothing over.
    const forged = await post(
      lia,
      { kind: 'project', newId: draft.requestId },
      formValues(COMPLETE),
      true,
    );
    expect(forged).toEqual({ ok: false, error: 'submitted' });
    const [row] = await app.db.select().from(clientRequests);
    expect(row).toMatchObject({ status: 'draft', clientId: 'bakery', title: 'Meu' });
    expect(await written()).toMatchObject({ requests: 1, mails: 0, events: 0 });
  });

  it('a double click on "send" opens one request and sends one e-mail; the other click gets a conflict', async () => {
    const target = newPiece();
    const results = await Promise.all([
      post(rita, target, formValues(COMPLETE), true),
      post(rita, target, formValues(COMPLETE), true),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: 'submitted' }]);
    expect(await written()).toMatchObject({ requests: 1, mails: 1, events: 1 });
    const draft = await post(rita, newPiece(), formValues(COMPLETE));
    if (!draft.ok) throw new Error('draft refused');
    const twice = await Promise.all([
      post(rita, { requestId: draft.requestId }, formValues(COMPLETE), true),
      post(rita, { requestId: draft.requestId }, formValues(COMPLETE), true),
    ]);
    expect(twice.filter((r) => r.ok)).toHaveLength(1);
    expect(await written()).toMatchObject({ requests: 2, mails: 2, events: 2 });
  });

  it('a sent request is no longer a draft: saving it again is refused', async () => {
    const sent = await post(rita, newPiece(), formValues(COMPLETE), true);
    if (!sent.ok) throw new Error('send refused');
    expect(
      await post(rita, { requestId: sent.requestId }, formValues({ title: 'Mudado' })),
    ).toEqual({
      ok: false,
      error: 'submitted',
    });
    const [row] = await app.db.select().from(clientRequests);
    expect(row?.title).toBe(COMPLETE.title);
  });
});
