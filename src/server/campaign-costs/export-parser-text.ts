// The text of an uploaded export: UTF-8 as the ads manager writes it, or Windows-1252 as
// Excel in Brazil saves "CSV (separado por vírgulas)" — without that, "Impressões" would not
// be read. Anything else (a binary, control bytes) is not an export.
import { detectFileType } from '../files/file-type.ts';

// Windows-1252's bytes 0x80–0x9F; the five it leaves undefined are empty (not text).
const HIGH = [
  '€',
  '',
  '‚',
  'ƒ',
  '„',
  '…',
  '†',
  '‡',
  'ˆ',
  '‰',
  'Š',
  '‹',
  'Œ',
  '',
  'Ž',
  '',
  '',
  '‘',
  '’',
  '“',
  '”',
  '•',
  '–',
  '—',
  '˜',
  '™',
  'š',
  '›',
  'œ',
  '',
  'ž',
  'Ÿ',
];

/** Bytes read as Windows-1252, or null when one of them is a control byte or undefined there. */
export function decodeWindows1252(bytes: Uint8Array): string | null {
  const chars: string[] = new Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (isControl(byte)) return null;
    const char = byte >= 0x80 && byte <= 0x9f ? HIGH[byte - 0x80] : String.fromCharCode(byte);
    if (!char) return null;
    chars[i] = char;
  }
  return chars.join('');
}

/** A C0 control but TAB, LF and CR, or DEL: no export has one. */
const isControl = (code: number) =>
  (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/**
 * An upload's text, judged by its bytes: 'spreadsheet' for an XLSX or XLS file, 'not_text'
 * for anything that is neither UTF-8 nor Windows-1252 text. The whole file is checked as
 * UTF-8 (a file plain ASCII for its first kilobytes may still be Excel's Windows-1252).
 */
export function exportText(bytes: Uint8Array): string | 'spreadsheet' | 'not_text' {
  const type = detectFileType(bytes);
  if (type?.kind === 'office' || type?.kind === 'legacy-office') return 'spreadsheet';
  if (type !== null && type.kind !== 'text') return 'not_text';
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // Valid UTF-8 may still carry control characters (NUL, ESC…) no export has: the same
    // ones Windows-1252's reading refuses below.
    return hasControl(text) ? 'not_text' : text;
  } catch {
    return decodeWindows1252(bytes) ?? 'not_text';
  }
}
