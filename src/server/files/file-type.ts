/** Kinds of file Ponte accepts, recognised by their first bytes, never by name or header. */
export type FileType =
  | { kind: 'pdf'; contentType: 'application/pdf' }
  | { kind: 'png'; contentType: 'image/png' }
  | { kind: 'jpeg'; contentType: 'image/jpeg' }
  | { kind: 'webp'; contentType: 'image/webp' }
  | { kind: 'office'; contentType: 'application/zip' }
  | { kind: 'legacy-office'; contentType: 'application/x-ole-storage' }
  | { kind: 'text'; contentType: 'text/plain; charset=utf-8' };

export type FileKindName = FileType['kind'];

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  signature.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Plain text (CSV, TXT): valid UTF-8 with no NUL or other control bytes but tab and newlines. */
function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return false;
  const sample = bytes.subarray(0, 64 * 1024);
  for (const byte of sample) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  try {
    // A sample cut mid-character would fail on its last bytes; decode the sample minus those.
    new TextDecoder('utf-8', { fatal: true }).decode(
      sample.subarray(0, Math.max(0, sample.length - 3)),
    );
    return true;
  } catch {
    return false;
  }
}

/** What a file really is, judged by its bytes; null for anything Ponte does not accept. */
export function detectFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return { kind: 'pdf', contentType: 'application/pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { kind: 'png', contentType: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'jpeg', contentType: 'image/jpeg' };
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8))
    return { kind: 'webp', contentType: 'image/webp' };
  // DOCX, XLSX, PPTX and ODF files are ZIP archives.
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]))
    return { kind: 'office', contentType: 'application/zip' };
  // DOC, XLS and PPT are OLE compound files.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { kind: 'legacy-office', contentType: 'application/x-ole-storage' };
  if (isPlainText(bytes)) return { kind: 'text', contentType: 'text/plain; charset=utf-8' };
  return null;
}
