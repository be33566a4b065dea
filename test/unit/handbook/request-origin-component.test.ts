// The client's request on the piece it became (#18): what the client asked, the files through
// the piece, and the request's link only for who triages it.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import RequestOrigin from '../../../src/components/RequestOrigin.astro';
import type { RequestOrigin as Origin } from '../../../src/server/client-requests/request-origin.ts';

const ORIGIN: Origin = {
  id: 'req 1',
  title: '',
  kind: 'project',
  answers: [
    {
      key: 'description',
      label: 'O que você precisa',
      type: 'long_text',
      value: 'Três posts',
      files: [],
    },
    {
      key: 'reference',
      label: 'Arquivo de referência',
      type: 'file',
      value: null,
      files: [{ id: 'f/1', fileName: 'briefing.pdf', size: 10 }],
    },
  ],
};

describe('the request a piece came from', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });

  it('shows the answers, links the files through the piece, and the request only when asked', async () => {
    const forCs = await container.renderToString(RequestOrigin, {
      props: { origin: ORIGIN, pieceId: 'p1', locale: 'pt-BR', linkRequest: true },
    });
    expect(forCs).toContain('Do pedido do cliente');
    expect(forCs).toContain('Três posts');
    expect(forCs).toContain('href="/api/pieces/p1/request-files/f%2F1"');
    // A request without a title is named by its kind.
    expect(forCs).toContain('href="/requests/req%201"');
    expect(forCs).toContain('O pedido “Novo projeto”');
    const forDesign = await container.renderToString(RequestOrigin, {
      props: { origin: ORIGIN, pieceId: 'p1', locale: 'en', linkRequest: false },
    });
    expect(forDesign).toContain('From the client’s request');
    expect(forDesign).toContain('briefing.pdf');
    expect(forDesign).not.toContain('/requests/');
  });
});
