// The notice on a client's link to a replaced version (#17), in every language: it names the
// newer version only once that one was sent to the contact.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import ApprovalExperience from '../../../src/components/ApprovalExperience.astro';
import { createTranslator, LOCALES, type Locale } from '../../../src/i18n/index.ts';

const SENT = new Date('2026-03-02T12:00:00Z');
/** Rita's link to version 1, closed, replaced by a newer version (sent to her or not). */
const view = (newerVersion: object) => ({
  approval: {
    round: { id: 'r1', status: 'changes_requested', rule: 'all' },
    version: { id: 'v1', number: 1, contentType: 'image/png', width: 60, height: 40, text: 'Pão' },
    piece: { id: 'p1', title: 'Post de lançamento', kind: 'social_post' },
    client: { id: 'c1', name: 'Padaria' },
    contact: { id: 'rita', name: 'Rita', locale: 'pt-BR' },
    cs: { name: 'Carla', email: 'cs@ponte.example', locale: 'pt-BR' },
    comments: [],
    previousThreads: [],
    roundDecisions: [],
    earlierDecisions: [],
    ownDecision: null,
    hasDecided: false,
    mayAct: false,
    newerVersion,
    versionSentBefore: null,
  },
  pins: [],
  approvedCount: 0,
  comparison: null,
});
const VERSION_2 = { 'pt-BR': 'versão 2', en: 'version 2', ru: 'версия 2' } as const;
const VERSION_3 = { 'pt-BR': 'versão 3', en: 'version 3', ru: 'версия 3' } as const;

describe('the notice on a link to a replaced version', () => {
  let container: AstroContainer;
  beforeAll(async () => {
    container = await AstroContainer.create();
  });
  const render = (locale: Locale, newerVersion: object) =>
    container.renderToString(ApprovalExperience, {
      props: {
        view: view(newerVersion),
        base: '/api/approval/tok',
        fileUrl: '/api/approval/tok/file',
        versionFileUrl: (n: number) => `/api/approval/tok/versions/${n}/file`,
        feedback: null,
        t: createTranslator(locale),
        locale,
      },
    });

  it.each(LOCALES)(
    'says only "replaced, the agency will send it" while none was sent (%s)',
    async (locale) => {
      const html = await render(locale, { number: null, sentToYouAt: null });
      const t = createTranslator(locale);
      expect(html).toContain(t('approvals.newerComing', { cs: 'Carla' }));
      expect(html).not.toContain(VERSION_2[locale]);
      expect(html).not.toMatch(/\{|\}/);
    },
  );

  it.each(LOCALES)(
    'names the newer version and its date once sent to the contact (%s)',
    async (locale) => {
      const html = await render(locale, { number: 3, sentToYouAt: SENT });
      expect(html).toContain(VERSION_3[locale]);
    },
  );
});
