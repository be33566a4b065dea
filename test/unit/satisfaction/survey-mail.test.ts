import { describe, expect, it } from 'vitest';
import { surveyMail } from '../../../src/server/satisfaction/survey-mail.ts';
import { readIssuedAt, stampIssuedAt } from '../../../src/server/satisfaction/survey-stamp.ts';

const SECRET = 'a-test-form-secret-of-at-least-32-chars';
const token = 'abcdefghijklmnopqrstuvwxyz234567';

describe('the survey e-mail', () => {
  const mail = surveyMail({
    contact: { name: 'Rita <b>', locale: 'en' },
    clientName: 'Pão Quente',
    delivery: { kind: 'piece', title: 'Launch post' },
    token,
    origin: 'https://ponte.example',
  });

  it('offers the five ratings, each opening the page with it chosen, in the contact’s language', () => {
    for (const score of [1, 2, 3, 4, 5])
      expect(mail.html).toContain(`https://ponte.example/satisfaction/${token}?score=${score}`);
    expect(mail.html).not.toContain('score=6');
    expect(mail.subject).toMatch(/how did we do/);
    expect(mail.html).toContain('Launch post');
    expect(mail.html).toContain('Rita &lt;b&gt;');
  });

  it('hides the scanners’ link from people and screen readers, and asks robots not to follow it', () => {
    const trap = /<a href="[^"]*\/void"[^>]*>/.exec(mail.html)?.[0] ?? '';
    expect(trap).toContain('rel="nofollow"');
    expect(trap).toContain('aria-hidden="true"');
    expect(trap).toContain('display:none');
    expect(trap).toContain('tabindex="-1"');
    // The plain text has no hidden parts: it never carries the trap.
    expect(mail.text).not.toContain('/void');
    expect(mail.text).toContain(`/satisfaction/${token}?score=3`);
  });
});

describe('the page’s signed time', () => {
  const issued = new Date('2026-03-02T13:00:00.000Z');

  it('reads back the time it was issued for its survey', () => {
    const stamp = stampIssuedAt('survey-1', issued, SECRET);
    expect(readIssuedAt('survey-1', stamp, SECRET)?.getTime()).toBe(issued.getTime());
  });

  it('refuses an older time written by hand, another survey’s stamp, and anything else', () => {
    const stamp = stampIssuedAt('survey-1', issued, SECRET);
    const [, mac] = stamp.split('.');
    expect(readIssuedAt('survey-1', `${issued.getTime() - 60_000}.${mac}`, SECRET)).toBeNull();
    expect(readIssuedAt('survey-2', stamp, SECRET)).toBeNull();
    expect(readIssuedAt('survey-1', stamp, `${SECRET}-other`)).toBeNull();
    for (const bad of ['', 'x', `${issued.getTime()}`, `${issued.getTime()}.!!`])
      expect(readIssuedAt('survey-1', bad, SECRET)).toBeNull();
  });
});
