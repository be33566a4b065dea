import { describe, expect, inject, it } from 'vitest';
import { ptBR } from '../../src/i18n/messages/pt-BR.ts';

const baseUrl = inject('baseUrl');

/** An address's page as a visitor without a session gets it (Portuguese, the default). */
async function visit(path: string) {
  const response = await fetch(`${baseUrl}${path}`, {
    headers: { 'Accept-Language': 'pt-BR' },
    redirect: 'manual',
  });
  return { status: response.status, html: await response.text() };
}

// The handbook's 404 is Starlight's page: its generator tag tells it apart from the app's.
const HANDBOOK = 'content="Starlight';

describe('unknown addresses outside the partner area (the built Worker)', () => {
  it.each(['/sign-in/no-such-page', '/preferences/no-such-page'])(
    '%s shows the app’s own 404, not the handbook’s',
    async (path) => {
      const { status, html } = await visit(path);
      expect(status).toBe(404);
      expect(html).toContain(ptBR.errors.notFoundTitle);
      expect(html).not.toContain(HANDBOOK);
    },
  );

  it.each([
    ['/onboarding', ptBR.onboarding.linkProblemTitle],
    ['/onboarding/some-token/section/more', ptBR.onboarding.linkProblemTitle],
    ['/approval', ptBR.approvals.linkProblemTitle],
    ['/approval/some-token/more', ptBR.approvals.linkProblemTitle],
  ])(
    '%s shows the client’s “this link does not work” page, without the partner navigation',
    async (path, title) => {
      const { status, html } = await visit(path);
      expect(status).toBe(404);
      expect(html).toContain(title);
      expect(html).not.toContain(HANDBOOK);
      expect(html).not.toContain('class="site-nav"');
    },
  );
});
