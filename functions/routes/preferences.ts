import { Hono } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { SESSION_COOKIE } from '../../src/server/auth/session-cookie.ts';
import { chooseLanguage } from '../../src/server/i18n/choose-language.ts';
import { localeInput } from '../../src/server/i18n/locale-input.ts';
import { LOCALE_COOKIE } from '../../src/server/i18n/request-locale.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp } from '../http/client-info.ts';
import { readInput, wantsHtml } from '../http/read-input.ts';

/**
 * POST /api/preferences/locale: the language switch of every page's header (form or JSON).
 * Public, so it reads the session itself: a signed-in person's profile language changes too.
 */
export const preferenceRoutes = new Hono<ApiEnv>().post('/locale', async (c) => {
  const input = await readInput(c, localeInput);
  const { db, clock } = c.get('deps');
  const choice = {
    sessionToken: getCookie(c, SESSION_COOKIE),
    locale: input.locale,
    ip: clientIp(c),
  };
  await chooseLanguage(db, choice, clock());
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
