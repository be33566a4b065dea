import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { clientFieldsOf } from '../../../src/server/timeline/space-timeline-view.ts';

const fields = (kind: Parameters<typeof clientFieldsOf>[0], content: unknown) =>
  clientFieldsOf(kind, JSON.stringify(content), 'pt-BR', policy);

describe('what the client reads of an entry', () => {
  it('shows the kind’s own fields in order, and nothing else stored beside them', () => {
    const shown = fields('minutes', {
      decisions: 'Aprovar a verba',
      discussed: 'Campanha de verão',
      participants: {
        agency: [{ id: 'demo-cs', name: 'Carla Campos' }],
        contacts: [{ id: 'demo-contact-bakery-owner', name: 'Rita Moraes' }],
        others: 'Fotógrafo, Contador',
      },
      internalNote: 'SEGREDO',
      summary: 'não é campo de ata',
    });
    expect(shown).toEqual([
      { field: 'participants', text: 'Carla Campos, Rita Moraes, Fotógrafo, Contador', href: null },
      { field: 'discussed', text: 'Campanha de verão', href: null },
      { field: 'decisions', text: 'Aprovar a verba', href: null },
    ]);
    expect(JSON.stringify(shown)).not.toMatch(/SEGREDO|demo-cs|demo-contact/);
  });

  it('links only an https report; anything else stays text', () => {
    expect(fields('monthly_report', { summary: 'Bom mês', link: 'https://r.example/1' })).toEqual([
      { field: 'summary', text: 'Bom mês', href: null },
      { field: 'link', text: 'https://r.example/1', href: 'https://r.example/1' },
    ]);
    expect(fields('monthly_report', { link: 'javascript:alert(1)' })).toEqual([
      { field: 'link', text: 'javascript:alert(1)', href: null },
    ]);
  });

  it('formats a payment’s due day and amount (minor units, in its currency) in the reader’s language', () => {
    const shown = fields('media_payment', { dueOn: '2026-03-10', amount: 123456, currency: 'BRL' });
    expect(shown.map((f) => f.field)).toEqual(['dueOn', 'amount']);
    expect(shown[0]?.text).toBe('10/03/2026');
    expect(shown[1]?.text.replace(/\s/g, ' ')).toBe('R$ 1.234,56');
  });

  it('shows nothing of content that is not an object, or empty fields', () => {
    expect(clientFieldsOf('note', 'not json', 'en', policy)).toEqual([]);
    expect(clientFieldsOf('note', '[1,2]', 'en', policy)).toEqual([]);
    expect(fields('note', { text: '   ' })).toEqual([]);
    expect(fields('decision', { decided: 42, context: null })).toEqual([]);
  });
});
