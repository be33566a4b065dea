import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mayRequestTask, policy } from '../../../src/policy/index.ts';

// The agency's own documents sit beside the repository (shared/source-documents).
const folder = new URL('../../../../shared/source-documents/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, folder), 'utf8');
const activityPolicies = read('000_2516007fb16cf578.txt');
const adManagers = read('003_c451c1338350a613.txt');

/** Each fact: the source states it, and the policy holds the same value. */
describe('the policy agrees with the source documents', () => {
  it('routing: paid, organic and design open tasks only for CS; CS for everyone', () => {
    expect(activityPolicies).toMatch(/Tráfego Pago só abre tarefa para CS/);
    expect(activityPolicies).toMatch(/Tráfego Orgânico só abre tarefa para CS/);
    expect(activityPolicies).toMatch(/Design só abre tarefa para CS/);
    expect(activityPolicies).toMatch(/CS abre tarefa para todos/);
    for (const from of ['paid_traffic', 'organic_traffic', 'design'] as const) {
      expect(policy.taskRouting.mayRequestFrom[from]).toEqual(['cs']);
    }
    for (const to of ['paid_traffic', 'organic_traffic', 'design'] as const) {
      expect(mayRequestTask(policy, 'cs', to)).toBe(true);
    }
  });

  it('minimum lead time of 2 days, and every task announced in the client group', () => {
    expect(activityPolicies).toMatch(/Pelo menos 2 dias de prazo/);
    expect(policy.taskRouting.minimumLeadTimeDays).toBe(2);
    expect(activityPolicies).toMatch(/comunicada no grupo do cliente/);
    expect(policy.taskRouting.announceInClientGroup).toBe(true);
  });

  it('invoices: previous month’s work, paid on the last business day of the submission month', () => {
    expect(activityPolicies).toMatch(/referentes aos trabalhos realizados no mês anterior/);
    expect(policy.invoices.competenceMonthOffset).toBe(-1);
    expect(activityPolicies).toMatch(/último dia útil do mês de cadastramento/);
    expect(policy.invoices.payment).toBe('last_business_day_of_submission_month');
  });

  it('contact within 1 hour; paid after 20:00 → next day by 11:00', () => {
    expect(adManagers).toMatch(/в течение 1-го часа/);
    expect(policy.newClientDeadlines.contactWithinMinutes).toBe(60);
    expect(adManagers).toMatch(/оплату после 20:00/);
    expect(policy.newClientDeadlines.afterHoursCutoff).toBe('20:00');
    expect(adManagers).toMatch(/на следующий день до 11:00/);
    expect(policy.newClientDeadlines.afterHoursContactBy).toBe('11:00');
  });

  it('strategy within 24 hours and launch within 72 hours of the questionnaire', () => {
    expect(adManagers).toMatch(/в течение 24 часов сформировать предварительную стратегию/);
    expect(policy.newClientDeadlines.strategyWithinHours).toBe(24);
    expect(adManagers).toMatch(/не более 72 часов/);
    expect(policy.newClientDeadlines.launchWithinHours).toBe(72);
  });

  it('check-in 7 days after launch; renewal 3 days before the end; lost 7 days after it unpaid', () => {
    expect(adManagers).toMatch(/Через 7 дней после запуска/);
    expect(policy.newClientDeadlines.checkInDaysAfterLaunch).toBe(7);
    expect(adManagers).toMatch(/За 3 дня до окончания срока обслуживания/);
    expect(policy.newClientDeadlines.renewalContactDaysBeforeEnd).toBe(3);
    expect(adManagers).toMatch(/не оплатил наши услуги в течение 7 дней после окончания/);
    expect(policy.newClientDeadlines.lostDaysAfterEndUnpaid).toBe(7);
  });

  it('change turnaround: post 48 hours, targeting or text 4 hours', () => {
    expect(adManagers).toMatch(/сменить в течение 48 часов/);
    expect(policy.changeTurnaround.postHours).toBe(48);
    expect(adManagers).toMatch(/в течение 4 часов/);
    expect(policy.changeTurnaround.targetingOrTextHours).toBe(4);
  });

  it('business hours 10:00–20:00 and daily analytics before 12:00', () => {
    expect(adManagers).toMatch(/с 10:00 до 20:00/);
    expect(policy.businessHours).toMatchObject({ opensAt: '10:00', closesAt: '20:00' });
    expect(adManagers).toMatch(/Ежедневно до 12:00/);
    expect(policy.businessHours.dailyAnalyticsBy).toBe('12:00');
  });

  it('cost norms, as stated in roubles', () => {
    expect(policy.costNorms.currency).toBe('RUB');
    const norm = (id: string) => policy.costNorms.norms.find((n) => n.id === id);
    const facts: [RegExp, string, number | undefined, number][] = [
      [/CPC \(Stories\) — до 1\.5 рублей/, 'cpc-stories', undefined, 150],
      [/CPC \(Лента\) — до 4-7 рублей/, 'cpc-feed', 400, 700],
      [/CPM \(Stories\) — до 7 рублей/, 'cpm-stories', undefined, 700],
      [/CPM \(Лента\) — до 9-14 рублей/, 'cpm-feed', 900, 1400],
      [/CPL — от 10 до 40 рублей/, 'cpl', 1000, 4000],
      [/CPL \(в сложных нишах\) — до 100 рублей/, 'cpl-hard-niche', undefined, 10000],
    ];
    for (const [fact, id, min, max] of facts) {
      expect(adManagers).toMatch(fact);
      expect(norm(id)).toMatchObject({ maxMinorUnits: max });
      expect(norm(id)?.minMinorUnits).toBe(min);
    }
  });
});
