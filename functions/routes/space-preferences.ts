import { Hono } from 'hono';
import {
  notifyModeInput,
  SPACE_SETTINGS_REFUSALS,
  saveNotifyMode,
} from '../../src/server/client-space/space-settings.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';
import { signedInContact } from '../http/space-guard.ts';

/** The signed-in contact's own preferences in the client space: how they are told. */
export const spacePreferenceRoutes = new Hono<ApiEnv>().post('/notify-mode', async (c) => {
  const { notifyMode } = await readInput(c, notifyModeInput);
  const { db, clock } = c.get('deps');
  const viewer = signedInContact(c);
  const result = await saveNotifyMode(db, { viewer, notifyMode, ip: clientIp(c) }, clock());
  if (!result.ok) return refuseWith(c, SPACE_SETTINGS_REFUSALS, result.error);
  return done(c, {
    location: '/space/settings',
    body: { notifyMode },
    notice: 'spaceNotifications.settings.saved',
  });
});
