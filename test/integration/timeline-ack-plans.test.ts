// The every-minute job and the space's list, through EXPLAIN QUERY PLAN (libSQL): each reads
// by index, the job on the partial indexes that hold only the rows still to e-mail — not on
// every recipient ever told of a note, who stays unanswered for ever.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.ts';
import { loadSpaceTimelinePage } from '../../src/server/timeline/space-timeline.ts';
import { sendTimelineNotices } from '../../src/server/timeline/timeline-notices.ts';
import { contactViewerOf } from '../support/space-contact-session.ts';
import { TEST_ORIGIN, type TestApp } from '../support/test-app.ts';
import { openTimelineApp, RITA } from '../support/timeline-ack.ts';

type Statement = { sql: string; args: unknown[] };
type Client = {
  execute(statement: Statement): Promise<{ rows: Record<string, unknown>[] }>;
  batch(statements: Statement[], mode?: unknown): Promise<unknown>;
};

describe('the timeline job’s and the space list’s query plans (libsql)', () => {
  let app: TestApp;
  let client: Client;
  const captured: Statement[] = [];

  beforeAll(async () => {
    app = await openTimelineApp('libsql');
    client = (app.db as unknown as { $client: Client }).$client;
    const execute = client.execute.bind(client);
    const batch = client.batch.bind(client);
    client.execute = (statement) => {
      captured.push(statement);
      return execute(statement);
    };
    client.batch = (statements, mode) => {
      captured.push(...statements);
      return batch(statements, mode);
    };
  });
  afterAll(() => app.close());

  /** The plan of each statement a call sends, as lines. */
  async function plansOf(call: () => Promise<unknown>) {
    captured.length = 0;
    await call();
    const statements = [...captured];
    captured.length = 0;
    const plans: string[][] = [];
    for (const { sql, args } of statements.filter((s) => /^\s*select/i.test(s.sql))) {
      const plan = await client.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args });
      plans.push(plan.rows.map((row) => String(row.detail)));
    }
    captured.length = 0;
    return plans;
  }
  const fullScans = (plans: string[][]) =>
    plans.flat().filter((line) => /^SCAN /.test(line) && !/USING (COVERING )?INDEX/.test(line));

  it('finds who to tell and who to remind on their partial indexes', async () => {
    const plans = await plansOf(() =>
      sendTimelineNotices(app.db, policy, app.deps.clock(), TEST_ORIGIN),
    );
    expect(fullScans(plans)).toEqual([]);
    const lines = plans.flat().join('\n');
    expect(lines).toContain('USING INDEX timeline_recipients_to_notify_idx');
    expect(lines).toContain('USING INDEX timeline_recipients_to_remind_idx');
  });

  it('reads a page of the space’s timeline on the index by client', async () => {
    const viewer = await contactViewerOf(app, RITA.id);
    const plans = await plansOf(() => loadSpaceTimelinePage(app.db, policy, viewer, 1));
    expect(fullScans(plans)).toEqual([]);
    expect(plans.flat().join('\n')).toContain('USING INDEX timeline_entries_client_idx');
  });
});
