import { describe, expect, it } from 'vitest';
import { isRealDate } from '../../../src/server/forms/input-fields.ts';

describe('a typed calendar date', () => {
  it('names a day of the calendar', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-29')).toBe(false);
    expect(isRealDate('2026-13-01')).toBe(false);
    expect(isRealDate('2026-2-1')).toBe(false);
    expect(isRealDate('')).toBe(false);
  });

  it('is refused outside the years the rules can add days to, at both edges', () => {
    expect(isRealDate('1900-01-01')).toBe(true);
    expect(isRealDate('1899-12-31')).toBe(false);
    expect(isRealDate('2999-12-31')).toBe(true);
    expect(isRealDate('3000-01-01')).toBe(false);
    expect(isRealDate('9999-12-31')).toBe(false);
  });
});
