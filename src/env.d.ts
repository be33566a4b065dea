// What the middleware (src/middleware.ts) gives every on-demand page.
declare namespace App {
  interface Locals {
    deps: import('./server/dependencies.ts').Dependencies;
    session: import('./server/auth/sessions.ts').ValidSession | null;
    locale: import('./i18n/locales.ts').Locale;
    // On /space/* only (see guardSpacePage): the signed-in contact, and their session.
    contact: import('./server/client-space/contact-viewer.ts').ContactViewer | null;
    spaceSession: import('./server/client-space/contact-sessions.ts').SpaceSession | null;
  }
}
