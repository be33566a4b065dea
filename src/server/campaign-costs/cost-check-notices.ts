import { and, between, eq, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import {
  clients,
  clientTeamMembers,
  events,
  outbox,
  userRoles,
  users,
} from '../../../db/schema/index.ts';
import type { Policy } from '../../policy/index.ts';
import { recordEventWhen } from '../audit/record-event.ts';
import { activeAdmins, type MailRecipient } from '../mail/mail-recipients.ts';
import { queueMail } from '../mail/outbox.ts';
import { campaignsPageUrl, costCheckNoticeMail } from './cost-check-mail.ts';
import {
  type CostCheckPolicy,
  checkNoticeDue,
  checkStateOf,
  type DailyCheck,
  dailyCheckAt,
} from './cost-check-rules.ts';
import { checkFindingsOf, readCheckStatuses } from './cost-check-status.ts';

type Notice = 'reminder' | 'escalation';

/** The outbox key of one notice to one person: per check day, client and person, so each is sent once. */
const noticeKey = (notice: Notice, check: DailyCheck, clientId: string, personId: string) =>
  `${keyPrefix(notice, check)}${clientId}:${personId}`;
const keyPrefix = (notice: Notice, check: DailyCheck) => `cost-check-${notice}:${check.checkDay}:`;

/**
 * The daily check's notices: from the reminder time, the client's paid-traffic partners and
 * its CS are reminded of a check not yet met; from the due time, the admins are told. Each
 * e-mail once (its outbox key); the keys already queued today are read first, so a run every
 * minute writes only what is new. Nothing on a day off.
 */
export async function sendCostCheckNotices(
  db: Database,
  rules: CostCheckPolicy & Pick<Policy, 'costNorms'>,
  now: Date,
  origin: string,
) {
  const check = dailyCheckAt(now, rules);
  if (!check || now.getTime() < check.reminderAt.getTime()) return { reminded: 0, escalated: 0 };
  const today = (notice: Notice) => {
    const prefix = keyPrefix(notice, check);
    // ';' follows ':' in ASCII: the range is every key with the prefix (the key's index).
    return between(outbox.idempotencyKey, prefix, `${prefix.slice(0, -1)};`);
  };
  const person = {
    id: aliased(users.id, 'person_id'),
    name: aliased(users.name, 'person_name'),
    email: users.email,
    locale: users.locale,
  };
  const [statuses, csOfClients, paidTraffic, admins, queued] = await db.batch([
    readCheckStatuses(db, check, rules),
    // Who is reminded: each client's CS and its paid-traffic partners (still holding the
    // role), while active — two joins along their keys, not one over every client and person.
    db
      .select({ clientId: aliased(clients.id, 'client_id'), ...person })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.csUserId))
      .where(eq(users.active, true)),
    db
      .select({ clientId: clientTeamMembers.clientId, ...person })
      .from(clientTeamMembers)
      .innerJoin(
        userRoles,
        and(
          eq(userRoles.userId, clientTeamMembers.userId),
          eq(userRoles.role, clientTeamMembers.role),
        ),
      )
      .innerJoin(users, eq(users.id, clientTeamMembers.userId))
      .where(and(eq(clientTeamMembers.role, 'paid_traffic'), eq(users.active, true))),
    activeAdmins(db),
    db
      .select({ key: outbox.idempotencyKey })
      .from(outbox)
      .where(sql`${today('reminder')} or ${today('escalation')}`),
  ]);
  const team = [...csOfClients, ...paidTraffic];
  const sent = new Set(queued.map((row) => row.key));
  let reminded = 0;
  let escalated = 0;
  const writes = statuses.flatMap((client) => {
    const findings = checkFindingsOf(client, check, rules);
    const notice = checkNoticeDue(check, checkStateOf(check, findings, now), now);
    if (!notice) return [];
    const people: MailRecipient[] =
      notice === 'escalation' ? admins : team.filter((person) => person.clientId === client.id);
    // A client without an active CS or partner: the admins are reminded instead.
    const to = (people.length > 0 ? people : admins).filter(
      (person) => !sent.has(noticeKey(notice, check, client.id, person.id)),
    );
    if (to.length === 0) return [];
    if (notice === 'reminder') reminded += 1;
    else escalated += 1;
    const firstKey = noticeKey(notice, check, client.id, to[0]?.id ?? '');
    return [
      // Before the e-mails: recorded once, with the run that queues the first of them.
      recordEventWhen(
        db,
        {
          actorId: null,
          action: notice === 'reminder' ? 'cost_check_reminded' : 'cost_check_escalated',
          subjectType: 'campaign_check',
          subjectId: client.id,
          ip: null,
          data: { day: check.checkDay, ...findings },
        },
        now,
        sql`not exists (select 1 from ${outbox} where ${outbox.idempotencyKey} = ${firstKey}) and not exists (select 1 from ${events} where ${events.subjectType} = 'campaign_check' and ${events.subjectId} = ${client.id} and ${events.occurredAt} >= ${check.reminderAt.getTime()} and ${events.action} = ${notice === 'reminder' ? 'cost_check_reminded' : 'cost_check_escalated'})`,
      ),
      ...to.map((person) =>
        queueMail(
          db,
          {
            idempotencyKey: noticeKey(notice, check, client.id, person.id),
            to: person.email,
            ...costCheckNoticeMail(person, notice, {
              client: client.name,
              findings,
              dueAt: check.dueAt,
              timeZone: rules.agency.timeZone,
              url: campaignsPageUrl(origin, client.id),
            }),
          },
          now,
        ),
      ),
    ];
  });
  const [first, ...rest] = writes;
  if (first) await db.batch([first, ...rest]);
  return { reminded, escalated };
}
