// `npm start`: Ponte as it is deployed, on this machine, with the demo data and no accounts.
// The production build (so the handbook's search works: its index is made at build time) is
// served by `wrangler dev` over the embedded local D1 (.wrangler/state, migrated and seeded by
// `npm run setup`). E-mails go through the real Resend SDK to a local mailbox, readable in the
// browser, and the cron runs every few seconds (so a sign-in link arrives at once).

import { spawn } from 'node:child_process';
import { BUILD_ENV, buildSite } from '../support/built-worker.ts';
import { startLocalMailbox } from './local-mailbox.ts';

const PORT = Number(process.env.PORT ?? 8787);
const origin = `http://127.0.0.1:${PORT}`;

if (!process.env.PONTE_SKIP_BUILD) buildSite({ quiet: true });
const mailbox = await startLocalMailbox(PORT + 1);
const worker = spawn(
  'npx',
  [
    'wrangler',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(PORT),
    '--show-interactive-dev-session=false',
    ...[
      'PUBLIC_ORIGIN',
      origin,
      'RESEND_API_KEY',
      're_local',
      'RESEND_BASE_URL',
      mailbox.url,
    ].flatMap((value, at, all) => (at % 2 === 0 ? ['--var', `${value}:${all[at + 1]}`] : [])),
  ],
  { env: BUILD_ENV, stdio: 'inherit' },
);

// The deployed Worker's cron runs each minute; here the jobs run every 3 s instead.
const cron = setInterval(() => {
  fetch(`${origin}/cdn-cgi/handler/scheduled?cron=*+*+*+*+*`).catch(() => {});
}, 3000);

console.log(`\nPonte: ${origin}/ (handbook)  ${origin}/sign-in  ·  e-mails: ${mailbox.url}/\n`);

const stop = () => {
  clearInterval(cron);
  worker.kill('SIGTERM');
  void mailbox.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
worker.on('exit', (code) => {
  clearInterval(cron);
  void mailbox.close().then(() => process.exit(code ?? 0));
});
