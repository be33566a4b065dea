// The contact's request form (src/components/RequestForm.astro), rendered as the space's
// pages render it: every field type, the required mark, saved files, errors on their fields.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import RequestForm from '../../../src/components/RequestForm.astro';
import { createTranslator } from '../../../src/i18n/index.ts';
import type { OpenRequest } from '../../../src/server/client-requests/request-target.ts';

const request: OpenRequest = {
  requestId: 'r1',
  newId: 'r1',
  kind: 'project',
  projectId: null,
  status: 'draft',
  savedAt: new Date(1_700_000_000_000),
  templateId: 't1',
  templateVersion: 2,
  fields: [
    { key: 'title', label: 'Nome', type: 'short_text', required: true, help: 'Curto' },
    { key: 'about', label: 'Detalhes', type: 'long_text', required: false },
    { key: 'when', label: 'Prazo', type: 'date', required: false },
    {
      key: 'channel',
      label: 'Canal',
      type: 'choice',
      required: true,
      options: ['Instagram', 'E-mail'],
    },
    { key: 'logo', label: 'Logo', type: 'file', required: false },
  ],
  answers: { title: 'Verão', channel: 'E-mail' },
  files: [{ id: 'f1', fieldKey: 'logo', fileName: 'logo.pdf', size: 2048 }],
};

describe('the request form', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (feedback: { fields?: Record<string, string> } | null = null) =>
    container.renderToString(RequestForm, {
      props: { action: '/api/space/requests/r1', request, feedback, t: createTranslator('pt-BR') },
    });

  it('is one multipart form with each field as its type asks, what was typed, and both buttons', async () => {
    const html = await render();
    expect(html).toContain('action="/api/space/requests/r1"');
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('Nome (obrigatório)');
    expect(html).toMatch(/name="title" type="text" value="Verão"/);
    expect(html).toMatch(/<textarea[^>]*name="about"/);
    expect(html).toMatch(/type="date"[^>]*name="when"|name="when"[^>]*type="date"/);
    expect(html).toMatch(/type="radio" name="channel" value="E-mail" checked/);
    expect(html).toMatch(/id="field-logo" type="file" name="logo"/);
    expect(html).toContain('logo.pdf');
    expect(html).toContain('name="action" value="send"');
    expect(html).toContain('name="action" value="save"');
  });

  it("carries the draft's version, and the autosave's polite status and its script", async () => {
    const html = await render();
    expect(html).toContain('<input type="hidden" name="savedAt" value="1700000000000">');
    expect(html).toMatch(/data-autosave-status role="status" aria-live="polite"/);
    expect(html).toContain('data-saved="Rascunho salvo às {time}."');
    // The note about saving by itself shows only once the script runs.
    expect(html).toMatch(/data-autosave-note hidden/);
    expect(html).toContain('src="/request-draft.js"');
  });

  it('marks a refused field with its message, tied to it for screen readers', async () => {
    const html = await render({
      fields: { channel: 'Escolha uma das opções.', logo: 'O arquivo x.exe…' },
    });
    expect(html).toMatch(
      /<fieldset id="field-channel" aria-describedby="field-channel-error" aria-invalid="true"/,
    );
    expect(html).toContain(
      '<p class="field-error" id="field-channel-error">Escolha uma das opções.</p>',
    );
    expect(html).toMatch(/id="field-logo" [^>]*aria-invalid="true"/);
  });
});
