import type { PolicyInput } from './schema.ts';

/**
 * The default agency's policy, taken from its own documents (see shared/source-documents).
 * An agency changes its rules here; the handbook and the server both read this.
 */
// The fields every default request form ends with: what is needed, by when, a reference.
const REQUEST_DETAILS = [
  {
    key: 'description',
    label: { 'pt-BR': 'O que você precisa', en: 'What you need', ru: 'Что вам нужно' },
    type: 'long_text',
    required: true,
  },
  {
    key: 'dueDate',
    label: { 'pt-BR': 'Para quando', en: 'Needed by', ru: 'К какому сроку' },
    type: 'date',
    required: false,
  },
  {
    key: 'reference',
    label: { 'pt-BR': 'Arquivo de referência', en: 'Reference file', ru: 'Файл-образец' },
    type: 'file',
    required: false,
  },
] as const;

export const agencyPolicy: PolicyInput = {
  agency: {
    name: 'Ponte Digital',
    timeZone: 'America/Sao_Paulo',
    currency: 'BRL',
    defaultLocale: 'pt-BR',
    locales: ['pt-BR', 'en', 'ru'],
    handbookLocales: ['pt-BR', 'en'],
    branding: { logo: '/brand/logo.svg', emailLogo: '/brand/logo.png', accent: '#0b5cad' },
  },
  roles: {
    cs: {
      label: {
        'pt-BR': 'Customer Success (atendimento)',
        en: 'Customer success (account service)',
        ru: 'Клиентский сервис',
      },
      services: [
        {
          'pt-BR': 'Atender o cliente, sempre no grupo do cliente',
          en: "Look after the client, always in the client's group",
        },
        {
          'pt-BR': 'Pedir peças ao design, revisar as entregas e aprová-las com o cliente',
          en: 'Request pieces from design, review deliveries and get them approved by the client',
        },
        {
          'pt-BR':
            'Briefings, otimizações e estratégias de conversão (CRO), ofertas, arquitetura de navegação, pontos de conversão, páginas e landing pages',
          en: 'Briefings, conversion optimisation (CRO) and strategy, offers, navigation architecture, conversion points, pages and landing pages',
        },
        {
          'pt-BR': 'Publicar o relatório mensal do cliente na linha do tempo do Reportei',
          en: "Publish the client's monthly report on the Reportei timeline",
        },
        {
          'pt-BR': 'Registrar atas de reunião e decisões com o cliente no Reportei',
          en: 'Record meeting minutes and decisions with the client on Reportei',
        },
        {
          'pt-BR': 'Manter atualizadas no Reportei as suas áreas de responsabilidade',
          en: 'Keep your areas of responsibility up to date on Reportei',
        },
        {
          'pt-BR': 'Integrar e configurar ferramentas de automação com CRM/ERP',
          en: 'Integrate and configure automation tools with CRM/ERP',
        },
        {
          'pt-BR': 'Dar suporte e orientação ao cliente no uso das plataformas',
          en: 'Support and guide the client in using the platforms',
        },
      ],
    },
    organic_traffic: {
      label: { 'pt-BR': 'Tráfego orgânico', en: 'Organic traffic', ru: 'Органический трафик' },
      services: [
        {
          'pt-BR': 'Acompanhar o bom funcionamento das ferramentas da conta',
          en: "Keep the account's tools working correctly",
        },
        {
          'pt-BR': 'Definir, calibrar e acompanhar as métricas de análise',
          en: 'Define, calibrate and follow the analytics metrics',
        },
        {
          'pt-BR':
            'Planejar pautas e publicações: banners, campanhas de e-mail marketing, blog, pop-ups e redes sociais',
          en: 'Plan topics and publications: banners, e-mail campaigns, blog, pop-ups and social networks',
        },
        { 'pt-BR': 'Planejar otimizações de SEO on-page', en: 'Plan on-page SEO optimisations' },
        {
          'pt-BR': 'Alterar landing pages e páginas de sites já construídos',
          en: 'Change landing pages and pages of existing sites',
        },
        {
          'pt-BR': 'Manter atualizadas no Reportei as suas áreas de responsabilidade',
          en: 'Keep your areas of responsibility up to date on Reportei',
        },
      ],
    },
    paid_traffic: {
      label: { 'pt-BR': 'Tráfego pago', en: 'Paid traffic', ru: 'Платный трафик' },
      services: [
        {
          'pt-BR': 'Integrar e configurar as ferramentas da conta entre si',
          en: "Integrate and configure the account's tools with each other",
        },
        {
          'pt-BR': 'Definir, calibrar e acompanhar as métricas de análise',
          en: 'Define, calibrate and follow the analytics metrics',
        },
        {
          'pt-BR': 'Planejar o orçamento e a estrutura das campanhas de anúncios',
          en: 'Plan the budget and structure of ad campaigns',
        },
        {
          'pt-BR':
            'Enviar ao cliente notas fiscais, boletos e demais assuntos de pagamento de mídia, por e-mail/WhatsApp e na linha do tempo do Reportei',
          en: 'Send the client media invoices, payment slips and other media-payment matters, by e-mail/WhatsApp and on the Reportei timeline',
        },
        {
          'pt-BR': 'Manter atualizadas no Reportei as suas áreas de responsabilidade',
          en: 'Keep your areas of responsibility up to date on Reportei',
        },
      ],
    },
    design: {
      label: { 'pt-BR': 'Design', en: 'Design', ru: 'Дизайн' },
      services: [
        {
          'pt-BR': 'Produzir as peças pedidas pelo CS, dentro do prazo combinado',
          en: 'Produce the pieces CS requests, by the agreed date',
        },
        {
          'pt-BR': 'Entregar versões para a aprovação do cliente e ajustá-las conforme os pedidos',
          en: "Deliver versions for the client's approval and adjust them as asked",
        },
        {
          'pt-BR': 'Manter organizado o drive de criativos de cada cliente',
          en: "Keep each client's drive of creatives organised",
        },
      ],
    },
    finance: {
      label: { 'pt-BR': 'Financeiro', en: 'Finance', ru: 'Финансы' },
      services: [
        {
          'pt-BR': 'Revisar as faturas dos parceiros e registrar divergências',
          en: "Review partners' invoices and record divergences",
        },
        {
          'pt-BR': 'Pagar as faturas aprovadas na data de pagamento',
          en: 'Pay approved invoices on the payment date',
        },
      ],
    },
    head_of_design: {
      label: { 'pt-BR': 'Líder de design', en: 'Head of design', ru: 'Руководитель дизайна' },
      services: [
        {
          'pt-BR': 'Revisar as peças de design antes que sigam para o cliente',
          en: 'Review design pieces before they go to the client',
        },
      ],
    },
    head_of_traffic: {
      label: { 'pt-BR': 'Líder de tráfego', en: 'Head of traffic', ru: 'Руководитель трафика' },
      services: [
        {
          'pt-BR': 'Revisar as peças de tráfego (anúncios) antes que sigam para o cliente',
          en: 'Review traffic pieces (ads) before they go to the client',
        },
      ],
    },
    admin: {
      label: { 'pt-BR': 'Administração', en: 'Administration', ru: 'Администрирование' },
      services: [
        {
          'pt-BR': 'Convidar parceiros e cuidar dos seus papéis e acessos',
          en: 'Invite partners and manage their roles and access',
        },
      ],
    },
  },
  taskRouting: {
    // Paid, organic and design ask only CS; CS asks everyone (including another CS).
    mayRequestFrom: {
      cs: ['cs', 'paid_traffic', 'organic_traffic', 'design'],
      paid_traffic: ['cs'],
      organic_traffic: ['cs'],
      design: ['cs'],
    },
    minimumLeadTimeDays: 2,
    announceInClientGroup: true,
  },
  chatWebhooks: {
    // Slack's incoming webhooks; an agency adds the host of its own chat here.
    allowedHosts: ['hooks.slack.com'],
  },
  clientCommunication: [
    {
      id: 'cs-only-voice',
      text: {
        'pt-BR': 'Quem fala com o cliente é o CS.',
        en: 'CS is the one who talks to the client.',
      },
    },
    {
      id: 'group-never-private',
      text: {
        'pt-BR': 'O CS atende o cliente sempre no grupo do cliente, nunca em conversa privada.',
        en: "CS always talks to the client in the client's group, never in a private chat.",
      },
    },
    {
      id: 'others-listen',
      text: {
        'pt-BR':
          'Tráfego pago, tráfego orgânico e design participam dos grupos como ouvintes, para entender atividades e briefings mais rápido.',
        en: 'Paid traffic, organic traffic and design are in the groups as listeners, to understand activities and briefings faster.',
      },
    },
    {
      id: 'cs-approves-materials',
      text: {
        'pt-BR': 'Quem aprova os materiais com o cliente é o CS.',
        en: 'CS gets materials approved by the client.',
      },
    },
    {
      id: 'cs-chooses-images',
      text: {
        'pt-BR': 'O CS decide entre usar uma imagem do drive ou pedir uma nova ao design.',
        en: 'CS decides between using an image from the drive and asking design for a new one.',
      },
    },
  ],
  businessHours: { opensAt: '10:00', closesAt: '20:00', dailyAnalyticsBy: '12:00' },
  holidays: {
    country: 'BR',
    includeCarnival: true,
    includeCorpusChristi: true,
    agencyRecurring: [
      { monthDay: '12-24', name: { 'pt-BR': 'Véspera de Natal', en: 'Christmas Eve' } },
      { monthDay: '12-31', name: { 'pt-BR': 'Véspera de Ano-Novo', en: "New Year's Eve" } },
    ],
    agencyOneOff: [],
  },
  invoices: {
    windowOpensDay: 1,
    windowClosesDay: 5,
    extendCloseToNextBusinessDay: false,
    competenceMonthOffset: -1,
    payment: 'last_business_day_of_submission_month',
    maxPdfBytes: 10 * 1024 * 1024,
  },
  // A deadline within two days is flagged "soon" on the home, the lists and the pages.
  deadlineUrgency: { soonWithinHours: 48 },
  // "Every day by 12:00 analyse yesterday's campaigns" (the ad managers' document): each
  // business day the figures of the days since the last business day must be imported and
  // every breach acknowledged by businessHours.dailyAnalyticsBy; the client's paid-traffic
  // partners and CS are reminded at `reminderAt`, the admins told at the due time.
  campaignChecks: {
    reminderAt: '11:00',
    // A client runs campaigns when it spent on one of the days this long up to its latest
    // imported day: a paused account (a week of imports without spend) stops asking for
    // figures, while a client whose imports stopped keeps being asked, reminded and escalated.
    runningIfSpentWithinDays: 7,
    // The charts (and the days in a row a breach is counted over) cover this many days.
    chartDays: 30,
    maxNoteChars: 1000,
  },
  newClientDeadlines: {
    contactWithinMinutes: 60,
    afterHoursCutoff: '20:00',
    afterHoursContactBy: '11:00',
    strategyWithinHours: 24,
    launchWithinHours: 72,
    checkInDaysAfterLaunch: 7,
    renewalContactDaysBeforeEnd: 3,
    lostDaysAfterEndUnpaid: 7,
    reminderBeforeContactMinutes: 30,
    reminderBeforeOtherHours: 4,
  },
  changeTurnaround: {
    postHours: 48,
    targetingOrTextHours: 4,
    // The CS is reminded this long before a change is due (the short turnaround is 4 h).
    reminderBeforeMinutes: 60,
  },
  costNorms: {
    // The agency's document states the norms in roubles; they are kept as written, as the
    // reference. A client's own norms (in its ad account's currency) apply where set, and a
    // norm is compared only with figures in its own currency.
    currency: 'RUB',
    // The largest norm a client's editor accepts (1,000,000.00): above it, a typo's extra zeros.
    clientNormMaxMinorUnits: 100_000_000,
    // A breach is a cost above `maxMinorUnits`; where the document gives a range ("4–7
    // depending on the product"), the range is shown and its top is the limit.
    norms: [
      {
        id: 'cpc-stories',
        metric: 'CPC',
        objective: 'traffic',
        placement: 'stories',
        maxMinorUnits: 150,
      },
      {
        id: 'cpc-feed',
        metric: 'CPC',
        objective: 'traffic',
        placement: 'feed',
        minMinorUnits: 400,
        maxMinorUnits: 700,
        note: { 'pt-BR': 'conforme o produto', en: 'depending on the product' },
      },
      {
        id: 'cpm-stories',
        metric: 'CPM',
        objective: 'reach',
        placement: 'stories',
        maxMinorUnits: 700,
      },
      {
        id: 'cpm-feed',
        metric: 'CPM',
        objective: 'reach',
        placement: 'feed',
        minMinorUnits: 900,
        maxMinorUnits: 1400,
        note: { 'pt-BR': 'conforme o produto', en: 'depending on the product' },
      },
      {
        id: 'cpl',
        metric: 'CPL',
        objective: 'leads',
        placement: 'any',
        minMinorUnits: 1000,
        maxMinorUnits: 4000,
      },
      // Shown in the handbook; the check uses it only when a client sets it as its own norm.
      {
        id: 'cpl-hard-niche',
        metric: 'CPL',
        objective: 'leads',
        placement: 'any',
        niche: 'difficult',
        maxMinorUnits: 10000,
      },
    ],
    whenAbove: {
      'pt-BR':
        'Se o CPC, o CPM ou o CPL de uma campanha passar da norma, ajuste a campanha o quanto antes para recuperar a eficiência.',
      en: "If a campaign's CPC, CPM or CPL is above the norm, change the campaign promptly to bring its efficiency back.",
    },
  },
  links: {
    signInMinutes: 15,
    onboardingDays: 30,
    approvalDays: 30,
    approvalReminderAfterDays: 2,
    // An invitation link signs the person in once; it lasts longer than a sign-in link
    // because the invitee may not be at their inbox when it is sent.
    invitationDays: 7,
  },
  approvals: {
    // A version's file: an image or a PDF, checked by its bytes.
    maxUploadBytes: 25 * 1024 * 1024,
    // How many contacts must approve when CS does not choose: every one of them.
    defaultRule: 'all',
    disciplineByKind: {
      social_post: 'design',
      banner: 'design',
      email: 'design',
      landing_page: 'design',
      other: 'design',
    },
    // The same reply by the same person in a thread within this time is a double click, written
    // once; the same words later are a new reply.
    sameReplyWithinSeconds: 120,
    // "Ad posts are agreed with the head of the department before they go to the client"
    // (the ad managers' document): the head of the piece's discipline, or an admin, approves.
    internalReview: {
      kinds: ['social_post', 'banner'],
      reviewerRoleByDiscipline: { design: 'head_of_design', traffic: 'head_of_traffic' },
      dueWithinBusinessHours: 4,
      reminderBeforeBusinessHours: 1,
      // A second person reviews: whoever uploaded a version may not approve it themselves.
      uploaderMayReview: false,
    },
  },
  onboarding: {
    maxUploadBytes: 20 * 1024 * 1024,
    privacyNoticeVersion: 1,
    privacyNotice: {
      'pt-BR':
        'A agência usa os dados deste questionário (nomes, e-mails, telefones, informações da empresa e arquivos enviados) só para planejar e executar os serviços contratados. Eles ficam guardados enquanto durar o contrato e por até cinco anos depois, para cumprir obrigações legais, e não são vendidos nem cedidos a terceiros. Você pode pedir acesso, correção ou exclusão dos seus dados a qualquer momento ao seu atendimento (CS), conforme a Lei Geral de Proteção de Dados (Lei 13.709/2018).',
      en: "The agency uses the data in this questionnaire (names, e-mails, phone numbers, company information and uploaded files) only to plan and deliver the contracted services. It is kept for the length of the contract and up to five years after it, to meet legal obligations, and it is never sold or handed to third parties. You may ask your account manager (CS) at any time to see, correct or delete your data, under Brazil's General Data Protection Law (Law 13,709/2018).",
    },
  },
  campaignImports: {
    // A month of an ads manager export by day and placement for a busy account is under 1 MB.
    maxUploadBytes: 5 * 1024 * 1024,
    maxRows: 10000,
    // CSV only: no XLSX reader fits the Worker (see README, "Importing the ads manager's export").
    acceptedTypes: ['csv'],
    stagedForHours: 24,
    // Longer names are refused at import: the acknowledgement form posts the name back, and
    // accepts up to this many characters.
    maxCampaignNameChars: 500,
  },
  clientSpace: {
    // Contacts sign in with their own e-mailed links and sessions, never partner accounts.
    // The same lengths as partners' today, kept apart so the agency can shorten a client's
    // session without touching its own people's.
    signInLinkMinutes: 15,
    sessions: { idleDays: 7, absoluteDays: 30, renewAfterMinutes: 60 },
    // The board shows each column's first cards (a page of 500 helps no one) with a link to
    // the whole column as a list, which is paged.
    board: { cardsPerColumn: 12, listPageSize: 25 },
    // The forms client contacts fill to request new work (see src/server/client-requests).
    requests: {
      maxFields: 20,
      maxShortTextChars: 200,
      maxLongTextChars: 5000,
      maxChoiceOptions: 20,
      // A form field's label (and a choice's option) and its help, as the agency writes them.
      maxLabelChars: 120,
      maxHelpChars: 500,
      // A message in a request's conversation (CS's question, the contact's answer), and the
      // reason of a decline, which the contact reads.
      maxMessageChars: 4000,
      maxDeclineReasonChars: 2000,
      // The request lists (the contact's /space/requests and CS's /requests) are paged, as the
      // board's list: a client that requests weekly fills a page in half a year.
      listPageSize: 25,
      // CS's home card names the soonest due of those awaiting triage (five: more than the home's
      // other cards, since each is a client waiting on a first answer); the rest are on /requests.
      homeCardItems: 5,
      // Authorizing a project request starts the pieces CS names, one per line of the form: a
      // first batch (a dozen is a campaign), each named as a piece is (at most a piece's title).
      startPieces: { max: 12, maxTitleChars: 160 },
      // What a client without a form of its own fills, so every client can request from day one.
      defaultTemplates: {
        project: [
          {
            key: 'title',
            label: { 'pt-BR': 'Nome do projeto', en: 'Project name', ru: 'Название проекта' },
            type: 'short_text',
            required: true,
          },
          ...REQUEST_DETAILS,
        ],
        piece: [
          {
            key: 'title',
            label: { 'pt-BR': 'Nome da peça', en: 'Piece name', ru: 'Название материала' },
            type: 'short_text',
            required: true,
          },
          ...REQUEST_DETAILS,
        ],
      },
    },
    // A request sent by a client is triaged by its CS within these business hours; CS is
    // reminded this many business hours before, and the admins are told once it passes.
    triage: { businessHours: 8, reminderBeforeBusinessHours: 2 },
    // Contacts who chose one e-mail a day get it with the job's first run at or after this
    // time (agency time, HH:MM), listing what happened since their last one.
    digest: { at: '08:00' },
  },
  // The client timeline (#19). The activity policies: CS publishes the monthly report, the
  // minutes and decisions; paid traffic sends the media invoices and boletos. Admins write any.
  timeline: {
    writersByKind: {
      monthly_report: ['cs'],
      minutes: ['cs'],
      decision: ['cs'],
      media_payment: ['cs', 'paid_traffic'],
      note: ['cs', 'paid_traffic'],
    },
    acknowledgementKinds: ['minutes', 'decision'],
    // A month is reported once it is over (the report is due in the following month).
    reportCurrentMonth: false,
    // The month's report is published by the 5th business day of the next month (until
    // closing time); CS is reminded from the opening of the 3rd.
    monthlyReport: { dueOnBusinessDay: 5, remindOnBusinessDay: 3 },
    maxTitleChars: 120,
    maxShortTextChars: 200,
    maxLongTextChars: 10000,
    maxParticipants: 30,
    maxActionItems: 20,
    maxFilesPerEntry: 5,
    // The questionnaire's limit; reports and boletos are PDFs, screenshots may go with a note.
    maxUploadBytes: 20 * 1024 * 1024,
    // One post's whole body (all its files and fields): Workers refuse a request over 100 MB,
    // so five files at the largest do not fit in one post.
    maxRequestBytes: 90 * 1024 * 1024,
    fileKinds: ['pdf', 'png', 'jpeg', 'webp'],
    pageSize: 25,
    // A contact asked to acknowledge minutes or a decision who has not answered is reminded
    // once, this many days after the first e-mail; an observation is a short message to CS.
    // Each personal link (the first e-mail's, the reminder's) opens for linkDays, like an
    // approval link.
    acknowledgement: { reminderAfterDays: 3, maxObservationChars: 2000, linkDays: 30 },
  },
  // "After each delivery, call to learn how satisfied the client is" (the service document),
  // as a one-question e-mail: after a piece is approved, a client's request is done, and at
  // the 7-day check-in.
  satisfaction: {
    triggers: ['piece_approved', 'request_done', 'check_in'],
    // A contact is asked at most once in this many days: a busy week asks once.
    minDaysBetweenAsks: 14,
    linkDays: 14,
    // A person reads the question and clicks; a link scanner posts at once.
    minSecondsOnPage: 3,
    // A score this low or lower opens a task for the client's CS at once.
    lowScoreAtMost: 2,
    // The job asks about deliveries this recent: one it missed for longer is not asked late.
    triggerLookbackDays: 3,
    // One run of the job (every minute) asks at most this many: two writes each, one batch,
    // well under a Worker's queries per invocation; the rest are asked by the next runs.
    surveysPerRun: 100,
    maxCommentChars: 2000,
    taskDueBusinessDays: 1,
  },
  // "Asked for their money back in the first 10 days" (the ad managers' motivation system).
  refunds: { earlyWithinDays: 10, maxNoteChars: 1000 },
  // The ad managers' motivation system (#21), in reais. The document pays in tenge: its figures
  // are kept as the reference, and the reais are those figures at about 100 tenge to the real,
  // rounded. It names a fine for a launch past its 72 hours without a figure: the agency's is
  // the same as a lost client's. Money is for paid traffic only (the document's ad managers);
  // every partner role has the scorecard's counts, which feed the best-of-month choice only
  // among the paid.
  incentives: {
    reference: {
      currency: 'KZT',
      note: {
        'pt-BR': 'Valores do documento do sistema de motivação dos gestores de anúncios',
        en: "Figures of the ad managers' motivation system document",
        ru: 'Суммы из документа о системе мотивации менеджеров по рекламе',
      },
    },
    paidRoles: ['paid_traffic'],
    scorecardRoles: ['cs', 'paid_traffic', 'organic_traffic', 'design'],
    // Half a year: this month so far and the five before it.
    scorecardMonths: 6,
    // A month closes 5 days after it ends (the 6th, 00:00): a refund asked on the first days'
    // last day, or a change done on the month's last evening, may be recorded a few days
    // later; its invoices are sent by the 5th (invoices.windowClosesDay), so finance reviews
    // them against the closed month.
    monthClosesAfterDays: 5,
    base: { minorUnits: 150_000, referenceMinorUnits: 15_000_000 },
    renewedAfterFirstMonth: { minorUnits: 10_000, referenceMinorUnits: 1_000_000 },
    lostAfterFirstMonth: { minorUnits: 5_000, referenceMinorUnits: 500_000 },
    refundInFirstDays: { minorUnits: 4_000, referenceMinorUnits: 400_000 },
    noRefundInFirstDays: { minorUnits: 2_000, referenceMinorUnits: 200_000 },
    missedLaunch: { minorUnits: 5_000, referenceMinorUnits: null },
    // The best of the month is the highest variable amount (the lines without the base and
    // this bonus) above zero; on a tie, the tie-breakers in order; still tied, they share it.
    bestOfMonth: {
      minorUnits: 30_000,
      referenceMinorUnits: 3_000_000,
      tieBreakers: ['fewer_deadlines_missed', 'higher_satisfaction'],
    },
  },
  // A session ends after a week without use, and after 30 days in any case.
  sessions: { idleDays: 7, absoluteDays: 30, renewAfterMinutes: 60 },
  rateLimits: {
    signInPerEmail: { max: 5, windowMinutes: 15 },
    signInPerIp: { max: 30, windowMinutes: 15 },
    // Client links (onboarding, approvals) that did not open, per address.
    clientLinkFailuresPerIp: { max: 30, windowMinutes: 15 },
  },
};
