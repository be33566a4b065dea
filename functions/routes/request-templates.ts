import { Hono } from 'hono';
import { policy } from '../../src/policy/index.ts';
import { templateFormInput } from '../../src/server/client-requests/request-input.ts';
import { TEMPLATE_REFUSALS } from '../../src/server/client-requests/request-refusals.ts';
import { saveClientTemplate } from '../../src/server/client-requests/template-editor.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuse, refuseWith } from '../http/respond.ts';

/** The client's request forms page, where the editor's form returns. */
const formsPage = (clientId: string) =>
  `/clients/${encodeURIComponent(clientId)}/request-templates`;

/** The agency's request forms per client: its CS or an admin saves a new version (see ACCESS_RULES). */
export const requestTemplateRoutes = new Hono<ApiEnv>().post('/:clientId', async (c) => {
  const form = await readInput(c, templateFormInput);
  const { db, clock } = c.get('deps');
  const clientId = c.req.param('clientId');
  // A save returns to its form; a refusal to the page's top, where the error summary is.
  const back = formsPage(clientId);
  const result = await saveClientTemplate(db, actingPerson(c), clientId, form, policy, clock());
  if (result.ok) {
    return done(c, {
      location: `${back}#form-${form.kind}`,
      body: { templateId: result.templateId, version: result.version },
      notice: 'requestTemplates.saved',
      params: { version: String(result.version) },
    });
  }
  if (result.error !== 'invalid') return refuseWith(c, TEMPLATE_REFUSALS, result.error, { back });
  // Each problem is marked on its row's cell: field-<kind>-<row>-<column>.
  const t = c.get('t');
  const fields: Record<string, string> = {};
  for (const problem of result.problems) {
    const name =
      problem.row === null ? `${form.kind}-fields` : `${form.kind}-${problem.row}-${problem.field}`;
    fields[name] =
      problem.row === null
        ? t(problem.messageKey)
        : t('requestTemplates.rowProblem', {
            n: String(problem.row + 1),
            problem: t(problem.messageKey),
          });
  }
  return refuse(c, { ...TEMPLATE_REFUSALS.invalid, fields, back });
});
