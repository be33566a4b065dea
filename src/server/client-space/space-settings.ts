import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../../db/client.ts';
import { clientContacts } from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { NOT_FOUND, type RefusalTable } from '../forms/refusals.ts';
import type { NotifyMode } from './contact-notifications-rules.ts';
import type { ContactViewer } from './contact-viewer.ts';

/** What the settings form posts: how the contact wants to be told. */
export const notifyModeInput = z.object({
  notifyMode: z.enum(['immediate', 'daily']),
});

/** A contact's settings can only be refused as gone (removed, or no longer in the space). */
export const SPACE_SETTINGS_REFUSALS = {
  not_found: NOT_FOUND,
} as const satisfies RefusalTable<string>;

/** What /space/settings shows: the contact's choice and the digest's time from the policy. */
export async function loadSpaceSettingsPage(
  db: Database,
  viewer: ContactViewer,
  rules: { clientSpace: Pick<Policy['clientSpace'], 'digest'> },
) {
  const [row] = await db
    .select({ notifyMode: clientContacts.notifyMode })
    .from(clientContacts)
    .where(ownContact(viewer));
  return { notifyMode: row?.notifyMode ?? 'immediate', digestAt: rules.clientSpace.digest.at };
}

/**
 * The contact's own choice of how they are told. A preference: the last save wins, and
 * saving the same choice again changes nothing. Only their own row, of the client they chose,
 * while they may use the space.
 */
export async function saveNotifyMode(
  db: Database,
  input: { viewer: ContactViewer; notifyMode: NotifyMode; ip: string | null },
  now: Date,
): Promise<{ ok: true } | { ok: false; error: keyof typeof SPACE_SETTINGS_REFUSALS }> {
  const [updated] = await db.batch([
    db
      .update(clientContacts)
      .set({ notifyMode: input.notifyMode })
      .where(ownContact(input.viewer))
      .returning({ id: clientContacts.id }),
    recordEventWhen(
      db,
      {
        actorId: null,
        action: 'contact_notify_mode_set',
        subjectType: 'client_contact',
        subjectId: input.viewer.contactId,
        ip: input.ip,
        data: { notifyMode: input.notifyMode, contactName: input.viewer.name },
      },
      now,
      sql`exists (select 1 from ${clientContacts} where ${ownContact(input.viewer)})`,
    ),
  ]);
  if (updated.length === 0) return { ok: false, error: 'not_found' };
  return { ok: true };
}

/** The viewer's own contact row, while it is of their client and in the space. */
function ownContact(viewer: ContactViewer) {
  return and(
    eq(clientContacts.id, viewer.contactId),
    eq(clientContacts.clientId, viewer.clientId),
    eq(clientContacts.mayUseSpace, true),
  );
}
