// @ts-check

import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import cloudflare from '@astrojs/cloudflare';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import {
  handbookCsp,
  inlineScriptHashes,
  staticAssetHeadersRule,
} from './functions/http/security-headers.ts';
import { policy } from './src/policy/index.ts';
import { handbookBrandCss } from './src/styles/brand-style.ts';

const { branding } = policy.agency;

/** The development mail viewer exists only under `astro dev`: production builds never contain it. */
function devMailViewer() {
  return {
    name: 'ponte:dev-mail-viewer',
    hooks: {
      /** @param {{ command: string, injectRoute: (route: { pattern: string, entrypoint: string, prerender: boolean }) => void }} options */
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') {
          injectRoute({
            pattern: '/dev/mail',
            entrypoint: './src/dev/mail-viewer.astro',
            prerender: false,
          });
        }
      },
    },
  };
}

/**
 * Static pages skip the Worker, so their security headers go to _headers, from the same
 * module, with the hashes of the inline scripts the prerendered pages actually contain.
 */
function staticSecurityHeaders() {
  return {
    name: 'ponte:static-security-headers',
    hooks: {
      /** @param {{ dir: URL }} options */
      'astro:build:done': ({ dir }) => {
        const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) =>
          file.endsWith('.html'),
        );
        const hashes = pages.flatMap((file) =>
          inlineScriptHashes(readFileSync(new URL(file, dir), 'utf8')),
        );
        appendFileSync(
          new URL('_headers', dir),
          `\n${staticAssetHeadersRule(handbookCsp(hashes))}`,
        );
      },
    },
  };
}

/**
 * A sidebar group listing one folder of the handbook, labelled in both languages.
 * @param {string} label @param {string} en @param {string} directory
 */
function sidebarGroup(label, en, directory) {
  return { label, translations: { en }, items: [{ autogenerate: { directory } }] };
}

export default defineConfig({
  site: 'https://ponte.example',
  // Link prefetching is a script on every page; the handbook goes without it.
  prefetch: false,
  // The app's stylesheet is one cached file, never inlined into each page (see README).
  build: { inlineStylesheets: 'never' },
  // The development toolbar needs an inline script, which the pages' CSP refuses (as it
  // would in production): development runs under the same CSP.
  devToolbar: { enabled: false },
  // Component tests (vitest.handbook.config.ts) render in plain Node, without the Workers runtime.
  adapter: process.env.PONTE_COMPONENT_TESTS
    ? undefined
    : cloudflare({ prerenderEnvironment: 'node' }),
  integrations: [
    starlight({
      title: { 'pt-BR': 'Manual do parceiro', en: 'Partner handbook' },
      defaultLocale: 'root',
      locales: {
        root: { label: 'Português (Brasil)', lang: 'pt-BR' },
        en: { label: 'English', lang: 'en' },
      },
      lastUpdated: true,
      // Handbook pages ship no JavaScript but the search and the theme control: no
      // table-of-contents highlighter (the pages are short and their headings are links).
      tableOfContents: false,
      logo: { src: `./public${branding.logo}` },
      // The agency's accent, from the policy: the same shades the app pages use.
      head: [{ tag: 'style', content: handbookBrandCss(branding.accent) }],
      components: { SocialIcons: './src/components/handbook/PartnerAreaLink.astro' },
      customCss: ['./src/styles/tokens.css', './src/styles/handbook.css'],
      sidebar: [
        sidebarGroup('Comece aqui', 'Start here', 'start'),
        sidebarGroup('Para o seu papel', 'For your role', 'roles'),
        sidebarGroup('Políticas', 'Policies', 'policies'),
        sidebarGroup('Clientes', 'Clients', 'clients'),
        sidebarGroup('Faturas', 'Invoices', 'finance'),
        sidebarGroup('Referência', 'Reference', 'reference'),
      ],
    }),
    devMailViewer(),
    staticSecurityHeaders(),
  ],
});
