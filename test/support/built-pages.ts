import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every prerendered handbook page in a build's client folder, as its URL path ("/en/start/welcome/"). */
export function builtHandbookPages(clientDir = 'dist/client'): string[] {
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !['_astro', 'pagefind'].includes(entry.name)) walk(path);
      else if (entry.name === 'index.html')
        pages.push(`/${relative(clientDir, dir)}/`.replace(/\/+$/, '/').replace(/^\/\.?\//, '/'));
    }
  };
  walk(clientDir);
  return pages.sort();
}
