import type { RequestStatus } from '../../../db/schema/index.ts';
import type { BadgeTone } from '../pages/badge-tone.ts';

/** The colour of a request's status badge, the same on the agency's pages and in the space. */
export const REQUEST_STATUS_TONES: Record<RequestStatus, BadgeTone> = {
  draft: 'neutral',
  opened: 'info',
  question: 'warn',
  at_risk: 'danger',
  authorized: 'ok',
  declined: 'neutral',
};
