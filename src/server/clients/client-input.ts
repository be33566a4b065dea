import { z } from 'zod';
import { TEAM_ROLES } from '../../../db/schema/index.ts';
import { LOCALES } from '../../i18n/locales.ts';
import { checkWebhookUrl, policy } from '../../policy/index.ts';
import {
  checkbox,
  fieldMessage,
  isRealDate,
  optionalText as optional,
} from '../forms/input-fields.ts';

const isWebAddress = (value: string) => /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value);

/** E.164: a plus, the country code and the number, digits only once spaces and dashes go. */
export const e164Phone = z
  .string()
  .trim()
  .transform((value) => value.replace(/[\s().-]/g, ''))
  .refine((value) => /^\+[1-9]\d{7,14}$/.test(value), fieldMessage('fields.invalidPhone'));

/** A client as CS registers it. */
export const clientInput = z
  .object({
    name: z.string().trim().min(1).max(160),
    csUserId: z.string().min(1),
    segment: optional(120),
    serviceStartsOn: optional(10, isRealDate, 'fields.invalidDate'),
    serviceEndsOn: optional(10, isRealDate, 'fields.invalidDate'),
    groupChatUrl: optional(500, isWebAddress, 'fields.invalidUrl'),
    // Only the policy's hosts over https: the webhook receives task descriptions, and Ponte
    // must not be made to post inside the agency's own network.
    chatWebhookUrl: optional(500).refine(
      (value) => value === null || checkWebhookUrl(value, policy.chatWebhooks) === null,
      {
        params: {
          messageKey: 'fields.webhookNotAllowed',
          messageParams: { hosts: policy.chatWebhooks.allowedHosts.join(', ') },
        },
      },
    ),
  })
  .refine((c) => !c.serviceStartsOn || !c.serviceEndsOn || c.serviceEndsOn >= c.serviceStartsOn, {
    path: ['serviceEndsOn'],
    ...fieldMessage('fields.endBeforeStart'),
  });

/** A contact at a client. */
export const contactInput = z.object({
  name: z.string().trim().min(1).max(160),
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  whatsapp: optional(
    32,
    (value) => e164Phone.safeParse(value).success,
    'fields.invalidPhone',
  ).transform((value) => (value === null ? null : e164Phone.parse(value))),
  companyRole: optional(120),
  locale: z.enum(LOCALES),
  mayAnswerQuestionnaires: checkbox,
  mayApprovePieces: checkbox,
  // The client space (#18): off unless ticked; turning it off ends the contact's sessions.
  mayUseSpace: checkbox,
});

/** A partner joining or leaving a client's team, in one of the team's roles. */
export const teamInput = z.object({ userId: z.string().min(1).max(64), role: z.enum(TEAM_ROLES) });

export type ClientInput = z.output<typeof clientInput>;
export type ContactInput = z.output<typeof contactInput>;
