// Inline Markdown anywhere in a line: escapes, code, emphasis, links and images, tables,
// strikethrough, headings; a backslash before any of them makes it a plain character.
const INLINE = /[\\`*_[\]()|~#{}]/g;
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text a client typed, made literal for a Markdown document: no raw HTML (so no <script>),
 * no link or image (so no javascript: URL), no heading, list, quote, rule or code block of
 * its own. Line breaks are kept.
 */
export function markdownText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) =>
      line
        // Indentation would make a code block; the blocks a line can open are escaped below.
        .trimStart()
        .replace(/[&<>]/g, (char) => HTML[char] ?? char)
        .replace(INLINE, '\\$&')
        // A list item, a setext underline or a thematic break start the line with - + =.
        .replace(/^[-+=]/, '\\$&')
        // "1. " or "1) " opens an ordered list.
        .replace(/^(\d{1,9})([.)])/, '$1\\$2'),
    )
    .join('\n');
}
