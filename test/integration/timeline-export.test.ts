import { micromark } from 'micromark';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTimelinePeriod } from '../../src/server/timeline/timeline-period.ts';
import { signIn } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { countRoundTrips, readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';
import { addBakeryMarch } from '../support/timeline-month.ts';

const BAKERY = 'demo-client-bakery';
const march = (period = '2026-03', client = BAKERY) =>
  `/api/clients/${client}/timeline.md?period=${encodeURIComponent(period)}`;

// Rendered by a CommonMark parser that lets raw HTML and any link through: what is left is
// what the export's escaping alone achieved.
const render = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });

/**
 * A client's month of timeline as Markdown: for who reads the client (its CS, its team), as an
 * attachment with a safe name, every typed text literal; a bad period a localized 400, someone
 * else's client a 404.
 */
describe.each(DRIVERS)('timeline Markdown export (%s)', (driver) => {
  let app: TestApp;
  let cs: string;
  let otherCs: string;
  let design: string;
  const get = (path: string, cookie: string, language = 'pt-BR') =>
    app.request(path, { headers: { Cookie: cookie, 'Accept-Language': language } });

  beforeAll(async () => {
    ({ app, cs, otherCs } = await openAppWithOtherCs(driver));
    design = await signIn(app, 'design@ponte.example');
    await addBakeryMarch(app);
  });
  afterAll(() => app.close());

  it('downloads March as an attachment: March’s entries and the report of March, oldest first', async () => {
    const response = await get(march(), cs);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="timeline-padaria-pao-quente-2026-03.md"; filename*=UTF-8''timeline-padaria-pao-quente-2026-03.md`,
    );
    const text = await response.text();
    const headings = text.split('\n').filter((line) => line.startsWith('## '));
    expect(headings).toEqual([
      '## 05/03/2026 · Ata de reunião: \\# Reunião &lt;b&gt;mensal&lt;/b&gt;',
      '## 10/03/2026 · Nota: Nota interna',
      '## 03/04/2026 · Relatório mensal: Relatório de março',
    ]);
    expect(text).toContain('- Interno (só a agência)');
    expect(text).toContain('- Arte da Páscoa — design, até 20/03/2026: pedido de tarefa aberto');
    expect(text).toContain('tráfego pago, até 06/03/2026: não aberto como pedido de tarefa');
    expect(text).toContain('- Rita Moraes: li e estou de acordo (06/03/2026');
    expect(text).not.toContain('Abril');
  });

  it('keeps every typed text literal: no HTML, link, heading or list of its own', async () => {
    const html = render(await (await get(march(), cs)).text());
    // Only the export's own structure: headings, paragraphs, lists, emphasis, line breaks.
    const tags = new Set([...html.matchAll(/<\/?([a-z0-9]+)/g)].map((match) => match[1]));
    expect([...tags].sort()).toEqual(['br', 'em', 'h1', 'h2', 'h3', 'li', 'p', 'ul']);
    expect(html).not.toMatch(/javascript:[^<]*"/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[clique](javascript:alert(1))');
    expect(html).toContain('&lt;b&gt;pauta&lt;/b&gt;.pdf');
    expect(html).toContain('Faltou o orçamento');
    // The observation's "## de abril" is text inside its paragraph, never a heading.
    expect(html).not.toMatch(/<h2>de abril/);
  });

  it('answers in the reader’s language', async () => {
    const text = await (await get(march(), cs, 'en')).text();
    expect(text).toContain('# Padaria Pão Quente: timeline for March 2026');
    expect(text).toContain('- Internal (agency only)');
  });

  it('refuses a period that is no month with a localized 400 on the period field', async () => {
    for (const period of ['', '2026-13', '2026-3', 'março', '2026-03-01', '../2026-03']) {
      const response = await get(march(period), cs);
      expect(response.status).toBe(400);
      expect((await readJson(response)).error).toMatchObject({
        code: 'invalid_period',
        fields: { period: 'Escolha um mês no formato AAAA-MM.' },
      });
    }
    const english = await readJson(await get(march('2026-00'), cs, 'en'));
    expect(english.error.fields.period).toBe('Choose a month as YYYY-MM.');
  });

  it('lets the client’s team read it; another CS and an unknown client get the same 404', async () => {
    expect((await get(march(), design)).status).toBe(200);
    expect((await get(march(), otherCs)).status).toBe(404);
    expect((await get(march('2026-03', 'no-such-client'), cs)).status).toBe(404);
  });

  it('reads the month in one round trip', async () => {
    const viewer = { id: 'demo-cs', roles: ['cs' as const] };
    const { result, roundTrips } = await countRoundTrips(app, () =>
      loadTimelinePeriod(app.db, viewer, BAKERY, '2026-03'),
    );
    expect(roundTrips).toBe(driver === 'libsql' ? 1 : null);
    expect(result?.entries.map((entry) => entry.id)).toEqual([
      'march-minutes',
      'march-note',
      'march-report',
    ]);
  });
});
