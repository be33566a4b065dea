import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The app pages cannot load Starlight's stylesheet (it brings the handbook's whole layout), so
// app.css repeats Starlight's colour variables. This keeps the copy honest: after an upgrade
// of Starlight, a changed value fails here instead of the two halves drifting apart.

const ROOT = join(import.meta.dirname, '../../..');
const starlightProps = readFileSync(
  join(ROOT, 'node_modules/@astrojs/starlight/dist/style/props.css'),
  'utf8',
);
const appCss = readFileSync(join(ROOT, 'src/styles/app.css'), 'utf8');

/** The `--sl-color-*` declarations of the first block that `selector` opens. */
function colourVariables(css: string, selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  return Object.fromEntries(
    [...body.matchAll(/(--sl-color-(?:gray-\d|white|black)):\s*([^;]+);/g)].map((m) => [
      m[1],
      (m[2] ?? '').trim(),
    ]),
  );
}

describe('the app pages’ copy of Starlight’s palette', () => {
  it('has Starlight’s light greys, white and black, value for value', () => {
    const starlight = colourVariables(starlightProps, ":root[data-theme='light']");
    const app = colourVariables(appCss, ':root {\n  color-scheme');
    expect(Object.keys(starlight).length).toBeGreaterThan(8);
    for (const [name, value] of Object.entries(starlight)) expect(app[name], name).toBe(value);
  });
});
