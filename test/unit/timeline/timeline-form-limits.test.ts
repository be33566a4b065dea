import { describe, expect, it } from 'vitest';
import { policy } from '../../../src/policy/index.ts';
import { timelineEntryInput } from '../../../src/server/timeline/timeline-entry-input.ts';
import { acceptedFileTypes } from '../../../src/server/timeline/timeline-files.ts';

/** The entry form's bounds, from the policy: its file picker and its action rows. */
describe('the entry form’s limits', () => {
  it('offers a PDF for a report or a payment document, else the policy’s file kinds', () => {
    expect(acceptedFileTypes('monthly_report', policy)).toBe('application/pdf');
    expect(acceptedFileTypes('media_payment', policy)).toBe('application/pdf');
    expect(acceptedFileTypes('note', policy)).toBe(
      'application/pdf,image/png,image/jpeg,image/webp',
    );
    const pdfOnly = { ...policy, timeline: { ...policy.timeline, fileKinds: ['pdf' as const] } };
    expect(acceptedFileTypes('minutes', pdfOnly)).toBe('application/pdf');
  });

  it('bounds every action field’s rows (what, who, when), blank rows included', () => {
    const parse = (rows: number, field: 'actionWhat' | 'actionAssignee' | 'actionDue') =>
      timelineEntryInput(policy, '2026-03-10').safeParse({
        kind: 'minutes',
        title: 'T',
        visibility: 'internal',
        occurredOn: '2026-03-10',
        discussed: 'D',
        [field]: Array.from({ length: rows }, () => ''),
      });
    const most = policy.timeline.maxActionItems + 5;
    for (const field of ['actionWhat', 'actionAssignee', 'actionDue'] as const) {
      expect(parse(most, field).success).toBe(true);
      expect(parse(most + 1, field).success).toBe(false);
    }
  });
});
