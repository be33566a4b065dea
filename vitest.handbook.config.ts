import { getViteConfig } from 'astro/config';

// Handbook components render through Astro's own Vite setup (the Container API needs it),
// in plain Node: astro.config.mjs leaves the Workers adapter out when this is set.
process.env.PONTE_COMPONENT_TESTS = '1';

export default getViteConfig({
  test: { name: 'handbook', include: ['test/unit/handbook/**/*.test.ts'] },
});
