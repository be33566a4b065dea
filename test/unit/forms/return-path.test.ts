import { describe, expect, it } from 'vitest';
import { MAX_RETURN_PATH, safeReturnPath } from '../../../src/server/forms/return-path.ts';

describe('safeReturnPath: a form returns only to a path of ours, of safe characters', () => {
  it('accepts the paths our pages send', () => {
    for (const path of [
      '/',
      '/en/',
      '/sign-in',
      '/sign-in/confirm?token=abcdefghijklmnopqrstuvwxyz234567',
      '/pieces?client=demo-client-bakery',
      '/pieces?client=a%20b%2Fc',
      '/clients/demo-client-bakery/contacts/demo-contact-bakery-owner',
      '/admin/people/01J~x.y_z',
    ])
      expect(safeReturnPath(path), path).toBe(path);
  });

  it('accepts a path of exactly the maximum length, not one character more', () => {
    const longest = `/${'a'.repeat(MAX_RETURN_PATH - 1)}`;
    expect(safeReturnPath(longest)).toBe(longest);
    expect(safeReturnPath(`${longest}a`)).toBeNull();
  });

  it('refuses another origin, however it is written', () => {
    for (const path of [
      '//evil.example',
      '//evil.example/',
      '///evil.example',
      '/\\evil.example',
      '\\/evil.example',
      'https://evil.example/',
      'http:/evil.example',
      'javascript:alert(1)',
      'evil.example',
      '/ok//evil.example',
      '',
    ])
      expect(safeReturnPath(path), JSON.stringify(path)).toBeNull();
  });

  it('refuses tabs, CR, LF and every other control character (a browser drops some of them)', () => {
    // "/%09/evil.example" as a form decodes it: a browser would go to //evil.example.
    expect(safeReturnPath('/\t/evil.example')).toBeNull();
    for (let code = 0; code < 0x20; code++) {
      const char = String.fromCharCode(code);
      expect(safeReturnPath(`/${char}/evil.example`), `U+${code}`).toBeNull();
      expect(safeReturnPath(`/sign-in${char}`), `U+${code}`).toBeNull();
      expect(safeReturnPath(`/sign-in?x=${char}`), `U+${code}`).toBeNull();
    }
    for (const path of ['/a\u007f', '/a\r\nSet-Cookie: x=y', '/a\u0085', '/a\u2028', '/a b'])
      expect(safeReturnPath(path), JSON.stringify(path)).toBeNull();
  });

  it('refuses backslashes, fragments, non-ASCII and dot segments', () => {
    for (const path of [
      '/a\\b',
      '/a#b',
      '/olá',
      '/a/../b',
      '/./a',
      '/a/..',
      '/%2e%2e/a',
      '/.%2E/a',
    ])
      expect(safeReturnPath(path), path).toBeNull();
  });

  it('refuses what is not a string (a repeated field, a number, nothing)', () => {
    for (const value of [undefined, null, 42, ['/a', '/b'], { path: '/' }])
      expect(safeReturnPath(value)).toBeNull();
  });
});
