import { asc, eq } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { clients, outbox, users } from '../../../db/schema/index.ts';
import { createTranslator, formatDateTime, formatMonth, localeOf } from '../../i18n/index.ts';
import { composeMail } from '../mail/compose-mail.ts';
import { activeAdmins, csRecipientColumns, type MailRecipient } from '../mail/mail-recipients.ts';
import { queueMail } from '../mail/outbox.ts';
import {
  type ReportDeadlinePolicy,
  reportDueAt,
  reportMonthAt,
  reportNoticeAt,
} from './report-deadline-rules.ts';
import { reportStillOwed } from './reports-owed.ts';

type Notice = 'reminder' | 'escalation';

/** The agency's timeline page of a client, as the e-mails link to it. */
export const clientTimelineUrl = (origin: string, clientId: string) =>
  `${origin}/clients/${encodeURIComponent(clientId)}/timeline`;

/**
 * The monthly report deadline's notices, each sent once: from the reminder day on, the CS of
 * every client that still owes last month's report is reminded; once it is due, every admin is
 * told. Each e-mail has its own outbox key (client, month, person), so running the job again
 * sends nothing twice; before the reminder day nothing is read at all.
 */
export async function sendReportDeadlineNotices(
  db: Database,
  rules: ReportDeadlinePolicy,
  now: Date,
  origin: string,
) {
  const month = reportMonthAt(now, rules.agency.timeZone);
  const notice = reportNoticeAt(month, now, rules);
  if (!notice) return { month, reminded: 0, escalated: 0 };
  const [owing, admins] = await db.batch([
    db
      .select({
        clientId: clients.id,
        clientName: aliased(clients.name, 'client_name'),
        ...csRecipientColumns,
      })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.csUserId))
      .where(reportStillOwed(month))
      .orderBy(asc(clients.name)),
    activeAdmins(db),
  ]);
  const dueAt = reportDueAt(month, rules);
  const mails = owing.flatMap((client) => {
    const cs: MailRecipient = {
      id: client.csId,
      name: client.csName,
      email: client.csEmail,
      locale: client.csLocale,
    };
    // A client whose CS left: the reminder goes to the admins, who hand the client over.
    const to = notice === 'escalation' || !client.csActive ? admins : [cs];
    return to.map((person) =>
      queueMail(
        db,
        {
          idempotencyKey: `monthly-report-${notice}:${client.clientId}:${month}:${person.id}`,
          to: person.email,
          ...reportNoticeMail(person, notice, {
            client: client.clientName,
            cs: cs.name,
            month,
            dueAt,
            timeZone: rules.agency.timeZone,
            url: clientTimelineUrl(origin, client.clientId),
          }),
        },
        now,
      ).returning({ id: outbox.id }),
    );
  });
  const [first, ...rest] = mails;
  const queued = first ? (await db.batch([first, ...rest])).flat().length : 0;
  return {
    month,
    reminded: notice === 'reminder' ? queued : 0,
    escalated: notice === 'escalation' ? queued : 0,
  };
}

/** A reminder to the CS or an escalation to an admin, in the reader's language. */
function reportNoticeMail(
  to: { name: string; locale: string },
  notice: Notice,
  facts: { client: string; cs: string; month: string; dueAt: Date; timeZone: string; url: string },
) {
  const lang = localeOf(to.locale);
  const t = createTranslator(lang);
  const params = {
    client: facts.client,
    cs: facts.cs,
    month: formatMonth(facts.month, lang),
    due: formatDateTime(facts.dueAt, lang, facts.timeZone),
  };
  return composeMail({
    lang,
    subject: t(`timelineReport.notices.${notice}.subject`, params),
    paragraphs: [
      t('timelineReport.notices.greeting', { name: to.name }),
      t(`timelineReport.notices.${notice}.body`, params),
    ],
    action: { label: t('timelineReport.notices.action'), url: facts.url },
    footer: t('mail.footer'),
  });
}
