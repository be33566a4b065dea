import type { SignedInUser } from './sessions.ts';

/** Whom a read or a rule is for: what decides what a signed-in person may see and do. */
export type Viewer = Pick<SignedInUser, 'id' | 'roles'>;

/** Who did something, as the audit trail records them: their id, name and address. */
export type Actor = { id: string; name: string; ip: string | null };
