// The handbook's weight, measured on the build output: for each prerendered page, the
// gzip size of its HTML plus the stylesheets it links (Pagefind's index excluded), and the
// JavaScript it loads. Also the time to build the whole site.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtHandbookPages } from '../support/built-pages.ts';

export const HANDBOOK_TARGETS = { maxPageKbGzip: 40 };

// The only scripts a handbook page may load: Starlight's search (its theme control is inline).
const ALLOWED_SCRIPT = /\/_astro\/Search\.astro_astro_type_script/;

const CLIENT = 'dist/client';
const gzipKb = (bytes: Buffer | string) => gzipSync(bytes).byteLength / 1024;
const fileOf = (href: string) => join(CLIENT, href.split('?')[0] ?? href);

/** Builds the site (unless told not to) and returns its build time in seconds. */
export function buildHandbook(): number | null {
  if (process.env.BENCH_SKIP_BUILD) return null;
  const started = performance.now();
  execFileSync('npx', ['astro', 'build'], {
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  return (performance.now() - started) / 1000;
}

/** Each page's HTML+CSS gzip weight and the scripts it loads (other than Pagefind's). */
export function weighHandbook() {
  return builtHandbookPages(CLIENT).map((path) => {
    const html = readFileSync(join(CLIENT, path, 'index.html'), 'utf8');
    const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)].map(
      (m) => m[1] ?? '',
    );
    const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)]
      .map((m) => m[1] ?? '')
      .filter((src) => !src.includes('pagefind'));
    const kb =
      gzipKb(html) + styles.reduce((sum, href) => sum + gzipKb(readFileSync(fileOf(href))), 0);
    const scriptKb = scripts.reduce((sum, src) => sum + gzipKb(readFileSync(fileOf(src))), 0);
    const unexpectedScripts = scripts.filter((src) => !ALLOWED_SCRIPT.test(src));
    return { path, kb, scripts: scripts.length, scriptKb, unexpectedScripts };
  });
}
