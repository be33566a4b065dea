// What an autosave writes — each answer's row and the link marked opened, printed once (see
// prebuiltWrite) — value by value, and nothing through a link that has expired.

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onboardingAnswers, onboardingLinks } from '../../db/schema/index.ts';
import { policy } from '../../src/policy/index.ts';
import { hashToken } from '../../src/server/auth/tokens.ts';
import { sendBakeryLinks } from '../support/onboarding.ts';
import { postJson } from '../support/sign-in.ts';
import { openAppWithOtherCs } from '../support/teams.ts';
import { readJson, type TestApp } from '../support/test-app.ts';
import { DRIVERS } from '../support/test-databases.ts';

const DAY = 86_400_000;

describe.each(DRIVERS)('an autosave, value by value (%s)', (driver) => {
  let app: TestApp;
  let token: string;
  const start = new Date('2026-03-02T13:00:00.000Z');
  const later = new Date(start.getTime() + 3_600_000);

  beforeAll(async () => {
    const opened = await openAppWithOtherCs(driver);
    app = opened.app;
    token = await sendBakeryLinks(app, opened.cs);
  });
  afterAll(() => app.close());

  const autosave = (answers: Record<string, unknown>) =>
    app.request(`/api/onboarding/${token}/answers`, postJson({ answers }));
  const answerRows = async () =>
    Object.fromEntries(
      (await app.db.select().from(onboardingAnswers)).map((row) => [row.questionId, row]),
    );
  const link = async () =>
    (
      await app.db
        .select()
        .from(onboardingLinks)
        .where(eq(onboardingLinks.id, hashToken(token)))
    )[0];

  it('stores each answer with its instant and the contact, and marks the link opened', async () => {
    expect((await link())?.firstOpenedAt).toBeNull();
    const response = await autosave({ story: 'Começamos em 2010.', goals: 'Vender mais' });
    expect(response.status).toBe(200);
    expect((await readJson(response)).saved.sort()).toEqual(['goals', 'story']);
    const rows = await answerRows();
    for (const [questionId, value] of [
      ['story', 'Começamos em 2010.'],
      ['goals', 'Vender mais'],
    ])
      expect(rows[questionId ?? '']).toMatchObject({
        value,
        updatedAt: start,
        updatedByContactId: 'demo-contact-bakery-owner',
      });
    expect(await link()).toMatchObject({ firstOpenedAt: start, lastOpenedAt: start });
  });

  it('a later save replaces the answer and moves only the last opening', async () => {
    app.setNow(later);
    expect((await autosave({ story: 'Desde 2011.' })).status).toBe(200);
    const rows = await answerRows();
    expect(rows.story).toMatchObject({ value: 'Desde 2011.', updatedAt: later });
    expect(rows.goals).toMatchObject({ value: 'Vender mais', updatedAt: start });
    expect(await link()).toMatchObject({ firstOpenedAt: start, lastOpenedAt: later });
  });

  it('writes nothing through an expired link (410)', async () => {
    app.setNow(new Date(start.getTime() + policy.links.onboardingDays * DAY));
    const before = { rows: await answerRows(), link: await link() };
    const refused = await autosave({ story: 'Tarde demais' });
    expect(refused.status).toBe(410);
    expect(await answerRows()).toEqual(before.rows);
    expect(await link()).toEqual(before.link);
    app.setNow(start);
  });
});
