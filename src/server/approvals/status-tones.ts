import type { InternalReviewStatus, PieceStatus, RoundStatus } from '../../../db/schema/index.ts';
import type { BadgeTone } from '../pages/badge-tone.ts';

/** A piece's status as a badge's colour: waiting on the client warns, changes are urgent. */
export const PIECE_STATUS_TONES: Record<PieceStatus, BadgeTone> = {
  in_production: 'info',
  // Waiting on the agency's own head of department: as urgent as waiting on the client.
  internal_review: 'warn',
  internal_changes_requested: 'danger',
  ready_to_send: 'info',
  awaiting_approval: 'warn',
  changes_requested: 'danger',
  approved: 'ok',
};

/** An approval round's status as a badge's colour; a closed-off round is neutral. */
export const ROUND_STATUS_TONES: Record<RoundStatus, BadgeTone> = {
  open: 'warn',
  approved: 'ok',
  changes_requested: 'danger',
  superseded: 'neutral',
  revoked: 'neutral',
};

/** An internal review's status as a badge's colour; a replaced one is neutral. */
export const INTERNAL_REVIEW_TONES: Record<InternalReviewStatus, BadgeTone> = {
  open: 'warn',
  approved: 'ok',
  changes_requested: 'danger',
  superseded: 'neutral',
};

/** A contact's decision as a badge's colour. */
export const DECISION_TONES = { approved: 'ok', changes_requested: 'danger' } as const;
