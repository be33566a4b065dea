import { CURRENT_ONBOARDING, type Question } from '../../src/questionnaires/index.ts';
import {
  decodeFeedback,
  FEEDBACK_COOKIE,
  type FormFeedback,
  feedbackKey,
} from '../../src/server/forms/form-feedback.ts';
import { latestMailMatch, postJson } from './sign-in.ts';
import { SAME_ORIGIN, type TestApp } from './test-app.ts';

export const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A valid answer for any question kind, for filling a questionnaire in tests. */
function validAnswer(question: Question): string | string[] {
  if (question.kind === 'email') return 'contato@paoquente.example';
  if (question.kind === 'phone') return '+55 11 98765-4321';
  if (question.kind === 'url') return 'https://paoquente.example';
  if (question.kind === 'checklist') return [question.options?.[0]?.id ?? ''];
  return `Resposta para ${question.id}`;
}

/** A valid answer to every required question that is not a file. */
export const requiredAnswers = Object.fromEntries(
  CURRENT_ONBOARDING.sections
    .flatMap((s) => s.questions)
    .filter((q) => q.required && q.kind !== 'files')
    .map((q) => [q.id, validAnswer(q)]),
);

/** The token of the newest onboarding link e-mailed to an address. */
export async function onboardingToken(app: TestApp, to: string): Promise<string> {
  const token = await latestMailMatch(app, to, /\/onboarding\/([a-z2-7]{32})/);
  if (!token) throw new Error(`no onboarding link for ${to}`);
  return token;
}

/** The multipart form that uploads a file for a question through an onboarding link. */
export function uploadForm(questionId: string, bytes: Uint8Array, name: string): RequestInit {
  const form = new FormData();
  form.set('questionId', questionId);
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/pdf' }));
  return { method: 'POST', headers: SAME_ORIGIN, body: form };
}

/** CS sends a client's contacts their onboarding links, as the client page does. */
export async function sendOnboardingLinks(
  app: TestApp,
  cs: string,
  clientId: string,
  contactIds: string[],
) {
  const sent = await app.request(
    `/api/clients/${clientId}/onboarding`,
    postJson({ contactIds }, { cookie: cs }),
  );
  if (sent.status !== 200) throw new Error(`onboarding links: ${sent.status}`);
}

/** The bakery's links, sent to Rita and João; returns Rita's token. */
export async function sendBakeryLinks(app: TestApp, cs: string): Promise<string> {
  await sendOnboardingLinks(app, cs, 'demo-client-bakery', [
    'demo-contact-bakery-owner',
    'demo-contact-bakery-marketing',
  ]);
  return onboardingToken(app, 'rita@paoquente.example');
}

/** The clinic's link, sent to Marina. */
export function sendClinicLink(app: TestApp, cs: string) {
  return sendOnboardingLinks(app, cs, 'demo-client-clinic', ['demo-contact-clinic-director']);
}

/**
 * A section's own form as a browser without JavaScript posts it (multipart, a page wanted
 * back): typed answers, the button pressed, and the files chosen in its file fields — a
 * field left empty posts a nameless, empty part, as browsers do.
 */
export function sectionForm(
  answers: Record<string, string>,
  action: 'next' | 'save' | 'upload',
  files: Record<string, { bytes: Uint8Array; name: string } | null>,
): RequestInit {
  const form = new FormData();
  for (const [name, value] of Object.entries(answers)) form.set(name, value);
  form.set('action', action);
  for (const [questionId, file] of Object.entries(files)) {
    const part = file ? [file.bytes as Uint8Array<ArrayBuffer>] : [];
    form.append(questionId, new File(part, file?.name ?? '', { type: 'application/octet-stream' }));
  }
  return { method: 'POST', headers: { ...SAME_ORIGIN, Accept: 'text/html' }, body: form };
}

/** The feedback a plain form post left for its page (the signed cookie, read back). */
export function feedbackOf(response: Response): FormFeedback | null {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(FEEDBACK_COOKIE));
  const value = cookie?.split(';')[0]?.slice(FEEDBACK_COOKIE.length + 1);
  return decodeFeedback(value, feedbackKey(undefined));
}
