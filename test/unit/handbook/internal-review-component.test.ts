// The piece page's "Internal review" section, rendered as the page renders it (the handbook
// project compiles .astro with the Container API).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import InternalReviewRules from '../../../src/components/handbook/InternalReviewRules.astro';
import InternalReview from '../../../src/components/InternalReview.astro';
import { policy } from '../../../src/policy/index.ts';
import type { InternalReviewView } from '../../../src/server/approvals/internal-review-view.ts';

const NOW = new Date('2026-03-02T13:00:00Z');
const review = (
  status: 'open' | 'approved' | 'changes_requested',
  mayDecide: boolean,
): InternalReviewView => ({
  needed: true,
  reviewerRole: 'head_of_design',
  mayDecide,
  current: {
    versionId: 'v2',
    version: 2,
    uploadedBy: 'demo-design',
    status,
    dueAt: new Date('2026-03-02T17:00:00Z'),
    decidedAt: status === 'open' ? null : NOW,
    deciderName: status === 'open' ? null : 'Helena Holanda',
    message: status === 'changes_requested' ? 'Aumente o logo.' : null,
    sendToSameContacts: false,
  },
});

describe('the internal review section', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (view: InternalReviewView, locale: 'pt-BR' | 'en' = 'pt-BR') =>
    container.renderToString(InternalReview, {
      props: {
        review: view,
        pieceId: 'p1',
        returnTo: '/pieces/p1',
        feedback: null,
        now: NOW,
        locale,
      },
    });

  it('gives the reviewer the form: the version, an internal message, approve or ask for changes', async () => {
    const html = await render(review('open', true));
    expect(html).toContain('action="/api/pieces/p1/internal-review"');
    expect(html).toContain('name="version" value="2"');
    expect(html).toContain('value="approved"');
    expect(html).toContain('value="changes_requested"');
    expect(html).toContain('href="/policies/internal-review/"');
    expect(html).toContain('Líder de design');
  });

  it('tells the others whom it waits for, with no form', async () => {
    const html = await render(review('open', false), 'en');
    expect(html).not.toContain('<form');
    expect(html).toContain('Waiting for Head of design');
    expect(html).toContain('href="/en/policies/internal-review/"');
  });

  it('shows who asked for what, and what comes next', async () => {
    const html = await render(review('changes_requested', false), 'en');
    expect(html).toContain('Helena Holanda');
    expect(html).toContain('Aumente o logo.');
    expect(html).toContain('Upload a new version');
  });

  it('draws the handbook’s rule from the policy: another policy, another page', async () => {
    const html = await container.renderToString(InternalReviewRules, {
      props: { locale: 'en' },
    });
    expect(html).toContain('Head of design');
    expect(html).toContain('Social post, Banner.');
    expect(html).toContain('Whoever uploaded a version does not decide its review');
    const other = {
      ...policy,
      approvals: {
        ...policy.approvals,
        internalReview: {
          ...policy.approvals.internalReview,
          kinds: ['email' as const],
          uploaderMayReview: true,
        },
      },
    };
    const changed = await container.renderToString(InternalReviewRules, {
      props: { locale: 'en', policy: other },
    });
    expect(changed).toContain('E-mail.');
    expect(changed).toContain('Whoever uploaded a version may also decide its review.');
  });
});
