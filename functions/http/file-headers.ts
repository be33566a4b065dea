import { cleanFileName, contentDisposition } from '../../src/server/files/file-names.ts';

/**
 * How a stored file is served: its own type and size, never sniffed, under its name cleaned
 * again (names stored before today's cleaning rules were kept as typed).
 */
export function fileHeaders(
  disposition: 'inline' | 'attachment',
  file: { contentType: string; fileName: string; size: number },
  fallbackName?: string,
) {
  return {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(
      disposition,
      cleanFileName(file.fileName, file.contentType, fallbackName),
    ),
    'Content-Length': String(file.size),
  };
}
