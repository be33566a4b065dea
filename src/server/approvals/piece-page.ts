import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { pieces } from '../../../db/schema/index.ts';
import type { Messages } from '../../i18n/index.ts';
import { policy } from '../../policy/index.ts';
import { historyEntryOf } from '../audit/event-history.ts';
import type { Viewer } from '../auth/viewer.ts';
import { readRequestOfPiece, requestOriginOf } from '../client-requests/request-origin.ts';
import { mayTalkToClient, mayWorkOnPiece } from './approval-rules.ts';
import { drawnPins, withPins } from './comment-pins.ts';
import { threadsOf } from './comment-threads.ts';
import { internalReviewFor, readInternalReviews } from './internal-review-view.ts';
import { pieceDetailFor, readPieceDetail } from './piece-detail.ts';
import { listApprovers } from './pieces.ts';
import { compareVersions } from './version-comparison.ts';

type PieceDetail = NonNullable<ReturnType<typeof pieceDetailFor>>;
type HistoryEvent = PieceDetail['history'][number];
export type PieceEventKey = keyof Messages['approvals']['events'];

/**
 * Everything the agency's page of a piece shows, in one round trip: the piece, its current
 * version and round with each recipient's state, earlier decisions, comments, change
 * requests, history, and — for who talks to the client — the contacts a round may go to.
 * Comments come numbered with their pins; `pins` are those drawn on the current version.
 * Null when there is no such piece or the viewer may not work on it.
 */
export async function loadPiecePage(db: Database, viewer: Viewer, pieceId: string) {
  const clientOfPiece = sql`(select ${pieces.clientId} from ${pieces} where ${pieces.id} = ${pieceId})`;
  // The piece's own rows last, as one tuple: pieceDetailFor takes them as they come.
  const [approvers, reviews, originRequest, originFiles, ...detailRows] = await db.batch([
    listApprovers(db, clientOfPiece),
    readInternalReviews(db, pieceId),
    ...readRequestOfPiece(db, pieceId),
    ...readPieceDetail(db, pieceId),
  ]);
  const detail = pieceDetailFor(viewer, detailRows);
  if (!detail) return null;
  const { piece, versions, rounds, links, decisions, comments, changes, history } = detail;
  const current = versions[0];
  const round = current ? rounds.find((r) => r.versionId === current.id) : undefined;
  const talks = mayTalkToClient(viewer, piece);
  // Versions come newest first: the first earlier one with a round went to the client.
  const sentBefore = versions.find(
    (v) => current && v.number < current.number && rounds.some((r) => r.versionId === v.id),
  );
  const numberOf = (versionId: string) => versions.find((v) => v.id === versionId)?.number;
  const versionOfRound = new Map(rounds.map((r) => [r.id, numberOf(r.versionId) ?? 0]));
  // The contact an event is about: named in it, or known from the piece's links.
  const contactNames = new Map(links.map((l) => [l.contactId, l.contactName]));
  const numbered = withPins(
    comments.map((c) => ({ ...c, version: numberOf(c.versionId) ?? 0 })),
    current?.id,
  );
  const contactOf = (event: HistoryEvent) =>
    typeof event.data?.contactName === 'string'
      ? event.data.contactName
      : contactNames.get(String(event.data?.contactId ?? ''));
  return {
    piece,
    current,
    round,
    talks,
    // A reviewer who does not work on the piece comments only inside the agency (#17).
    commentsStayInternal: !mayWorkOnPiece(viewer, piece),
    approvers: talks ? approvers : [],
    // The version's review inside the agency before the client (#17), when its kind has one.
    internalReview: internalReviewFor(viewer, policy, piece, current?.id, reviews),
    recipients: roundRecipients(detail, round?.id),
    // Each version with where its round with the client ended (none when never sent).
    versions: versions.map((v) => ({
      ...v,
      roundStatus: rounds.find((r) => r.versionId === v.id)?.status ?? null,
    })),
    // Threads: each first comment with its replies (the piece page answers and resolves them).
    comments: threadsOf(numbered),
    // The client's threads on the version they saw before the current one (the newest earlier
    // version sent to them), as their next page shows them.
    previousThreads: threadsOf(numbered).filter(
      (thread) => thread.authorContactId !== null && thread.versionId === sentBefore?.id,
    ),
    pins: drawnPins(numbered),
    // The client's request the piece (or its project) came from: what they asked, their files.
    fromRequest: requestOriginOf([originRequest, originFiles]),
    // What the current version changed from the one before it (versions come newest first).
    comparison: current && versions[1] ? compareVersions(versions[1], current) : null,
    changes,
    earlier: decisions
      .filter((d) => d.roundId !== round?.id)
      .map((d) => ({ ...d, version: versionOfRound.get(d.roundId) ?? 0 })),
    history: history.map((event) => ({
      // Who acted, with their roles, for the history in sentences (see EventHistory).
      ...historyEntryOf(event),
      // A decision's event names its outcome; every other action is its own entry.
      key: (event.action === 'approval_decided'
        ? `approval_decided_${event.data?.decision}`
        : event.action) as PieceEventKey,
      actorName: event.actorName,
      contactName: contactOf(event),
      version: String(event.data?.version ?? ''),
    })),
  };
}

export type PiecePage = NonNullable<Awaited<ReturnType<typeof loadPiecePage>>>;

/** Each contact the round went to: their newest link, when first opened, and their decision. */
function roundRecipients(detail: PieceDetail, roundId: string | undefined) {
  const roundLinks = detail.links.filter((l) => l.roundId === roundId);
  const contactIds = [...new Set(roundLinks.map((l) => l.contactId))];
  return contactIds.map((contactId) => {
    const links = roundLinks.filter((l) => l.contactId === contactId);
    const newest = links[links.length - 1];
    return {
      contactId,
      name: newest?.contactName ?? '',
      sentAt: newest?.createdAt,
      openedAt: links.find((l) => l.firstOpenedAt)?.firstOpenedAt ?? null,
      active: links.some((l) => !l.revokedAt),
      decision: detail.decisions.find((d) => d.roundId === roundId && d.contactId === contactId),
    };
  });
}
