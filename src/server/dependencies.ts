import type { Database } from '../../db/client.ts';
import type { FileStore } from './files/file-store.ts';
import type { ChatSender } from './mail/chat-sender.ts';
import type { MailSender } from './mail/mail-sender.ts';

/**
 * Everything a request or a job needs from the outside world, passed in rather than
 * imported, so tests give real local parts (a SQLite file, Miniflare's R2, a capture
 * server for e-mail) and a fixed clock.
 */
export type Dependencies = {
  db: Database;
  files: FileStore;
  // null in development: messages stay in the outbox, readable in the mail viewer.
  mailSender: MailSender | null;
  clock: () => Date;
  // Posts to chat webhooks; absent, fetch to the policy's allowed hosts (tests route them locally).
  chatSender?: ChatSender;
  // Where Ponte is reached (PUBLIC_ORIGIN): every link in an e-mail starts here, never at a Host header.
  publicOrigin: string;
  // Signs the form-feedback cookie (FORM_SECRET); absent, each instance uses a random key.
  formSecret?: string;
};
