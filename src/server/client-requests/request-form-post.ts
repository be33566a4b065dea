import type { Database } from '../../../db/client.ts';
import type { MessageKey } from '../../i18n/index.ts';
import type { Policy } from '../../policy/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import type { FileStore } from '../files/file-store.ts';
import type { RequestAnswers } from './request-answers.ts';
import { saveRequestDraft } from './request-draft.ts';
import { planRequestSave } from './request-save-plan.ts';
import { alreadySaved } from './request-save-retry.ts';
import { openRequestTarget, type RequestTarget } from './request-target.ts';
import { submitRequest } from './submit-request.ts';

type FormRules = Pick<
  Policy,
  'businessHours' | 'holidays' | 'clientSpace' | 'agency' | 'onboarding'
>;

export type RequestFormResult =
  | { ok: true; requestId: string; sent: false; savedAt: Date }
  | { ok: true; requestId: string; sent: true; triageDueAt: Date }
  | {
      ok: false;
      error: 'not_found' | 'project_not_found' | 'project_hidden' | 'submitted' | 'draft_changed';
    }
  | { ok: false; error: 'invalid'; problems: Record<string, MessageKey>; answers: RequestAnswers }
  | {
      ok: false;
      error: 'too_large' | 'wrong_type' | 'empty';
      fieldKey: string;
      name: string;
      answers: RequestAnswers;
    };

/**
 * A contact's post of the request form, "save draft" or "send": opens what they write into
 * (their draft, or a new request in a visible project of their client), checks the whole
 * post — nothing is written when anything is wrong — then saves the draft or sends it.
 */
export async function postRequestForm(
  deps: { db: Database; files: FileStore },
  viewer: ContactViewer,
  post: { target: RequestTarget; raw: Record<string, unknown>; send: boolean },
  context: { origin: string; ip: string | null },
  rules: FormRules,
  now: Date,
): Promise<RequestFormResult> {
  // A save refused as made elsewhere meanwhile may be this post's own lost save, retried.
  const retried = (requestId: string) =>
    alreadySaved(deps.db, viewer, { requestId, raw: post.raw }, rules);
  const opened = await openRequestTarget(deps.db, viewer, post.target, rules);
  if (!opened.ok) {
    if (opened.error !== 'draft_changed' || post.send || !post.target.requestId) return opened;
    return (await retried(post.target.requestId)) ?? opened;
  }
  const planned = await planRequestSave(opened.request, post.raw, rules, post.send);
  if (!planned.ok) return planned;
  if (!post.send) {
    const saved = await saveRequestDraft(deps, viewer, opened.request, planned.plan, now);
    if (saved.ok) return { ...saved, sent: false };
    if (saved.error !== 'draft_changed') return saved;
    return (await retried(opened.request.requestId ?? opened.request.newId)) ?? saved;
  }
  const sent = await submitRequest(deps, viewer, opened.request, planned.plan, context, rules, now);
  return sent.ok ? { ...sent, sent: true } : sent;
}
