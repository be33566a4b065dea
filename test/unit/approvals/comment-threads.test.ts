import { describe, expect, it } from 'vitest';
import { replyIsInternal, threadsOf } from '../../../src/server/approvals/comment-threads.ts';

const c = (id: string, parentId: string | null = null) => ({ id, parentId });

describe('comment threads', () => {
  it('groups replies under their first comment, in order, one level deep', () => {
    const threads = threadsOf([c('a'), c('b'), c('r1', 'a'), c('r2', 'b'), c('r3', 'a')]);
    expect(threads.map((t) => [t.id, t.replies.map((r) => r.id)])).toEqual([
      ['a', ['r1', 'r3']],
      ['b', ['r2']],
    ]);
  });

  it('leaves out a reply whose first comment is not there (a client never gets an internal one)', () => {
    expect(threadsOf([c('r1', 'hidden'), c('a')]).map((t) => [t.id, t.replies])).toEqual([
      ['a', []],
    ]);
    expect(threadsOf([])).toEqual([]);
  });

  it('keeps a reply internal under an internal comment, whatever is asked', () => {
    expect(replyIsInternal({ internal: true }, { internalOnly: false })).toBe(true);
    expect(replyIsInternal({ internal: true }, { internalOnly: true })).toBe(true);
  });

  it('shows a reply in a thread the client sees unless it is marked internal only', () => {
    expect(replyIsInternal({ internal: false }, { internalOnly: false })).toBe(false);
    expect(replyIsInternal({ internal: false }, { internalOnly: true })).toBe(true);
  });
});
