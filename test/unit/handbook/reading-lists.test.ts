import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  handbookHref,
  READING_LISTS,
  readingListForRoles,
} from '../../../src/handbook/reading-lists.ts';
import { ROLES } from '../../../src/policy/index.ts';

const exists = (path: string) => existsSync(`${path}.md`) || existsSync(`${path}.mdx`);

describe('reading lists', () => {
  it.each(ROLES)('every page %s must read exists in pt-BR and English', (role) => {
    for (const page of READING_LISTS[role]) {
      expect(exists(`src/content/docs/${page.slug}`), page.slug).toBe(true);
      expect(exists(`src/content/docs/en/${page.slug}`), `en/${page.slug}`).toBe(true);
    }
  });

  it('merges the lists of several roles without repeating a page', () => {
    const slugs = readingListForRoles(['cs', 'design']).map((p) => p.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs[0]).toBe('start/welcome');
    expect(slugs).toContain('clients/web-projects');
  });

  it('links to the page in the reader language', () => {
    expect(handbookHref('finance/invoices', 'pt-BR')).toBe('/finance/invoices/');
    expect(handbookHref('finance/invoices', 'en')).toBe('/en/finance/invoices/');
    expect(handbookHref('finance/invoices', 'ru')).toBe('/en/finance/invoices/');
  });
});
