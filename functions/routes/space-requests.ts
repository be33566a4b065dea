import type { Context } from 'hono';
import { Hono } from 'hono';
import { formatDateTime } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { postRequestForm } from '../../src/server/client-requests/request-form-post.ts';
import { requestFormInput } from '../../src/server/client-requests/request-input.ts';
import { postContactMessage } from '../../src/server/client-requests/request-messages.ts';
import { REQUEST_REFUSALS } from '../../src/server/client-requests/request-refusals.ts';
import type { RequestTarget } from '../../src/server/client-requests/request-target.ts';
import { contactMessageInput } from '../../src/server/client-requests/triage-input.ts';
import { TRIAGE_REFUSALS } from '../../src/server/client-requests/triage-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, requestOrigin } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuse, refuseWith } from '../http/respond.ts';
import { signedInContact } from '../http/space-guard.ts';

const MB = 1024 * 1024;

/** A request's own page (G2) and its draft's form. */
const requestPage = (id: string) => `/space/requests/${encodeURIComponent(id)}`;
const draftPage = (id: string) => `${requestPage(id)}/edit`;

/**
 * Saves or sends the request form a contact posted (new, or their draft), and answers with
 * the draft's page, the request's page, or the refusal marked on its field.
 */
async function postForm(c: Context<ApiEnv>, requestId: string | null) {
  const { action, newId, kind, projectId, savedAt, ...raw } = await readInput(c, requestFormInput);
  const viewer = signedInContact(c);
  const deps = c.get('deps');
  const t = c.get('t');
  const target: RequestTarget =
    requestId !== null
      ? { requestId, savedAt }
      : {
          kind: kind ?? 'project',
          projectId: projectId ?? null,
          newId: newId ?? crypto.randomUUID(),
        };
  const back =
    requestId !== null
      ? draftPage(requestId)
      : `/space/requests/new?${new URLSearchParams({ kind: kind ?? 'project', ...(projectId ? { projectId } : {}) })}`;
  const result = await postRequestForm(
    deps,
    viewer,
    { target, raw, send: action === 'send' },
    { origin: requestOrigin(c), ip: clientIp(c) },
    policy,
    deps.clock(),
  );
  if (result.ok && result.sent) {
    return done(c, {
      location: requestPage(result.requestId),
      body: {
        id: result.requestId,
        status: 'opened',
        triageDueAt: result.triageDueAt.toISOString(),
      },
      notice: 'requestForm.sent',
      params: { due: formatDateTime(result.triageDueAt, viewer.locale, policy.agency.timeZone) },
    });
  }
  if (result.ok) {
    return done(c, {
      location: draftPage(result.requestId),
      // savedAt: the draft's new version, which the autosave script posts with the next save.
      body: { id: result.requestId, status: 'draft', savedAt: result.savedAt.getTime() },
      notice: 'requestForm.draftSaved',
    });
  }
  if (result.error === 'draft_changed') {
    // The newer save is on the draft's own page: the contact reopens it there.
    return refuseWith(c, REQUEST_REFUSALS, result.error, {
      back: draftPage(target.requestId === undefined ? target.newId : target.requestId),
    });
  }
  if (result.error === 'invalid') {
    const fields = Object.fromEntries(
      Object.entries(result.problems).map(([key, problem]) => [key, t(problem)]),
    );
    return refuse(c, { ...REQUEST_REFUSALS.invalid, fields, back });
  }
  if ('fieldKey' in result) {
    // A refused file is named on its field: the person knows which to choose again.
    return refuseWith(c, REQUEST_REFUSALS, result.error, {
      back,
      field: result.fieldKey,
      params: { name: result.name, mb: String(policy.onboarding.maxUploadBytes / MB) },
    });
  }
  return refuseWith(c, REQUEST_REFUSALS, result.error, { back });
}

/** The contact's requests for new work: the form, its draft, and sending (see spaceAccessFor). */
export const spaceRequestRoutes = new Hono<ApiEnv>()
  .post('/', (c) => postForm(c, null))
  .post('/:id', (c) => postForm(c, c.req.param('id')))
  // The contact's message in the request's conversation (G2): an answer to CS's question.
  .post('/:id/messages', async (c) => {
    const { message } = await readInput(c, contactMessageInput);
    const deps = c.get('deps');
    const requestId = c.req.param('id');
    const result = await postContactMessage(
      deps.db,
      policy,
      { viewer: signedInContact(c), requestId, body: message, origin: requestOrigin(c) },
      deps.clock(),
    );
    if (!result.ok) {
      const status = result.status ? c.get('t')(`requestTriage.statuses.${result.status}`) : '';
      return refuseWith(c, TRIAGE_REFUSALS, result.error, {
        back: requestPage(requestId),
        params: { status },
      });
    }
    return done(c, {
      location: `${requestPage(requestId)}#conversation`,
      body: { status: result.status },
      notice: 'spaceRequests.sent',
    });
  });
