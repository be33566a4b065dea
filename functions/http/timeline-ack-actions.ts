import type { Context } from 'hono';
import {
  type AcknowledgementAnswer,
  acknowledgeEntry,
} from '../../src/server/timeline/timeline-ack.ts';
import { agreeInput, observationInput } from '../../src/server/timeline/timeline-ack-input.ts';
import type { OpenAcknowledgement } from '../../src/server/timeline/timeline-ack-open.ts';
import { TIMELINE_ACK_REFUSALS } from '../../src/server/timeline/timeline-ack-refusals.ts';
import type { ApiEnv } from './api-env.ts';
import { clientIp, requestOrigin } from './client-info.ts';
import { readInput } from './read-input.ts';
import { done, refuseWith } from './respond.ts';

// A contact's answer to an entry, the same whether it was opened by the e-mailed link's token
// or by the client space's session: only where the page is differs.

/** "Li e estou de acordo" (`agreed`) or "Tenho uma observação" (`observation`, with its message). */
export async function answerAcknowledgement(
  c: Context<ApiEnv>,
  opened: OpenAcknowledgement,
  response: AcknowledgementAnswer['response'],
  place: { via: 'link' | 'space'; back: string },
) {
  // Agreeing reads its (empty) form too: a body that is no form or JSON is refused alike.
  const answer: AcknowledgementAnswer =
    response === 'agreed'
      ? { response, ...(await readInput(c, agreeInput)) }
      : { response, observation: (await readInput(c, observationInput)).observation };
  const { db, clock } = c.get('deps');
  const result = await acknowledgeEntry(
    db,
    opened,
    { answer, via: place.via, origin: requestOrigin(c), ip: clientIp(c) },
    clock(),
  );
  if (!result.ok) return refuseWith(c, TIMELINE_ACK_REFUSALS, result.error, { back: place.back });
  return done(c, {
    location: place.back,
    body: { response },
    notice: response === 'agreed' ? 'timelineAck.thanksAgreed' : 'timelineAck.thanksObservation',
  });
}
