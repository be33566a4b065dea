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
  const captionDiff = wholeChanges(
    diffWordsWithSpace(previous.text, current.text).map(
      (part): CaptionPart => ({
        change: part.added ? 'added' : part.removed ? 'removed' : 'kept',
        text: part.value,
      }),
    ),
  );
  return {
    previous: shown(previous),
    current: shown(current),
    overlay: !shown(previous).isPdf && !shown(current).isPdf,
    captionChanged: captionDiff.some((part) => part.change !== 'kept'),
    captionDiff,
  };
}

const isSpace = (part: CaptionPart) => part.change === 'kept' && part.text.trim() === '';

/**
 * One removal and one addition per changed run: a space kept between two changed words
 * belongs to both sides ("[-quentinho-][+de fermentação natural+]", not "[+de+] [+fermentação
 * natural+]"), so a phrase reads as it was and as it is.
 */
function wholeChanges(parts: CaptionPart[]): CaptionPart[] {
  const out: CaptionPart[] = [];
  let run: CaptionPart[] = [];
  const flush = () => {
    // A run's trailing spaces were kept after its last change: they stay kept.
    const tail: CaptionPart[] = [];
    while (run.length > 0 && isSpace(run[run.length - 1] as CaptionPart))
      tail.unshift(run.pop() as CaptionPart);
    const side = (skip: CaptionPart['change']) =>
      run
        .filter((part) => part.change !== skip)
        .map((part) => part.text)
        .join('');
    const removed = side('added');
    const added = side('removed');
    if (removed) out.push({ change: 'removed', text: removed });
    if (added) out.push({ change: 'added', text: added });
    out.push(...tail);
    run = [];
  };
  for (const part of parts) {
    if (part.change !== 'kept' || (run.length > 0 && isSpace(part))) run.push(part);
    else {
      flush();
      out.push(part);
    }
  }
  flush();
  // Kept spaces moved out of a run may meet the kept words after it: one part, as the others.
  return out.reduce<CaptionPart[]>((merged, part) => {
    const last = merged[merged.length - 1];
    if (last?.change === part.change) last.text += part.text;
    else merged.push({ ...part });
    return merged;
  }, []);
}
