import { eq } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  approvalRounds,
  clientContacts,
  clientRequests,
  clients,
  pieces,
  satisfactionSurveys,
} from '../../../db/schema/index.ts';
import { hashToken, looksLikeToken } from '../auth/tokens.ts';

/**
 * The survey of a token with what its page and its answer need, in one query: the contact,
 * the client and its CS, and what was delivered (a piece's title, a request's title). Null
 * for a token of another shape (refused unread) or one that is not ours.
 */
export async function findSurveyByToken(db: Database, token: string) {
  if (!looksLikeToken(token)) return null;
  const [found] = await db
    .select({
      id: satisfactionSurveys.id,
      clientId: satisfactionSurveys.clientId,
      contactId: satisfactionSurveys.contactId,
      trigger: satisfactionSurveys.trigger,
      subjectId: satisfactionSurveys.subjectId,
      expiresAt: satisfactionSurveys.expiresAt,
      voidedAt: satisfactionSurveys.voidedAt,
      answeredAt: satisfactionSurveys.answeredAt,
      score: satisfactionSurveys.score,
      contactName: aliased(clientContacts.name, 'contact_name'),
      contactLocale: aliased(clientContacts.locale, 'contact_locale'),
      clientName: aliased(clients.name, 'client_name'),
      csUserId: clients.csUserId,
      pieceTitle: aliased(pieces.title, 'piece_title'),
      requestTitle: aliased(clientRequests.title, 'request_title'),
    })
    .from(satisfactionSurveys)
    .innerJoin(clientContacts, eq(clientContacts.id, satisfactionSurveys.contactId))
    .innerJoin(clients, eq(clients.id, satisfactionSurveys.clientId))
    .leftJoin(approvalRounds, eq(approvalRounds.id, satisfactionSurveys.subjectId))
    .leftJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
    .leftJoin(clientRequests, eq(clientRequests.id, satisfactionSurveys.subjectId))
    .where(eq(satisfactionSurveys.tokenHash, hashToken(token)));
  return found ?? null;
}

export type FoundSurvey = NonNullable<Awaited<ReturnType<typeof findSurveyByToken>>>;

/** What was delivered, as the question names it: a piece, a request, or the first week. */
export function deliveryOf(survey: Pick<FoundSurvey, 'trigger' | 'pieceTitle' | 'requestTitle'>) {
  if (survey.trigger === 'piece_approved' && survey.pieceTitle)
    return { kind: 'piece' as const, title: survey.pieceTitle };
  if (survey.trigger === 'request_done' && survey.requestTitle)
    return { kind: 'request' as const, title: survey.requestTitle };
  return { kind: 'service' as const, title: '' };
}
