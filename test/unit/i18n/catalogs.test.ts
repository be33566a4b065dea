import { describe, expect, it } from 'vitest';
import { CATALOGS, LOCALES } from '../../../src/i18n/index.ts';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') entries.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) entries.set(k, v);
  }
  return entries;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  const reference = flatten(CATALOGS['pt-BR'] as unknown as Tree);

  it.each(LOCALES)(
    '%s has exactly the keys of pt-BR, none empty, with the same placeholders',
    (locale) => {
      const catalog = flatten(CATALOGS[locale] as unknown as Tree);
      expect([...catalog.keys()].sort()).toEqual([...reference.keys()].sort());
      for (const [key, text] of catalog) {
        expect(text.trim(), key).not.toBe('');
        expect(placeholders(text), key).toEqual(placeholders(reference.get(key) ?? ''));
      }
    },
  );
});
