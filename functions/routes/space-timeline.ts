import type { Context } from 'hono';
import { Hono } from 'hono';
import { findSpaceTimelineFile, spaceEntryPath } from '../../src/server/timeline/space-timeline.ts';
import {
  type OpenAcknowledgement,
  openAcknowledgementInSpace,
} from '../../src/server/timeline/timeline-ack-open.ts';
import { TIMELINE_ACK_REFUSALS } from '../../src/server/timeline/timeline-ack-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { refuseWith } from '../http/respond.ts';
import { signedInContact } from '../http/space-guard.ts';
import { answerAcknowledgement } from '../http/timeline-ack-actions.ts';

/**
 * The acknowledgement the signed-in contact gives in the space: theirs, of an entry of their
 * client that asks it (the same answer as the e-mailed link); 404 for anything else — a
 * contact not asked, an internal entry, another client's — with nothing written.
 */
async function openForContact(c: Context<ApiEnv>): Promise<OpenAcknowledgement | Response> {
  const opened = await openAcknowledgementInSpace(
    c.get('deps').db,
    signedInContact(c),
    c.req.param('entryId') ?? '',
  );
  return opened ?? refuseWith(c, TIMELINE_ACK_REFUSALS, 'not_found');
}

/** The client's timeline in the space (#19): its files, and the contact's acknowledgement. */
export const spaceTimelineRoutes = new Hono<ApiEnv>()
  .get('/:entryId/files/:fileId', async (c) => {
    const { db, files } = c.get('deps');
    const file = await findSpaceTimelineFile(
      db,
      signedInContact(c),
      c.req.param('entryId'),
      c.req.param('fileId'),
    );
    const object = file ? await files.get(file.fileKey) : null;
    if (!file || !object) return refuseWith(c, TIMELINE_ACK_REFUSALS, 'not_found');
    c.header('Cache-Control', 'private, no-store');
    return c.body(object.body, 200, fileHeaders('attachment', file));
  })
  .post('/:entryId/agree', async (c) => {
    const opened = await openForContact(c);
    if (opened instanceof Response) return opened;
    return answerAcknowledgement(c, opened, 'agreed', {
      via: 'space',
      back: spaceEntryPath(opened.entry.id),
    });
  })
  .post('/:entryId/observation', async (c) => {
    const opened = await openForContact(c);
    if (opened instanceof Response) return opened;
    return answerAcknowledgement(c, opened, 'observation', {
      via: 'space',
      back: spaceEntryPath(opened.entry.id),
    });
  });
