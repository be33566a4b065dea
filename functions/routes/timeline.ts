import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { isoDateInZone, policy } from '../../src/policy/index.ts';
import { chosenFormFiles } from '../../src/server/files/chosen-files.ts';
import {
  createTimelineEntry,
  editTimelineEntry,
  type SaveEntryResult,
} from '../../src/server/timeline/save-timeline-entry.ts';
import { timelineEntryInput } from '../../src/server/timeline/timeline-entry-input.ts';
import {
  readTimelineFile,
  TIMELINE_FILES_FIELD,
} from '../../src/server/timeline/timeline-files.ts';
import { TIMELINE_REFUSALS } from '../../src/server/timeline/timeline-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin, signedIn } from '../http/client-info.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** A client's timeline and an entry's pages, where the forms go back to. */
export const timelinePath = (clientId: string) =>
  `/clients/${encodeURIComponent(clientId)}/timeline`;
const entryPath = (clientId: string, entryId: string) =>
  `${timelinePath(clientId)}/${encodeURIComponent(entryId)}`;

/** Reads an entry form (fields and files) the same way for a new entry and an edit. */
async function readEntryPost(c: Context<ApiEnv>) {
  const { clock } = c.get('deps');
  const post = await readInput(
    c,
    timelineEntryInput(policy, isoDateInZone(clock(), policy.agency.timeZone)),
  );
  const files = await chosenFormFiles(c.get('form') ?? {}, [TIMELINE_FILES_FIELD]);
  return { ...post, files, ...actingPerson(c) };
}

/** The saved entry's page with its notice, or the refusal back on the form. */
function answer(
  c: Context<ApiEnv>,
  clientId: string,
  result: SaveEntryResult,
  back: string,
  notice: 'timeline.created' | 'timeline.edited',
) {
  if (!result.ok)
    return refuseWith(c, TIMELINE_REFUSALS, result.error, {
      back: result.error === 'not_found' ? undefined : back,
      params: result.params,
    });
  const refused = result.refusedActionItems;
  return done(c, {
    location: entryPath(clientId, result.entryId),
    body: { id: result.entryId, refusedActionItems: refused },
    notice: refused > 0 ? 'timeline.createdWithRefusals' : notice,
    params: { count: refused },
  });
}

/**
 * A post whose body (by its Content-Length, else as it arrives) passes the policy's total is
 * refused (413) before it is read: the platform would refuse it past 100 MB with no message.
 */
const entryBodyLimit = (back: (c: Context<ApiEnv>) => string) =>
  bodyLimit({
    maxSize: policy.timeline.maxRequestBytes,
    onError: (c) =>
      refuseWith(c, TIMELINE_REFUSALS, 'request_too_large', {
        back: back(c),
        params: { mb: Math.floor(policy.timeline.maxRequestBytes / (1024 * 1024)) },
      }),
  });

/** A client's timeline: entries written by its CS, paid traffic and admins (see policy.timeline). */
export const timelineRoutes = new Hono<ApiEnv>()
  .post(
    '/:clientId/entries',
    entryBodyLimit((c) => timelinePath(c.req.param('clientId') ?? '')),
  )
  .post(
    '/:clientId/entries/:entryId',
    entryBodyLimit(
      (c) => `${entryPath(c.req.param('clientId') ?? '', c.req.param('entryId') ?? '')}/edit`,
    ),
  )
  .post('/:clientId/entries', async (c) => {
    const clientId = c.req.param('clientId');
    const { newId, draft, files, actor, user } = await readEntryPost(c);
    const deps = c.get('deps');
    const result = await createTimelineEntry(
      deps,
      policy,
      {
        clientId,
        newId: newId ?? crypto.randomUUID(),
        draft,
        files,
        author: user,
        actor,
        origin: requestOrigin(c),
      },
      deps.clock(),
    );
    const back = `${timelinePath(clientId)}/new?kind=${draft.kind}`;
    return answer(c, clientId, result, back, 'timeline.created');
  })
  .post('/:clientId/entries/:entryId', async (c) => {
    const clientId = c.req.param('clientId');
    const entryId = c.req.param('entryId');
    const { revision, draft, files, actor, user } = await readEntryPost(c);
    const deps = c.get('deps');
    const back = `${entryPath(clientId, entryId)}/edit`;
    if (revision === null) return refuseWith(c, TIMELINE_REFUSALS, 'conflict', { back });
    const result = await editTimelineEntry(
      deps,
      policy,
      { clientId, entryId, revision, draft, files, author: user, actor, origin: requestOrigin(c) },
      deps.clock(),
    );
    return answer(c, clientId, result, back, 'timeline.edited');
  })
  // An attachment, downloaded (never shown inline), for whoever reads the client's timeline.
  .get('/:clientId/entries/:entryId/files/:fileId', async (c) => {
    const found = await readTimelineFile(c.get('deps'), signedIn(c).user, {
      clientId: c.req.param('clientId'),
      entryId: c.req.param('entryId'),
      fileId: c.req.param('fileId'),
    });
    if (!found) return refuseWith(c, TIMELINE_REFUSALS, 'not_found');
    return c.body(found.body, 200, fileHeaders('attachment', found.file));
  });
