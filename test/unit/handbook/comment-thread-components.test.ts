// The comment threads' components as the pages render them: the agency's threads with their
// forms, the client's without, the comments on the version before, the board's open count.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import CommentList from '../../../src/components/CommentList.astro';
import PieceCard from '../../../src/components/PieceCard.astro';
import PreviousComments from '../../../src/components/PreviousComments.astro';
import { createTranslator } from '../../../src/i18n/index.ts';
import { withPins } from '../../../src/server/approvals/comment-pins.ts';
import { threadsOf } from '../../../src/server/approvals/comment-threads.ts';
import { thumbnailOf } from '../../../src/server/approvals/piece-thumbnail.ts';

const NOW = new Date('2026-03-02T12:00:00Z');
const t = createTranslator('pt-BR');
const comment = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  versionId: 'v1',
  parentId: null as string | null,
  authorName: 'Rita',
  authorContactId: 'rita' as string | null,
  fromAgency: false,
  target: 'general' as const,
  pinX: null,
  pinY: null,
  body: `Comentário ${id}`,
  internal: false,
  resolvedAt: null as Date | null,
  createdAt: NOW,
  updatedAt: NOW,
  ...extra,
});
const agencyReply = (id: string, parentId: string, internal = false) =>
  comment(id, { parentId, authorName: 'Carla', authorContactId: null, internal });

describe('the comment threads’ components', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (component: Parameters<AstroContainer['renderToString']>[0], props: object) =>
    container.renderToString(component, { props: props as Record<string, unknown> });
  // A thread's part of the page: from its first comment to the next thread's (or the end).
  const item = (html: string, id: string, next?: string) => {
    const from = html.indexOf(`id="comment-${id}"`);
    return html.slice(from, next ? html.indexOf(`id="comment-${next}"`) : undefined);
  };

  it('draws the agency’s threads: replies under the comment, a reply form, resolve or reopen', async () => {
    const comments = threadsOf(
      withPins([
        comment('a'),
        comment('b', { resolvedAt: NOW }),
        comment('n', { authorContactId: null, internal: true }),
        agencyReply('r1', 'a'),
        agencyReply('r2', 'a', true),
      ]),
    );
    const html = await render(CommentList, {
      comments,
      t,
      locale: 'pt-BR',
      threads: { pieceId: 'p1', returnTo: '/pieces/p1', feedback: null },
    });
    expect(html).toMatch(
      /<ol class="replies[^"]*"[^>]*>[\s\S]*id="comment-r1"[\s\S]*id="comment-r2"/,
    );
    expect(item(html, 'r2', 'b')).toContain('Interno');
    expect(item(html, 'a', 'b')).toContain('action="/api/pieces/p1/comments/a/replies"');
    expect(item(html, 'a', 'b')).toContain('name="internalOnly"');
    expect(item(html, 'a', 'b')).toContain('action="/api/pieces/p1/comments/a/resolve"');
    expect(item(html, 'b', 'n')).toContain('action="/api/pieces/p1/comments/b/reopen"');
    expect(item(html, 'b', 'n')).toContain('Resolvido');
    // Under an internal note, no box: the reply is internal anyway, and the form says so.
    expect(item(html, 'n')).not.toContain('name="internalOnly"');
    expect(item(html, 'n')).toContain('a resposta também fica só na agência');
    // Each thread's field has its own id: no two alike on the page.
    expect(html).toContain('id="reply-a"');
    expect(html).toContain('id="reply-b"');
  });

  it('opens a refused reply form with its error on the field the summary leads to', async () => {
    const html = await render(CommentList, {
      comments: threadsOf(withPins([comment('a')])),
      t,
      locale: 'pt-BR',
      threads: {
        pieceId: 'p1',
        returnTo: '/pieces/p1',
        feedback: {
          error: 'Obrigatório',
          fields: { reply: 'Obrigatório' },
          values: { reply: 'rascunho' },
          formId: 'reply-a',
        },
      },
    });
    expect(html).toMatch(/<details open/);
    expect(html).toMatch(/<textarea id="field-reply"[^>]*aria-invalid="true"[^>]*>rascunho</);
    expect(html).toContain('href="#field-reply"');
  });

  it('gives a reviewer off the piece a reply form that says it stays internal, and no resolve', async () => {
    const html = await render(CommentList, {
      comments: threadsOf(withPins([comment('a'), comment('b', { resolvedAt: NOW })])),
      t,
      locale: 'pt-BR',
      threads: { pieceId: 'p1', returnTo: '/pieces/p1', feedback: null, reviewerOnly: true },
    });
    expect(html).toContain('action="/api/pieces/p1/comments/a/replies"');
    expect(html).not.toContain('name="internalOnly"');
    expect(html).toContain('sua resposta fica só na agência');
    expect(html).not.toContain('/resolve"');
    expect(html).not.toContain('/reopen"');
  });

  it('lets the client edit or delete their own comment only until the agency answers or resolves it', async () => {
    const html = await render(CommentList, {
      comments: withPins([
        comment('open'),
        comment('answered'),
        agencyReply('r1', 'answered'),
        comment('resolved', { resolvedAt: NOW }),
      ]),
      t,
      locale: 'pt-BR',
      editableBy: { contactId: 'rita', action: '/api/approval/tok/comments' },
    });
    expect(html).toContain('action="/api/approval/tok/comments/open"');
    expect(html).not.toContain('action="/api/approval/tok/comments/answered"');
    expect(html).not.toContain('action="/api/approval/tok/comments/resolved"');
  });

  it('gives the client the replies and no thread forms', async () => {
    const html = await render(CommentList, {
      comments: threadsOf(withPins([comment('a'), agencyReply('r1', 'a')])),
      t,
      locale: 'pt-BR',
    });
    expect(item(html, 'r1')).toContain('Comentário r1');
    expect(html).not.toContain('/replies');
    expect(html).not.toContain('/resolve');
  });

  it('lists the client’s comments on the version before with the answers and whether resolved', async () => {
    const threads = threadsOf(
      withPins(
        [
          comment('a', { resolvedAt: NOW }),
          comment('b', { target: 'image', pinX: 0.5, pinY: 0.5 }),
          agencyReply('r1', 'a'),
        ],
        'v2',
      ),
    );
    const html = await render(PreviousComments, {
      threads,
      versionNumber: 1,
      t,
      locale: 'pt-BR',
    });
    expect(html).toContain('Seus comentários na versão 1');
    const [first, second] = html.split('<p class="help').slice(1);
    expect(first).toContain('Resolvido');
    expect(first).toContain('Carla');
    expect(first).toContain('Comentário r1');
    expect(second).toContain('Em aberto');
    expect(second).toContain('ponto 1');
    expect(second).not.toContain('href="#pin-b"');
    expect(second).toContain('Ainda sem resposta.');
    expect(
      await render(PreviousComments, { threads: [], versionNumber: 0, t, locale: 'pt-BR' }),
    ).not.toContain('<section');
    // The agency reads the same block about "the client", its internal answers marked.
    const agency = await render(PreviousComments, {
      threads: threadsOf(withPins([comment('a'), agencyReply('r1', 'a', true)], 'v2')),
      versionNumber: 1,
      t,
      locale: 'pt-BR',
      audience: 'agency',
    });
    expect(agency).toContain('Comentários do cliente na versão 1');
    expect(agency).toContain('(Interno)');
  });

  it('shows a board card’s open client comments, and nothing when there are none', async () => {
    const card = (openComments: number) =>
      render(PieceCard, {
        piece: {
          id: 'p1',
          title: 'Post',
          kind: 'banner',
          status: 'awaiting_approval',
          dueOn: null,
          latestVersion: 2,
          clientName: 'Padaria',
          projectName: 'Verão',
          thumbnail: thumbnailOf({
            id: 'p1',
            latestVersion: 2,
            fileType: null,
            fileWidth: null,
            fileHeight: null,
          }),
          openComments,
        },
        now: NOW,
        locale: 'pt-BR',
      });
    expect(await card(3)).toContain('Comentários do cliente em aberto: 3');
    expect(await card(0)).not.toContain('em aberto');
  });
});
