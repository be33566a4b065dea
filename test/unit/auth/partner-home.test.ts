import { describe, expect, it } from 'vitest';
import { readingListForRoles } from '../../../src/handbook/reading-lists.ts';
import { partnerHomeFor } from '../../../src/server/auth/partner-home.ts';

// The home reads no database: its cards follow the access table alone.
describe('the partner home', () => {
  it('shows finance the review list and nothing of clients or pieces', () => {
    expect(partnerHomeFor({ roles: ['finance'] }).mayOpen).toEqual({
      review: true,
      clients: false,
      pieces: false,
      people: false,
    });
  });

  it('shows a traffic partner the clients only, Design the pieces too, an admin everything', () => {
    expect(partnerHomeFor({ roles: ['paid_traffic'] }).mayOpen).toEqual({
      review: false,
      clients: true,
      pieces: false,
      people: false,
    });
    expect(partnerHomeFor({ roles: ['design'] }).mayOpen).toMatchObject({ pieces: true });
    expect(Object.values(partnerHomeFor({ roles: ['admin'] }).mayOpen)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it('gives each person the handbook pages their roles ask them to read', () => {
    expect(partnerHomeFor({ roles: ['cs'] }).mustRead).toEqual(readingListForRoles(['cs']));
    expect(partnerHomeFor({ roles: [] }).mayOpen.clients).toBe(false);
  });

  it('gives each role the home blocks of its work, and only where their pages let it in', () => {
    const blocksOf = (...roles: Parameters<typeof partnerHomeFor>[0]['roles']) =>
      Object.entries(partnerHomeFor({ roles }).blocks)
        .filter(([, shown]) => shown)
        .map(([block]) => block);
    expect(blocksOf('finance')).toEqual(['finance']);
    expect(blocksOf('cs')).toEqual(['clientDeadlines', 'clientPieces', 'tasksToMe']);
    expect(blocksOf('design')).toEqual(['designPieces']);
    expect(blocksOf('paid_traffic')).toEqual(['myRequests']);
    expect(blocksOf('organic_traffic')).toEqual(['myRequests']);
    // An admin reviews invoices, but the deadlines and pieces are the CS's and Design's work.
    expect(blocksOf('admin')).toEqual(['finance']);
    expect(blocksOf()).toEqual([]);
  });
});
