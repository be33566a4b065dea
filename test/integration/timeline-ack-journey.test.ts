import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadSpaceTimelineEntryPage } from '../../src/server/timeline/space-timeline.ts';
import { loadTimelineEntryPage } from '../../src/server/timeline/timeline-entry-page.ts';
import { postJson } from '../support/sign-in.ts';
import { contactViewerOf, spaceCookieOf } from '../support/space-contact-session.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  ackToken,
  answerByLink,
  CS_EMAIL,
  JOAO,
  mailTo,
  RITA,
  runTimelineNotices,
} from '../support/timeline-ack.ts';
import { BAKERY, openTimelineApp, postEntry } from '../support/timeline-entries.ts';

/**
 * #19 end to end through both halves: CS writes minutes asking Rita and João (the entries'
 * API), the job e-mails them, Rita agrees by her link, João sends an observation from the
 * space, and the entry's page shows CS both answers.
 */
describe.each(DRIVERS)('minutes acknowledged by the client (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let entryId: string;

  beforeAll(async () => {
    let cookies: Record<string, string>;
    ({ app, cookies } = await openTimelineApp(driver));
    cs = cookies.cs ?? '';
    const created = await postEntry(app, cs, {
      kind: 'minutes',
      title: 'Reunião de março',
      visibility: 'client',
      occurredOn: '2026-03-09',
      discussed: 'A campanha de Páscoa',
      asksAcknowledgement: true,
      contactIds: [RITA.id, JOAO.id],
    });
    expect(created.status).toBe(200);
    entryId = (await readJson(created)).id;
  });
  afterAll(() => app.close());

  it('e-mails the chosen contacts once, Rita agrees by link, João observes in the space', async () => {
    expect(await runTimelineNotices(app)).toEqual({ notified: 2, reminded: 0 });
    const agreed = await answerByLink(app, await ackToken(app, RITA.email, entryId));
    expect(agreed.status).toBe(200);
    const joao = await spaceCookieOf(app, JOAO.id);
    const space = await loadSpaceTimelineEntryPage(
      app.db,
      await contactViewerOf(app, JOAO.id),
      entryId,
    );
    expect(space?.acknowledgement?.answer).toBeNull();
    expect(JSON.stringify(space?.entry)).toContain('A campanha de Páscoa');
    const observed = await app.request(
      `/api/space/timeline/${entryId}/observation`,
      postJson({ observation: 'Faltou a data da sessão de fotos' }, { cookie: joao }),
    );
    expect(observed.status).toBe(200);
    expect((await mailTo(app, CS_EMAIL)).some((m) => m.text.includes('Faltou a data'))).toBe(true);
  });

  it('shows CS on the entry who agreed, who observed and what', async () => {
    const page = await loadTimelineEntryPage(
      app.db,
      { id: 'demo-cs', roles: ['cs'] },
      { clientId: BAKERY, entryId },
      policy,
    );
    const byName = Object.fromEntries(
      (page?.recipients ?? []).map((r) => [r.contactName, [r.response, r.observation]]),
    );
    expect(byName).toEqual({
      [RITA.name]: ['agreed', null],
      [JOAO.name]: ['observation', 'Faltou a data da sessão de fotos'],
    });
  });
});
