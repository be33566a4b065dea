import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PARTNER_ROLES, policy, ROLES } from '../../../src/policy/index.ts';
import {
  askableRoles,
  checkTaskRequest,
  requestingRole,
} from '../../../src/server/tasks/task-rules.ts';
import { nextTaskActions } from '../../../src/server/tasks/task-status.ts';

// A matrix of our own, so the tests do not lean on the agency's current choices.
const rules = {
  taskRouting: {
    ...policy.taskRouting,
    mayRequestFrom: {
      cs: ['design', 'paid_traffic'],
      design: ['cs'],
      paid_traffic: [],
      organic_traffic: ['cs'],
    },
  },
} as const satisfies Pick<typeof policy, 'taskRouting'>;

describe('askableRoles: what the task form offers', () => {
  it('gives the roles the matrix lets a role ask, in the policy’s order', () => {
    expect(askableRoles(['cs'], rules)).toEqual(['paid_traffic', 'design']);
    expect(askableRoles(['design'], rules)).toEqual(['cs']);
    expect(askableRoles(['paid_traffic'], rules)).toEqual([]);
  });

  it('joins what each of a person’s roles may ask, and gives staff nothing', () => {
    expect(askableRoles(['paid_traffic', 'design'], rules)).toEqual(['cs']);
    expect(askableRoles(['design', 'cs'], rules)).toEqual(['cs', 'paid_traffic', 'design']);
    expect(askableRoles(['finance', 'admin'], rules)).toEqual([]);
  });

  it('offers exactly the roles the server accepts (any roles, the real policy)', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    fc.assert(
      fc.property(fc.subarray([...ROLES]), (roles) => {
        const offered = askableRoles(roles, policy);
        for (const to of PARTNER_ROLES) {
          // What openTaskRequest does: the role asked in, then the rule (a date far enough).
          const from = requestingRole(roles, to, policy);
          const accepted =
            from !== null &&
            checkTaskRequest({ from, to, dueOn: '2999-01-01' }, policy, now) === null;
          expect(offered.includes(to)).toBe(accepted);
        }
      }),
    );
  });
});

describe('nextTaskActions', () => {
  it('offers accepting an open request, completing an accepted one, returning either', () => {
    expect(nextTaskActions('open', true)).toEqual({ accept: true, complete: false, return: true });
    expect(nextTaskActions('accepted', true)).toEqual({
      accept: false,
      complete: true,
      return: true,
    });
    expect(nextTaskActions('completed', true)).toEqual({
      accept: false,
      complete: false,
      return: false,
    });
    expect(nextTaskActions('returned', true)).toEqual({
      accept: false,
      complete: false,
      return: false,
    });
  });

  it('offers nothing to someone who may not act on the request', () => {
    for (const status of ['open', 'accepted', 'completed', 'returned'] as const) {
      expect(nextTaskActions(status, false)).toEqual({
        accept: false,
        complete: false,
        return: false,
      });
    }
  });
});
