/**
 * A comment's pin: its number on its version's image, where it sits (percent of the image's
 * width and height) and the two anchors that link pin and comment both ways. Numbers count
 * per version, in comment order, so "ponto 2" means the same on the image and in the list.
 * The agency's internal pins count apart ("i1", "i2"): the client never sees them, and the
 * numbers both sides see stay the same.
 */
export type CommentPin = {
  number: number;
  internal: boolean;
  /** What the pin and its comment show: "2", or "i1" for an internal one. */
  label: string;
  left: number;
  top: number;
  /** The pin's own id on the image; a comment links back to it. */
  pinId: string;
  /** The comment's id in the list; the pin links to it. */
  commentId: string;
  /** Whether the page draws this version's image: only then does the comment link back. */
  drawn: boolean;
};

type Pinnable = {
  id: string;
  pinX: number | null;
  pinY: number | null;
  versionId?: string;
  internal?: boolean;
};

/** The anchor of a comment in the list (`#comment-<id>`), shared by pins and notices. */
export const commentAnchor = (commentId: string) => `comment-${commentId}`;

/** The anchor of a comment's pin on the image (`#pin-<id>`). */
export const pinAnchor = (commentId: string) => `pin-${commentId}`;

/**
 * Each comment with its pin, or null for a comment not on a point of the image. The page
 * draws `drawnVersionId`'s image (a client's link shows one version: leave it out).
 */
export function withPins<C extends Pinnable>(
  comments: C[],
  drawnVersionId?: string,
): (C & { pin: CommentPin | null })[] {
  const countByVersion = new Map<string, number>();
  return comments.map((comment) => {
    if (comment.pinX === null || comment.pinY === null) return { ...comment, pin: null };
    const internal = comment.internal === true;
    const series = `${comment.versionId ?? ''}${internal ? ' internal' : ''}`;
    const number = (countByVersion.get(series) ?? 0) + 1;
    countByVersion.set(series, number);
    return {
      ...comment,
      pin: {
        number,
        internal,
        label: internal ? `i${number}` : String(number),
        left: asPercent(comment.pinX),
        top: asPercent(comment.pinY),
        pinId: pinAnchor(comment.id),
        commentId: commentAnchor(comment.id),
        drawn: drawnVersionId === undefined || comment.versionId === drawnVersionId,
      },
    };
  });
}

/** The pins a page draws over its image, in number order. */
export function drawnPins(comments: { pin: CommentPin | null }[]): CommentPin[] {
  return comments.flatMap((c) => (c.pin?.drawn ? [c.pin] : []));
}

// A stored fraction (0–1) as a percent with two decimals: enough for any screen, short in HTML.
const asPercent = (fraction: number) =>
  Math.round(Math.min(1, Math.max(0, fraction)) * 10_000) / 100;
