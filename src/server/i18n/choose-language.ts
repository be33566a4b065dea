import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { users } from '../../../db/schema/index.ts';
import type { Locale } from '../../i18n/index.ts';
import { policy } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import { validateSessionToken } from '../auth/sessions.ts';

/**
 * The language switch in every page's header. A visitor's choice lives in a cookie (the
 * route sets it); a signed-in person's pages follow their profile, so their choice is saved
 * there too, recorded like any profile change. Returns whether a profile was changed.
 */
export async function chooseLanguage(
  db: Database,
  choice: { sessionToken: string | undefined; locale: Locale; ip: string | null },
  now: Date,
): Promise<{ profileChanged: boolean }> {
  const session = choice.sessionToken
    ? await validateSessionToken(db, choice.sessionToken, policy.sessions, now)
    : null;
  if (!session || session.user.locale === choice.locale) return { profileChanged: false };
  const userId = session.user.id;
  await db.batch([
    db
      .update(users)
      .set({ locale: choice.locale })
      .where(and(eq(users.id, userId), ne(users.locale, choice.locale))),
    recordEvent(
      db,
      {
        actorId: userId,
        action: 'profile_updated',
        subjectType: 'user',
        subjectId: userId,
        ip: choice.ip,
        data: { fields: ['locale'] },
      },
      now,
    ),
  ]);
  return { profileChanged: true };
}
