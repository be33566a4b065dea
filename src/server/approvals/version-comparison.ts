import { diffWordsWithSpace } from 'diff';

/** What a comparison needs of a version: its number, its file's kind and size, its text. */
export type ComparableVersion = {
  number: number;
  contentType: string;
  width: number | null;
  height: number | null;
  text: string;
};

/** One run of the caption: kept as it was, added in the newer version, or removed from it. */
export type CaptionPart = { change: 'kept' | 'added' | 'removed'; text: string };

export type VersionComparison = {
  previous: ComparableVersion & { isPdf: boolean };
  current: ComparableVersion & { isPdf: boolean };
  // The slider lays one image over the other: only two images can be laid over each other.
  overlay: boolean;
  captionChanged: boolean;
  captionDiff: CaptionPart[];
};

/** Only what the page shows: a version's row may carry its file's key, which stays here. */
const shown = ({ number, contentType, width, height, text }: ComparableVersion) => ({
  number,
  contentType,
  width,
  height,
  text,
  isPdf: contentType === 'application/pdf',
});

/**
 * What changed from one version to the next: the two files side by side (and whether one may
 * be laid over the other) and the caption word by word. Spaces and line breaks are parts too
 * (`diffWordsWithSpace`; `diffWords` folds them), so the kept and removed parts give back the
 * previous caption exactly, and the kept and added ones the current.
 */
export function compareVersions(
  previous: ComparableVersion,
  current: ComparableVersion,
): VersionComparison {
  const captionDiff = diffWordsWithSpace(previous.text, current.text).map(
    (part): CaptionPart => ({
      change: part.added ? 'added' : part.removed ? 'removed' : 'kept',
      text: part.value,
    }),
  );
  return {
    previous: shown(previous),
    current: shown(current),
    overlay: !shown(previous).isPdf && !shown(current).isPdf,
    captionChanged: captionDiff.some((part) => part.change !== 'kept'),
    captionDiff,
  };
}
