// The pieces' components, rendered as the pages render them. They live with the handbook's
// component tests because this project is the one that compiles .astro (the Container API).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import CommentList from '../../../src/components/CommentList.astro';
import PieceCard from '../../../src/components/PieceCard.astro';
import PieceFile from '../../../src/components/PieceFile.astro';
import { createTranslator } from '../../../src/i18n/index.ts';
import { drawnPins, withPins } from '../../../src/server/approvals/comment-pins.ts';
import { thumbnailOf } from '../../../src/server/approvals/piece-thumbnail.ts';

const NOW = new Date('2026-03-02T12:00:00Z');
const t = createTranslator('pt-BR');
const piece = (id: string, fileType: string | null, latestVersion = 2) => ({
  id,
  title: `Peça ${id}`,
  kind: 'banner' as const,
  status: 'in_production' as const,
  dueOn: '2026-03-03',
  latestVersion,
  clientName: 'Padaria',
  projectName: 'Verão',
  thumbnail: thumbnailOf({ id, latestVersion, fileType, fileWidth: 800, fileHeight: 600 }),
});
const comment = (id: string, pin: [number, number] | null, body = `Comentário ${id}`) => ({
  id,
  versionId: 'v1',
  authorName: 'Rita',
  authorContactId: null,
  target: pin ? ('image' as const) : ('general' as const),
  pinX: pin?.[0] ?? null,
  pinY: pin?.[1] ?? null,
  body,
  createdAt: NOW,
  updatedAt: NOW,
});

describe('the pieces’ components', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (component: Parameters<AstroContainer['renderToString']>[0], props: object) =>
    container.renderToString(component, { props: props as Record<string, unknown> });

  it('draws a board card with the newest image, lazily, from the file route', async () => {
    const html = await render(PieceCard, {
      piece: piece('p1', 'image/png'),
      now: NOW,
      locale: 'pt-BR',
    });
    expect(html).toMatch(
      /<img src="\/api\/pieces\/p1\/versions\/2\/file" loading="lazy"[^>]*alt=""/,
    );
    expect(html).toContain('width="800"');
    expect(html).toContain('href="/pieces/p1"');
    expect(html).toContain('Em produção');
    // Due tomorrow: its urgency and the day.
    expect(html).toContain('03/03/2026');
  });

  it('draws a PDF as an icon with its words, and a piece with no file yet as another', async () => {
    const pdf = await render(PieceCard, {
      piece: piece('p2', 'application/pdf'),
      now: NOW,
      locale: 'pt-BR',
    });
    expect(pdf).not.toContain('<img');
    expect(pdf).toMatch(/<svg[^>]*aria-hidden="true"/);
    expect(pdf).toContain('>PDF</text>');
    expect(pdf).toContain('Arquivo PDF');
    const none = await render(PieceCard, {
      piece: piece('p3', null, 0),
      now: NOW,
      locale: 'pt-BR',
    });
    expect(none).toContain('Ainda sem arquivo');
  });

  it('draws each pin as a link to its comment, and the comment links back to the pin', async () => {
    const comments = withPins([
      comment('a', [0.25, 0.5]),
      comment('b', null),
      comment('c', [1, 0]),
    ]);
    const file = await render(PieceFile, {
      url: '/f',
      contentType: 'image/png',
      title: 'Post',
      pins: drawnPins(comments),
      t,
    });
    const pins = [...file.matchAll(/<a class="pin[ "][^>]*>/g)].map((m) => m[0]);
    expect(pins).toHaveLength(2);
    expect(pins[0]).toMatch(/id="pin-a"/);
    expect(pins[0]).toMatch(/href="#comment-a"/);
    expect(pins[0]).toMatch(/--pin-left: 25%; --pin-top: 50%/);
    expect(pins[0]).toMatch(/aria-label="Ponto 1: ver o comentário"/);
    expect(pins[1]).toMatch(/id="pin-c"[^>]*href="#comment-c"|href="#comment-c"[^>]*id="pin-c"/);

    const list = await render(CommentList, { comments, t, locale: 'pt-BR' });
    // Each comment's own item holds the link back to its pin.
    const item = (id: string) =>
      list.split('<li ').find((li) => li.startsWith(`id="comment-${id}"`));
    expect(item('a')).toMatch(/<a href="#pin-a"[^>]*>ponto 1 na imagem<\/a>/);
    expect(item('c')).toMatch(/<a href="#pin-c"[^>]*>ponto 2 na imagem<\/a>/);
    expect(list).not.toContain('href="#pin-b"');
  });

  it('numbers an older version’s pin without linking to an image the page does not draw', async () => {
    const comments = withPins([comment('a', [0.5, 0.5])], 'v2');
    expect(drawnPins(comments)).toEqual([]);
    const list = await render(CommentList, { comments, t, locale: 'pt-BR' });
    expect(list).toContain('ponto 1');
    expect(list).not.toContain('href="#pin-a"');
  });

  it('draws an internal pin apart, as "i1", without moving the client’s numbers', async () => {
    const comments = withPins([
      { ...comment('x', [0.1, 0.1]), internal: true },
      comment('y', [0.9, 0.9]),
    ]);
    const file = await render(PieceFile, {
      url: '/f',
      contentType: 'image/png',
      title: 'Post',
      pins: drawnPins(comments),
      t,
    });
    expect(file).toMatch(
      /<a class="pin internal[^"]*" id="pin-x"[^>]*aria-label="Ponto i1: ver o comentário">i1<\/a>/,
    );
    expect(file).toMatch(/id="pin-y"[^>]*>1<\/a>/);
  });
});
