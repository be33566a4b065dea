import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelineFiles } from '../../db/schema/index.ts';
import { readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  BAKERY,
  CLINIC,
  MARINA,
  NOTE,
  openTimelineApp,
  PDF,
  postEntry,
  postEntryForm,
  RITA,
  timelineCounts,
  type Who,
} from '../support/timeline-entries.ts';

describe.each(DRIVERS)('timeline entries: who writes, who reads, what is seen (%s)', (driver) => {
  let app: TestApp;
  let cookies: Record<Who, string>;
  beforeAll(async () => {
    ({ app, cookies } = await openTimelineApp(driver));
  });
  afterAll(() => app.close());

  async function refused(post: () => Response | Promise<Response>, status: number) {
    const before = await timelineCounts(app);
    const response = await post();
    expect(response.status).toBe(status);
    expect(await timelineCounts(app)).toEqual(before);
    return (await readJson(response)).error;
  }
  const minutes = {
    kind: 'minutes',
    title: 'Reunião',
    visibility: 'internal',
    occurredOn: '2026-03-10',
    discussed: 'Campanha.',
  };
  const payment = {
    kind: 'media_payment',
    title: 'Boleto',
    visibility: 'internal',
    dueOn: '2026-03-20',
    amount: '100',
  };

  it('paid traffic on the team writes media payments and notes, not minutes (403)', async () => {
    expect((await postEntry(app, cookies.paid, NOTE)).status).toBe(200);
    const ok = await postEntryForm(app, cookies.paid, payment, [{ name: 'b.pdf', bytes: PDF }]);
    expect(ok.status).toBe(200);
    const error = await refused(() => postEntry(app, cookies.paid, minutes), 403);
    expect(error.message).toContain('Sua função não escreve');
  });

  it('organic traffic and design on the team read but write nothing (403)', async () => {
    for (const who of ['organic', 'design'] as const) {
      await refused(() => postEntry(app, cookies[who], NOTE), 403);
    }
  });

  it('someone outside the team gets a 404, as if the client did not exist', async () => {
    await refused(() => postEntry(app, cookies.otherCs, NOTE), 404);
    await refused(() => postEntry(app, cookies.cs, NOTE, { clientId: 'no-such-client' }), 404);
  });

  it('another client’s entry or contact: 404 and 400, nothing written', async () => {
    const created = await postEntry(app, cookies.cs, NOTE, { clientId: CLINIC });
    const { id } = await readJson(created);
    // The clinic's entry under the bakery's address.
    await refused(() => postEntry(app, cookies.cs, { ...NOTE, revision: 1 }, { entryId: id }), 404);
    const contact = await refused(
      () =>
        postEntry(app, cookies.cs, {
          ...NOTE,
          visibility: 'client',
          contactIds: [MARINA],
        }),
      400,
    );
    expect(contact.fields.contactIds).toBeDefined();
    const participant = await refused(
      () => postEntry(app, cookies.cs, { ...minutes, contactParticipants: [MARINA] }),
      400,
    );
    expect(participant.fields.contactParticipants).toBeDefined();
    const person = await refused(
      () => postEntry(app, cookies.cs, { ...minutes, agencyPeople: ['other-cs'] }),
      400,
    );
    expect(person.fields.agencyPeople).toBeDefined();
  });

  it('visibility: an internal entry e-mails no one and asks no acknowledgement; only minutes and decisions ask', async () => {
    const mailed = await refused(
      () => postEntry(app, cookies.cs, { ...NOTE, contactIds: [RITA] }),
      400,
    );
    expect(mailed.fields.contactIds).toBeDefined();
    const internalAck = await refused(
      () => postEntry(app, cookies.cs, { ...minutes, asksAcknowledgement: true }),
      400,
    );
    expect(internalAck.fields.asksAcknowledgement).toBeDefined();
    const noteAck = await refused(
      () =>
        postEntry(app, cookies.cs, {
          ...NOTE,
          visibility: 'client',
          contactIds: [RITA],
          asksAcknowledgement: true,
        }),
      400,
    );
    expect(noteAck.fields.asksAcknowledgement).toContain('atas e decisões');
  });

  it('an attachment is downloaded by the team, never inline; 404 outside it or under another client', async () => {
    const response = await postEntryForm(app, cookies.paid, payment, [
      { name: 'boleto março.pdf', bytes: PDF },
    ]);
    const { id } = await readJson(response);
    const [file] = await app.db.select().from(timelineFiles).where(eq(timelineFiles.entryId, id));
    const path = (clientId: string) => `/api/timeline/${clientId}/entries/${id}/files/${file?.id}`;
    const get = (who: Who, clientId = BAKERY) =>
      app.request(path(clientId), { headers: { ...SAME_ORIGIN, Cookie: cookies[who] } });
    const design = await get('design');
    expect(design.status).toBe(200);
    expect(design.headers.get('Content-Disposition')).toMatch(/^attachment;/);
    expect(design.headers.get('Content-Type')).toBe('application/pdf');
    expect(new Uint8Array(await design.arrayBuffer())).toEqual(PDF);
    expect((await get('otherCs')).status).toBe(404);
    expect((await get('cs', CLINIC)).status).toBe(404);
  });

  it('a plain form: a refusal goes back to the form with its message, a save to the entry’s page', async () => {
    const back = '/clients/demo-client-bakery/timeline/new?kind=note';
    const refusedPost = await postEntryForm(
      app,
      cookies.cs,
      { kind: 'note', title: '', visibility: 'internal', text: '', returnTo: back },
      [],
      { html: true },
    );
    expect(refusedPost.status).toBe(303);
    expect(refusedPost.headers.get('Location')).toBe(back);
    expect(refusedPost.headers.get('Set-Cookie')).toContain('feedback');
    const saved = await postEntryForm(
      app,
      cookies.cs,
      { ...NOTE, newId: crypto.randomUUID(), returnTo: back },
      [],
      { html: true },
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('Location')).toMatch(
      /^\/clients\/demo-client-bakery\/timeline\/[0-9a-f-]{36}$/,
    );
  });
});
