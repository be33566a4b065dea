import { describe, expect, it } from 'vitest';
import {
  MAX_RETURN_PATH,
  PARTNER_HOME,
  safeNextPath,
  signInPathFor,
} from '../../../src/server/forms/return-path.ts';

describe('safeNextPath: a deep link through sign-in lands only on a page of ours', () => {
  it('keeps a page of the partner area with its query string', () => {
    for (const path of [
      '/tasks',
      '/tasks?x=1',
      '/partner',
      '/partner/invoices?month=2026-03',
      '/clients/demo-client-bakery',
      '/review/invoices?month=2026-03&status=submitted',
      '/pieces?client=a%20b%2Fc',
      '/',
      '/en/',
      // Only the path decides: a query may mention anything.
      '/tasks?from=/sign-in',
      '/api-notes',
      '/sign-in-help',
    ])
      expect(safeNextPath(path), path).toBe(path);
  });

  it('refuses another origin, however it is written, and what is not a path', () => {
    for (const value of [
      'https://evil.example/tasks',
      '//evil.example',
      '///evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'tasks',
      '',
      undefined,
      null,
      ['/tasks', '/partner'],
    ])
      expect(safeNextPath(value), JSON.stringify(value)).toBeNull();
  });

  it('refuses backslashes and every control character', () => {
    for (let code = 0; code < 0x20; code++) {
      const char = String.fromCharCode(code);
      expect(safeNextPath(`/${char}/evil.example`), `U+${code}`).toBeNull();
      expect(safeNextPath(`/tasks?x=${char}`), `U+${code}`).toBeNull();
    }
    expect(safeNextPath('/tasks\\..\\evil')).toBeNull();
    expect(safeNextPath('/tasks\u007f')).toBeNull();
  });

  it('refuses the API and the sign-in pages, however they are spelled', () => {
    for (const path of [
      '/api',
      '/api/',
      '/api/auth/sign-out',
      '/API/auth/session',
      '/%61pi/auth/session',
      '/sign-in',
      '/sign-in/',
      '/sign-in?next=/tasks',
      '/sign-in/confirm?token=abc',
      '/Sign-In/sent',
      '/%73ign-in',
      // A lone "%" cannot be decoded: refused rather than guessed.
      '/tasks%',
    ])
      expect(safeNextPath(path), path).toBeNull();
  });

  it('accepts a path of exactly the maximum length, not one character more', () => {
    const longest = `/${'a'.repeat(MAX_RETURN_PATH - 1)}`;
    expect(safeNextPath(longest)).toBe(longest);
    expect(safeNextPath(`${longest}a`)).toBeNull();
  });
});

describe('signInPathFor: the sign-in address that keeps where a person was going', () => {
  it('carries the page and its query string, encoded', () => {
    expect(signInPathFor('/tasks?x=1')).toBe('/sign-in?next=%2Ftasks%3Fx%3D1');
    expect(signInPathFor('/clients/demo-client-bakery')).toBe(
      '/sign-in?next=%2Fclients%2Fdemo-client-bakery',
    );
  });

  it('keeps it on the "check your e-mail" page too, where another link can be asked for', () => {
    expect(signInPathFor('/tasks?x=1', '/sign-in/sent')).toBe(
      '/sign-in/sent?next=%2Ftasks%3Fx%3D1',
    );
    expect(signInPathFor(undefined, '/sign-in/sent')).toBe('/sign-in/sent');
    expect(signInPathFor('//evil.example', '/sign-in/sent')).toBe('/sign-in/sent');
  });

  it('says nothing when the person would land on the partner home anyway, or the path is unsafe', () => {
    expect(signInPathFor(PARTNER_HOME)).toBe('/sign-in');
    expect(signInPathFor('//evil.example')).toBe('/sign-in');
    expect(signInPathFor('/api/auth/session')).toBe('/sign-in');
    expect(signInPathFor(`/${'a'.repeat(MAX_RETURN_PATH)}`)).toBe('/sign-in');
  });
});
