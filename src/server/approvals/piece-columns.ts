import { approvalDecisions, pieces } from '../../../db/schema/index.ts';

/** A piece as every list and page shows it: what it is, where it stands, when it is due. */
export const PIECE_SUMMARY = {
  id: pieces.id,
  title: pieces.title,
  kind: pieces.kind,
  status: pieces.status,
  dueOn: pieces.dueOn,
  latestVersion: pieces.latestVersion,
};

/** A contact's decision on a round, as the piece page and the client's page both show it. */
export const DECISION_COLUMNS = {
  roundId: approvalDecisions.roundId,
  contactId: approvalDecisions.contactId,
  contactName: approvalDecisions.contactName,
  decision: approvalDecisions.decision,
  message: approvalDecisions.message,
  decidedAt: approvalDecisions.decidedAt,
};
