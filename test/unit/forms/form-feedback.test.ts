import { describe, expect, it } from 'vitest';
import {
  decodeFeedback,
  encodeFeedback,
  FEEDBACK_COOKIE,
  takeFeedback,
  typedValue,
} from '../../../src/server/forms/form-feedback.ts';

describe('form feedback cookie', () => {
  it('round-trips messages and typed values, accents and all', () => {
    const feedback = {
      error: 'Confira os campos destacados.',
      fields: { email: 'Informe um e-mail válido.' },
      values: { name: 'Olívia Otero', roles: ['cs', 'design'] },
    };
    const value = encodeFeedback(feedback);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFeedback(value)).toEqual(feedback);
    expect(typedValue(decodeFeedback(value), 'roles')).toBe('cs');
  });

  it('drops the typed values, not the message, when they would not fit in a cookie', () => {
    const value = encodeFeedback({ error: 'Erro', values: { note: 'x'.repeat(5000) } });
    expect(value.length).toBeLessThan(4000);
    expect(decodeFeedback(value)).toEqual({ error: 'Erro' });
  });

  it('ignores a tampered or foreign value', () => {
    expect(decodeFeedback('not-base64-json')).toBeNull();
    expect(decodeFeedback(encodeFeedback({ notice: 'ok' }).slice(3))).toBeNull();
    expect(decodeFeedback(undefined)).toBeNull();
  });

  it('is read once: taking it deletes the cookie', () => {
    const deleted: string[] = [];
    const jar = {
      get: (name: string) =>
        name === FEEDBACK_COOKIE ? { value: encodeFeedback({ notice: 'Salvo.' }) } : undefined,
      delete: (name: string) => deleted.push(name),
    };
    expect(takeFeedback(jar)).toEqual({ notice: 'Salvo.' });
    expect(deleted).toEqual([FEEDBACK_COOKIE]);
  });
});
