// A client request's answers and conversation (#18), as the agency's page and the space draw
// them (the Container API compiles .astro in this project only).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import RequestAnswers from '../../../src/components/RequestAnswers.astro';
import RequestConversation from '../../../src/components/RequestConversation.astro';
import type { AnswerRow } from '../../../src/server/client-requests/request-pages-answers.ts';

const ANSWERS: AnswerRow[] = [
  { key: 'title', label: 'Nome do projeto', type: 'short_text', value: 'Inverno <b>', files: [] },
  { key: 'dueDate', label: 'Para quando', type: 'date', value: null, files: [] },
  {
    key: 'reference',
    label: 'Arquivo de referência',
    type: 'file',
    value: null,
    files: [{ id: 'f1', fileName: 'briefing.pdf', size: 10 }],
  },
];

describe('request components', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });

  it('answers under their labels, the unanswered said so, files linked only when served', async () => {
    const agency = await container.renderToString(RequestAnswers, {
      props: {
        answers: ANSWERS,
        locale: 'pt-BR',
        fileUrl: (id: string) => `/api/requests/r1/files/${id}`,
      },
    });
    expect(agency).toContain('Nome do projeto');
    expect(agency).toContain('Inverno &lt;b&gt;');
    expect(agency).toContain('Sem resposta');
    expect(agency).toContain('href="/api/requests/r1/files/f1"');
    const space = await container.renderToString(RequestAnswers, {
      props: { answers: ANSWERS, locale: 'en' },
    });
    expect(space).toContain('briefing.pdf');
    expect(space).not.toContain('href=');
    expect(space).toContain('Not answered');
  });

  it('the conversation in order with its authors, or that there is none, and the reply slot', async () => {
    const messages = [
      {
        id: 'm1',
        authorName: 'Carla Campos',
        body: 'Qual o prazo?',
        createdAt: new Date('2026-03-10T13:00:00Z'),
      },
      {
        id: 'm2',
        authorName: 'Rita Moraes',
        body: 'Sexta',
        createdAt: new Date('2026-03-10T14:00:00Z'),
      },
    ];
    const html = await container.renderToString(RequestConversation, {
      props: { messages, locale: 'pt-BR' },
      slots: { default: '<form id="reply"></form>' },
    });
    expect(html.indexOf('Carla Campos')).toBeLessThan(html.indexOf('Rita Moraes'));
    expect(html).toContain('id="reply"');
    const empty = await container.renderToString(RequestConversation, {
      props: { messages: [], locale: 'en' },
    });
    expect(empty).toContain('No messages yet.');
  });
});
