import { asc, eq, sql } from 'drizzle-orm';
import { aliased } from '../../../db/aliased.ts';
import type { Database } from '../../../db/client.ts';
import { changeRequests, clients, outbox, users } from '../../../db/schema/index.ts';
import { createTranslator, formatDateTime, localeOf } from '../../i18n/index.ts';
import { clockTimeInZone, isoDateInZone, type Policy } from '../../policy/index.ts';
import { composeMail } from '../mail/compose-mail.ts';
import { activeAdmins, csRecipientColumns, type MailRecipient } from '../mail/mail-recipients.ts';
import { queueMail } from '../mail/outbox.ts';
import { type Deadline, pipelineDeadlines } from './deadline-rules.ts';
import { foldedStages, unfoldStages } from './stored-deadline.ts';

type NoticePolicy = Parameters<typeof pipelineDeadlines>[2] & Pick<Policy, 'agency'>;

/** How long before a deadline its reminder goes out (policy: the contact sooner than the rest). */
export function reminderLeadMs(
  kind: Deadline['kind'],
  rules: Pick<Policy, 'newClientDeadlines' | 'changeTurnaround'>,
): number {
  const d = rules.newClientDeadlines;
  if (kind === 'change') return rules.changeTurnaround.reminderBeforeMinutes * 60_000;
  return kind === 'contact'
    ? d.reminderBeforeContactMinutes * 60_000
    : d.reminderBeforeOtherHours * 3_600_000;
}

/** Whether a deadline is in its reminder period, past due, or neither, at an instant. */
export function noticeFor(
  deadline: Deadline,
  rules: Pick<Policy, 'newClientDeadlines' | 'changeTurnaround'>,
  now: Date,
): 'reminder' | 'escalation' | null {
  if (deadline.done) return null;
  const due = deadline.dueAt.getTime();
  if (now.getTime() >= due) return 'escalation';
  if (now.getTime() >= due - reminderLeadMs(deadline.kind, rules)) return 'reminder';
  return null;
}

/** A translator in a person's language. */
const translatorFor = (person: MailRecipient) => {
  const lang = localeOf(person.locale);
  return { lang, t: createTranslator(lang) };
};

/**
 * The scheduled job of the pipeline: a reminder to the CS before each open deadline, an
 * escalation to every admin once it has passed, and each morning a digest per CS. Each
 * message has a key of its own in the outbox, so running the job again — in the same
 * minute or the next — sends nothing twice.
 */
export async function sendDeadlineNotices(
  db: Database,
  rules: NoticePolicy,
  now: Date,
  origin: string,
) {
  // Open change requests, folded like the stages: "id=dueAt,…".
  const openChanges = sql<
    string | null
  >`(select group_concat(${changeRequests.id} || '=' || ${changeRequests.dueAt}) from ${changeRequests} where ${changeRequests.clientId} = ${clients.id} and ${changeRequests.doneAt} is null)`;
  const [rows, admins] = await db.batch([
    db
      .select({
        clientId: clients.id,
        clientName: aliased(clients.name, 'client_name'),
        serviceEndsOn: clients.serviceEndsOn,
        stages: foldedStages(),
        openChanges,
        ...csRecipientColumns,
      })
      .from(clients)
      .innerJoin(users, eq(users.id, clients.csUserId))
      .orderBy(asc(clients.name)),
    activeAdmins(db),
  ]);
  const when = (date: Date, person: MailRecipient) =>
    formatDateTime(date, translatorFor(person).lang, rules.agency.timeZone);
  const mails: ReturnType<typeof queueMail>[] = [];
  const digests = new Map<string, { cs: MailRecipient; lines: string[] }>();
  for (const row of rows) {
    const milestones = unfoldStages(row.stages);
    const cs: MailRecipient = {
      id: row.csId,
      name: row.csName,
      email: row.csEmail,
      locale: row.csLocale,
    };
    const link = `${origin}/clients/${row.clientId}`;
    // Each deadline with the key its messages are sent under: a change by its own id.
    const keyed = [
      ...pipelineDeadlines(milestones, row.serviceEndsOn, rules).map((deadline) => ({
        deadline,
        key: `${row.clientId}:${deadline.kind}:${deadline.dueAt.getTime()}`,
      })),
      ...(row.openChanges ?? '')
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const [id = '', at = '0'] = pair.split('=');
          const deadline: Deadline = { kind: 'change', dueAt: new Date(Number(at)), done: false };
          return { deadline, key: `${row.clientId}:change:${id}` };
        }),
    ];
    for (const { deadline, key } of keyed) {
      if (deadline.done) continue;
      const notice = noticeFor(deadline, rules, now);
      const facts = (person: MailRecipient) => ({
        deadline: translatorFor(person).t(`pipeline.deadlines.${deadline.kind}`),
        client: row.clientName,
        date: when(deadline.dueAt, person),
        cs: cs.name,
      });
      if (notice === 'reminder')
        mails.push(
          deadlineMail(db, 'reminder', cs, facts(cs), link, `deadline-reminder:${key}`, now),
        );
      if (notice === 'escalation') {
        for (const admin of admins)
          mails.push(
            deadlineMail(
              db,
              'escalation',
              admin,
              facts(admin),
              link,
              `deadline-escalation:${key}:${admin.id}`,
              now,
            ),
          );
      }
      const digest = digests.get(cs.id) ?? { cs, lines: [] };
      digest.lines.push(translatorFor(cs).t('mail.deadlines.digest.line', facts(cs)));
      digests.set(cs.id, digest);
    }
  }
  // The digest goes out with the first run after opening time each day.
  if (clockTimeInZone(now, rules.agency.timeZone) >= rules.businessHours.opensAt) {
    const today = isoDateInZone(now, rules.agency.timeZone);
    for (const { cs, lines } of digests.values()) {
      const { lang, t } = translatorFor(cs);
      const mail = composeMail({
        lang,
        subject: t('mail.deadlines.digest.subject', { count: lines.length }),
        paragraphs: [
          t('mail.deadlines.greeting', { name: cs.name }),
          t('mail.deadlines.digest.intro'),
          ...lines,
        ],
        action: { label: t('mail.deadlines.action'), url: `${origin}/clients` },
        footer: t('mail.footer'),
      });
      mails.push(
        queueMail(
          db,
          { idempotencyKey: `deadline-digest:${cs.id}:${today}`, to: cs.email, ...mail },
          now,
        ),
      );
    }
  }
  if (mails.length === 0) return { queued: 0 };
  const [first, ...rest] = mails.map((insert) => insert.returning({ id: outbox.id }));
  const results = first ? await db.batch([first, ...rest]) : [];
  return { queued: results.reduce((sum, inserted) => sum + inserted.length, 0) };
}

/** A reminder or an escalation e-mail, queued under its own key. */
function deadlineMail(
  db: Database,
  kind: 'reminder' | 'escalation',
  to: MailRecipient,
  facts: Record<string, string>,
  link: string,
  idempotencyKey: string,
  now: Date,
) {
  const { lang, t } = translatorFor(to);
  const mail = composeMail({
    lang,
    subject: t(`mail.deadlines.${kind}.subject`, facts),
    paragraphs: [
      t('mail.deadlines.greeting', { name: to.name }),
      t(`mail.deadlines.${kind}.body`, facts),
    ],
    action: { label: t('mail.deadlines.action'), url: link },
    footer: t('mail.footer'),
  });
  return queueMail(db, { idempotencyKey, to: to.email, ...mail }, now);
}
