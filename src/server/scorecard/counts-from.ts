/**
 * From when a record counts for a partner: they joined the client's team then, and what is
 * dated before (a deadline due, a renewal, a loss, first days ended) is not theirs. Absent:
 * always (the client's CS, a piece's designer, a task's assignee).
 */
export type CountsFrom = { countsFrom?: Date };

/** Whether a record dated `at` is before the partner's part in it began. */
export const beforeItCounts = (at: Date, from: Date | undefined) =>
  from !== undefined && at.getTime() < from.getTime();
