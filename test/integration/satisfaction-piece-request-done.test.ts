import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientRequests, pieces } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import {
  candidatesFrom,
  readSurveyCandidates,
} from '../../src/server/satisfaction/survey-triggers.ts';
import { asClient, openSentPiece } from '../support/approvals.ts';
import { insertOpenedRequest } from '../support/client-requests.ts';
import type { TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

/**
 * A piece request is done when ITS piece (the one the triage made for it, under the request's
 * id, in an existing project) is approved — not when the whole project is, which may hold other
 * work for months; a project request is still done with its whole project.
 */
describe.each(DRIVERS)('request_done for a piece request (%s)', (driver) => {
  let app: TestApp;
  let tokens: { rita: string; joao: string };
  let pieceId: string;
  beforeAll(async () => {
    const sent = await openSentPiece(driver);
    app = sent.app;
    pieceId = sent.pieceId;
    tokens = { rita: sent.rita, joao: sent.joao };
  });
  afterAll(() => app.close());

  it('its own piece approved: done, though the project has other work; another piece request of that project is not', async () => {
    const [piece] = await app.db.select().from(pieces).where(eq(pieces.id, pieceId));
    if (!piece) throw new Error('no piece');
    const projectId = piece.projectId;
    // The approved piece is the one made for this request (its id is the request's).
    const ownRequest = await insertOpenedRequest(app, {
      id: pieceId,
      kind: 'piece',
      projectId,
      status: 'authorized',
    });
    // Another piece request of the same project, its piece still in production.
    const otherRequest = await insertOpenedRequest(app, {
      kind: 'piece',
      projectId,
      status: 'authorized',
    });
    await app.db.insert(pieces).values({
      ...piece,
      id: otherRequest,
      title: 'Outra peça',
      status: 'in_production',
      latestVersion: 0,
    });
    // And a project request whose result is the same project: not done while a piece is open.
    const projectRequest = await insertOpenedRequest(app, { status: 'authorized' });
    for (const id of [ownRequest, otherRequest, projectRequest])
      await app.db
        .update(clientRequests)
        .set({ resultProjectId: projectId })
        .where(eq(clientRequests.id, id));
    const since = app.deps.clock();
    for (const token of [tokens.rita, tokens.joao])
      expect((await asClient(app, token, '/decision', { decision: 'approved' })).status).toBe(200);

    const done = () =>
      app.db
        .batch(readSurveyCandidates(app.db, since))
        .then((reads) => candidatesFrom(reads, policy.satisfaction.triggers))
        .then((all) => all.filter((c) => c.trigger === 'request_done').map((c) => c.subjectId));
    expect(await done()).toEqual([ownRequest]);

    // The other piece approved too (its round aside): the whole project is, so is its request.
    await app.db.update(pieces).set({ status: 'approved' }).where(eq(pieces.id, otherRequest));
    expect((await done()).sort()).toEqual([ownRequest, projectRequest].sort());
  });
});
