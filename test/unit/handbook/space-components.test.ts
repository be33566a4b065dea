// The client space's components (#18), rendered as its pages render them (the Container API
// compiles .astro in this project only).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ApprovalExperience from '../../../src/components/ApprovalExperience.astro';
import ProjectVisibility from '../../../src/components/ProjectVisibility.astro';
import SpaceCard from '../../../src/components/SpaceCard.astro';
import { createTranslator } from '../../../src/i18n/index.ts';
import SpaceLayout from '../../../src/layouts/SpaceLayout.astro';
import { compareVersions } from '../../../src/server/approvals/version-comparison.ts';
import type { SpaceCard as Card } from '../../../src/server/client-space/space-board.ts';

const NOW = new Date('2026-03-02T12:00:00Z');
const t = createTranslator('pt-BR');
const card = (overrides: Partial<Card>): Card => ({
  id: 'p1',
  title: 'Post de lançamento',
  kind: 'social_post',
  dueOn: '2026-03-10',
  projectName: 'Verão',
  column: 'awaiting_approval',
  opens: true,
  awaitsYou: true,
  thumbnail: { kind: 'image', url: '/api/space/pieces/p1/versions/1/file', width: 60, height: 40 },
  ...overrides,
});
/** An approval as the link and the space open it, on version 2, still open to the contact. */
const view = (mayAct: boolean) => ({
  approval: {
    round: { id: 'r2', status: 'open', rule: 'all' },
    version: { id: 'v2', number: 2, contentType: 'image/png', width: 60, height: 40, text: 'Pão' },
    piece: { id: 'p1', title: 'Post de lançamento', kind: 'social_post', latestVersion: 2 },
    client: { id: 'c1', name: 'Padaria' },
    contact: { id: 'rita', name: 'Rita', locale: 'pt-BR' },
    cs: { name: 'Carla', email: 'cs@ponte.example', locale: 'pt-BR' },
    comments: [],
    previousThreads: [],
    roundDecisions: [],
    earlierDecisions: [],
    ownDecision: mayAct
      ? null
      : { decision: 'approved', decidedAt: NOW, contactName: 'Rita', message: null },
    hasDecided: !mayAct,
    mayAct,
    newerVersion: null,
    versionSentBefore: null,
  },
  pins: [],
  approvedCount: 0,
  comparison: null,
});

describe('the client space’s components', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (component: Parameters<AstroContainer['renderToString']>[0], props: object) =>
    container.renderToString(component, { props: props as Record<string, unknown> });

  it('draws a sent piece with its thumbnail from the space’s file route, linking to its page', async () => {
    const html = await render(SpaceCard, { card: card({}), t, locale: 'pt-BR' });
    expect(html).toContain('src="/api/space/pieces/p1/versions/1/file"');
    expect(html).toContain('href="/space/pieces/p1"');
    expect(html).toContain('Aguarda sua aprovação');
  });

  it('draws a piece in production dimmed: no thumbnail, no link, what happens next', async () => {
    const html = await render(SpaceCard, {
      card: card({
        column: 'in_production',
        opens: false,
        awaitsYou: false,
        thumbnail: { kind: 'none' },
      }),
      t,
      locale: 'pt-BR',
    });
    expect(html).toContain('dimmed');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href=');
    expect(html).toContain('abre quando a agência enviar');
  });

  it('gives a contact who may act the comment and decision forms, posting to the base given', async () => {
    const html = await render(ApprovalExperience, {
      view: view(true),
      base: '/api/space/pieces/p1',
      fileUrl: '/api/space/pieces/p1/versions/2/file',
      versionFileUrl: (n: number) => `/api/space/pieces/p1/versions/${n}/file`,
      feedback: null,
      t,
      locale: 'pt-BR',
    });
    expect(html).toContain('action="/api/space/pieces/p1/comments"');
    expect(html).toContain('action="/api/space/pieces/p1/decision"');
    expect(html).toContain('data-opened="/api/space/pieces/p1/viewed"');
    expect(html).toContain('/api/space/pieces/p1/versions/2/file');
  });

  it('puts what changed since the version before, and their earlier comments, before the comment form', async () => {
    const image = { contentType: 'image/png', width: 60, height: 40 };
    const html = await render(ApprovalExperience, {
      view: {
        ...view(true),
        comparison: compareVersions(
          { number: 1, text: 'Pão de verão', ...image },
          { number: 2, text: 'Pão de outono', ...image },
        ),
      },
      base: '/api/space/pieces/p1',
      fileUrl: '/api/space/pieces/p1/versions/2/file',
      versionFileUrl: (n: number) => `/api/space/pieces/p1/versions/${n}/file`,
      feedback: null,
      t,
      locale: 'pt-BR',
    });
    const whatChanged = html.indexOf('O que mudou da versão 1 para a 2');
    expect(whatChanged).toBeGreaterThan(-1);
    expect(whatChanged).toBeLessThan(html.indexOf('id="comment-form"'));
    expect(whatChanged).toBeLessThan(html.indexOf('action="/api/space/pieces/p1/decision"'));
  });

  it('marks the Board as the current section on a piece’s page, and Requests on a request’s', async () => {
    const viewer = view(true).approval.contact;
    const layoutAt = (path: string) =>
      container.renderToString(SpaceLayout, {
        request: new Request(`https://ponte.example${path}`),
        props: {
          title: 'Peça',
          viewer: { ...viewer, contactId: viewer.id, clientId: 'c1', clientName: 'Padaria' },
        },
      });
    const current = (html: string) =>
      [...html.matchAll(/<a href="([^"]+)" aria-current="page"/g)].map((match) => match[1]);
    expect(current(await layoutAt('/space/pieces/p1'))).toEqual(['/space']);
    expect(current(await layoutAt('/space'))).toEqual(['/space']);
    expect(current(await layoutAt('/space/requests/r1'))).toEqual(['/space/requests']);
  });

  it('shows a contact who decided their decision, and no form', async () => {
    const html = await render(ApprovalExperience, {
      view: view(false),
      base: '/api/approval/tok',
      fileUrl: '/api/approval/tok/file',
      versionFileUrl: (n: number) => `/api/approval/tok/versions/${n}/file`,
      feedback: null,
      t,
      locale: 'pt-BR',
    });
    expect(html).not.toContain('<form');
    expect(html).toContain('src="/api/approval/tok/file"');
  });

  it('offers CS the switch that turns each project to the other state', async () => {
    const html = await render(ProjectVisibility, {
      projects: [
        { id: 'a', name: 'Verão', clientName: 'Padaria', visibleToClient: false },
        { id: 'b', name: 'Natal', clientName: 'Padaria', visibleToClient: true },
      ],
      t,
    });
    expect(html).toContain('action="/api/pieces/projects/a/visibility"');
    expect(html).toMatch(/name="visible" value="true"[\s\S]*Mostrar ao cliente/);
    expect(html).toMatch(/name="visible" value="false"[\s\S]*Ocultar do cliente/);
  });
});
