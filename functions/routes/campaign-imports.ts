import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { policy } from '../../src/policy/index.ts';
import {
  chosenExport,
  importConfirmInput,
  importUploadInput,
} from '../../src/server/campaign-costs/campaign-import-input.ts';
import {
  CAMPAIGN_IMPORT_REFUSALS,
  IMPORT_PROBLEM_REFUSALS,
} from '../../src/server/campaign-costs/campaign-import-refusals.ts';
import type { ImportProblem } from '../../src/server/campaign-costs/campaign-import-result.ts';
import { saveCampaignImport } from '../../src/server/campaign-costs/campaign-import-save.ts';
import { uploadCampaignExport } from '../../src/server/campaign-costs/campaign-import-upload.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, signedIn } from '../http/client-info.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

/** The client's import page, where the upload form and the preview are. */
const importPage = (clientId: string) =>
  `/clients/${encodeURIComponent(clientId)}/campaigns/import`;

const MB = 1024 * 1024;
// The form's own parts around the file (its boundary, headers and the return address).
const MULTIPART_SLACK_BYTES = 64 * 1024;

/** Why a file cannot be imported, on its field: the line, the cell or columns, the limits. */
function refuseFile(c: Context<ApiEnv>, problem: ImportProblem, back: string) {
  return refuseWith(c, IMPORT_PROBLEM_REFUSALS, problem.problem, {
    back,
    params: {
      line: problem.line ?? 1,
      detail: problem.detail ?? '',
      mb: policy.campaignImports.maxUploadBytes / MB,
      rows: policy.campaignImports.maxRows,
      max: policy.campaignImports.maxCampaignNameChars,
    },
  });
}

/**
 * A client's campaign figures from the ads manager's export (see ACCESS_RULES; per client:
 * its CS, its paid-traffic partner, admins): the upload, read and kept for its preview,
 * then the confirm that saves it.
 */
export const campaignImportRoutes = new Hono<ApiEnv>()
  .post(
    '/:clientId/upload',
    // A body past the policy's size is refused while it arrives, before it is read whole.
    bodyLimit({
      maxSize: policy.campaignImports.maxUploadBytes + MULTIPART_SLACK_BYTES,
      onError: (c) =>
        refuseFile(
          c,
          { ok: false, problem: 'too_large' },
          importPage(c.req.param('clientId') ?? ''),
        ),
    }),
  )
  .post('/:clientId/upload', async (c) => {
    const input = await readInput(c, importUploadInput);
    const deps = c.get('deps');
    const clientId = c.req.param('clientId');
    const back = importPage(clientId);
    const file = chosenExport(input.file);
    const result = await uploadCampaignExport(deps, signedIn(c).user, clientId, file, policy);
    if (result.ok) {
      const query = new URLSearchParams({ file: result.sha256, name: file?.name ?? '' });
      return done(c, { location: `${back}?${query}#preview`, body: { file: result.sha256 } });
    }
    if (result.error === 'invalid') return refuseFile(c, result.problem, back);
    return refuseWith(c, CAMPAIGN_IMPORT_REFUSALS, result.error);
  })
  .post('/:clientId', async (c) => {
    const input = await readInput(c, importConfirmInput);
    const deps = c.get('deps');
    const clientId = c.req.param('clientId');
    const back = importPage(clientId);
    const result = await saveCampaignImport(
      deps,
      actingPerson(c),
      clientId,
      { sha256: input.file, fileName: input.name },
      policy,
      deps.clock(),
    );
    if (result.ok)
      return done(c, {
        location: back,
        body: {
          importId: result.importId,
          firstDay: result.firstDay,
          lastDay: result.lastDay,
          rows: result.rowCount,
        },
        notice: 'campaignImport.saved',
        params: { rows: result.rowCount },
      });
    if (result.error === 'invalid') return refuseFile(c, result.problem, back);
    return refuseWith(c, CAMPAIGN_IMPORT_REFUSALS, result.error, { back });
  });
