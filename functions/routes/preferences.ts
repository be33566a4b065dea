import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { localeInput } from '../../src/server/i18n/locale-input.ts';
import { LOCALE_COOKIE } from '../../src/server/i18n/request-locale.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { readInput, wantsHtml } from '../http/read-input.ts';

/** POST /api/preferences/locale: remembers the language a visitor chose (form or JSON). */
export const preferenceRoutes = new Hono<ApiEnv>().post('/locale', async (c) => {
  const input = await readInput(c, localeInput);
  setCookie(c, LOCALE_COOKIE, input.locale, {
    path: '/',
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    maxAge: 60 * 60 * 24 * 365,
  });
  if (wantsHtml(c)) return c.redirect(input.returnTo ?? '/', 303);
  return c.json({ locale: input.locale });
});
