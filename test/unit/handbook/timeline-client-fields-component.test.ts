// An entry's fields as the client is shown them (#15: one list for the client's reading and the
// agency's printed month): a https link linked, every typed text as text, nothing when empty.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import TimelineClientFields from '../../../src/components/TimelineClientFields.astro';
import { createTranslator } from '../../../src/i18n/index.ts';

const t = createTranslator('en');

describe('timeline client fields', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (kind: 'monthly_report' | 'note', content: Record<string, unknown>) =>
    container.renderToString(TimelineClientFields, {
      props: { entry: { kind, content: JSON.stringify(content) }, t, locale: 'en' },
    });

  it('links a https link and renders a typed text as text', async () => {
    const html = await render('monthly_report', {
      summary: '<b>Leads up</b>',
      link: 'https://reports.example/march',
    });
    expect(html).toContain('class="summary-list');
    expect(html).toContain('&lt;b&gt;Leads up&lt;/b&gt;');
    expect(html).toMatch(/<a href="https:\/\/reports\.example\/march" rel="noopener noreferrer"/);
  });

  it('shows nothing for an entry whose fields are empty', async () => {
    expect(await render('note', { text: '  ' })).not.toContain('<dl');
  });
});
