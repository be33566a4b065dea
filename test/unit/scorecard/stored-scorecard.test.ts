import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { scorecardOf, withBestOfMonth } from '../../../src/server/scorecard/scorecard-pay.ts';
import { emptyCounts } from '../../../src/server/scorecard/scorecard-rules.ts';
import {
  SCORECARD_FORMAT,
  scorecardFromStored,
  storedScorecardOf,
} from '../../../src/server/scorecard/stored-scorecard.ts';

// A paid partner's March as format 1 stored it (December 2026): kept as written, so a later
// change to the Scorecard type that no longer reads it fails here.
const FORMAT_1 =
  '{"month":"2026-03","complete":true,"asOf":"2026-04-01T03:00:00.000Z","counts":{"firstContacts":{"onTime":0,"missed":0,"ahead":0},"launches":{"onTime":3,"missed":1,"ahead":0},"changes":{"onTime":0,"missed":0,"ahead":0},"renewals":2,"lostAfterFirstMonth":1,"refundsInFirstDays":0,"noRefundInFirstDays":1,"refundWindowsOpen":0,"satisfaction":{"answers":3,"average":4.333333333333333,"low":1},"deadlinesMissed":2},"currency":"BRL","lines":[{"kind":"base","count":1,"unitMinorUnits":150000,"totalMinorUnits":150000},{"kind":"renewedAfterFirstMonth","count":2,"unitMinorUnits":10000,"totalMinorUnits":20000},{"kind":"lostAfterFirstMonth","count":1,"unitMinorUnits":-5000,"totalMinorUnits":-5000},{"kind":"refundInFirstDays","count":0,"unitMinorUnits":-4000,"totalMinorUnits":0},{"kind":"noRefundInFirstDays","count":1,"unitMinorUnits":2000,"totalMinorUnits":2000},{"kind":"missedLaunch","count":1,"unitMinorUnits":-5000,"totalMinorUnits":-5000},{"kind":"bestOfMonth","count":1,"unitMinorUnits":30000,"totalMinorUnits":30000}],"variableMinorUnits":12000,"totalMinorUnits":192000}';

// The same month counted today.
const march = () => {
  const counts = {
    ...emptyCounts(),
    renewals: 2,
    lostAfterFirstMonth: 1,
    launches: { onTime: 3, missed: 1, ahead: 0 },
    satisfaction: { answers: 3, average: 13 / 3, low: 1 },
    deadlinesMissed: 2,
    noRefundInFirstDays: 1,
  };
  const asOf = new Date('2026-04-01T03:00:00.000Z');
  const scorecard = scorecardOf({ month: '2026-03', complete: true, asOf, counts }, true, policy);
  return withBestOfMonth(
    { partnerId: 'x', scorecard },
    { partnerIds: ['x'], eachMinorUnits: 30_000 },
  );
};

describe('a closed month’s stored scorecard', () => {
  it('reads format 1 as written back into a Scorecard, its instant a Date', () => {
    const read = scorecardFromStored(1, FORMAT_1);
    expect(read.asOf).toBeInstanceOf(Date);
    // A line of no count reads back as 0 where the count gave −0: the pages show them alike.
    expect({ ...read, asOf: read.asOf.toISOString() }).toEqual(JSON.parse(JSON.stringify(march())));
    expect(read.asOf).toEqual(march().asOf);
  });

  it('writes today’s scorecards in format 1, as the fixture', () => {
    expect(SCORECARD_FORMAT).toBe(1);
    expect(JSON.stringify(storedScorecardOf(march()))).toBe(FORMAT_1);
  });

  it('refuses a format it does not know (a newer Ponte wrote it)', () => {
    expect(() => scorecardFromStored(2, FORMAT_1)).toThrow(/format 2/);
  });
});
