import { z } from 'zod';
import { DEFAULT_LOCALE, LOCALES } from '../i18n/locales.ts';
import { campaignChecksSchema, checkCampaignChecksTimes } from './campaign-checks-schema.ts';
import { costNormsSchema } from './cost-norms-schema.ts';
import { incentivesSchema } from './incentives-schema.ts';
import { monthlyReportSchema } from './monthly-report-schema.ts';
import { refundRules, satisfactionRules } from './satisfaction-schema.ts';
import { isPublicHostName } from './webhook-url.ts';

/** Text the agency writes in each handbook language (Russian optional: UI only). */
export const localizedText = z.object({
  'pt-BR': z.string().min(1),
  en: z.string().min(1),
  ru: z.string().min(1).optional(),
});
export type LocalizedText = z.infer<typeof localizedText>;

/**
 * Every role a person can hold: four partner roles, two staff roles, and the heads of the
 * design and traffic departments (who review their discipline's pieces before the client).
 */
export const ROLES = [
  'cs',
  'paid_traffic',
  'organic_traffic',
  'design',
  'finance',
  'admin',
  'head_of_design',
  'head_of_traffic',
] as const;
export type Role = (typeof ROLES)[number];
export const PARTNER_ROLES = ['cs', 'paid_traffic', 'organic_traffic', 'design'] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export const STAFF_ROLES = ['finance', 'admin'] as const;

const role = z.enum(ROLES);
const partnerRole = z.enum(PARTNER_ROLES);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD');
const isoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected YYYY-MM-DD');
const positive = z.number().int().positive();
// How long a session lives: idle and absolute, and how often its last use is written.
const sessionLimits = z.object({
  idleDays: positive,
  absoluteDays: positive,
  renewAfterMinutes: positive,
});
// The piece kinds and disciplines as the database names them (the policy may not import it;
// a unit test keeps the two lists equal).
const pieceKind = z.enum(['social_post', 'banner', 'email', 'landing_page', 'other']);
const discipline = z.enum(['design', 'traffic']);
// The timeline entry kinds as the database names them (kept equal by a unit test).
const timelineKind = z.enum(['monthly_report', 'minutes', 'decision', 'media_payment', 'note']);

/** The whole policy: every rule, number and deadline Ponte enforces and the handbook shows. */
const rateLimit = z.object({ max: positive, windowMinutes: positive });

export const policySchema = z
  .object({
    agency: z.object({
      name: z.string().min(1),
      timeZone: z.string().refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'unknown IANA time zone'),
      currency: z.string().regex(/^[A-Z]{3}$/),
      defaultLocale: z.literal(DEFAULT_LOCALE),
      locales: z.array(z.enum(LOCALES)).min(1),
      // The handbook is written in the UI languages but Russian.
      handbookLocales: z.array(z.enum(LOCALES).exclude(['ru'])).min(1),
      // What makes the pages, the handbook and the e-mails the agency's own.
      branding: z.object({
        // A file under public/, served by the site itself (the pages' CSP allows only 'self').
        logo: z.string().regex(/^\/[a-z0-9/_-]+\.svg$/),
        // The same logo as a PNG for e-mails: Gmail and Outlook do not show SVG images.
        emailLogo: z.string().regex(/^\/[a-z0-9/_-]+\.png$/),
        // One colour; the lighter and darker shades of both themes are derived from it.
        accent: z.string().regex(/^#[0-9a-f]{6}$/i),
      }),
    }),
    roles: z.record(role, z.object({ label: localizedText, services: z.array(localizedText) })),
    taskRouting: z.object({
      mayRequestFrom: z.record(partnerRole, z.array(partnerRole)),
      minimumLeadTimeDays: positive,
      announceInClientGroup: z.boolean(),
    }),
    // Where task announcements may be posted: exact host names on the public DNS.
    chatWebhooks: z.object({
      allowedHosts: z
        .array(
          z.string().refine(isPublicHostName, 'expected a public host name, e.g. hooks.slack.com'),
        )
        .min(1),
    }),
    clientCommunication: z.array(z.object({ id: z.string().min(1), text: localizedText })).min(1),
    businessHours: z.object({
      opensAt: clockTime,
      closesAt: clockTime,
      dailyAnalyticsBy: clockTime,
    }),
    holidays: z.object({
      country: z.literal('BR'),
      includeCarnival: z.boolean(),
      includeCorpusChristi: z.boolean(),
      agencyRecurring: z.array(z.object({ monthDay, name: localizedText })),
      agencyOneOff: z.array(z.object({ date: isoDate, name: localizedText })),
    }),
    invoices: z.object({
      windowOpensDay: z.number().int().min(1).max(28),
      windowClosesDay: z.number().int().min(1).max(28),
      extendCloseToNextBusinessDay: z.boolean(),
      competenceMonthOffset: z.number().int().max(0),
      payment: z.literal('last_business_day_of_submission_month'),
      maxPdfBytes: positive,
    }),
    // How a deadline is shown: "soon" when it is this close (and not today).
    deadlineUrgency: z.object({ soonWithinHours: positive }),
    campaignChecks: campaignChecksSchema(clockTime),
    newClientDeadlines: z.object({
      contactWithinMinutes: positive,
      afterHoursCutoff: clockTime,
      afterHoursContactBy: clockTime,
      strategyWithinHours: positive,
      launchWithinHours: positive,
      checkInDaysAfterLaunch: positive,
      renewalContactDaysBeforeEnd: positive,
      lostDaysAfterEndUnpaid: positive,
      reminderBeforeContactMinutes: positive,
      reminderBeforeOtherHours: positive,
    }),
    changeTurnaround: z.object({
      postHours: positive,
      targetingOrTextHours: positive,
      reminderBeforeMinutes: positive,
    }),
    costNorms: costNormsSchema(localizedText),
    links: z.object({
      signInMinutes: positive,
      onboardingDays: positive,
      approvalDays: positive,
      approvalReminderAfterDays: positive,
      invitationDays: positive,
    }),
    approvals: z.object({
      maxUploadBytes: positive,
      defaultRule: z.enum(['all', 'any']),
      // Which department makes a piece of each kind unless its creator chooses another.
      disciplineByKind: z.record(pieceKind, discipline),
      // A repeated reply within this time is the same one (a double click), refused.
      sameReplyWithinSeconds: positive,
      // A version agreed inside the agency before it goes to the client.
      internalReview: z.object({
        kinds: z.array(pieceKind),
        reviewerRoleByDiscipline: z.record(discipline, role),
        dueWithinBusinessHours: positive,
        reminderBeforeBusinessHours: positive,
        // Whether the person who uploaded a version may also decide its review.
        uploaderMayReview: z.boolean(),
      }),
    }),
    onboarding: z.object({
      maxUploadBytes: positive,
      // Bumped whenever the privacy notice's text changes, so consent records which one was agreed to.
      privacyNoticeVersion: positive,
      privacyNotice: localizedText,
    }),
    // The ads manager's export uploaded for a client (#20): its size, its rows, the types read.
    campaignImports: z.object({
      maxUploadBytes: positive,
      maxRows: positive,
      acceptedTypes: z.array(z.enum(['csv'])).min(1),
      stagedForHours: positive, // an upload waits this long for its confirm, then is refused
      maxCampaignNameChars: positive, // the longest name kept: a breach is acknowledged by it
    }),
    // The client space (#18): contacts' own sign-in and sessions, then each task's block.
    clientSpace: z.object({
      signInLinkMinutes: positive,
      sessions: sessionLimits,
      board: z.object({ cardsPerColumn: positive, listPageSize: positive }),
      requests: z.object({
        maxFields: positive,
        maxShortTextChars: positive,
        maxLongTextChars: positive,
        maxChoiceOptions: positive,
        maxLabelChars: positive,
        maxHelpChars: positive,
        maxMessageChars: positive,
        maxDeclineReasonChars: positive,
        listPageSize: positive, // the request lists (the contact's and CS's), one page
        homeCardItems: positive, // those awaiting triage that CS's home card names
        startPieces: z.object({ max: positive, maxTitleChars: positive }), // authorizing starts
        defaultTemplates: z.record(
          z.enum(['project', 'piece']),
          z.array(
            z.object({
              key: z.string().min(1),
              label: localizedText,
              type: z.enum(['short_text', 'long_text', 'date', 'choice', 'file']),
              required: z.boolean(),
            }),
          ),
        ),
      }),
      triage: z.object({ businessHours: positive, reminderBeforeBusinessHours: positive }),
      digest: z.object({ at: clockTime }),
    }),
    // The client timeline (#19): its entries, who writes each kind, their limits and files.
    timeline: z.object({
      // Who may write each kind besides admins: a role on the client's team (CS, paid traffic…).
      writersByKind: z.record(timelineKind, z.array(partnerRole)),
      // The kinds that may ask the chosen contacts to acknowledge them.
      acknowledgementKinds: z.array(timelineKind),
      // Whether a monthly report may report the month still running (else last month at most).
      reportCurrentMonth: z.boolean(),
      // When the monthly report is due and its CS reminded (business days of the next month).
      monthlyReport: monthlyReportSchema,
      maxTitleChars: positive,
      maxShortTextChars: positive,
      maxLongTextChars: positive,
      maxParticipants: positive,
      maxActionItems: positive,
      maxFilesPerEntry: positive,
      maxUploadBytes: positive,
      // A post's whole body, files and fields (the platform refuses past 100 MB).
      maxRequestBytes: positive,
      fileKinds: z.array(z.enum(['pdf', 'png', 'jpeg', 'webp'])).min(1),
      pageSize: positive,
      // The one reminder of an unanswered acknowledgement, the observation's length, and how
      // many days each personal link opens.
      acknowledgement: z.object({
        reminderAfterDays: positive,
        maxObservationChars: positive,
        linkDays: positive,
      }),
    }),
    satisfaction: satisfactionRules,
    refunds: refundRules,
    incentives: incentivesSchema(localizedText, partnerRole),
    sessions: sessionLimits,
    rateLimits: z.object({
      signInPerEmail: rateLimit,
      signInPerIp: rateLimit,
      clientLinkFailuresPerIp: rateLimit,
    }),
  })
  .superRefine((policy, ctx) => {
    if (policy.invoices.windowClosesDay < policy.invoices.windowOpensDay) {
      ctx.addIssue({
        code: 'custom',
        path: ['invoices', 'windowClosesDay'],
        message: 'the window closes before it opens',
      });
    }
    if (policy.businessHours.closesAt <= policy.businessHours.opensAt) {
      ctx.addIssue({
        code: 'custom',
        path: ['businessHours', 'closesAt'],
        message: 'closes before it opens',
      });
    }
    checkCampaignChecksTimes(policy, ctx);
    for (const path of [['sessions'], ['clientSpace', 'sessions']] as const) {
      const limits = path.length === 1 ? policy.sessions : policy.clientSpace.sessions;
      if (limits.absoluteDays < limits.idleDays) {
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'absoluteDays'],
          message: 'a session cannot end before its idle expiry',
        });
      }
    }
    const review = policy.approvals.internalReview;
    if (review.reminderBeforeBusinessHours >= review.dueWithinBusinessHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['approvals', 'internalReview', 'reminderBeforeBusinessHours'],
        message: 'the reminder must come after the review opens',
      });
    }
    const triage = policy.clientSpace.triage;
    if (triage.reminderBeforeBusinessHours >= triage.businessHours) {
      ctx.addIssue({
        code: 'custom',
        path: ['clientSpace', 'triage', 'reminderBeforeBusinessHours'],
        message: 'the reminder must come after the request is sent',
      });
    }
  });

export type Policy = z.infer<typeof policySchema>;
export type PolicyInput = z.input<typeof policySchema>;
