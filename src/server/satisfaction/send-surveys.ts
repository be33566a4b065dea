import { and, eq, gte, sql } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { inJsonList } from '../../../db/in-json-list.ts';
import { insertWhen } from '../../../db/insert-when.ts';
import {
  approvalRounds,
  clientContacts,
  clientRequests,
  clients,
  pieces,
  satisfactionSurveys,
} from '../../../db/schema/index.ts';
import { generateSecretToken, hashToken } from '../auth/tokens.ts';
import { queueMailWhen } from '../mail/outbox.ts';
import { surveyMail } from './survey-mail.ts';
import {
  mayAskAgain,
  type SatisfactionPolicy,
  surveyExpiresAt,
  throttleSince,
  triggerSince,
} from './survey-rules.ts';
import { candidatesFrom, readSurveyCandidates, type SurveyCandidate } from './survey-triggers.ts';

/**
 * The contacts to ask, with their client and when each was last asked, and what was delivered.
 * The ids go as one JSON list each: a busy window has more candidates than D1 binds.
 */
function readSurveyDetails(db: Database, candidates: SurveyCandidate[]) {
  const contactIds = [...new Set(candidates.map((c) => c.contactId))];
  const subjectIds = [...new Set(candidates.map((c) => c.subjectId))];
  return [
    db
      .select({
        id: clientContacts.id,
        name: clientContacts.name,
        email: clientContacts.email,
        locale: clientContacts.locale,
        clientName: aliased(clients.name, 'client_name'),
        lastAskedAt: sql<
          number | null
        >`(select max(${satisfactionSurveys.createdAt}) from ${satisfactionSurveys} where ${satisfactionSurveys.contactId} = ${clientContacts.id})`.as(
          'last_asked_at',
        ),
      })
      .from(clientContacts)
      .innerJoin(clients, eq(clients.id, clientContacts.clientId))
      .where(inJsonList(clientContacts.id, contactIds)),
    db
      .select({ id: approvalRounds.id, title: pieces.title })
      .from(approvalRounds)
      .innerJoin(pieces, eq(pieces.id, approvalRounds.pieceId))
      .where(inJsonList(approvalRounds.id, subjectIds)),
    db
      .select({ id: clientRequests.id, title: clientRequests.title })
      .from(clientRequests)
      .where(inJsonList(clientRequests.id, subjectIds)),
  ] as const;
}

/**
 * The satisfaction job: asks the contacts of the recent deliveries (see survey-triggers.ts),
 * each contact at most once per policy.satisfaction.minDaysBetweenAsks and once per delivery.
 * Each survey and its e-mail are one insert pair: the survey only if the contact was not
 * asked meanwhile (two runs at once ask once), the e-mail only if its survey was stored.
 * A run asks at most policy.satisfaction.surveysPerRun (its writes are one batch, and a Worker
 * has a ceiling of queries per invocation): the rest are `deferred`, still candidates for the
 * next minute's run while within the lookback.
 */
export async function sendSatisfactionSurveys(
  db: Database,
  rules: SatisfactionPolicy,
  now: Date,
  origin: string,
) {
  const candidates = candidatesFrom(
    await db.batch(readSurveyCandidates(db, triggerSince(now, rules))),
    rules.satisfaction.triggers,
  );
  if (candidates.length === 0) return { asked: 0, throttled: 0, deferred: 0 };
  const [contacts, rounds, requests] = await db.batch(readSurveyDetails(db, candidates));
  const contactOf = new Map(contacts.map((contact) => [contact.id, contact]));
  const titleOf = new Map([...rounds, ...requests].map((row) => [row.id, row.title]));
  const askedNow = new Set<string>();
  let throttled = 0;
  const deferred = new Set<string>();
  const writes: BatchItem<'sqlite'>[] = [];
  for (const candidate of candidates) {
    const contact = contactOf.get(candidate.contactId);
    if (!contact || askedNow.has(contact.id)) continue;
    const last = contact.lastAskedAt === null ? null : new Date(Number(contact.lastAskedAt));
    if (!mayAskAgain(last, now, rules)) {
      throttled += 1;
      continue;
    }
    if (askedNow.size >= rules.satisfaction.surveysPerRun) {
      deferred.add(contact.id);
      continue;
    }
    askedNow.add(contact.id);
    const id = crypto.randomUUID();
    const token = generateSecretToken();
    const notAskedMeanwhile = sql`not exists (select 1 from ${satisfactionSurveys} where ${and(
      eq(satisfactionSurveys.contactId, contact.id),
      gte(satisfactionSurveys.createdAt, throttleSince(now, rules)),
    )})`;
    writes.push(
      insertWhen(
        db,
        satisfactionSurveys,
        {
          id,
          ...candidate,
          tokenHash: hashToken(token),
          createdAt: now,
          expiresAt: surveyExpiresAt(now, rules),
        },
        notAskedMeanwhile,
      ).onConflictDoNothing(),
    );
    const title = titleOf.get(candidate.subjectId) ?? '';
    const kind = { check_in: 'service', request_done: 'request', piece_approved: 'piece' } as const;
    const mail = surveyMail({
      contact,
      clientName: contact.clientName,
      delivery: { kind: title ? kind[candidate.trigger] : 'service', title },
      token,
      origin,
    });
    writes.push(
      queueMailWhen(
        db,
        { to: contact.email, ...mail, idempotencyKey: `satisfaction:${id}` },
        now,
        sql`exists (select 1 from ${satisfactionSurveys} where ${satisfactionSurveys.id} = ${id})`,
      ),
    );
  }
  if (writes.length > 0) await db.batch(writes as [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]]);
  return { asked: askedNow.size, throttled, deferred: deferred.size };
}
