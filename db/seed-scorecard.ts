import { DEFAULT_LOCALE } from '../src/i18n/locales.ts';
import {
  addDaysToIsoDate,
  addMonths,
  isoDateInZone,
  policy,
  zonedTimeToInstant,
} from '../src/policy/index.ts';
import type { PipelineStage } from '../src/server/deadlines/deadline-rules.ts';
import type { Database } from './client.ts';
import {
  clientMilestones,
  clientRenewals,
  clients,
  clientTeamMembers,
  userRoles,
  users,
} from './schema/index.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The demo's second paid-traffic partner, whose scorecard has something in it (#21). */
export const DEMO_SCORECARD_PARTNER = {
  id: 'demo-paid-scorecard',
  name: 'Renata Rocha',
  email: 'trafego.pago.2@ponte.example',
};

type DemoPipeline = {
  id: string;
  name: string;
  segment: string;
  paid: Date;
  stages: [PipelineStage, Date][];
  // Its renewal: of a service ending four days later (a day before the renewal contact).
  renewedAt: Date;
};

/**
 * Two clients of Carla's run by Renata, every deadline met or past (so nothing reaches a
 * home or a reminder): the gym renewed this month, the pet shop renewed last month after a
 * launch past its 72 hours. Renata is the best of both months (a renewal each; the late launch
 * takes from last month's); the months before show the first contacts and launches. Carla's
 * scorecard counts them too. Times are relative to `now`, so the months are always the
 * current and the previous one.
 */
function demoPipelines(now: Date): DemoPipeline[] {
  const { timeZone } = policy.agency;
  const at = (isoDate: string, time: string) => zonedTimeToInstant(isoDate, time, timeZone);
  const after = (from: Date, ms: number) => new Date(from.getTime() + ms);
  const thisMonth = isoDateInZone(now, timeZone).slice(0, 7);
  const lastMonth = addMonths(thisMonth, -1);
  // This month's renewal: two days ago, or the month's first instant when it began since.
  const thisMonthStart = at(`${thisMonth}-01`, '00:00');
  const renewedThisMonth = new Date(Math.max(thisMonthStart.getTime(), now.getTime() - 2 * DAY));

  const gymPaid = at(addDaysToIsoDate(`${lastMonth}-01`, -60), '10:00');
  const gymLaunched = after(gymPaid, DAY + 48 * HOUR);
  const shopPaid = at(addDaysToIsoDate(`${lastMonth}-01`, -40), '10:00');
  const shopQuestionnaire = at(`${lastMonth}-02`, '10:00');
  const shopLaunched = after(shopQuestionnaire, 80 * HOUR);
  return [
    {
      id: 'demo-client-gym',
      name: 'Academia Movimento',
      segment: 'Esporte',
      paid: gymPaid,
      stages: [
        ['paid', gymPaid],
        ['contacted', after(gymPaid, 30 * 60_000)],
        ['questionnaire_received', after(gymPaid, DAY)],
        ['strategy_agreed', after(gymPaid, 2 * DAY)],
        ['launched', gymLaunched],
        ['checked_in', after(gymLaunched, 7 * DAY)],
      ],
      renewedAt: renewedThisMonth,
    },
    {
      id: 'demo-client-pet-shop',
      name: 'Pet Shop Amigo Fiel',
      segment: 'Pet',
      paid: shopPaid,
      stages: [
        ['paid', shopPaid],
        ['contacted', after(shopPaid, 30 * 60_000)],
        ['questionnaire_received', shopQuestionnaire],
        ['strategy_agreed', after(shopQuestionnaire, DAY)],
        ['launched', shopLaunched],
        ['checked_in', after(shopLaunched, 7 * DAY)],
      ],
      renewedAt: at(`${lastMonth}-20`, '15:00'),
    },
  ];
}

/**
 * A demo client's renewal, for a month more: of a service ending four days after it, a day
 * before its renewal contact was due. The client keeps no service end (the demo tracks none:
 * no renewal contact or loss by date ever comes due).
 */
function demoRenewal(client: DemoPipeline) {
  const renewedOn = isoDateInZone(client.renewedAt, policy.agency.timeZone);
  const serviceEndsOn = addDaysToIsoDate(
    renewedOn,
    policy.newClientDeadlines.renewalContactDaysBeforeEnd + 1,
  );
  return {
    clientId: client.id,
    serviceEndsOn,
    renewedUntil: `${addMonths(serviceEndsOn.slice(0, 7), 1)}${serviceEndsOn.slice(7)}`,
    renewedAt: client.renewedAt,
    recordedBy: 'demo-cs',
  };
}

/** Renata, her two clients and their pipelines, in one batch. Idempotent. */
export async function seedDemoScorecard(db: Database, now: Date): Promise<void> {
  const { id, name, email } = DEMO_SCORECARD_PARTNER;
  const pipelines = demoPipelines(now);
  const [first, ...rest] = [
    db
      .insert(users)
      .values({ id, name, email, locale: DEFAULT_LOCALE, createdAt: now })
      .onConflictDoNothing(),
    db.insert(userRoles).values({ userId: id, role: 'paid_traffic' }).onConflictDoNothing(),
    ...pipelines.flatMap((client) => [
      db
        .insert(clients)
        .values({
          id: client.id,
          name: client.name,
          segment: client.segment,
          csUserId: 'demo-cs',
          serviceStartsOn: isoDateInZone(client.paid, policy.agency.timeZone),
          createdAt: now,
        })
        .onConflictDoNothing(),
      db
        .insert(clientTeamMembers)
        .values({
          clientId: client.id,
          userId: id,
          role: 'paid_traffic',
          // On the team since the client paid: their records count for her from then on.
          addedAt: client.paid,
          addedBy: 'demo-cs',
        })
        .onConflictDoNothing(),
      ...client.stages.map(([kind, occurredAt]) =>
        db
          .insert(clientMilestones)
          .values({ clientId: client.id, kind, occurredAt, recordedBy: 'demo-cs' })
          .onConflictDoNothing(),
      ),
      db.insert(clientRenewals).values(demoRenewal(client)).onConflictDoNothing(),
    ]),
  ];
  await db.batch([first, ...rest]);
}
