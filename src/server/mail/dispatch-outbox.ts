import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client.ts';
import { outbox } from '../../../db/schema/index.ts';
import { policy } from '../../policy/index.ts';
import { type ChatSender, createChatSender } from './chat-sender.ts';
import type { MailSender } from './mail-sender.ts';
import { claimDueMail } from './outbox.ts';
import { MAX_SEND_ATTEMPTS, nextAttemptDelayMs } from './retry-schedule.ts';

export type DispatchReport = { sent: number; retrying: number; dead: number };

/** Sends what is due in the outbox (e-mails and chat messages); each ends sent, scheduled for retry, or dead. */
export async function dispatchOutbox(deps: {
  db: Database;
  sender: MailSender;
  chat?: ChatSender;
  clock: () => Date;
  limit?: number;
}): Promise<DispatchReport> {
  const { db, sender, clock } = deps;
  const report: DispatchReport = { sent: 0, retrying: 0, dead: 0 };
  const claimed = await claimDueMail(db, clock(), deps.limit ?? 25);
  const chat = deps.chat ?? createChatSender(policy.chatWebhooks);
  for (const message of claimed) {
    const result =
      message.channel === 'chat'
        ? await chat.send({
            webhookUrl: message.toAddress,
            text: message.text,
            idempotencyKey: message.idempotencyKey,
          })
        : await sender.send({
            idempotencyKey: message.idempotencyKey,
            to: message.toAddress,
            subject: message.subject,
            html: message.html,
            text: message.text,
          });
    const now = clock();
    if (result.ok) {
      await db
        .update(outbox)
        .set({
          status: 'sent',
          sentAt: now,
          providerId: result.providerId,
          claimedUntil: null,
          lastError: null,
        })
        .where(eq(outbox.id, message.id));
      report.sent++;
    } else if (result.retryable && message.attempts < MAX_SEND_ATTEMPTS) {
      const delay = nextAttemptDelayMs(message.attempts, result.retryAfterMs);
      await db
        .update(outbox)
        .set({
          status: 'pending',
          nextAttemptAt: new Date(now.getTime() + delay),
          claimedUntil: null,
          lastError: result.error,
        })
        .where(eq(outbox.id, message.id));
      report.retrying++;
    } else {
      await db
        .update(outbox)
        .set({ status: 'dead', claimedUntil: null, lastError: result.error })
        .where(eq(outbox.id, message.id));
      report.dead++;
    }
  }
  return report;
}
