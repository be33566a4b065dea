import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { demoPng } from '../../db/demo-png.ts';
import { findAccessibilityViolations } from '../support/browser.ts';
import { expectAccessible, mailTo, openSignedInBrowser } from '../support/e2e.ts';

const baseUrl = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
const RITA = { id: 'demo-contact-bakery-owner', email: 'rita@paoquente.example' };
const BAKERY = 'demo-client-bakery';
const PROJECT = 'demo-project-summer';
const WANTED = 'Cartaz do dia das mães E2E';
const NOT_NOW = 'Campanha de Natal E2E';
const REASON = 'O contrato atual não cobre campanhas de fim de ano.';

/**
 * What every page of the space visited here must be: no wider than a phone, and axe-clean.
 * Checked softly: a failure fails the test but the journey goes on, so one run lists every
 * page's problems, not only the first.
 */
async function expectFitAndAccessible(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect.soft(overflow, `${what}: sideways scroll`).toBeLessThanOrEqual(0);
  expect.soft(await findAccessibilityViolations(page), `${what}: axe`).toEqual([]);
}

/** A JSON POST from a signed-in page, same-origin as the browser sends it. */
async function post(page: Page, path: string, data: Record<string, unknown>) {
  const response = await page.request.post(`${baseUrl}${path}`, {
    data,
    headers: { Origin: baseUrl },
  });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return response.json();
}

/**
 * The client space end to end, on a phone: Rita (the bakery's owner) signs in with an
 * e-mailed link, sees the board, asks for a new piece with a reference file and for a
 * project; CS declines the project with a reason and authorizes the piece; Rita sees both;
 * Design uploads the piece's first version and CS sends it; Rita approves it in the space.
 */
describe('the client space on a phone', () => {
  let browser: Browser;
  let cs: Page;
  let design: Page;
  let rita: Page;
  const requestIds: Record<string, string> = {};

  /** Rita sends the form she filled: the request's page says so; its id is in the address. */
  async function sendRequest(): Promise<string> {
    await rita.getByRole('button', { name: 'Enviar à agência' }).click();
    await rita.waitForURL(/\/space\/requests\/[\w-]+$/);
    await expect(rita.getByRole('status').first().textContent()).resolves.toContain(
      'Seu pedido foi enviado',
    );
    await expectFitAndAccessible(rita, 'the request just sent');
    return new URL(rita.url()).pathname.split('/').pop() ?? '';
  }

  beforeAll(async () => {
    ({
      browser,
      pages: [cs, design],
    } = await openSignedInBrowser('cs@ponte.example', 'design@ponte.example'));
    // CS lets Rita use the space and shows her the summer campaign.
    await post(cs, `/api/clients/${BAKERY}/contacts/${RITA.id}`, {
      name: 'Rita Moraes',
      email: RITA.email,
      whatsapp: '+5511987650001',
      companyRole: 'Sócia',
      locale: 'pt-BR',
      // The whole contact is posted: keep what other suites rely on (her questionnaire).
      mayAnswerQuestionnaires: true,
      mayApprovePieces: true,
      mayUseSpace: true,
    });
    await post(cs, `/api/pieces/projects/${PROJECT}/visibility`, { visible: 'true' });
    const context = await browser.newContext({ locale: 'pt-BR', viewport: PHONE });
    rita = await context.newPage();
  });
  afterAll(() => browser?.close());

  it('signs Rita in with a link sent to her mailbox, to her board', async () => {
    await rita.goto(`${baseUrl}/space/sign-in`);
    await expectFitAndAccessible(rita, 'the space sign-in');
    await rita.getByLabel('E-mail').fill(RITA.email);
    await rita.getByRole('button', { name: 'Enviar link' }).click();
    await rita.waitForURL(`${baseUrl}/space/sign-in/sent`);
    await expectFitAndAccessible(rita, 'the sign-in link is on its way');
    const link = await mailTo(RITA.email, /https?:\/\/\S+\/space\/sign-in\/confirm\?token=\S+/);
    await rita.goto(link.match);
    await expectFitAndAccessible(rita, 'the sign-in confirmation');
    await rita.getByRole('button', { name: 'Entrar', exact: true }).click();
    await rita.waitForURL(`${baseUrl}/space`);
    await expect(rita.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Seus projetos',
    );
    await expectFitAndAccessible(rita, 'the board');
  });

  it('fits Rita’s board and its list on a phone and on a laptop (1280×800)', async () => {
    await rita.goto(`${baseUrl}/space?view=list&column=in_production`);
    await expect(rita.getByRole('link', { name: 'Ver todas as peças' }).count()).resolves.toBe(1);
    await expectFitAndAccessible(rita, 'the list of one column');
    await rita.setViewportSize({ width: 1280, height: 800 });
    for (const path of ['/space', '/space?view=list']) {
      await rita.goto(`${baseUrl}${path}`);
      await expectFitAndAccessible(rita, `${path} on a laptop`);
    }
    await rita.setViewportSize(PHONE);
  });

  it('lets Rita ask for a new piece with a reference file, and for a project', async () => {
    await rita.goto(`${baseUrl}/space/requests/new?kind=piece`);
    await expectFitAndAccessible(rita, 'the new piece request form');
    await rita.getByLabel('Nome da peça').fill(WANTED);
    await rita.getByLabel('O que você precisa').fill('Um cartaz A3 para a vitrine, com a torta.');
    const project = rita.getByLabel('Projeto', { exact: true });
    if (await project.count()) await project.selectOption(PROJECT);
    await rita.getByLabel('Arquivo de referência').setInputFiles({
      name: 'referencia.png',
      mimeType: 'image/png',
      buffer: Buffer.from(demoPng(400, 300, [230, 180, 90])),
    });
    requestIds[WANTED] = await sendRequest();
    await rita.goto(`${baseUrl}/space/requests/new?kind=project`);
    await rita.getByLabel('Nome do projeto').fill(NOT_NOW);
    await rita.getByLabel('O que você precisa').fill('Posts e banners para o Natal.');
    requestIds[NOT_NOW] = await sendRequest();
    await rita.goto(`${baseUrl}/space/requests`);
    await expectFitAndAccessible(rita, 'her requests');
    const listed = await rita.locator('main').textContent();
    expect(listed).toContain(WANTED);
    expect(listed).toContain(NOT_NOW);
  });

  it('has CS decline the project with a reason and authorize the piece, on the request’s page', async () => {
    await cs.goto(`${baseUrl}/requests/${requestIds[NOT_NOW]}`);
    await expectAccessible(cs);
    // Declining asks first (no JavaScript needed): the reason goes with the confirmation.
    await cs.locator('summary', { hasText: 'Recusar' }).click();
    await cs.getByLabel('Motivo (o cliente lê)').fill(REASON);
    await cs.locator('form[action$="/decline"] button[type="submit"]').click();
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain(
      'Pedido recusado',
    );
    await expectAccessible(cs);
    await cs.goto(`${baseUrl}/requests/${requestIds[WANTED]}`);
    await expect(cs.locator('main').textContent()).resolves.toContain('referencia.png');
    await cs.getByRole('button', { name: 'Autorizar', exact: true }).click();
    await expect(cs.getByRole('status').first().textContent()).resolves.toContain(
      'Pedido autorizado',
    );
    await expectAccessible(cs);
  });

  it('shows Rita both outcomes: the reason of the decline, and the piece her request became', async () => {
    // Told at once (her choice by default), in her language, with the reason and a link
    // into the space — never a token: the space asks her to sign in.
    const told = await mailTo(
      RITA.email,
      new RegExp(`O seu pedido “${NOT_NOW}” foi recusado\\.[\\s\\S]*?/space/requests/\\S+`),
    );
    expect(told.subject).toBe(`O seu pedido “${NOT_NOW}” foi recusado`);
    expect(told.text).toContain(`Motivo: ${REASON}`);
    expect(told.match).toContain(`/space/requests/${requestIds[NOT_NOW]}`);
    await rita.goto(`${baseUrl}/space/requests/${requestIds[NOT_NOW]}`);
    await expect(rita.locator('main').textContent()).resolves.toContain(REASON);
    await expectFitAndAccessible(rita, 'the declined request');
    await rita.goto(`${baseUrl}/space/requests/${requestIds[WANTED]}`);
    await expect(rita.locator('main').textContent()).resolves.toContain(
      'Autorizado: o trabalho está em produção.',
    );
    await expectFitAndAccessible(rita, 'the authorized request');
  });

  it('sends the piece (Design uploads, CS sends) and Rita approves it in the space', async () => {
    // The piece an authorized piece request becomes has the request's id.
    const pieceId = requestIds[WANTED];
    const upload = await design.request.post(`${baseUrl}/api/pieces/${pieceId}/versions`, {
      multipart: {
        file: {
          name: 'cartaz.png',
          mimeType: 'image/png',
          buffer: Buffer.from(demoPng(1080, 1350, [200, 90, 60])),
        },
        text: 'Dia das mães: torta de morango na vitrine.',
      },
      headers: { Origin: baseUrl },
    });
    expect(upload.status(), await upload.text()).toBe(200);
    await post(cs, `/api/pieces/${pieceId}/send`, { contactIds: [RITA.id] });
    await rita.goto(`${baseUrl}/space`);
    await expect(rita.locator('main').textContent()).resolves.toContain(WANTED);
    await expectFitAndAccessible(rita, 'the board with the piece awaiting her');
    await rita.goto(`${baseUrl}/space/pieces/${pieceId}`);
    await expectFitAndAccessible(rita, 'the piece to approve');
    await rita.getByRole('button', { name: 'Aprovar', exact: true }).click();
    await expect(rita.getByRole('status').first().textContent()).resolves.toContain(
      'sua aprovação foi registrada',
    );
    await expectFitAndAccessible(rita, 'the piece after her approval');
  });

  it('lets Rita choose one summary a day on her settings, without JavaScript', async () => {
    await rita.goto(`${baseUrl}/space/settings`);
    await expectFitAndAccessible(rita, 'the settings');
    await rita.getByLabel('Um resumo por dia').check();
    await rita.getByRole('button', { name: 'Salvar' }).click();
    await expect(rita.getByRole('status').first().textContent()).resolves.toBe(
      'Preferência salva.',
    );
    await expect(rita.getByLabel('Um resumo por dia').isChecked()).resolves.toBe(true);
    await expectFitAndAccessible(rita, 'the settings after saving');
  });

  it('saves Rita’s draft as she types, says when, and never lets an older tab erase it', async () => {
    await rita.goto(`${baseUrl}/space/requests/new?kind=project`);
    await rita.getByLabel('Nome do projeto').fill('Rascunho que se salva E2E');
    const status = rita.locator('[data-autosave-status]');
    await status.filter({ hasText: /Rascunho salvo às \d{2}:\d{2}/ }).waitFor();
    // The first save made the draft: the address is now its own, reloadable.
    await rita.waitForURL(/\/space\/requests\/[\w-]+\/edit$/);
    await expectFitAndAccessible(rita, 'the form after its draft saved itself');
    // A second tab opens the same draft; the first goes on writing and saves a newer version.
    const other = await rita.context().newPage();
    await other.goto(rita.url());
    await expect(other.getByLabel('Nome do projeto').inputValue()).resolves.toBe(
      'Rascunho que se salva E2E',
    );
    const version = () => rita.locator('[name=savedAt]').getAttribute('value');
    const opened = await version();
    await rita.getByLabel('O que você precisa').fill('Escrito na primeira aba.');
    await expect.poll(version, { timeout: 15_000 }).not.toBe(opened);
    // The older tab's save is refused and says why; the newer answers stay.
    await other.getByLabel('O que você precisa').fill('Escrito na aba antiga.');
    await other
      .locator('[data-autosave-status]')
      .filter({ hasText: 'salvo de novo em outra janela' })
      .waitFor();
    await other.close();
    await rita.reload();
    await expect(rita.getByLabel('O que você precisa').inputValue()).resolves.toBe(
      'Escrito na primeira aba.',
    );
  });
});
