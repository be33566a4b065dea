// The paging under the request lists (#18): plain links that keep the list's address, rendered
// as the pages render them (the Container API compiles .astro in this project only).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import RequestListPages from '../../../src/components/RequestListPages.astro';
import { createTranslator } from '../../../src/i18n/index.ts';
import {
  type RequestListPage,
  requestListPageHref,
} from '../../../src/server/client-requests/request-list-paging.ts';

const LIST = new URL('https://ponte.example/requests?client=bakery&page=2');
// The words are the catalog's: pt-BR's "Páginas", "Página 2 de 3", "Página anterior", …
const t = createTranslator('pt-BR');

describe('request list pages', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (paging: RequestListPage) =>
    container.renderToString(RequestListPages, {
      props: {
        paging,
        hrefOf: (n: number) => requestListPageHref(LIST, n),
        t,
      },
    });

  it('keeps every other parameter of the address on each page, the first unnumbered', () => {
    expect(requestListPageHref(LIST, 3)).toBe('/requests?client=bakery&page=3');
    expect(requestListPageHref(LIST, 1)).toBe('/requests?client=bakery');
    expect(requestListPageHref(new URL('https://ponte.example/space/requests?page=4'), 1)).toBe(
      '/space/requests',
    );
  });

  it('links the previous and next pages of a middle page, and says where it is', async () => {
    const html = await render({ page: 2, pages: 3, total: 60 });
    expect(html).toContain('aria-label="Páginas"');
    expect(html).toMatch(/rel="prev" href="\/requests\?client=bakery"/);
    expect(html).toMatch(/rel="next" href="\/requests\?client=bakery&amp;page=3"/);
    expect(html).toContain('Página 2 de 3');
  });

  it('has no previous link on the first page, no next on the last, nothing for one page', async () => {
    const first = await render({ page: 1, pages: 3, total: 60 });
    expect(first).not.toContain('rel="prev"');
    expect(first).toContain('rel="next"');
    const last = await render({ page: 3, pages: 3, total: 60 });
    expect(last).toContain('rel="prev"');
    expect(last).not.toContain('rel="next"');
    expect(await render({ page: 1, pages: 1, total: 4 })).not.toContain('<nav');
  });

  it('leads from a page past the end back to the last page', async () => {
    const past = await render({ page: 40, pages: 3, total: 60 });
    expect(past).toMatch(/rel="prev" href="\/requests\?client=bakery&amp;page=3"/);
    expect(past).not.toContain('rel="next"');
    expect(past).not.toContain('Página 40');
  });
});
