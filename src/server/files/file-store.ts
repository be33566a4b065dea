import { PartUnavailable } from '../faults/unavailable.ts';

/** The part of an R2 bucket Ponte uses; Miniflare's R2 in tests has the same shape. */
export type FileBucket = Pick<R2Bucket, 'put' | 'get' | 'head' | 'delete' | 'list'>;

export type StoredFile = { key: string; size: number; contentType: string; sha256: string };

/** Folders of the bucket, one per kind of file, so a sweep can walk one kind at a time. */
export type FileKind = 'invoices' | 'onboarding' | 'pieces' | 'probes' | 'requests' | 'timeline';

/**
 * A storage key chosen by the server, never derived from a user's file name
 * (ASVS 5.3.2): the kind, the month, and a random id.
 */
export function createFileKey(kind: FileKind, now: Date): string {
  const month = now.toISOString().slice(0, 7);
  return `${kind}/${month}/${crypto.randomUUID()}`;
}

/** The SHA-256 of some bytes, hex: how files are compared (the same file twice). */
export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The bucket's answer, or PartUnavailable('files') when the bucket failed: a 503, not a 500. */
async function fromBucket<Result>(call: () => Promise<Result>): Promise<Result> {
  try {
    return await call();
  } catch (error) {
    throw new PartUnavailable('files', { cause: error });
  }
}

/** Small facade over the bucket: put, get, head, delete, with the content type kept as metadata. */
export function createFileStore(bucket: FileBucket) {
  return {
    // `sha256` when the caller has it already (the bytes are hashed once, not twice).
    async put(
      key: string,
      body: ArrayBuffer | Uint8Array,
      contentType: string,
      knownSha256?: string,
    ): Promise<StoredFile> {
      const bytes = body instanceof Uint8Array ? body : new Uint8Array(body);
      const sha256 = knownSha256 ?? (await sha256OfBytes(bytes));
      await fromBucket(() => bucket.put(key, bytes, { httpMetadata: { contentType }, sha256 }));
      return { key, size: bytes.byteLength, contentType, sha256 };
    },
    get(key: string) {
      return fromBucket(() => bucket.get(key));
    },
    head(key: string) {
      return fromBucket(() => bucket.head(key));
    },
    delete(key: string) {
      return fromBucket(() => bucket.delete(key));
    },
    list(options: { prefix: string; cursor?: string }) {
      return fromBucket(() =>
        bucket.list({ prefix: options.prefix, cursor: options.cursor, limit: 1000 }),
      );
    },
  };
}

export type FileStore = ReturnType<typeof createFileStore>;
