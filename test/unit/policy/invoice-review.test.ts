import { describe, expect, it } from 'vitest';
import { mayDecideOnInvoice, paidOnProblem, policy } from '../../../src/policy/index.ts';

describe('segregation of duties on invoices', () => {
  it('lets nobody decide on an invoice they submitted, whatever their roles', () => {
    expect(mayDecideOnInvoice('finance-1', { partnerId: 'finance-1' })).toBe(false);
    expect(mayDecideOnInvoice('finance-1', { partnerId: 'partner-2' })).toBe(true);
  });
});

describe('the payment date lies between the approval day and today (agency time zone)', () => {
  // 23:30 on 2 March in São Paulo (UTC−3) is already 3 March in UTC.
  const approvedAt = new Date('2026-03-03T02:30:00.000Z');
  // 23:59 on 10 March in São Paulo, already the 11th in UTC.
  const now = new Date('2026-03-11T02:59:00.000Z');
  it.each([
    ['1999-01-01', 'before_approval'],
    ['2026-03-01', 'before_approval'], // the day before the approval day
    ['2026-03-02', null], // the approval day
    ['2026-03-10', null], // today
    ['2026-03-11', 'in_future'], // tomorrow (already today in UTC)
    ['9999-12-31', 'in_future'],
  ])('%s → %s', (paidOn, problem) => {
    expect(paidOnProblem(policy, paidOn, approvedAt, now)).toBe(problem);
  });

  it('accepts the approval day when approval and payment are on the same day', () => {
    const sameDay = new Date('2026-03-02T12:00:00.000Z');
    expect(paidOnProblem(policy, '2026-03-02', sameDay, sameDay)).toBeNull();
  });
});
