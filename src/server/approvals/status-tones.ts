import type { PieceStatus, RoundStatus } from '../../../db/schema/index.ts';

type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/** A piece's status as a badge's colour: waiting on the client warns, changes are urgent. */
export const PIECE_STATUS_TONES: Record<PieceStatus, Tone> = {
  in_production: 'info',
  awaiting_approval: 'warn',
  changes_requested: 'danger',
  approved: 'ok',
};

/** An approval round's status as a badge's colour; a closed-off round is neutral. */
export const ROUND_STATUS_TONES: Record<RoundStatus, Tone> = {
  open: 'warn',
  approved: 'ok',
  changes_requested: 'danger',
  superseded: 'neutral',
  revoked: 'neutral',
};

/** A contact's decision as a badge's colour. */
export const DECISION_TONES = { approved: 'ok', changes_requested: 'danger' } as const;
