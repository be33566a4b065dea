import type { Context } from 'hono';
import { Hono } from 'hono';
import type { z } from 'zod';
import type { MessageKey } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { findRequestFileFor } from '../../src/server/client-requests/request-pages-files.ts';
import { triageRequest } from '../../src/server/client-requests/triage.ts';
import {
  askInput,
  declineInput,
  startWorkInput,
} from '../../src/server/client-requests/triage-input.ts';
import { TRIAGE_REFUSALS } from '../../src/server/client-requests/triage-refusals.ts';
import type { TriageAction } from '../../src/server/client-requests/triage-transitions.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, signedIn } from '../http/client-info.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** The agency's page of a request, where its triage forms return. */
const requestPage = (id: string) => `/requests/${encodeURIComponent(id)}`;

/** Each triage action: the form it reads, and the notice that tells it was done. */
const ACTIONS = {
  authorize: { input: startWorkInput, notice: 'requestTriage.authorized' },
  start_at_risk: { input: startWorkInput, notice: 'requestTriage.startedAtRisk' },
  ask: { input: askInput, notice: 'requestTriage.asked' },
  decline: { input: declineInput, notice: 'requestTriage.declined' },
} as const satisfies Record<TriageAction, { input: z.ZodType; notice: MessageKey }>;

/** CS's triage of the requests clients send from the space: their CS and admins (see ACCESS_RULES). */
export const requestRoutes = new Hono<ApiEnv>()
  .post('/:id/authorize', (c) => triage(c, 'authorize'))
  .post('/:id/start-at-risk', (c) => triage(c, 'start_at_risk'))
  .post('/:id/ask', (c) => triage(c, 'ask'))
  .post('/:id/decline', (c) => triage(c, 'decline'))
  // A file the contact attached, downloaded (never shown inline: it is the client's upload).
  .get('/:id/files/:fileId', async (c) => {
    const { db, files } = c.get('deps');
    const file = await findRequestFileFor(db, signedIn(c).user, {
      requestId: c.req.param('id'),
      fileId: c.req.param('fileId'),
    });
    const object = file ? await files.get(file.fileKey) : null;
    if (!file || !object) return refuseWith(c, TRIAGE_REFUSALS, 'not_found');
    return c.body(object.body, 200, fileHeaders('attachment', file));
  });

/** Reads the action's form, triages, and answers with the page's notice or the refusal. */
async function triage(c: Context<ApiEnv>, action: TriageAction) {
  const { input, notice } = ACTIONS[action];
  const details = await readInput(c, input);
  const { db, clock } = c.get('deps');
  const requestId = c.req.param('id') ?? '';
  const back = requestPage(requestId);
  const result = await triageRequest(
    db,
    policy,
    { requestId, action, details, ...actingPerson(c) },
    clock(),
  );
  if (!result.ok) {
    const t = c.get('t');
    const status = result.status ? t(`requestTriage.statuses.${result.status}`) : '';
    return refuseWith(c, TRIAGE_REFUSALS, result.error, { back, params: { status } });
  }
  return done(c, {
    location: back,
    body: { status: result.status, resultProjectId: result.resultProjectId },
    notice,
  });
}
