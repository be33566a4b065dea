import type { Context } from 'hono';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { createTranslator, type Locale } from '../../src/i18n/index.ts';
import {
  linkExpired,
  type OpenAcknowledgement,
  openAcknowledgementByToken,
  readAcknowledgementFile,
} from '../../src/server/timeline/timeline-ack-open.ts';
import { TIMELINE_ACK_REFUSALS } from '../../src/server/timeline/timeline-ack-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { refuseLink, refuseWith } from '../http/respond.ts';
import { answerAcknowledgement } from '../http/timeline-ack-actions.ts';

/** Answers in the link's contact's language from here on. */
function speakTo(c: Context<ApiEnv>, locale: Locale) {
  c.set('locale', locale);
  c.set('t', createTranslator(locale));
}

/** The contact's page of a link, where every form returns. */
const ackPage = (token: string) => `/timeline-ack/${token}`;

/** Token in the path: the address must not travel on in a Referer, or sit in a cache. */
const tokenHeaders = createMiddleware<ApiEnv>(async (c, next) => {
  await next();
  c.header('Referrer-Policy', 'no-referrer');
  c.header('Cache-Control', 'no-store');
});

/**
 * Opens the acknowledgement of the token in the path and answers in its contact's language;
 * any link that does not open (not a token, unknown, another entry's, a removed contact) gets
 * the same 404, an expired one a 410, counted against the address like every client link.
 */
async function openByPath(c: Context<ApiEnv>): Promise<OpenAcknowledgement | Response> {
  const opened = await openAcknowledgementByToken(c.get('deps').db, c.req.param('token') ?? '');
  if (!opened) return refuseLink(c, 'invalid', 'timelineAck');
  speakTo(c, opened.contact.locale);
  // An expired link says so (410) in its contact's language, and opens nothing.
  if (linkExpired(opened, c.get('deps').clock())) return refuseLink(c, 'expired', 'timelineAck');
  return opened;
}

/**
 * A client contact's acknowledgement of minutes or a decision, by their personal link (no
 * account; see ACCESS_RULES). Only POSTs answer: a GET or HEAD of the page changes nothing.
 */
export const timelineAckRoutes = new Hono<ApiEnv>()
  .use('/:token/*', tokenHeaders)
  .get('/:token/files/:fileId', async (c) => {
    const deps = c.get('deps');
    const link = { token: c.req.param('token'), fileId: c.req.param('fileId') };
    const read = await readAcknowledgementFile(deps, link, deps.clock());
    if (read.refusal === 'invalid') return refuseLink(c, 'invalid', 'timelineAck');
    speakTo(c, read.locale);
    if (read.refusal === 'expired') return refuseLink(c, 'expired', 'timelineAck');
    if (!read.found) return refuseWith(c, TIMELINE_ACK_REFUSALS, 'not_found');
    return c.body(read.found.body, 200, fileHeaders('attachment', read.found.file));
  })
  .post('/:token/agree', async (c) => {
    const opened = await openByPath(c);
    if (opened instanceof Response) return opened;
    const back = ackPage(c.req.param('token'));
    return answerAcknowledgement(c, opened, 'agreed', { via: 'link', back });
  })
  .post('/:token/observation', async (c) => {
    const opened = await openByPath(c);
    if (opened instanceof Response) return opened;
    const back = ackPage(c.req.param('token'));
    return answerAcknowledgement(c, opened, 'observation', { via: 'link', back });
  });
