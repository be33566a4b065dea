import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { markdownText } from '../../../src/server/onboarding/markdown-text.ts';

// Rendered by a CommonMark parser that lets raw HTML and any link through: what is left is
// what the escaping alone achieved.
const render = (markdown: string) =>
  micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[clique aqui](javascript:alert(1))',
  '![foto](javascript:alert(1))',
  '<javascript:alert(1)>',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '&lt;script&gt; e &#106;avascript:',
  '# Aprovado pela diretoria',
  '   ## Falso título',
  'Título falso\n===',
  'Outro falso\n---',
  '> citação inventada',
  '- item\n+ item\n* item\n1. item\n2) item',
  '```\ncódigo\n```',
  '~~~\ncódigo\n~~~',
  '    bloco de código indentado',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '***\n___',
  '**negrito** _itálico_ ~~riscado~~ `código`',
  'linha com barra \\ invertida\\',
];

describe('Markdown export: what a client typed stays literal text', () => {
  it.each(HOSTILE)('%j renders as one plain paragraph', (typed) => {
    const html = render(markdownText(typed));
    expect(html).not.toMatch(/<(?!\/?p>|br \/>)[a-z/]/i);
    expect(html).not.toMatch(/javascript:[^<]*"/);
    expect(html.startsWith('<p>')).toBe(true);
  });

  it('keeps the words, the line breaks and the visible characters', () => {
    const typed = 'Padaria Pão Quente!\nVendemos 1.200 pães/dia (média), 50% a mais em 2025.';
    const html = render(markdownText(typed));
    expect(html).toBe(
      '<p>Padaria Pão Quente!\nVendemos 1.200 pães/dia (média), 50% a mais em 2025.</p>',
    );
    expect(render(markdownText('<b>&</b> # [x](y)'))).toBe(
      '<p>&lt;b&gt;&amp;&lt;/b&gt; # [x](y)</p>',
    );
  });
});
