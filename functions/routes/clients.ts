import { Hono } from 'hono';
import { policy } from '../../src/policy/index.ts';
import { clientInput, contactInput, teamInput } from '../../src/server/clients/client-input.ts';
import { CLIENT_REFUSALS } from '../../src/server/clients/client-refusals.ts';
import {
  addTeamMember,
  getClientView,
  removeTeamMember,
} from '../../src/server/clients/client-teams.ts';
import {
  createClient,
  listClientNames,
  mayRegisterClients,
  saveContact,
  updateClient,
} from '../../src/server/clients/clients.ts';
import { removeContact } from '../../src/server/clients/remove-contact.ts';
import { markChangeDone, recordChangeRequest } from '../../src/server/deadlines/change-requests.ts';
import { recordStage } from '../../src/server/deadlines/client-pipeline.ts';
import { changeInput, stageInput } from '../../src/server/deadlines/deadline-input.ts';
import { DEADLINE_REFUSALS } from '../../src/server/deadlines/deadline-refusals.ts';
import { contentDisposition } from '../../src/server/files/file-names.ts';
import { onboardingSendInput } from '../../src/server/onboarding/onboarding-input.ts';
import { ONBOARDING_REFUSALS } from '../../src/server/onboarding/onboarding-refusals.ts';
import {
  exportOnboardingMarkdown,
  getOnboardingFileFor,
} from '../../src/server/onboarding/onboarding-review.ts';
import {
  revokeOnboardingLinks,
  sendOnboarding,
} from '../../src/server/onboarding/send-onboarding.ts';
import { recordRenewal } from '../../src/server/renewals/record-renewal.ts';
import { renewalInput } from '../../src/server/renewals/renewal-input.ts';
import { RENEWAL_REFUSALS } from '../../src/server/renewals/renewal-refusals.ts';
import type { ApiEnv } from '../http/api-env.ts';
import { actingPerson, requestOrigin, signedIn } from '../http/client-info.ts';
import { fileHeaders } from '../http/file-headers.ts';
import { readInput } from '../http/read-input.ts';
import { done, refuseWith } from '../http/respond.ts';

const clientPage = (id: string) => `/clients/${encodeURIComponent(id)}`;

/**
 * Clients, contacts, teams, onboarding. CS (their own clients) and admins (all) keep them;
 * partners on a client's team read it; anyone else gets 404. See ACCESS_RULES.
 */
export const clientRoutes = new Hono<ApiEnv>()
  .get('/', async (c) => {
    const { db } = c.get('deps');
    return c.json({ clients: await listClientNames(db, signedIn(c).user) });
  })
  .get('/:id', async (c) => {
    const { db } = c.get('deps');
    const view = await getClientView(db, signedIn(c).user, c.req.param('id'));
    if (!view) return refuseWith(c, CLIENT_REFUSALS, 'not_found');
    const { id, name, segment, serviceStartsOn, serviceEndsOn, groupChatUrl } = view.client;
    return c.json({
      client: { id, name, segment, serviceStartsOn, serviceEndsOn, groupChatUrl },
      cs: { id: view.client.csUserId, name: view.csName },
      team: view.team,
      mayManage: view.mayManage,
    });
  })
  .post('/', async (c) => {
    if (!mayRegisterClients(signedIn(c).user)) return refuseWith(c, CLIENT_REFUSALS, 'forbidden');
    const input = await readInput(c, clientInput);
    const { db, clock } = c.get('deps');
    const result = await createClient(db, { input, ...actingPerson(c) }, policy, clock());
    if (!result.ok) return refuseWith(c, CLIENT_REFUSALS, result.error);
    return done(c, {
      location: clientPage(result.clientId),
      body: { id: result.clientId },
      notice: 'clients.created',
    });
  })
  .post('/:id', async (c) => {
    const input = await readInput(c, clientInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await updateClient(db, { clientId, input, ...actingPerson(c) }, policy, clock());
    if (!result.ok) return refuseWith(c, CLIENT_REFUSALS, result.error);
    return done(c, {
      location: clientPage(clientId),
      body: { id: clientId },
      notice: 'clients.saved',
    });
  })
  .post('/:id/contacts', async (c) => {
    const input = await readInput(c, contactInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await saveContact(db, { clientId, input, ...actingPerson(c) }, clock());
    if (!result.ok) return refuseWith(c, CLIENT_REFUSALS, result.error);
    return done(c, {
      location: clientPage(clientId),
      body: { id: result.contactId },
      notice: 'clients.contactSaved',
    });
  })
  .post('/:id/contacts/:contactId', async (c) => {
    const input = await readInput(c, contactInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await saveContact(
      db,
      { clientId, contactId: c.req.param('contactId'), input, ...actingPerson(c) },
      clock(),
    );
    if (!result.ok) return refuseWith(c, CLIENT_REFUSALS, result.error);
    return done(c, {
      location: clientPage(clientId),
      body: { id: result.contactId },
      notice: 'clients.contactSaved',
    });
  })
  .post('/:id/contacts/:contactId/delete', async (c) => {
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await removeContact(
      db,
      { clientId, contactId: c.req.param('contactId'), ...actingPerson(c) },
      requestOrigin(c),
      clock(),
    );
    if (!result.ok) return refuseWith(c, CLIENT_REFUSALS, result.error);
    return done(c, {
      location: clientPage(clientId),
      body: { removed: true },
      notice: 'clients.contactRemoved',
    });
  })
  .post('/:id/team', async (c) => {
    const input = await readInput(c, teamInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await addTeamMember(db, { clientId, ...input, ...actingPerson(c) }, clock());
    if (!result.ok) return refuseWith(c, CLIENT_REFUSALS, result.error);
    return done(c, {
      location: `${clientPage(clientId)}#team`,
      body: { added: result.added },
      notice: result.added ? 'teams.added' : 'teams.alreadyOn',
    });
  })
  .post('/:id/team/remove', async (c) => {
    const input = await readInput(c, teamInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await removeTeamMember(db, { clientId, ...input, ...actingPerson(c) }, clock());
    if (!result.ok) return refuseWith(c, CLIENT_REFUSALS, result.error);
    return done(c, {
      location: `${clientPage(clientId)}#team`,
      body: { removed: true },
      notice: 'teams.removed',
    });
  })
  .post('/:id/changes', async (c) => {
    const input = await readInput(c, changeInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await recordChangeRequest(
      db,
      { clientId, ...input, ...actingPerson(c) },
      policy,
      clock(),
    );
    if (!result.ok) return refuseWith(c, DEADLINE_REFUSALS, result.error);
    return done(c, {
      location: `${clientPage(clientId)}#changes`,
      body: { id: result.changeId },
      notice: 'changes.recorded',
    });
  })
  .post('/:id/changes/:changeId/done', async (c) => {
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await markChangeDone(
      db,
      { clientId, changeId: c.req.param('changeId'), ...actingPerson(c) },
      clock(),
    );
    if (!result.ok)
      return refuseWith(c, DEADLINE_REFUSALS, result.error, { back: clientPage(clientId) });
    return done(c, {
      location: `${clientPage(clientId)}#changes`,
      body: { done: true },
      notice: 'changes.markedDone',
    });
  })
  .post('/:id/onboarding', async (c) => {
    const { contactIds } = await readInput(c, onboardingSendInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await sendOnboarding(
      db,
      policy,
      { clientId, contactIds, ...actingPerson(c), origin: requestOrigin(c) },
      clock(),
    );
    if (!result.ok) return refuseWith(c, ONBOARDING_REFUSALS, result.error);
    return done(c, {
      location: clientPage(clientId),
      body: { sent: result.sent },
      notice: 'clients.onboardingSent',
      params: { count: result.sent },
    });
  })
  .post('/:id/onboarding/links/:contactId/revoke', async (c) => {
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await revokeOnboardingLinks(
      db,
      { clientId, contactId: c.req.param('contactId'), ...actingPerson(c) },
      clock(),
    );
    if (!result.ok) return refuseWith(c, ONBOARDING_REFUSALS, result.error);
    return done(c, {
      location: clientPage(clientId),
      body: { revoked: true },
      notice: 'clients.revoked',
    });
  })
  .post('/:id/stages', async (c) => {
    const { stage } = await readInput(c, stageInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await recordStage(
      db,
      { clientId, stage, ...actingPerson(c), viewer: actingPerson(c).user },
      policy,
      clock(),
    );
    if (!result.ok) return refuseWith(c, DEADLINE_REFUSALS, result.error);
    return done(c, {
      location: clientPage(clientId),
      body: { recorded: result.recorded },
      notice: result.recorded ? 'pipeline.recorded' : 'pipeline.alreadyRecorded',
    });
  })
  .post('/:id/renewals', async (c) => {
    const { renewedUntil } = await readInput(c, renewalInput);
    const { db, clock } = c.get('deps');
    const clientId = c.req.param('id');
    const result = await recordRenewal(
      db,
      policy,
      { clientId, renewedUntil, ...actingPerson(c) },
      clock(),
    );
    if (!result.ok) return refuseWith(c, RENEWAL_REFUSALS, result.error);
    return done(c, {
      location: `${clientPage(clientId)}#renewals`,
      body: { renewedUntil },
      notice: 'renewals.recorded',
    });
  })
  .get('/:id/onboarding.md', async (c) => {
    const { db } = c.get('deps');
    const markdown = await exportOnboardingMarkdown(
      db,
      signedIn(c).user,
      c.req.param('id'),
      c.get('locale'),
    );
    if (!markdown) return refuseWith(c, ONBOARDING_REFUSALS, 'not_found');
    return c.body(markdown.text, 200, {
      'Content-Type': 'text/markdown; charset=utf-8',
      'Content-Disposition': contentDisposition('attachment', markdown.fileName),
    });
  })
  .get('/:id/onboarding/files/:fileId', async (c) => {
    const { db, files } = c.get('deps');
    const file = await getOnboardingFileFor(
      db,
      signedIn(c).user,
      c.req.param('id'),
      c.req.param('fileId'),
    );
    const object = file ? await files.get(file.fileKey) : null;
    if (!file || !object) return refuseWith(c, ONBOARDING_REFUSALS, 'not_found');
    // Always a download, never rendered in our origin: uploads are the client's, not ours.
    return c.body(object.body, 200, fileHeaders('attachment', { ...file, fileName: file.name }));
  });
