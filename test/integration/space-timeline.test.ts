import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import {
  loadSpaceTimelineEntryPage,
  loadSpaceTimelinePage,
} from '../../src/server/timeline/space-timeline.ts';
import { postJson } from '../support/sign-in.ts';
import { contactViewerOf, spaceCookieOf } from '../support/space-contact-session.ts';
import { countRoundTrips, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  ackToken,
  addEntry,
  addEntryFile,
  answerByLink,
  CLINIC,
  JOAO,
  MARINA,
  openTimelineApp,
  RITA,
  recipientOf,
  runTimelineNotices,
  writtenState,
} from '../support/timeline-ack.ts';

const PAGE = policy.timeline.pageSize;

/** The client's timeline in the space (#19): what the client sees, and answering there. */
describe.each(DRIVERS)('the timeline in the client space (%s)', (driver) => {
  let app: TestApp;
  const cookie: Record<string, string> = {};

  const inSpace = (who: string, path: string, body: unknown = {}) =>
    app.request(`/api/space/timeline/${path}`, postJson(body, { cookie: cookie[who] }));
  const listOf = async (contactId: string, page = 1) =>
    loadSpaceTimelinePage(app.db, policy, await contactViewerOf(app, contactId), page);
  const entryOf = async (contactId: string, entryId: string) =>
    loadSpaceTimelineEntryPage(app.db, await contactViewerOf(app, contactId), entryId);

  beforeAll(async () => {
    app = await openTimelineApp(driver);
    const start = app.deps.clock().getTime();
    // More than a page of the bakery's notes, a day apart; the newest written last.
    for (let i = 0; i < PAGE + 2; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = i < 28 ? '01' : '02';
      await addEntry(app, {
        id: `note-${String(i).padStart(2, '0')}`,
        kind: 'note',
        asksAcknowledgement: false,
        occurredOn: `2026-${month}-${day}`,
        createdAt: new Date(start + i),
      });
    }
    await addEntry(app, { id: 'minutes-1', title: 'Reunião de março', occurredOn: '2026-03-01' }, [
      RITA,
    ]);
    await addEntry(app, {
      id: 'internal-1',
      visibility: 'internal',
      title: 'SEGREDO da agência',
      occurredOn: '2026-03-02',
      asksAcknowledgement: false,
    });
    await addEntry(app, { id: 'clinic-1', clientId: CLINIC, title: 'Da clínica' }, [MARINA]);
    await addEntryFile(app, 'minutes-1', 'file-minutes', 'ATA');
    await addEntryFile(app, 'internal-1', 'file-internal', 'SEGREDO');
    await addEntryFile(app, 'clinic-1', 'file-clinic', 'CLINICA');
    for (const contact of [RITA, JOAO, MARINA])
      cookie[contact.id] = await spaceCookieOf(app, contact.id);
    await runTimelineNotices(app);
  });
  afterAll(() => app.close());

  it('lists the client’s visible entries newest first, one page in one round trip', async () => {
    const viewer = await contactViewerOf(app, RITA.id);
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadSpaceTimelinePage(app.db, policy, viewer, 1),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result.entries).toHaveLength(PAGE);
    expect(result.hasNext).toBe(true);
    expect(result.entries[0]).toMatchObject({ id: 'minutes-1', awaitingYou: true });
    const days = result.entries.map((entry) => entry.occurredOn);
    expect(days).toEqual([...days].sort().reverse());
    const second = await listOf(RITA.id, 2);
    expect(second.entries.map((entry) => entry.id)).toEqual(['note-02', 'note-01', 'note-00']);
    expect(second.hasNext).toBe(false);
    expect((await listOf(RITA.id, 3)).entries).toEqual([]);
  });

  it('never shows an internal entry or another client’s, in the list or by address', async () => {
    const all = [...(await listOf(JOAO.id)).entries, ...(await listOf(JOAO.id, 2)).entries];
    expect(all.map((entry) => entry.id)).not.toContain('internal-1');
    expect(all.map((entry) => entry.id)).not.toContain('clinic-1');
    expect(JSON.stringify(all)).not.toContain('SEGREDO');
    expect(await entryOf(RITA.id, 'internal-1')).toBeNull();
    expect(await entryOf(RITA.id, 'clinic-1')).toBeNull();
    expect(await entryOf(MARINA.id, 'minutes-1')).toBeNull();
    expect((await listOf(MARINA.id)).entries.map((entry) => entry.id)).toEqual(['clinic-1']);
  });

  it('shows an entry with its files; the answer forms only to a contact who was asked', async () => {
    const rita = await entryOf(RITA.id, 'minutes-1');
    expect(rita?.files.map((file) => file.id)).toEqual(['file-minutes']);
    expect(rita?.acknowledgement).toEqual({ answer: null, cs: 'Carla Campos' });
    expect((await entryOf(JOAO.id, 'minutes-1'))?.acknowledgement).toBeNull();
  });

  it('serves a visible entry’s file to its client only; GET and HEAD change nothing', async () => {
    const before = await writtenState(app);
    const get = (who: string, entry: string, file: string, method = 'GET') =>
      app.request(`/api/space/timeline/${entry}/files/${file}`, {
        method,
        headers: { Cookie: cookie[who] ?? '' },
      });
    const own = await get(JOAO.id, 'minutes-1', 'file-minutes');
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('ATA');
    expect((await get(JOAO.id, 'minutes-1', 'file-minutes', 'HEAD')).status).toBe(200);
    expect((await get(RITA.id, 'internal-1', 'file-internal')).status).toBe(404);
    expect((await get(RITA.id, 'clinic-1', 'file-clinic')).status).toBe(404);
    expect((await get(RITA.id, 'minutes-1', 'file-clinic')).status).toBe(404);
    expect((await get(MARINA.id, 'minutes-1', 'file-minutes')).status).toBe(404);
    for (const method of ['GET', 'HEAD'])
      expect(
        (
          await app.request('/api/space/timeline/minutes-1/agree', {
            method,
            headers: { Cookie: cookie[RITA.id] ?? '' },
          })
        ).status,
      ).toBe(404);
    expect(await writtenState(app)).toEqual(before);
  });

  it('refuses a contact not asked, another client’s contact and an internal entry: 404, nothing written', async () => {
    const before = await writtenState(app);
    for (const [who, entry] of [
      [JOAO.id, 'minutes-1'],
      [MARINA.id, 'minutes-1'],
      [RITA.id, 'internal-1'],
      [RITA.id, 'clinic-1'],
    ] as const) {
      const refused = await inSpace(who, `${entry}/agree`);
      expect(refused.status).toBe(404);
      expect((await readJson(refused)).error.code).toBe('not_found');
    }
    expect(await writtenState(app)).toEqual(before);
  });

  it('takes the answer in the space once: the e-mailed link then says it was answered (409)', async () => {
    const token = await ackToken(app, RITA.email, 'minutes-1');
    const agreed = await inSpace(RITA.id, 'minutes-1/agree');
    expect(agreed.status).toBe(200);
    expect(await recipientOf(app, 'minutes-1', RITA.id)).toMatchObject({
      response: 'agreed',
      respondedVia: 'space',
    });
    const before = await writtenState(app);
    const byLink = await answerByLink(app, token, { observation: 'Outra coisa' });
    expect(byLink.status).toBe(409);
    const again = await inSpace(RITA.id, 'minutes-1/agree');
    expect(again.status).toBe(409);
    expect((await readJson(again)).error.code).toBe('answered');
    expect(await writtenState(app)).toEqual(before);
    expect((await entryOf(RITA.id, 'minutes-1'))?.acknowledgement?.answer?.response).toBe('agreed');
    expect((await listOf(RITA.id)).entries[0]?.awaitingYou).toBe(false);
  });

  it('answers one of two at once (the link and the space): 200 and 409, one answer', async () => {
    const token = await ackToken(app, MARINA.email, 'clinic-1');
    const responses = await Promise.all([
      answerByLink(app, token),
      inSpace(MARINA.id, 'clinic-1/observation', { observation: 'Prefiro outra data' }),
    ]);
    expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
    const row = await recipientOf(app, 'clinic-1', MARINA.id);
    expect(row?.respondedVia).toBe(responses[0]?.status === 200 ? 'link' : 'space');
  });
});
