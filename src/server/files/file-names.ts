import type { FileType } from './file-type.ts';

// The extensions a file of each detected type may carry; the first is the one it gets when
// its own is not among them (a text file named .bat becomes .txt).
const EXTENSIONS: Record<FileType['kind'], readonly string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  webp: ['webp'],
  office: ['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'zip'],
  'legacy-office': ['doc', 'xls', 'ppt'],
  text: ['txt', 'csv'],
};

const KIND_OF_CONTENT_TYPE: Record<string, FileType['kind']> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  'application/zip': 'office',
  'application/x-ole-storage': 'legacy-office',
  'text/plain; charset=utf-8': 'text',
};

// Bidirectional controls (they reorder what is shown: "relatorio\u202Efdp.bat" reads
// "relatoriotab.pdf") and every other control character (C0, DEL, C1).
const UNSAFE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\p{Cc}]/gu;

/** A name without the characters that can disguise it or break a header or a path. */
function withoutUnsafeCharacters(name: string): string {
  return name.normalize('NFC').replace(UNSAFE, '');
}

/**
 * The name a file is stored and offered under: the base of the name it came with (no
 * folders, no bidirectional or control characters, at most 120 characters), and the
 * extension of the type its bytes showed (ASVS 5.3.2), never the one it claimed.
 */
export function cleanFileName(name: string, contentType: string, fallback = 'arquivo'): string {
  const kind = KIND_OF_CONTENT_TYPE[contentType];
  const allowed = kind ? EXTENSIONS[kind] : [];
  const last = withoutUnsafeCharacters(name).split(/[\\/]/).pop() ?? '';
  const dot = last.lastIndexOf('.');
  const claimed = dot >= 0 ? last.slice(dot + 1).toLowerCase() : '';
  // Leading dots would hide the file; trailing ones and spaces are dropped by Windows.
  const base = [...(dot >= 0 ? last.slice(0, dot) : last).replace(/^[\s.]+|[\s.]+$/g, '')]
    .slice(0, 120)
    .join('')
    .trim();
  const extension = allowed.includes(claimed) ? claimed : allowed[0];
  return extension ? `${base || fallback}.${extension}` : base || fallback;
}

// RFC 8187's attr-char leaves these out, though encodeURIComponent keeps them.
const percentEncode = (text: string) =>
  encodeURIComponent(text).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );

/**
 * The one Content-Disposition header of every download (RFC 6266): the name in UTF-8 by
 * RFC 8187, and an ASCII fallback for clients that do not read it.
 */
export function contentDisposition(disposition: 'inline' | 'attachment', fileName: string): string {
  const name = withoutUnsafeCharacters(fileName).replace(/[\\/]/g, '_');
  const ascii = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // Quotes and backslashes end or escape the quoted string; % is decoded by some browsers.
    .replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${percentEncode(name)}`;
}
