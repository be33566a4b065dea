import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  events,
  outbox,
  taskRequests,
  timelineActionItems,
  timelineEntries,
  timelineEntryRevisions,
  timelineRecipients,
} from '../../db/schema/index.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  BAKERY,
  createEntry,
  DECISION_FOR_RITA,
  JOAO,
  NOTE,
  openTimelineApp,
  PNG,
  postEntry,
  postEntryForm,
  RITA,
  storedTimelineFiles,
  timelineCounts,
  type Who,
} from '../support/timeline-entries.ts';

describe.each(DRIVERS)('timeline entries: edits, races and action items (%s)', (driver) => {
  let app: TestApp;
  let cookies: Record<Who, string>;
  beforeAll(async () => {
    ({ app, cookies } = await openTimelineApp(driver));
  });
  afterAll(() => app.close());

  const decision = DECISION_FOR_RITA;
  const create = (body: Record<string, unknown>) => createEntry(app, cookies.cs, body);

  it('an edit keeps every earlier text as a revision, with who and when', async () => {
    const id = await create(decision);
    app.setNow(new Date('2026-03-10T15:00:00Z'));
    const edited = await postEntry(
      app,
      cookies.admin,
      { ...decision, decided: 'Triplicar a verba.', revision: 1, contactIds: [RITA, JOAO] },
      { entryId: id },
    );
    expect(edited.status).toBe(200);
    const revisions = await app.db
      .select()
      .from(timelineEntryRevisions)
      .where(eq(timelineEntryRevisions.entryId, id))
      .orderBy(asc(timelineEntryRevisions.revision));
    expect(revisions.map((r) => [r.revision, r.editedBy, JSON.parse(r.content).decided])).toEqual([
      [1, 'demo-cs', 'Dobrar a verba de Meta em abril.'],
      [2, 'demo-admin', 'Triplicar a verba.'],
    ]);
    const [entry] = await app.db.select().from(timelineEntries).where(eq(timelineEntries.id, id));
    expect(entry).toMatchObject({ revision: 2, authorId: 'demo-cs' });
    // A contact added on the edit is chosen too; nobody is e-mailed here (T2's job does it).
    const recipients = await app.db
      .select()
      .from(timelineRecipients)
      .where(eq(timelineRecipients.entryId, id));
    expect(recipients.map((r) => [r.contactId, r.notifiedAt]).sort()).toEqual([
      [JOAO, null],
      [RITA, null],
    ]);
  });

  it('two tabs: the second save of the same revision gets a 409 and writes nothing', async () => {
    const id = await create(decision);
    const first = await postEntry(
      app,
      cookies.cs,
      { ...decision, revision: 1, title: 'A' },
      { entryId: id },
    );
    expect(first.status).toBe(200);
    const before = await timelineCounts(app);
    const second = await postEntry(
      app,
      cookies.cs,
      { ...decision, revision: 1, title: 'B' },
      { entryId: id },
    );
    expect(second.status).toBe(409);
    expect((await readJson(second)).error.message).toContain('Alguém salvou este registro');
    expect(await timelineCounts(app)).toEqual(before);
    const [entry] = await app.db.select().from(timelineEntries).where(eq(timelineEntries.id, id));
    expect(entry?.title).toBe('A');
  });

  it('two saves at once of the same revision: one wins, the other 409', async () => {
    const id = await create(decision);
    const before = await timelineCounts(app);
    const answers = await Promise.all(
      ['X', 'Y'].map((title) =>
        postEntry(app, cookies.cs, { ...decision, revision: 1, title }, { entryId: id }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await timelineCounts(app);
    expect(after[1]).toBe((before[1] ?? 0) + 1);
  });

  it('a double click on a new entry saves it once; the second post is a 409', async () => {
    const newId = crypto.randomUUID();
    const before = await timelineCounts(app);
    const answers = await Promise.all([
      postEntry(app, cookies.cs, { ...NOTE, newId }),
      postEntry(app, cookies.cs, { ...NOTE, newId }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await timelineCounts(app);
    expect(after[0]).toBe((before[0] ?? 0) + 1);
  });

  it('a double click with a file: one entry, one stored file — the loser’s bytes are removed', async () => {
    const newId = crypto.randomUUID();
    const filesBefore = await storedTimelineFiles(app);
    const post = () =>
      postEntryForm(app, cookies.cs, { ...NOTE, newId }, [{ name: 'foto.png', bytes: PNG }]);
    const answers = await Promise.all([post(), post()]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await storedTimelineFiles(app)).toBe(filesBefore + 1);
    // The client's history tells who wrote it, once.
    const written = await app.db
      .select()
      .from(events)
      .where(and(eq(events.subjectId, BAKERY), eq(events.action, 'timeline_entry_created')));
    expect(written.filter((e) => (e.data as { entryId?: string })?.entryId === newId)).toHaveLength(
      1,
    );
  });

  it('an entry already e-mailed cannot become internal again; its kind cannot change', async () => {
    const id = await create(decision);
    await app.db
      .update(timelineRecipients)
      .set({ notifiedAt: app.deps.clock() })
      .where(eq(timelineRecipients.entryId, id));
    const before = await timelineCounts(app);
    const hidden = await postEntry(
      app,
      cookies.cs,
      {
        ...decision,
        visibility: 'internal',
        contactIds: [],
        asksAcknowledgement: false,
        revision: 1,
      },
      { entryId: id },
    );
    expect(hidden.status).toBe(409);
    expect((await readJson(hidden)).error.fields.visibility).toBeDefined();
    const kind = await postEntry(app, cookies.cs, { ...NOTE, revision: 1 }, { entryId: id });
    expect(kind.status).toBe(400);
    expect(await timelineCounts(app)).toEqual(before);
  });

  it('minutes with two action items: one opened as a task request, one refused by the lead time', async () => {
    const mailsBefore = (await app.db.select().from(outbox)).length;
    const response = await postEntry(app, cookies.cs, {
      kind: 'minutes',
      title: 'Reunião de março',
      visibility: 'client',
      occurredOn: '2026-03-10',
      discussed: 'Campanha de Páscoa.',
      agencyPeople: ['demo-cs', 'demo-design'],
      contactParticipants: [RITA],
      otherParticipants: 'Fornecedor\n  \nGráfica',
      // Tuesday 10 March: the policy's two days make Thursday 12 the earliest due date.
      actionWhat: ['Banner de Páscoa', 'Post de amanhã'],
      actionAssignee: ['design:demo-design', 'paid_traffic'],
      actionDue: ['2026-03-12', '2026-03-11'],
    });
    expect(response.status).toBe(200);
    const { id, refusedActionItems } = await readJson(response);
    expect(refusedActionItems).toBe(1);
    const items = await app.db
      .select()
      .from(timelineActionItems)
      .where(eq(timelineActionItems.entryId, id))
      .orderBy(asc(timelineActionItems.position));
    expect(items.map((i) => [i.what, i.refusal, i.taskRequestId !== null])).toEqual([
      ['Banner de Páscoa', null, true],
      ['Post de amanhã', 'lead_time', false],
    ]);
    const [task] = await app.db
      .select()
      .from(taskRequests)
      .where(eq(taskRequests.id, items[0]?.taskRequestId ?? ''));
    expect(task).toMatchObject({
      clientId: BAKERY,
      requesterId: 'demo-cs',
      requesterRole: 'cs',
      assigneeRole: 'design',
      assigneeId: 'demo-design',
      dueOn: '2026-03-12',
      why: 'Reunião de março',
    });
    // The designer is e-mailed as by the task form, in the same batch.
    const mails = await app.db.select().from(outbox);
    expect(mails.some((m) => m.idempotencyKey === `task-opened:${task?.id}`)).toBe(true);
    expect(mails.length).toBeGreaterThan(mailsBefore);
    const [entry] = await app.db.select().from(timelineEntries).where(eq(timelineEntries.id, id));
    expect(JSON.parse(entry?.content ?? '{}').participants).toEqual({
      agency: [
        { id: 'demo-cs', name: 'Carla Campos' },
        { id: 'demo-design', name: 'Davi Duarte' },
      ],
      contacts: [{ id: RITA, name: 'Rita Moraes' }],
      others: ['Fornecedor', 'Gráfica'],
    });
  });

  it('an edit of minutes adds its new action items after the earlier ones, each through the rules', async () => {
    const minutes = {
      kind: 'minutes',
      title: 'Reunião semanal',
      visibility: 'internal',
      occurredOn: '2026-03-10',
      discussed: 'Semana.',
    };
    const id = await create({
      ...minutes,
      actionWhat: ['Relatório'],
      actionAssignee: ['paid_traffic'],
      actionDue: ['2026-03-13'],
    });
    const edited = await postEntry(
      app,
      cookies.cs,
      {
        ...minutes,
        revision: 1,
        // The client's CS, asked by its CS: the policy lets CS ask CS.
        actionWhat: ['Ligar para a Rita'],
        actionAssignee: ['cs'],
        actionDue: ['2026-03-16'],
      },
      { entryId: id },
    );
    expect(edited.status).toBe(200);
    const items = await app.db
      .select()
      .from(timelineActionItems)
      .where(eq(timelineActionItems.entryId, id))
      .orderBy(asc(timelineActionItems.position));
    expect(items.map((i) => [i.position, i.what, i.refusal])).toEqual([
      [0, 'Relatório', null],
      [1, 'Ligar para a Rita', null],
    ]);
    const [task] = await app.db
      .select()
      .from(taskRequests)
      .where(eq(taskRequests.id, items[1]?.taskRequestId ?? ''));
    expect(task).toMatchObject({ assigneeRole: 'cs', assigneeId: 'demo-cs' });
  });

  it('an admin writes minutes, but staff ask no one: the item is kept with its refusal', async () => {
    const response = await postEntry(app, cookies.admin, {
      kind: 'minutes',
      title: 'Reunião',
      visibility: 'internal',
      occurredOn: '2026-03-10',
      discussed: 'Verba.',
      actionWhat: ['Banner'],
      actionAssignee: ['design'],
      actionDue: ['2026-03-20'],
    });
    expect(response.status).toBe(200);
    const { id } = await readJson(response);
    const [item] = await app.db
      .select()
      .from(timelineActionItems)
      .where(eq(timelineActionItems.entryId, id));
    expect(item?.refusal).toBe('no_partner_role');
  });
});
