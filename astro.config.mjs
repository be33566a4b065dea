// @ts-check
import cloudflare from '@astrojs/cloudflare';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

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

export default defineConfig({
  site: 'https://ponte.example',
  adapter: cloudflare({ prerenderEnvironment: 'node' }),
  integrations: [
    starlight({
      title: { 'pt-BR': 'Manual do parceiro', en: 'Partner handbook' },
      defaultLocale: 'root',
      locales: {
        root: { label: 'Português (Brasil)', lang: 'pt-BR' },
        en: { label: 'English', lang: 'en' },
      },
      lastUpdated: true,
      customCss: ['./src/styles/handbook.css'],
      sidebar: [
        {
          label: 'Comece aqui',
          translations: { en: 'Start here' },
          items: [{ autogenerate: { directory: 'start' } }],
        },
      ],
    }),
    devMailViewer(),
  ],
});
