import type { ChangeKind, CommentTarget } from '../../../db/schema/index.ts';
import type { Viewer } from '../auth/viewer.ts';
import { isCsInCharge } from '../clients/team-rules.ts';

/**
 * Who may see and work on a piece: admins all; CS their clients'; Design the projects given
 * to them, and every project of a client whose team they are on as Design (`designTeam`).
 */
export function mayWorkOnPiece(
  viewer: Viewer,
  piece: { clientCsId: string; designerId: string | null; designTeam: readonly string[] },
): boolean {
  if (viewer.roles.includes('admin')) return true;
  if (isCsInCharge(viewer, { csUserId: piece.clientCsId })) return true;
  if (!viewer.roles.includes('design')) return false;
  return piece.designerId === viewer.id || piece.designTeam.includes(viewer.id);
}

/** Only CS talks to the client (policy), so only the client's CS or an admin sends links. */
export function mayTalkToClient(viewer: Viewer, piece: { clientCsId: string }): boolean {
  return viewer.roles.includes('admin') || isCsInCharge(viewer, { csUserId: piece.clientCsId });
}

/** Who may create projects and pieces for a client: its CS and admins. */
export const mayPlanForClient = mayTalkToClient;

/** Kinds of file a version may be: the images a browser shows, and PDF. */
export const VERSION_FILE_KINDS = ['png', 'jpeg', 'webp', 'pdf'] as const;

/**
 * What a change request counts as under the change turnaround: when every comment the
 * client left on the round is about the text, it is a text change (the short turnaround);
 * anything touching the image or the piece as a whole is a change to the post.
 */
export function changeKindOf(targets: readonly CommentTarget[]): ChangeKind {
  return targets.length > 0 && targets.every((target) => target === 'text')
    ? 'targetingOrText'
    : 'post';
}

/** A pin is a point inside the image, as fractions of its size; both or neither. */
export function isValidPin(x: number | undefined, y: number | undefined): boolean {
  if (x === undefined && y === undefined) return true;
  if (x === undefined || y === undefined) return false;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1;
}
