/** Where a version's file is served to the agency (the file route checks who asks). */
export const versionFileUrl = (pieceId: string, versionNumber: number) =>
  `/api/pieces/${pieceId}/versions/${versionNumber}/file`;

/**
 * What a board card shows of a piece: its newest image, small; an icon for a PDF (a browser
 * cannot draw one in an <img>); another for a piece with no file yet.
 */
export type PieceThumbnail =
  | { kind: 'image'; url: string; width: number | null; height: number | null }
  | { kind: 'pdf'; url: string }
  | { kind: 'none' };

export function thumbnailOf(piece: {
  id: string;
  latestVersion: number;
  fileType: string | null;
  fileWidth: number | null;
  fileHeight: number | null;
}): PieceThumbnail {
  if (piece.latestVersion === 0 || !piece.fileType) return { kind: 'none' };
  const url = versionFileUrl(piece.id, piece.latestVersion);
  if (piece.fileType === 'application/pdf') return { kind: 'pdf', url };
  return { kind: 'image', url, width: piece.fileWidth, height: piece.fileHeight };
}
