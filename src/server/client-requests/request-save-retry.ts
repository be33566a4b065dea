import type { Database } from '../../../db/client.ts';
import type { Policy } from '../../policy/index.ts';
import type { ContactViewer } from '../client-space/contact-viewer.ts';
import { planRequestSave } from './request-save-plan.ts';
import { openRequestTarget } from './request-target.ts';

/**
 * A draft save refused as "saved elsewhere meanwhile" whose answers are already the stored
 * draft's: the retry of a save that was written but whose response was lost (a dropped
 * connection, a 5xx after the commit). It succeeded; the draft's current version is the
 * answer, so the page goes on saving from it. Null when the stored draft differs (a real
 * conflict) or the post chose files (their bytes are not stored yet).
 */
export async function alreadySaved(
  db: Database,
  viewer: ContactViewer,
  post: { requestId: string; raw: Record<string, unknown> },
  rules: Pick<Policy, 'clientSpace' | 'onboarding'>,
): Promise<{ ok: true; requestId: string; sent: false; savedAt: Date } | null> {
  const opened = await openRequestTarget(db, viewer, { requestId: post.requestId }, rules);
  if (!opened.ok || !opened.request.savedAt) return null;
  const planned = await planRequestSave(opened.request, post.raw, rules, false);
  if (!planned.ok || planned.plan.files.length > 0) return null;
  const stored = opened.request.answers;
  const same = Object.entries(planned.plan.answers).every(([key, value]) => stored[key] === value);
  return same
    ? { ok: true, requestId: post.requestId, sent: false, savedAt: opened.request.savedAt }
    : null;
}
