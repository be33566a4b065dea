import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFileKey, type FileStore } from '../../src/server/files/file-store.ts';
import { openTestFileStore } from '../support/test-databases.ts';

describe('file store on a real R2 bucket (Miniflare)', () => {
  let files: FileStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ files, close } = await openTestFileStore());
  });
  afterAll(() => close());

  it('puts, heads, gets and deletes a file under a server-generated key', async () => {
    const key = createFileKey('invoices', new Date('2026-05-03T12:00:00Z'));
    const bytes = new TextEncoder().encode('%PDF-1.7 demo');
    const stored = await files.put(key, bytes, 'application/pdf');
    expect(stored).toEqual({
      key,
      size: bytes.byteLength,
      contentType: 'application/pdf',
      // sha256 of "%PDF-1.7 demo", computed independently
      sha256: await sha256Hex(bytes),
    });

    const head = await files.head(key);
    expect(head?.size).toBe(bytes.byteLength);
    expect(head?.httpMetadata?.contentType).toBe('application/pdf');

    const object = await files.get(key);
    expect(new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0))).toEqual(bytes);

    await files.delete(key);
    expect(await files.head(key)).toBeNull();
    expect(await files.get(key)).toBeNull();
  });
});

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Buffer.from(digest).toString('hex');
}
