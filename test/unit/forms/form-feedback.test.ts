import { describe, expect, it } from 'vitest';
import {
  decodeFeedback,
  encodeFeedback,
  FEEDBACK_COOKIE,
  feedbackCookieOptions,
  feedbackKey,
  takeFeedback,
  typedValue,
} from '../../../src/server/forms/form-feedback.ts';

const key = feedbackKey('a-form-secret-of-thirty-two-chars!');

/** A page context whose cookie jar holds `value` and records what is deleted. */
function pageWith(value: string | undefined, formSecret?: string) {
  const deleted: [string, unknown][] = [];
  const cookies = {
    get: (name: string) => (name === FEEDBACK_COOKIE && value ? { value } : undefined),
    delete: (name: string, options: unknown) => deleted.push([name, options]),
  };
  return { page: { cookies, locals: { deps: { formSecret } } }, deleted };
}

describe('form feedback cookie', () => {
  it('round-trips messages and typed values, accents and all', () => {
    const feedback = {
      error: 'Confira os campos destacados.',
      fields: { email: 'Informe um e-mail válido.' },
      values: { name: 'Olívia Otero', roles: ['cs', 'design'] },
    };
    const value = encodeFeedback(feedback, key);
    expect(value).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeFeedback(value, key)).toEqual(feedback);
    expect(typedValue(decodeFeedback(value, key), 'roles')).toBe('cs');
  });

  it('drops the typed values, not the message, when they would not fit in a cookie', () => {
    const value = encodeFeedback({ error: 'Erro', values: { note: 'x'.repeat(5000) } }, key);
    expect(value.length).toBeLessThan(4000);
    expect(decodeFeedback(value, key)).toEqual({ error: 'Erro' });
    // Long enough to overflow the stack if its bytes were spread into a call.
    const huge = encodeFeedback({ error: 'Erro', values: { note: 'x'.repeat(200_000) } }, key);
    expect(decodeFeedback(huge, key)).toEqual({ error: 'Erro' });
  });

  it('ignores a tampered or foreign value', () => {
    expect(decodeFeedback('not-base64-json', key)).toBeNull();
    expect(decodeFeedback(encodeFeedback({ notice: 'ok' }, key).slice(3), key)).toBeNull();
    expect(decodeFeedback(`${encodeFeedback({ notice: 'ok' }, key)}.x`, key)).toBeNull();
    expect(decodeFeedback(undefined, key)).toBeNull();
  });

  it('is a __Host- cookie: only this host sets it, over HTTPS, for the whole site, unread by scripts', () => {
    expect(FEEDBACK_COOKIE.startsWith('__Host-')).toBe(true);
    expect(feedbackCookieOptions).toEqual({
      path: '/',
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
    });
    expect(feedbackCookieOptions).not.toHaveProperty('domain');
  });

  it('cannot be planted: a value the server did not sign is not shown', () => {
    const base64url = (text: string) => Buffer.from(text).toString('base64url');
    // What a sibling subdomain (or anyone able to toss a cookie) could write: well-formed feedback.
    const planted = base64url(JSON.stringify({ error: 'Your account is locked: call 0800' }));
    expect(decodeFeedback(planted, key)).toBeNull();
    expect(decodeFeedback(`${planted}.`, key)).toBeNull();
    const signedElsewhere = encodeFeedback(
      { error: 'Forged' },
      feedbackKey('another-secret-of-thirty-two-chars'),
    );
    expect(decodeFeedback(signedElsewhere, key)).toBeNull();
    // A genuine signature moved onto another message does not carry over.
    const [, mac] = encodeFeedback({ notice: 'ok' }, key).split('.');
    expect(decodeFeedback(`${base64url(JSON.stringify({ error: 'x' }))}.${mac}`, key)).toBeNull();
  });

  it('signs with FORM_SECRET, refuses a short one, and without it uses one random key per instance', () => {
    expect(() => feedbackKey('x'.repeat(31))).toThrow(/FORM_SECRET/);
    expect(() => feedbackKey('')).toThrow(/FORM_SECRET/);
    expect(feedbackKey('x'.repeat(32))).toHaveLength(32);
    expect(feedbackKey(undefined)).toBe(feedbackKey(undefined));
    const value = encodeFeedback({ notice: 'ok' }, feedbackKey(undefined));
    expect(decodeFeedback(value, feedbackKey(undefined))).toEqual({ notice: 'ok' });
    expect(decodeFeedback(value, key)).toBeNull();
  });

  it('is read once: taking it deletes the cookie, with the attributes a __Host- cookie needs', () => {
    const secret = 'a-form-secret-of-thirty-two-chars!';
    const { page, deleted } = pageWith(encodeFeedback({ notice: 'Salvo.' }, key), secret);
    expect(takeFeedback(page)).toEqual({ notice: 'Salvo.' });
    expect(deleted).toEqual([[FEEDBACK_COOKIE, feedbackCookieOptions]]);
  });

  it('takes and deletes a planted cookie without showing it', () => {
    const { page, deleted } = pageWith('eyJlcnJvciI6IngifQ', 'a-form-secret-of-thirty-two-chars!');
    expect(takeFeedback(page)).toBeNull();
    expect(deleted).toHaveLength(1);
    expect(takeFeedback(pageWith(undefined).page)).toBeNull();
  });
});
