import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientContacts, timelineEntries, timelineRecipients } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { loadTimelineAckPage } from '../../src/server/timeline/timeline-ack-page.ts';
import { countRoundTrips, readJson, SAME_ORIGIN, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import {
  ackToken,
  addEntry,
  addEntryFile,
  answerByLink,
  CS_EMAIL,
  FORGED,
  IGOR,
  JOAO,
  MARINA,
  mailTo,
  openTimelineApp,
  RITA,
  recipientOf,
  runTimelineNotices,
  writtenState,
} from '../support/timeline-ack.ts';

/** The personal acknowledgement link (#19): scanner-safe, one answer, the same refusal for every bad link. */
describe.each(DRIVERS)('the acknowledgement link (%s)', (driver) => {
  let app: TestApp;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    app = await openTimelineApp(driver);
    await addEntry(app, { id: 'minutes-1', title: 'Reunião de fevereiro' }, [RITA, JOAO]);
    await addEntry(app, { id: 'decision-1', kind: 'decision', title: 'Verba de março' }, [
      RITA,
      JOAO,
    ]);
    await addEntry(app, { id: 'clinic-1', clientId: 'demo-client-clinic' }, [MARINA, IGOR]);
    await addEntryFile(app, 'minutes-1', 'file-1', 'ATA-PDF');
    await addEntryFile(app, 'clinic-1', 'file-clinic', 'CLINICA-PDF');
    await runTimelineNotices(app);
    token.rita = await ackToken(app, RITA.email, 'minutes-1');
    token.joao = await ackToken(app, JOAO.email, 'minutes-1');
    token.ritaDecision = await ackToken(app, RITA.email, 'decision-1');
    token.joaoDecision = await ackToken(app, JOAO.email, 'decision-1');
    token.marina = await ackToken(app, MARINA.email, 'clinic-1');
    token.igor = await ackToken(app, IGOR.email, 'clinic-1');
  });
  afterAll(() => app.close());

  const load = (value: string, ip = '198.51.100.7') =>
    countRoundTrips(app, () =>
      loadTimelineAckPage(app.db, policy, { token: value, ip }, app.deps.clock()),
    );

  it('opens the entry, its files and the contact in one round trip', async () => {
    const { result, roundTrips } = await load(token.rita ?? '');
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    if (result.refusal) throw new Error('refused');
    expect(result.acknowledgement.entry.title).toBe('Reunião de fevereiro');
    expect(result.acknowledgement.contact.name).toBe(RITA.name);
    expect(result.acknowledgement.files.map((f) => f.id)).toEqual(['file-1']);
    expect(result.acknowledgement.answer).toBeNull();
  });

  it('changes nothing on GET or HEAD: the page, the answer paths, the file', async () => {
    const before = await writtenState(app);
    await load(token.rita ?? '');
    for (const method of ['GET', 'HEAD']) {
      for (const path of ['agree', 'observation']) {
        const response = await app.request(`/api/timeline-ack/${token.rita}/${path}`, { method });
        expect(response.status).toBe(404);
      }
      const file = await app.request(`/api/timeline-ack/${token.rita}/files/file-1`, { method });
      expect(file.status).toBe(200);
      expect(file.headers.get('Referrer-Policy')).toBe('no-referrer');
      expect(file.headers.get('Cache-Control')).toBe('no-store');
    }
    const file = await app.request(`/api/timeline-ack/${token.rita}/files/file-1`);
    expect(await file.text()).toContain('ATA-PDF');
    expect(await writtenState(app)).toEqual(before);
  });

  it('serves only the files of the link’s own entry', async () => {
    const other = await app.request(`/api/timeline-ack/${token.rita}/files/file-clinic`);
    expect(other.status).toBe(404);
  });

  it('takes "Li e estou de acordo" once: a second answer is a localized 409, nothing written', async () => {
    const agreed = await answerByLink(app, token.rita ?? '');
    expect(agreed.status).toBe(200);
    const row = await recipientOf(app, 'minutes-1', RITA.id);
    expect(row).toMatchObject({ response: 'agreed', respondedVia: 'link', observation: null });
    expect(row?.respondedAt).toEqual(app.deps.clock());
    const before = await writtenState(app);
    const again = await answerByLink(app, token.rita ?? '', { observation: 'Mudei de ideia' });
    expect(again.status).toBe(409);
    const body = await readJson(again);
    expect(body.error.code).toBe('answered');
    expect(body.error.message).toBe('Você já respondeu a este registro. Vale a primeira resposta.');
    expect(await writtenState(app)).toEqual(before);
    // The link still opens, and shows the answer.
    const { result } = await load(token.rita ?? '');
    expect(result.refusal ? null : result.acknowledgement.answer?.response).toBe('agreed');
  });

  it('lets one of two answers at once win; the other gets 409, one row and one event', async () => {
    const before = await writtenState(app);
    const responses = await Promise.all([
      answerByLink(app, token.joao ?? ''),
      answerByLink(app, token.joao ?? '', { observation: 'Faltou o item 3' }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const after = await writtenState(app);
    expect(after.events).toBe((before.events ?? 0) + 1);
    const row = await recipientOf(app, 'minutes-1', JOAO.id);
    // The observation's e-mail to CS went only if the observation won.
    const observationMails = (await mailTo(app, CS_EMAIL)).filter((m) =>
      m.idempotencyKey.startsWith('timeline-observation:minutes-1:'),
    );
    expect(observationMails).toHaveLength(row?.response === 'observation' ? 1 : 0);
  });

  it('sends an observation to CS, escaped, and refuses an empty one with nothing written', async () => {
    const before = await writtenState(app);
    const empty = await answerByLink(app, token.ritaDecision ?? '', { observation: '   ' });
    expect(empty.status).toBe(400);
    expect((await readJson(empty)).error.fields.observation).toBe('Escreva a sua observação.');
    const tooLong = 'x'.repeat(policy.timeline.acknowledgement.maxObservationChars + 1);
    expect(
      (await answerByLink(app, token.ritaDecision ?? '', { observation: tooLong })).status,
    ).toBe(400);
    expect(await writtenState(app)).toEqual(before);

    const typed = '<b>Não</b> concordo com o valor & o prazo';
    const sent = await answerByLink(app, token.ritaDecision ?? '', { observation: typed });
    expect(sent.status).toBe(200);
    expect(await recipientOf(app, 'decision-1', RITA.id)).toMatchObject({
      response: 'observation',
      observation: typed,
    });
    const [mail] = (await mailTo(app, CS_EMAIL)).filter(
      (m) => m.idempotencyKey === `timeline-observation:decision-1:${RITA.id}`,
    );
    expect(mail?.subject).toContain('Rita Moraes');
    expect(mail?.text).toContain(typed);
    expect(mail?.html).toContain('&lt;b&gt;Não&lt;/b&gt; concordo com o valor &amp; o prazo');
    expect(mail?.html).not.toContain('<b>Não</b>');
    expect(mail?.text).toContain('/clients/demo-client-bakery/timeline/decision-1');
  });

  it('answers a plain form post with a page: back to the link with a notice', async () => {
    const response = await app.request(`/api/timeline-ack/${token.joaoDecision}/agree`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        Accept: 'text/html',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/timeline-ack/${token.joaoDecision}`);
  });

  it('sends an empty observation typed in a plain form back to the link, nothing written', async () => {
    const before = await writtenState(app);
    const response = await app.request(`/api/timeline-ack/${token.joao}/observation`, {
      method: 'POST',
      headers: {
        ...SAME_ORIGIN,
        Accept: 'text/html',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ observation: ' ', returnTo: `/timeline-ack/${token.joao}` }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe(`/timeline-ack/${token.joao}`);
    expect(await writtenState(app)).toEqual(before);
  });

  it('refuses a forged, unknown or another entry’s link the same way, writing nothing', async () => {
    const before = await writtenState(app);
    for (const bad of [FORGED, 'not-a-token', `${token.marina}x`]) {
      const response = await answerByLink(app, bad);
      expect(response.status).toBe(404);
      expect((await readJson(response)).error.code).toBe('link_invalid');
      expect((await load(bad)).result.refusal).toEqual({ problem: 'invalid' });
    }
    expect((await writtenState(app)).recipients).toEqual(before.recipients);
    expect((await writtenState(app)).mail).toBe(before.mail);
  });

  it('makes the link invalid once the entry is internal, or the contact is removed', async () => {
    await app.db
      .update(timelineEntries)
      .set({ visibility: 'internal' })
      .where(eq(timelineEntries.id, 'clinic-1'));
    expect((await answerByLink(app, token.marina ?? '')).status).toBe(404);
    expect((await load(token.marina ?? '')).result.refusal).toEqual({ problem: 'invalid' });
    expect((await recipientOf(app, 'clinic-1', MARINA.id))?.respondedAt).toBeNull();
    await app.db
      .update(timelineEntries)
      .set({ visibility: 'client' })
      .where(eq(timelineEntries.id, 'clinic-1'));
    // Igor answers, then is removed: his link dies, his answer stays under the copied name.
    expect((await answerByLink(app, token.igor ?? '')).status).toBe(200);
    await app.db.delete(clientContacts).where(eq(clientContacts.id, IGOR.id));
    expect((await answerByLink(app, token.igor ?? '')).status).toBe(404);
    expect((await load(token.igor ?? '')).result.refusal).toEqual({ problem: 'invalid' });
    expect(await recipientOf(app, 'clinic-1', IGOR.id)).toBeUndefined();
    const kept = await app.db
      .select()
      .from(timelineRecipients)
      .where(
        and(
          eq(timelineRecipients.entryId, 'clinic-1'),
          eq(timelineRecipients.contactName, IGOR.name),
        ),
      );
    expect(kept).toEqual([
      expect.objectContaining({ contactId: null, response: 'agreed', answeredRevision: 1 }),
    ]);
  });

  it('asks an address that failed too often to wait (429), as every client link', async () => {
    const { max } = policy.rateLimits.clientLinkFailuresPerIp;
    for (let i = 0; i < max; i++) await load(FORGED, '198.51.100.99');
    expect((await load(FORGED, '198.51.100.99')).result.refusal).toMatchObject({
      problem: 'rate_limited',
    });
    // A valid link is never slowed.
    expect((await load(token.rita ?? '', '198.51.100.99')).result.refusal).toBeNull();
  });
});
