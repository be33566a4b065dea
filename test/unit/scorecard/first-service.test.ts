import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import {
  firstMonthEndsOn,
  firstServiceStartsOn,
} from '../../../src/server/scorecard/first-service.ts';

// Agency time is UTC−3.
const sp = (isoLocal: string) => new Date(`${isoLocal}-03:00`);

describe('a client’s first service', () => {
  it('ends the first month on the same day of the next, or the month’s last day', () => {
    expect(firstMonthEndsOn('2026-01-15')).toBe('2026-02-15');
    expect(firstMonthEndsOn('2026-01-31')).toBe('2026-02-28');
    expect(firstMonthEndsOn('2028-01-31')).toBe('2028-02-29');
    expect(firstMonthEndsOn('2026-12-15')).toBe('2027-01-15');
  });

  it('takes the first service from the day the client first paid, in agency time', () => {
    const paid = sp('2026-03-31T22:00:00'); // 1 April in UTC
    const tz = policy.agency.timeZone;
    expect(firstServiceStartsOn({ paid }, '2026-05-02', tz)).toBe('2026-03-31');
    // A client from before Ponte has no payment in its pipeline: its recorded service start.
    expect(firstServiceStartsOn({}, '2026-05-02', tz)).toBe('2026-05-02');
    expect(firstServiceStartsOn({}, null, tz)).toBeNull();
  });
});
