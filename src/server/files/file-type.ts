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

/** Reads a big-endian or little-endian unsigned integer of `size` bytes at `offset`. */
function readUint(bytes: Uint8Array, offset: number, size: 2 | 3 | 4, littleEndian = false) {
  let value = 0;
  for (let i = 0; i < size; i++) {
    const byte = bytes[littleEndian ? offset + i : offset + size - 1 - i] ?? 0;
    value += byte * 256 ** i;
  }
  return value;
}

/**
 * An image's width and height in pixels, read from its header (PNG, JPEG, WebP), so pages
 * can reserve its space before it loads; null when the header says nothing usable.
 */
export function imageDimensions(bytes: Uint8Array): { width: number; height: number } | null {
  const type = detectFileType(bytes);
  let size: { width: number; height: number } | null = null;
  if (type?.kind === 'png')
    size = { width: readUint(bytes, 16, 4), height: readUint(bytes, 20, 4) };
  if (type?.kind === 'webp') {
    const chunk = String.fromCharCode(...bytes.subarray(12, 16));
    if (chunk === 'VP8X')
      size = { width: readUint(bytes, 24, 3, true) + 1, height: readUint(bytes, 27, 3, true) + 1 };
    if (chunk === 'VP8 ')
      size = {
        width: readUint(bytes, 26, 2, true) & 0x3fff,
        height: readUint(bytes, 28, 2, true) & 0x3fff,
      };
    if (chunk === 'VP8L') {
      const bits = readUint(bytes, 21, 4, true);
      size = { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
  }
  if (type?.kind === 'jpeg') {
    // Walk the segments to the first start-of-frame marker (SOF0–SOF15 but DHT, JPG, DAC).
    let offset = 2;
    while (offset + 9 < bytes.length) {
      if (bytes[offset] !== 0xff) return null;
      // Any marker may be preceded by 0xFF fill bytes (ITU T.81, B.1.1.2).
      if (bytes[offset + 1] === 0xff) {
        offset += 1;
        continue;
      }
      const marker = bytes[offset + 1] ?? 0;
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        size = { height: readUint(bytes, offset + 5, 2), width: readUint(bytes, offset + 7, 2) };
        break;
      }
      // The scan, or the end, before any frame: there is no size to read.
      if (marker === 0xda || marker === 0xd9) return null;
      // Markers that stand alone carry no length: TEM, RST0–RST7, SOI.
      const standalone = marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);
      offset += standalone ? 2 : 2 + readUint(bytes, offset + 2, 2);
    }
  }
  return size && size.width > 0 && size.height > 0 ? size : null;
}
