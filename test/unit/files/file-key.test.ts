import { describe, expect, it } from 'vitest';
import { createFileKey } from '../../../src/server/files/file-store.ts';

describe('createFileKey', () => {
  it('is chosen by the server: kind, month, random id — never a user file name', () => {
    const key = createFileKey('invoices', new Date('2026-05-03T12:00:00Z'));
    expect(key).toMatch(/^invoices\/2026-05\/[0-9a-f-]{36}$/);
  });

  it('never repeats', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => createFileKey('pieces', new Date())));
    expect(keys.size).toBe(1000);
  });
});
