import { z } from 'zod';

// A business day of a month, counted from its first (a month has at least 18 of them).
const businessDay = z.number().int().min(1).max(15);

/**
 * The monthly report deadline (#19): the report of month M is due by the end (closing time) of
 * the `dueOnBusinessDay`-th business day of M+1; its CS is reminded from the opening of the
 * `remindOnBusinessDay`-th, which may not come after it.
 */
export const monthlyReportSchema = z
  .object({ dueOnBusinessDay: businessDay, remindOnBusinessDay: businessDay })
  .refine((report) => report.remindOnBusinessDay <= report.dueOnBusinessDay, {
    path: ['remindOnBusinessDay'],
    message: 'the reminder must come before the report is due',
  });
