import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { composeMail, escapeHtml } from '../../../src/server/mail/compose-mail.ts';
import { accentOnWhite } from '../../../src/styles/brand-style.ts';

describe('composeMail', () => {
  const mail = composeMail({
    lang: 'pt-BR',
    subject: 'Fatura recebida',
    paragraphs: ['Olá, <b>Ana</b> & equipe', 'Segunda linha'],
    action: { label: 'Abrir', url: 'https://ponte.example/a?b=1&c="2"' },
    footer: 'Ponte',
  });

  it('escapes everything people typed in the HTML body', () => {
    expect(mail.html).toContain('Olá, &lt;b&gt;Ana&lt;/b&gt; &amp; equipe');
    expect(mail.html).toContain('href="https://ponte.example/a?b=1&amp;c=&quot;2&quot;"');
    expect(mail.html).not.toContain('<b>Ana</b>');
    expect(mail.html).toContain('<html lang="pt-BR">');
  });

  it('gives the same content as plain text, with the link spelled out', () => {
    expect(mail.text).toBe(
      'Olá, <b>Ana</b> & equipe\n\nSegunda linha\n\nAbrir: https://ponte.example/a?b=1&c="2"\n\n--\n\nPonte',
    );
  });

  it('carries the agency’s name, its logo at the site’s address and its accent colour', () => {
    expect(mail.html).toContain(`>${policy.agency.name}</p>`);
    expect(mail.html).toContain(`src="https://ponte.example${policy.agency.branding.emailLogo}"`);
    expect(mail.html).toContain(`background:${accentOnWhite(policy.agency.branding.accent)}`);
  });

  it('escapes quotes too, for attribute values', () => {
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });

  it('makes every subject one header line: a typed CR/LF cannot add a header', () => {
    const typed = composeMail({
      lang: 'en',
      subject: 'Padaria\r\nBcc: x@evil.example report for March',
      paragraphs: [],
      footer: 'Ponte',
    });
    expect(typed.subject).toBe('Padaria Bcc: x@evil.example report for March');
    expect(typed.html).toContain('<title>Padaria Bcc: x@evil.example report for March</title>');
  });
});
