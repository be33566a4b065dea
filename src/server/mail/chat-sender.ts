import { isRetryableStatus, parseRetryAfter, type SendResult } from './mail-sender.ts';

/** Posts to chat groups' incoming webhooks (Slack's format: a JSON body with `text`). */
export type ChatSender = {
  send(message: { webhookUrl: string; text: string; idempotencyKey: string }): Promise<SendResult>;
};

/** A sender over fetch, with a timeout; failures are classified like e-mail ones for the retry rule. */
export function createChatSender(timeoutMs = 10_000): ChatSender {
  return {
    async send(message) {
      try {
        const response = await fetch(message.webhookUrl, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': message.idempotencyKey,
          },
          body: JSON.stringify({ text: message.text }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
        if (response.ok) return { ok: true, providerId: `chat-${response.status}` };
        return {
          ok: false,
          retryable: isRetryableStatus(response.status),
          retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
          error: `${response.status}: chat webhook refused`,
        };
      } catch (error) {
        return {
          ok: false,
          retryable: true,
          retryAfterMs: null,
          error: `network: ${String(error)}`.slice(0, 500),
        };
      }
    },
  };
}
