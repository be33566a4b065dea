// What the middleware (src/middleware.ts) gives every on-demand page.
declare namespace App {
  interface Locals {
    deps: import('./server/dependencies.ts').Dependencies;
    session: import('./server/auth/sessions.ts').ValidSession | null;
    locale: import('./i18n/locales.ts').Locale;
  }
}
