import { describe, expect, it } from 'vitest';
import type { CountedClient } from '../../../db/round-trips.ts';
import { measureInTurns, median, samplesInRound } from '../../bench/measure.ts';
import { combineRepeats, withSpread } from '../../bench/repeats.ts';
import { sqliteCpu } from '../../bench/sqlite-cpu.ts';

const measurement = (
  cpuMs: number,
  more: Partial<{ roundTrips: number; status: number; workerCpuMs: number }> = {},
) => ({
  roundTrips: 1,
  cpuMs,
  workerCpuMs: cpuMs / 2,
  sqliteCpuMs: cpuMs / 2,
  bytes: 100,
  status: 200,
  ...more,
});

describe('the bench’s median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
});

describe('how many samples a subject takes in each round', () => {
  const perRound = (measured: number, rounds: number) =>
    Array.from({ length: rounds }, (_, round) => samplesInRound(round, measured, rounds));

  it('is the same in every round when they divide evenly', () => {
    expect(perRound(300, 60)).toEqual(Array(60).fill(5));
    expect(perRound(4, 4)).toEqual([1, 1, 1, 1]);
  });

  it('spreads samples that do not divide evenly over the run, the last round included', () => {
    const rounds = perRound(15, 60);
    expect(rounds.reduce((sum, n) => sum + n, 0)).toBe(15);
    expect(rounds.flatMap((n, round) => (n ? [round] : []))).toEqual(
      Array.from({ length: 15 }, (_, i) => 3 + 4 * i),
    );
    expect(perRound(7, 3)).toEqual([2, 2, 3]);
  });

  it('is none for a subject sampled in none', () => {
    expect(perRound(0, 10)).toEqual(Array(10).fill(0));
  });
});

describe('measuring subjects in turns', () => {
  it('probes each subject’s round trips once, then gives every subject a turn each round: a call to settle, then its samples', async () => {
    const client = { roundTrips: { count: 0, statements: 0 } } as CountedClient;
    const log: string[] = [];
    const subject = (name: string, trips: number, measured: number) => ({
      measured,
      client,
      call: async () => {
        log.push(name);
        client.roundTrips.count += trips;
        return { status: 200, bytes: name.length };
      },
    });
    const measured = await measureInTurns(
      [subject('a', 1, 4), subject('bb', 2, 4), subject('ccc', 3, 1)],
      { rounds: 2, settle: 1 },
    );
    expect(
      measured.map(({ roundTrips, bytes, status }) => ({ roundTrips, bytes, status })),
    ).toEqual([
      { roundTrips: 1, bytes: 1, status: 200 },
      { roundTrips: 2, bytes: 2, status: 200 },
      { roundTrips: 3, bytes: 3, status: 200 },
    ]);
    // The probes, then two rounds of turns (the third subject's one sample in the second).
    expect(log).toEqual([
      ...['a', 'bb', 'ccc'],
      ...['a', 'a', 'a', 'bb', 'bb', 'bb'],
      ...['a', 'a', 'a', 'bb', 'bb', 'bb', 'ccc', 'ccc'],
    ]);
    // No SQLite in these calls: the Worker's share is the whole.
    for (const { cpuMs, workerCpuMs, sqliteCpuMs } of measured) {
      expect(cpuMs).toBeGreaterThanOrEqual(0);
      expect(sqliteCpuMs).toBe(0);
      expect(workerCpuMs).toBe(cpuMs);
    }
  });
});

describe('the Worker’s share of a call', () => {
  it('is each sample’s CPU less the time counted inside SQLite, with SQLite’s median beside it', async () => {
    const client = { roundTrips: { count: 0, statements: 0 } } as CountedClient;
    const call = async () => {
      // Half a millisecond of SQLite counted on every call, and some JS of the call's own.
      sqliteCpu.micros += 500;
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += Math.sqrt(i);
      return { status: 200, bytes: sum > 0 ? 1 : 0 };
    };
    const [measured] = await measureInTurns([{ call, measured: 9, client }], {
      rounds: 3,
      settle: 0,
    });
    expect(measured?.sqliteCpuMs).toBe(0.5);
    // A constant taken off every sample moves the median by as much.
    expect((measured?.cpuMs ?? 0) - (measured?.workerCpuMs ?? 0)).toBeCloseTo(0.5, 9);
  });
});

describe('repeating the sizes', () => {
  it('takes the median of the processes’ medians, with their lowest and highest', () => {
    // The Worker's figures in another order than the whole's: each is combined on its own.
    const combined = combineRepeats([
      measurement(2.04, { workerCpuMs: 0.7 }),
      measurement(1.72, { workerCpuMs: 1.1 }),
      measurement(1.8, { workerCpuMs: 0.9 }),
    ]);
    expect(combined).toMatchObject({ cpuMs: 1.8, cpuMsMin: 1.72, cpuMsMax: 2.04, repeats: 3 });
    expect(combined).toMatchObject({ workerCpuMs: 0.9, workerCpuMsMin: 0.7, workerCpuMsMax: 1.1 });
    expect(combineRepeats([measurement(1), measurement(2)]).cpuMs).toBe(1.5);
  });

  it('reports the most round trips and the worst status any process saw', () => {
    const combined = combineRepeats([
      measurement(1),
      measurement(1, { roundTrips: 2, status: 500 }),
      measurement(1),
    ]);
    expect(combined).toMatchObject({ roundTrips: 2, status: 500 });
  });

  it('prints the spread beside the figure only when measured more than once', () => {
    expect(
      withSpread(combineRepeats([measurement(2.04), measurement(1.72), measurement(1.8)])),
    ).toBe('1.800 (1.720–2.040)');
    expect(
      withSpread(
        combineRepeats([
          measurement(2.04, { workerCpuMs: 0.7 }),
          measurement(1.72, { workerCpuMs: 1.1 }),
        ]),
        'workerCpuMs',
      ),
    ).toBe('0.900 (0.700–1.100)');
    expect(withSpread(combineRepeats([measurement(1.7)]))).toBe('1.700');
  });
});
