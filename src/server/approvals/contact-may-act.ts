import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { approvalDecisions, approvalRounds, type RoundStatus } from '../../../db/schema/index.ts';

// One rule, written twice: as a function for what a page shows, and as SQL for the batch
// that writes a contact's comment or decision, so it still holds as that batch runs.

/** A contact may comment and decide while the round is open and they have not decided. */
export function contactMayAct(roundStatus: RoundStatus, hasDecided: boolean): boolean {
  return roundStatus === 'open' && !hasDecided;
}

/** `contactMayAct` in SQL, for the contact of a link to the round. */
export function contactMayActSql(approval: {
  round: { id: string };
  contact: { id: string };
}): SQL {
  return sql`exists (select 1 from ${approvalRounds} where ${approvalRounds.id} = ${approval.round.id} and ${approvalRounds.status} = 'open') and not ${contactDecided(approval.round.id, approval.contact.id)}`;
}

/** Whether the contact has decided on the round (each an id, or the column holding one). */
export function contactDecided(
  roundId: string | SQLWrapper,
  contactId: string | SQLWrapper,
): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${approvalDecisions} where ${approvalDecisions.roundId} = ${roundId} and ${approvalDecisions.contactId} = ${contactId})`;
}
