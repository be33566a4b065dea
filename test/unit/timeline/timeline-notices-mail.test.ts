import { describe, expect, it } from 'vitest';
import { headerLine } from '../../../src/server/mail/compose-mail.ts';
import {
  observationMail,
  timelineNoticeMail,
} from '../../../src/server/timeline/timeline-notices-mail.ts';

describe('the timeline e-mails', () => {
  it('keeps a typed text to one header line', () => {
    expect(headerLine('Ata\r\nBcc: x@evil.example')).toBe('Ata Bcc: x@evil.example');
    expect(headerLine('a\u2028b\u0000c\td')).toBe('a b c d');
    expect(headerLine('  Reunião  ')).toBe('Reunião');
  });

  it('asks in the contact’s language, with the personal link and who asks', () => {
    const mail = timelineNoticeMail(
      { name: 'Igor', locale: 'ru' },
      { title: 'План', client: 'Clínica', cs: 'Carla', url: 'https://p.example/timeline-ack/x' },
      'ask',
    );
    expect(mail.subject).toBe('Просим подтвердить: План');
    expect(mail.text).toContain('Carla');
    expect(mail.text).toContain('Прочитать и ответить: https://p.example/timeline-ack/x');
  });

  it('gives a notice that asks nothing its personal link to see the entry and its files', () => {
    const mail = timelineNoticeMail(
      { name: 'Rita', locale: 'pt-BR' },
      { title: 'Nota', client: 'Padaria', cs: null, url: 'https://p.example/timeline-ack/y' },
      'notice',
    );
    expect(mail.text).toContain('Ver o registro e os arquivos: https://p.example/timeline-ack/y');
    expect(mail.text).not.toContain('Ler e responder');
    expect(mail.html).toContain('href="https://p.example/timeline-ack/y"');
  });

  it('escapes the observation in the HTML to CS and keeps it whole in the text', () => {
    const mail = observationMail(
      { name: 'Carla', locale: 'en' },
      {
        title: 'Budget',
        client: 'Bakery',
        contact: 'Rita',
        observation: '<script>x</script> & more',
        url: 'https://p.example/clients/c/timeline/e',
      },
    );
    expect(mail.subject).toBe('Observation from Rita (Bakery): Budget');
    expect(mail.html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; more');
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('<script>x</script> & more');
  });
});
