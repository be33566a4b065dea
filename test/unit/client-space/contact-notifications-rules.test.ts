import { describe, expect, it } from 'vitest';
import {
  contactDigestMail,
  contactNewsMail,
  spacePathOf,
} from '../../../src/server/client-space/contact-notifications-mail.ts';
import {
  digestDayAt,
  howToTell,
} from '../../../src/server/client-space/contact-notifications-rules.ts';

const rules = {
  clientSpace: { digest: { at: '08:00' } },
  agency: { timeZone: 'America/Sao_Paulo' },
};
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

describe('how a contact is told', () => {
  it('tells a contact outside the space nothing, whatever they chose', () => {
    for (const mode of ['immediate', 'daily'] as const)
      expect(howToTell({ kind: 'request_declined', mode, mayUseSpace: false })).toBe('drop');
  });

  it('mails a request’s change at once, or keeps it for the digest', () => {
    expect(howToTell({ kind: 'request_declined', mode: 'immediate', mayUseSpace: true })).toBe(
      'mail',
    );
    expect(howToTell({ kind: 'request_declined', mode: 'daily', mayUseSpace: true })).toBe(
      'digest',
    );
  });

  it('lets the approval link’s own mail tell a contact told at once of a piece to approve', () => {
    const piece = { kind: 'piece_awaits_approval', mayUseSpace: true };
    expect(howToTell({ ...piece, mode: 'immediate' })).toBe('told');
    expect(howToTell({ ...piece, mode: 'daily' })).toBe('digest');
  });
});

describe('the digest’s day', () => {
  it('opens at the policy’s time in agency time, not before', () => {
    expect(digestDayAt(sp('2026-03-03T07:59:59'), rules)).toBeNull();
    expect(digestDayAt(sp('2026-03-03T08:00:00'), rules)).toBe('2026-03-03');
    expect(digestDayAt(sp('2026-03-03T23:59:59'), rules)).toBe('2026-03-03');
  });

  it('is the agency’s day, not UTC’s: 22:00 in São Paulo is the next day in UTC', () => {
    expect(digestDayAt(sp('2026-03-03T22:00:00'), rules)).toBe('2026-03-03');
    expect(digestDayAt(sp('2026-03-04T00:00:00'), rules)).toBeNull();
  });
});

describe('the space’s e-mails', () => {
  const news = {
    kind: 'request_declined',
    subjectId: 'r1',
    title: '<b>Banner</b>',
    declineReason: 'Sem verba',
  };

  it('links each piece of news to its page in the space, never to a token', () => {
    expect(spacePathOf({ kind: 'piece_awaits_approval', subjectId: 'p1' })).toBe(
      '/space/pieces/p1',
    );
    expect(spacePathOf({ kind: 'request_question', subjectId: 'r1' })).toBe('/space/requests/r1');
  });

  it('speaks the contact’s language, escapes what people typed and gives the reason of a decline', () => {
    const mail = contactNewsMail({ name: 'Ana', locale: 'en' }, news, 'https://ponte.example');
    expect(mail.subject).toBe('Your request “<b>Banner</b>” was declined');
    expect(mail.html).toContain('&lt;b&gt;Banner&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>Banner');
    expect(mail.text).toContain('Reason: Sem verba');
    expect(mail.text).toContain('https://ponte.example/space/requests/r1');
  });

  it('reads an unknown request status as "updated"', () => {
    const mail = contactNewsMail(
      { name: 'Ana', locale: 'pt-BR' },
      { ...news, kind: 'request_reopened', declineReason: null },
      'https://ponte.example',
    );
    expect(mail.subject).toBe('O seu pedido “<b>Banner</b>” mudou');
  });

  it('lists the day’s news in one digest, with the count in its subject', () => {
    const mail = contactDigestMail(
      { name: 'Игорь', locale: 'ru' },
      [
        news,
        { kind: 'piece_awaits_approval', subjectId: 'p1', title: 'Пост', declineReason: null },
      ],
      'https://ponte.example',
    );
    expect(mail.subject).toBe('Сводка дня в кабинете клиента (2)');
    expect(mail.text).toContain('• Материал «Пост» ждёт вашего согласования.');
    expect(mail.text).toContain('https://ponte.example/space');
  });
});
