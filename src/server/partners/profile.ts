import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { users } from '../../../db/schema/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { ProfileInput } from './person-input.ts';

/** What a person sees and edits on their profile page. */
export type Profile = ProfileInput & { email: string };

/** A person's profile, or null when there is no such person. */
export async function getProfile(db: Database, userId: string): Promise<Profile | null> {
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      locale: users.locale,
      taxId: users.taxId,
      pixKey: users.pixKey,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ? (row as Profile) : null;
}

/** What payment needs from a partner's profile (the invoice rule's tax id and PIX key). */
export const PAYMENT_FIELDS = ['taxId', 'pixKey'] as const;

/**
 * The profile page: the person's profile and which of the payment fields are still empty
 * (an invoice is refused until none is). One query; null when there is no such person.
 */
export async function loadProfilePage(db: Database, userId: string) {
  const profile = await getProfile(db, userId);
  if (!profile) return null;
  return { profile, missingForPayment: PAYMENT_FIELDS.filter((field) => !profile[field]) };
}

/**
 * Saves a person's own profile and records which fields changed. The audit entry names the
 * fields, not their values: tax ids and PIX keys stay out of the trail.
 */
export async function updateProfile(
  db: Database,
  update: { userId: string; ip: string | null; profile: ProfileInput },
  now: Date,
): Promise<{ ok: true; changed: string[] } | { ok: false; error: 'not_found' }> {
  const current = await getProfile(db, update.userId);
  if (!current) return { ok: false, error: 'not_found' };
  const changed = (Object.keys(update.profile) as (keyof ProfileInput)[]).filter(
    (field) => current[field] !== update.profile[field],
  );
  if (changed.length === 0) return { ok: true, changed };
  await db.batch([
    db.update(users).set(update.profile).where(eq(users.id, update.userId)),
    recordEvent(
      db,
      {
        actorId: update.userId,
        action: 'profile_updated',
        subjectType: 'user',
        subjectId: update.userId,
        ip: update.ip,
        data: { fields: changed },
      },
      now,
    ),
  ]);
  return { ok: true, changed };
}
