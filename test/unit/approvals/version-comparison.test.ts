import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ComparableVersion,
  compareVersions,
} from '../../../src/server/approvals/version-comparison.ts';

const image = (number: number, text: string): ComparableVersion => ({
  number,
  contentType: 'image/png',
  width: 1080,
  height: 1350,
  text,
});
const pdf = (number: number, text: string): ComparableVersion => ({
  ...image(number, text),
  contentType: 'application/pdf',
  width: null,
  height: null,
});

/** The caption as the page reads it: [+added+] and [-removed-] around the changed runs. */
const marked = (previous: string, current: string) =>
  compareVersions(image(1, previous), image(2, current))
    .captionDiff.map(({ change, text }) =>
      change === 'added' ? `[+${text}+]` : change === 'removed' ? `[-${text}-]` : text,
    )
    .join('');

describe('the caption, word by word', () => {
  it('marks a changed word as one removal and one addition, and keeps the rest', () => {
    expect(marked('Promoção de verão: 20% off', 'Promoção de inverno: 20% off')).toBe(
      'Promoção de [-verão-][+inverno+]: 20% off',
    );
  });

  it('marks words added at the end and words removed at the start', () => {
    expect(marked('Compre já', 'Compre já hoje')).toBe('Compre já[+ hoje+]');
    expect(marked('Só hoje: compre já', 'compre já')).toBe('[-Só hoje: -]compre já');
  });

  it('marks a changed phrase as one removal and one addition, the spaces inside it too', () => {
    expect(marked('Pão quentinho toda manhã!', 'Pão de fermentação natural toda manhã!')).toBe(
      'Pão [-quentinho -][+de fermentação natural +]toda manhã!',
    );
    expect(marked('Só hoje, 20% off', 'Só hoje, 30% off')).toBe('Só hoje, [-20-][+30+]% off');
  });

  it('puts the parts together again as each version’s caption', () => {
    const previous = 'Nova coleção <b>outono</b> & "inverno"\nna loja';
    const current = 'Coleção <b>inverno</b> & "verão"\nna loja e online';
    const { captionDiff } = compareVersions(image(1, previous), image(2, current));
    const text = (skip: 'added' | 'removed') =>
      captionDiff
        .filter((part) => part.change !== skip)
        .map((part) => part.text)
        .join('');
    expect(text('added')).toBe(previous);
    expect(text('removed')).toBe(current);
  });

  it('gives back both captions, whatever they are, and never two changes of a kind in a row', () => {
    const caption = fc
      .array(fc.constantFrom('pão', 'café', 'R$ 9', 'hoje!', ' ', '\n', '<b>', '&amp;', 'é'), {
        maxLength: 12,
      })
      .map((words) => words.join(' '));
    fc.assert(
      fc.property(caption, caption, (previous, current) => {
        const { captionDiff } = compareVersions(image(1, previous), image(2, current));
        const side = (skip: string) =>
          captionDiff
            .filter((part) => part.change !== skip)
            .map((part) => part.text)
            .join('');
        expect(side('added')).toBe(previous);
        expect(side('removed')).toBe(current);
        captionDiff.forEach((part, i) => {
          expect(part.text).not.toBe('');
          if (i > 0) expect(captionDiff[i - 1]?.change === part.change).toBe(false);
        });
      }),
    );
  });

  it('says nothing changed when the captions are equal, empty included', () => {
    const same = compareVersions(image(1, 'Igual'), image(2, 'Igual'));
    expect(same.captionChanged).toBe(false);
    expect(same.captionDiff).toEqual([{ change: 'kept', text: 'Igual' }]);
    expect(compareVersions(image(1, ''), image(2, '')).captionChanged).toBe(false);
  });

  it('marks a whole caption added to a version that had none, and one taken away', () => {
    expect(compareVersions(image(1, ''), image(2, 'Texto novo')).captionDiff).toEqual([
      { change: 'added', text: 'Texto novo' },
    ]);
    expect(compareVersions(image(1, 'Texto velho'), image(2, '')).captionDiff).toEqual([
      { change: 'removed', text: 'Texto velho' },
    ]);
  });
});

describe('the files side by side', () => {
  it('lays two images one over the other, keeping each one’s size and number', () => {
    const comparison = compareVersions(image(1, ''), {
      ...image(2, ''),
      width: 1080,
      height: 1080,
    });
    expect(comparison.overlay).toBe(true);
    expect(comparison.previous).toMatchObject({ number: 1, isPdf: false, height: 1350 });
    expect(comparison.current).toMatchObject({ number: 2, isPdf: false, height: 1080 });
  });

  it('shows a PDF only beside the other version, never laid over it', () => {
    expect(compareVersions(pdf(1, ''), pdf(2, '')).overlay).toBe(false);
    expect(compareVersions(image(1, ''), pdf(2, '')).overlay).toBe(false);
    const mixed = compareVersions(pdf(1, ''), image(2, ''));
    expect(mixed.overlay).toBe(false);
    expect([mixed.previous.isPdf, mixed.current.isPdf]).toEqual([true, false]);
  });
});
