// `npm run jobs [name…]`: runs the scheduled jobs once from a shell, against the same
// bindings the Worker would use (DATABASE_URL, or the local D1 and R2 in .wrangler/state).
import { openLocalBindings } from '../../db/local-bindings.ts';
import { type WorkerEnv, workerDependencies } from '../worker-dependencies.ts';
import { jobs, runJobs } from './index.ts';

const local = await openLocalBindings(process.env.PONTE_STATE_DIR ?? '.wrangler/state');
try {
  const env: WorkerEnv = {
    ...(process.env as Partial<WorkerEnv>),
    DB: local.DB,
    FILES: local.FILES,
  };
  const names = process.argv.slice(2);
  // From a shell every job runs, hourly ones included, unless some are named.
  const outcomes = await runJobs(
    workerDependencies(env),
    names.length > 0 ? names : Object.keys(jobs),
  );
  console.log(JSON.stringify(outcomes, null, 2));
} finally {
  await local.dispose();
}
