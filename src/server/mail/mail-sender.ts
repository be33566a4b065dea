import { Resend } from 'resend';

/** One message as the provider receives it. */
export type OutgoingMail = {
  idempotencyKey: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

/** What a send attempt came to; `retryable` failures are tried again with backoff. */
export type SendResult =
  | { ok: true; providerId: string }
  | { ok: false; retryable: boolean; retryAfterMs: number | null; error: string };

export type MailSender = { send(mail: OutgoingMail): Promise<SendResult> };

export type ResendSettings = {
  apiKey: string;
  from: string;
  // Lets tests (and a relay) receive the exact requests Resend would.
  baseUrl?: string | undefined;
  timeoutMs?: number;
};

/** Sends through the Resend SDK with an Idempotency-Key, classifying failures for the retry rule. */
export function createResendSender(settings: ResendSettings): MailSender {
  const resend = new Resend(
    settings.apiKey,
    settings.baseUrl ? { baseUrl: settings.baseUrl } : undefined,
  );
  const timeoutMs = settings.timeoutMs ?? 10_000;
  return {
    async send(mail) {
      const { data, error, headers } = await resend.emails.send(
        {
          from: settings.from,
          to: mail.to,
          subject: mail.subject,
          html: mail.html,
          text: mail.text,
        },
        { idempotencyKey: mail.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      if (data) return { ok: true, providerId: data.id };
      const status = error?.statusCode ?? null;
      return {
        ok: false,
        retryable: isRetryableStatus(status),
        retryAfterMs: parseRetryAfter(headers?.['retry-after'] ?? null),
        error: `${status ?? 'network'}: ${error?.name ?? 'unknown'}: ${error?.message ?? ''}`.slice(
          0,
          500,
        ),
      };
    },
  };
}

/** 429 and 5xx are passing troubles; no status at all means the request never got an answer. */
export function isRetryableStatus(status: number | null): boolean {
  return status === null || status === 429 || status >= 500;
}

/** Reads Retry-After in seconds or as an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date = new Date()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}
