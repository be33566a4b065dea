import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Architecture rules as tests, in the manner of Starlight's own: each names what may import
// what, so a shortcut fails here instead of in review.

const ROOT = resolve(import.meta.dirname, '../..');

/** Every source file below a folder of the project, as paths from the project's root. */
function sourceFiles(folder: string, endings = ['.ts', '.astro', '.mjs']): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => endings.some((ending) => file.endsWith(ending)))
    .map((file) => join(folder, file));
}

/** What a file imports: bare package names as written, relative paths resolved from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g),
    ...text.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g),
    ...text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm),
  ].map((match) => match[1] ?? '');
  return specifiers.map((specifier) =>
    specifier.startsWith('.')
      ? relative(ROOT, resolve(ROOT, dirname(file), specifier)).replaceAll('\\', '/')
      : specifier,
  );
}

/** The files below `folder` that import something `forbidden` says no to, with what. */
function violations(folder: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((target) => `${file} imports ${target}`),
  );
}

const isFramework = (target: string) =>
  /^(hono|astro|@astrojs\/)/.test(target) || target.startsWith('astro:');
const isFunctions = (target: string) => target.startsWith('functions/');
const isDatabase = (target: string) =>
  target.startsWith('drizzle-orm') || target.startsWith('@libsql/') || target.startsWith('db/');

describe('architecture', () => {
  it('finds the imports it checks (the rule below is not vacuous)', () => {
    expect(importsOf('src/server/pages/guard-page.ts').length).toBeGreaterThan(3);
    expect(
      importsOf('src/pages/tasks/index.astro').some((target) => target.startsWith('src/')),
    ).toBe(true);
  });

  it('keeps server modules free of the web frameworks and of the Worker’s own code', () => {
    expect(
      violations('src/server', (target) => isFramework(target) || isFunctions(target)),
    ).toEqual([]);
  });

  it('keeps the policy and the catalogs pure: no framework, no database, no server module', () => {
    const impure = (target: string) =>
      isFramework(target) ||
      isFunctions(target) ||
      isDatabase(target) ||
      target.startsWith('src/server/');
    expect(violations('src/policy', impure)).toEqual([]);
    expect(violations('src/i18n', impure)).toEqual([]);
  });

  it('lets pages, layouts and components reach the database only through server modules', () => {
    for (const folder of ['src/pages', 'src/layouts', 'src/components']) {
      const reachesDatabase = (target: string) =>
        isDatabase(target) && !target.startsWith('db/schema') && target !== 'db/client.ts';
      expect(violations(folder, reachesDatabase), folder).toEqual([]);
    }
  });

  it('lets pages, layouts and components query nothing themselves: they call a server module', () => {
    const queries = /\bdb\s*\.\s*(select|insert|update|delete|batch|run|all|get|query)\b/;
    const querying = ['src/pages', 'src/layouts', 'src/components']
      .flatMap((folder) => sourceFiles(folder))
      .filter((file) => queries.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(querying).toEqual([]);
  });

  it('keeps every source file under 300 lines (the catalogs and policy data aside)', () => {
    const exempt = /^(src\/i18n\/messages\/|src\/policy\/agency-policy\.ts$)/;
    const long = ['src', 'functions', 'db/schema', 'test']
      .flatMap((folder) => sourceFiles(folder))
      .filter((file) => !exempt.test(file))
      .map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 300)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });
});
