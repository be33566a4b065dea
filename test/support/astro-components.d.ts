// Plain tsc does not read .astro files; tests import components only to hand them to the
// Container API, which takes any component factory.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';

  const component: AstroComponentFactory;
  export default component;
}
