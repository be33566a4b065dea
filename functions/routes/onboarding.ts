import type { Context } from 'hono';
import { Hono } from 'hono';
import { createTranslator } from '../../src/i18n/index.ts';
import { policy } from '../../src/policy/index.ts';
import { problemsByQuestion } from '../../src/server/onboarding/check-answers.ts';
import { saveAnswers } from '../../src/server/onboarding/onboarding-answers.ts';
import {
  removeOnboardingFile,
  uploadOnboardingFile,
} from '../../src/server/onboarding/onboarding-files.ts';
import {
  autosaveInput,
  sectionInput,
  submissionInput,
  uploadInput,
} from '../../src/server/onboarding/onboarding-input.ts';
import {
  markOnboardingOpened,
  type OpenOnboarding,
  openOnboardingByToken,
} from '../../src/server/onboarding/onboarding-links.ts';
import { ONBOARDING_REFUSALS } from '../../src/server/onboarding/onboarding-refusals.ts';
import { saveSection } from '../../src/server/onboarding/onboarding-section-save.ts';
import { submitOnboarding } from '../../src/server/onboarding/submit-onboarding.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { clientIp, requestOrigin } from '../http/client-info.ts';
import { readInput, wantsHtml } from '../http/read-input.ts';
import { done, redirectWithFeedback, refuseLink, refuseWith } from '../http/respond.ts';

const MB = 1024 * 1024;

/**
 * Opens the onboarding of the token in the path and answers in its contact's language;
 * a bad link gets 404 (unknown) or 410 (revoked, expired) with a clear message.
 */
async function openByPath(
  c: Context<ApiEnv>,
  options: { withContents?: boolean } = {},
): Promise<OpenOnboarding | Response> {
  const { db, clock } = c.get('deps');
  const opened = await openOnboardingByToken(db, c.req.param('token') ?? '', clock(), options);
  if (!opened.ok) return refuseLink(c, opened.error, 'onboarding');
  c.set('locale', opened.onboarding.contact.locale);
  c.set('t', createTranslator(opened.onboarding.contact.locale));
  return opened.onboarding;
}

/** The page of a section (or the review page) of a link; `changing`: opened from the review. */
const pageOf = (token: string, section: string, changing = false) =>
  `/onboarding/${token}/${section}${changing ? '?change=1' : ''}`;

/** The client side of onboarding: reached by a personal link, no account (see ACCESS_RULES). */
export const onboardingRoutes = new Hono<ApiEnv>()
  .post('/:token/opened', async (c) => {
    // Sent by the page's script once it is shown: a person, not a mail scanner's GET.
    const onboarding = await openByPath(c, { withContents: false });
    if (onboarding instanceof Response) return onboarding;
    const { db, clock } = c.get('deps');
    await db.batch([markOnboardingOpened(db, onboarding.linkId, clock())]);
    return c.body(null, 204);
  })
  .post('/:token/answers', async (c) => {
    // Autosave checks each answer on its own: the answers so far are not needed.
    const onboarding = await openByPath(c, { withContents: false });
    if (onboarding instanceof Response) return onboarding;
    const { answers } = await readInput(c, autosaveInput);
    const { db, clock } = c.get('deps');
    const result = await saveAnswers(db, onboarding, { raw: answers }, clock());
    if (!result.ok) return refuseWith(c, ONBOARDING_REFUSALS, result.error);
    const t = c.get('t');
    const problems = Object.fromEntries(
      Object.entries(result.problems).map(([id, key]) => [id, t(key)]),
    );
    return c.json({ saved: result.saved, problems });
  })
  .post('/:token/sections/:section', async (c) => {
    const onboarding = await openByPath(c);
    if (onboarding instanceof Response) return onboarding;
    const { action, afterSave, ...raw } = await readInput(c, sectionInput);
    const changing = afterSave === 'review';
    const deps = c.get('deps');
    const sectionId = c.req.param('section');
    const sections = onboarding.questionnaire.sections.map((s) => s.id);
    // The section names the page a plain form returns to: only the questionnaire's own.
    if (!sections.includes(sectionId)) return refuseWith(c, ONBOARDING_REFUSALS, 'unknown_section');
    const token = c.req.param('token');
    // Files chosen in the section's form are stored with it, whichever button sent it.
    const result = await saveSection(
      deps,
      onboarding,
      { raw, sectionId, advance: action === 'next' },
      policy,
      deps.clock(),
    );
    if (!result.ok)
      return refuseWith(c, ONBOARDING_REFUSALS, result.error, {
        back: pageOf(token, sectionId, changing),
        params: {
          mb: policy.onboarding.maxUploadBytes / MB,
          ...('name' in result ? { name: result.name } : {}),
        },
        // A refused file is named next to its field: the person knows which to choose again.
        ...('questionId' in result
          ? {
              field: result.questionId,
              messageKey: `onboarding.fileRefused.${result.error}` as const,
            }
          : {}),
      });
    const t = c.get('t');
    const index = sections.indexOf(sectionId);
    const problems = Object.fromEntries(
      Object.entries(result.problems).map(([id, key]) => [id, t(key)]),
    );
    if (action === 'next' && Object.keys(problems).length > 0) {
      if (!wantsHtml(c)) return c.json({ saved: result.saved, problems }, 400);
      return redirectWithFeedback(c, pageOf(token, sectionId, changing), {
        error: t('onboarding.fixBeforeNext'),
        fields: problemsByQuestion(onboarding, result.problems, t),
      });
    }
    const target =
      action === 'next'
        ? changing
          ? 'review'
          : (sections[index + 1] ?? 'review')
        : action === 'back'
          ? (sections[index - 1] ?? sectionId)
          : sectionId;
    return done(c, {
      location: pageOf(token, target, changing && target === sectionId),
      body: { saved: result.saved, problems, storedFiles: result.storedFiles },
      notice: result.storedFiles > 0 ? 'onboarding.savedWithFiles' : 'onboarding.saved',
    });
  })
  .post('/:token/files', async (c) => {
    const onboarding = await openByPath(c);
    if (onboarding instanceof Response) return onboarding;
    const { questionId, file } = await readInput(c, uploadInput);
    const deps = c.get('deps');
    const result = await uploadOnboardingFile(
      deps,
      onboarding,
      { questionId, name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
      policy,
      deps.clock(),
    );
    const section = onboarding.questionnaire.sections.find((s) =>
      s.questions.some((q) => q.id === questionId),
    );
    const back = section ? pageOf(c.req.param('token'), section.id) : '/';
    if (!result.ok)
      return refuseWith(c, ONBOARDING_REFUSALS, result.error, {
        back,
        params: { mb: policy.onboarding.maxUploadBytes / MB },
        field: questionId,
      });
    return done(c, { location: back, body: { id: result.fileId }, notice: 'onboarding.uploaded' });
  })
  .post('/:token/files/:fileId/delete', async (c) => {
    const onboarding = await openByPath(c);
    if (onboarding instanceof Response) return onboarding;
    const result = await removeOnboardingFile(c.get('deps'), onboarding, c.req.param('fileId'));
    if (!result.ok) return refuseWith(c, ONBOARDING_REFUSALS, result.error);
    const file = onboarding.files.find((f) => f.id === c.req.param('fileId'));
    const section = onboarding.questionnaire.sections.find((s) =>
      s.questions.some((q) => q.id === file?.questionId),
    );
    return done(c, {
      location: pageOf(c.req.param('token'), section?.id ?? 'review'),
      body: { removed: true },
      notice: 'onboarding.removed',
    });
  })
  .post('/:token/submit', async (c) => {
    const onboarding = await openByPath(c);
    if (onboarding instanceof Response) return onboarding;
    const { consent } = await readInput(c, submissionInput);
    const { db, clock } = c.get('deps');
    const token = c.req.param('token');
    const result = await submitOnboarding(
      db,
      onboarding,
      { consent, origin: requestOrigin(c), ip: clientIp(c) },
      policy,
      clock(),
    );
    if (!result.ok)
      return refuseWith(c, ONBOARDING_REFUSALS, result.error, { back: pageOf(token, 'review') });
    return done(c, { location: `/onboarding/${token}`, body: { submitted: true } });
  });
