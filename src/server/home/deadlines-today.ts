import type { Database } from '../../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { listClientDeadlines } from '../deadlines/client-pipeline.ts';
import {
  type DeadlinePolicy,
  deadlineUrgency,
  urgencyRulesOf,
} from '../deadlines/deadline-rules.ts';
import { HOME_ITEMS } from './finance-today.ts';

/**
 * The clients whose next deadline is overdue or due later today (agency time), most overdue
 * first: how many, and the first few with their deadline. One query (the clients list's).
 */
export async function deadlinesDueToday(
  db: Database,
  viewer: Viewer,
  rules: DeadlinePolicy,
  now: Date,
) {
  const rows = await listClientDeadlines(db, viewer, rules);
  const pressing = rows.flatMap(({ client, next }) => {
    if (!next) return [];
    const urgency = deadlineUrgency(next.dueAt, now, urgencyRulesOf(rules));
    return urgency === 'overdue' || urgency === 'today'
      ? [
          {
            clientId: client.id,
            clientName: client.name,
            kind: next.kind,
            dueAt: next.dueAt,
            urgency,
          },
        ]
      : [];
  });
  return { count: pressing.length, items: pressing.slice(0, HOME_ITEMS) };
}
