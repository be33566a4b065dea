import type { BatchItem } from 'drizzle-orm/batch';
import type { Database } from '../../../db/client.ts';
import type { clients } from '../../../db/schema/index.ts';
import { taskRequests } from '../../../db/schema/index.ts';
import {
  createTranslator,
  DEFAULT_LOCALE,
  formatCalendarDate,
  localeOf,
} from '../../i18n/index.ts';
import type { PartnerRole, Policy } from '../../policy/index.ts';
import { pickText } from '../../policy/index.ts';
import { recordEvent } from '../audit/record-event.ts';
import type { Actor } from '../auth/viewer.ts';
import { escapeChatText } from '../mail/chat-sender.ts';
import { composeMail } from '../mail/compose-mail.ts';
import { queueChatMessage, queueMail } from '../mail/outbox.ts';

export type Person = { id: string; name: string; email: string; locale: string };

/** Where people follow their task requests. */
export const TASKS_PAGE = '/tasks';

/** A request's own page: what e-mails and the client's group link to. */
export const taskPagePath = (taskId: string) => `${TASKS_PAGE}/${taskId}`;

/** An e-mail about a task request, in the recipient's language. */
export function taskMail(
  kind: 'opened' | 'accepted' | 'completed' | 'returned',
  to: Person,
  facts: Record<string, string>,
  link: string,
) {
  const lang = localeOf(to.locale);
  const t = createTranslator(lang);
  return composeMail({
    lang,
    subject: t(`mail.tasks.${kind}.subject`, facts),
    paragraphs: [
      t('mail.tasks.greeting', { name: to.name }),
      t(`mail.tasks.${kind}.body`, facts),
      ...(facts.comment ? [facts.comment] : []),
    ],
    action: { label: t('mail.tasks.action'), url: link },
    footer: t('mail.footer'),
  });
}

/** A task request already allowed by the routing rule and the lead time, ready to be written. */
export type PlannedTask = {
  id: string;
  client: Pick<typeof clients.$inferSelect, 'id' | 'name' | 'chatWebhookUrl'>;
  from: PartnerRole;
  to: PartnerRole;
  assignee: Person | null;
  what: string;
  why: string;
  dueOn: string;
  requester: { id: string; name: string };
  actor: Actor;
  origin: string;
};

/**
 * The writes that open a task request, for the caller's batch: the request, its event, the
 * client group's announcement when the policy wants one, and the assignee's e-mail. Shared by
 * the task form and the minutes' action items, so both open tasks the same way.
 */
export function taskRequestWrites(
  db: Database,
  rules: Pick<Policy, 'taskRouting' | 'roles'>,
  task: PlannedTask,
  now: Date,
): BatchItem<'sqlite'>[] {
  const { id, client, assignee } = task;
  const link = `${task.origin}${taskPagePath(id)}`;
  const writes: BatchItem<'sqlite'>[] = [
    db.insert(taskRequests).values({
      id,
      clientId: client.id,
      requesterId: task.requester.id,
      requesterRole: task.from,
      assigneeRole: task.to,
      assigneeId: assignee?.id ?? null,
      what: task.what,
      why: task.why,
      dueOn: task.dueOn,
      createdAt: now,
      updatedAt: now,
    }),
    recordEvent(
      db,
      {
        actorId: task.actor.id,
        action: 'task_opened',
        subjectType: 'task',
        subjectId: id,
        ip: task.actor.ip,
        data: { clientId: client.id, to: task.to },
      },
      now,
    ),
  ];
  // The policy wants every task announced in the client's group: through its webhook, if set.
  if (client.chatWebhookUrl && rules.taskRouting.announceInClientGroup) {
    const t = createTranslator(DEFAULT_LOCALE);
    // Everything but Ponte's own link is escaped: no pings, no disguised links.
    const text = t('mail.tasks.chat', {
      requester: escapeChatText(task.requester.name),
      role: escapeChatText(pickText(rules.roles[task.to].label, DEFAULT_LOCALE)),
      what: escapeChatText(task.what),
      due: escapeChatText(formatCalendarDate(task.dueOn, DEFAULT_LOCALE)),
      link,
    });
    writes.push(
      queueChatMessage(
        db,
        { idempotencyKey: `task-chat:${id}`, webhookUrl: client.chatWebhookUrl, text },
        now,
      ),
    );
  }
  if (assignee) {
    const mail = taskMail(
      'opened',
      assignee,
      {
        what: task.what,
        client: client.name,
        requester: task.requester.name,
        due: formatCalendarDate(task.dueOn, localeOf(assignee.locale)),
      },
      link,
    );
    writes.push(
      queueMail(db, { idempotencyKey: `task-opened:${id}`, to: assignee.email, ...mail }, now),
    );
  }
  return writes;
}
