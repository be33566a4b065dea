import type { MessageKey } from '../../i18n/index.ts';

/** A request's events by what they record, each told as a sentence of its own ({who}). */
const SENTENCES: Record<string, MessageKey> = {
  'client_request.opened': 'requestTriage.events.opened',
  client_request_authorize: 'requestTriage.events.authorize',
  client_request_start_at_risk: 'requestTriage.events.start_at_risk',
  client_request_ask: 'requestTriage.events.ask',
  client_request_decline: 'requestTriage.events.decline',
  client_request_contact_message: 'requestTriage.events.contact_message',
  client_request_reminded: 'requestTriage.events.reminded',
  client_request_escalated: 'requestTriage.events.escalated',
};

/** The sentence of a request's event in its history; an event it does not know reads as "changed". */
export function historyKeyOf(action: string): MessageKey {
  return SENTENCES[action] ?? 'requestTriage.events.other';
}
