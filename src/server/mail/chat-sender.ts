import { checkWebhookUrl } from '../../policy/index.ts';
import { isRetryableStatus, parseRetryAfter, type SendResult } from './mail-sender.ts';

/**
 * Text a person typed, made inert for a Slack-format message: `&`, `<` and `>` are its
 * control characters (`<!channel>` pings everyone, `<https://x|label>` disguises a link).
 */
export function escapeChatText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Posts to chat groups' incoming webhooks (Slack's format: a JSON body with `text`). */
export type ChatSender = {
  send(message: { webhookUrl: string; text: string; idempotencyKey: string }): Promise<SendResult>;
};

/** What a chat sender needs: the policy's allowed hosts, and (tests) a fetch and a timeout. */
export type ChatSenderOptions = {
  allowedHosts: readonly string[];
  timeoutMs?: number;
  // Tests route the allowed hosts to a local capture server, as a DNS entry would.
  fetch?: typeof fetch;
};

/**
 * A sender over fetch, with a timeout; failures are classified like e-mail ones for the retry
 * rule. The address is checked again here (a row written before the rule must not reach an
 * internal address), and a redirect is never followed: it is a permanent failure.
 */
export function createChatSender(options: ChatSenderOptions): ChatSender {
  const send = options.fetch ?? fetch;
  const refused = (error: string) =>
    ({ ok: false, retryable: false, retryAfterMs: null, error }) as const;
  return {
    async send(message) {
      const problem = checkWebhookUrl(message.webhookUrl, options);
      if (problem) return refused(`webhook address refused: ${problem}`);
      try {
        const response = await send(message.webhookUrl, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': message.idempotencyKey,
          },
          // No previews of whatever the text mentions.
          body: JSON.stringify({ text: message.text, unfurl_links: false, unfurl_media: false }),
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
        });
        await response.body?.cancel();
        if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400))
          return refused(
            `${response.status}: chat webhook redirected (redirects are not followed)`,
          );
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
