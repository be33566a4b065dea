import type { Locale } from '../i18n/locales.ts';
import type { LocalizedText, Role } from '../policy/index.ts';

/** A handbook page: its slug (the same in every language) and its title. */
export type HandbookPage = { slug: string; title: LocalizedText };

const page = (slug: string, ptBR: string, en: string): HandbookPage => ({
  slug,
  title: { 'pt-BR': ptBR, en },
});

/** The handbook pages the app links to: reading lists, and the rule a partner page applies. */
export const HANDBOOK_PAGES = {
  welcome: page('start/welcome', 'Boas-vindas à agência', 'Welcome to the agency'),
  routing: page('policies/task-routing', 'Quem pede tarefas a quem', 'Who asks whom for tasks'),
  communication: page(
    'policies/client-communication',
    'Como falar com o cliente',
    'How to talk to clients',
  ),
  onboarding: page('clients/onboarding', 'Onboarding de clientes', 'Client onboarding'),
  pipeline: page(
    'clients/new-client-pipeline',
    'Cliente novo: prazos e rotina',
    'New clients: deadlines and rhythm',
  ),
  costNorms: page('clients/cost-norms', 'Normas de custo', 'Cost norms'),
  incentives: page(
    'finance/incentives',
    'Placar do mês e incentivos',
    'Monthly scorecard and incentives',
  ),
  satisfaction: page(
    'policies/satisfaction-and-refunds',
    'Satisfação do cliente e reembolsos',
    'Client satisfaction and refunds',
  ),
  scripts: page('clients/call-scripts', 'Roteiros de ligação', 'Call scripts'),
  webProjects: page(
    'clients/web-projects',
    'Projetos web: etapas e documentos',
    'Web projects: stages and documents',
  ),
  invoices: page('finance/invoices', 'Faturas e pagamento', 'Invoices and payment'),
  hours: page(
    'reference/business-hours-and-holidays',
    'Horários e feriados',
    'Working hours and holidays',
  ),
  glossary: page('reference/glossary', 'Glossário', 'Glossary'),
  internalReview: page(
    'policies/internal-review',
    'Revisão interna antes do cliente',
    'Internal review before the client',
  ),
  clientSpace: page(
    'clients/client-space',
    'Espaço do cliente: pedidos e triagem',
    'Client space: requests and triage',
  ),
};

/** What each role must read, in order. The role pages and the partner home both show it. */
export const READING_LISTS: Record<Role, HandbookPage[]> = {
  cs: [
    HANDBOOK_PAGES.welcome,
    HANDBOOK_PAGES.communication,
    HANDBOOK_PAGES.routing,
    HANDBOOK_PAGES.onboarding,
    HANDBOOK_PAGES.pipeline,
    HANDBOOK_PAGES.scripts,
    HANDBOOK_PAGES.webProjects,
    HANDBOOK_PAGES.clientSpace,
    HANDBOOK_PAGES.satisfaction,
    HANDBOOK_PAGES.invoices,
  ],
  paid_traffic: [
    HANDBOOK_PAGES.welcome,
    HANDBOOK_PAGES.routing,
    HANDBOOK_PAGES.communication,
    HANDBOOK_PAGES.pipeline,
    HANDBOOK_PAGES.costNorms,
    HANDBOOK_PAGES.incentives,
    HANDBOOK_PAGES.invoices,
  ],
  organic_traffic: [
    HANDBOOK_PAGES.welcome,
    HANDBOOK_PAGES.routing,
    HANDBOOK_PAGES.communication,
    HANDBOOK_PAGES.pipeline,
    HANDBOOK_PAGES.invoices,
  ],
  design: [
    HANDBOOK_PAGES.welcome,
    HANDBOOK_PAGES.routing,
    HANDBOOK_PAGES.communication,
    HANDBOOK_PAGES.webProjects,
    HANDBOOK_PAGES.invoices,
  ],
  finance: [HANDBOOK_PAGES.welcome, HANDBOOK_PAGES.invoices, HANDBOOK_PAGES.hours],
  head_of_design: [HANDBOOK_PAGES.welcome, HANDBOOK_PAGES.internalReview, HANDBOOK_PAGES.hours],
  head_of_traffic: [HANDBOOK_PAGES.welcome, HANDBOOK_PAGES.internalReview, HANDBOOK_PAGES.hours],
  admin: [
    HANDBOOK_PAGES.welcome,
    HANDBOOK_PAGES.routing,
    HANDBOOK_PAGES.communication,
    HANDBOOK_PAGES.internalReview,
    HANDBOOK_PAGES.invoices,
    HANDBOOK_PAGES.glossary,
  ],
};

/** The reading list of a role. */
export function readingListFor(role: Role): HandbookPage[] {
  return READING_LISTS[role];
}

/** The pages a person with several roles must read, each once, in the order first met. */
export function readingListForRoles(roles: readonly Role[]): HandbookPage[] {
  const seen = new Set<string>();
  return roles
    .flatMap(readingListFor)
    .filter((p) => !seen.has(p.slug) && seen.add(p.slug) !== undefined);
}

/** The address of a handbook page in a language; Russian readers get the English handbook. */
export function handbookHref(slug: string, locale: Locale): string {
  return locale === 'pt-BR' ? `/${slug}/` : `/en/${slug}/`;
}

/** The handbook's home in the reader's language (Russian readers get the English one). */
export function handbookHomeHref(locale: Locale): string {
  return locale === 'pt-BR' ? '/' : '/en/';
}
