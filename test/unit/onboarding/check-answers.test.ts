import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src/i18n/index.ts';
import { CURRENT_ONBOARDING } from '../../../src/questionnaires/index.ts';
import { sectionStatuses } from '../../../src/server/onboarding/answer-rules.ts';
import {
  checkAnswersOf,
  problemsByQuestion,
} from '../../../src/server/onboarding/check-answers.ts';
import type { OpenOnboarding } from '../../../src/server/onboarding/onboarding-links.ts';

/** An open questionnaire with some answers and files, as a link opens it. */
function onboardingWith(
  answers: OpenOnboarding['answers'],
  files: { questionId: string; name: string }[] = [],
  savedSections: string[] = [],
): OpenOnboarding {
  return {
    linkId: 'link',
    onboardingId: 'onboarding',
    status: 'open',
    submittedAt: null,
    consentAt: null,
    questionnaire: CURRENT_ONBOARDING,
    contact: { id: 'contact', name: 'Rita', locale: 'pt-BR' },
    client: { id: 'client', name: 'Padaria', csName: 'Cris', csEmail: 'cs@x', csLocale: 'pt-BR' },
    answers,
    savedSections: new Set(savedSections),
    files: files.map((file, i) => ({
      ...file,
      id: `f${i}`,
      size: 10,
      contentType: 'application/pdf',
    })),
  };
}

describe('the questionnaire task list', () => {
  it('says not started, in progress (something given, something missing) or done, per section', () => {
    const onboarding = onboardingWith(
      { story: 'Abrimos em 2010', businessModel: 'Padaria' },
      [{ questionId: 'research', name: 'pesquisa.pdf' }],
      ['other'],
    );
    const statuses = sectionStatuses(
      onboarding.questionnaire,
      onboarding.answers,
      { research: 1 },
      onboarding.savedSections,
    );
    expect(statuses).toMatchObject({
      person: 'inProgress',
      company: 'inProgress',
      product: 'notStarted',
      materials: 'done',
      access: 'notStarted',
      // Only optional questions, saved with "next": done though empty.
      other: 'done',
    });
  });
});

describe('the review step (check answers)', () => {
  const onboarding = onboardingWith(
    { story: 'Abrimos em 2010', grantedAccess: ['adAccounts', 'drive'], emailDocuments: 'rita@' },
    [{ questionId: 'research', name: 'pesquisa.pdf' }],
  );
  const groups = checkAnswersOf(onboarding, 'tok', 'pt-BR');
  const answer = (id: string) => groups.flatMap((g) => g.answers).find((a) => a.questionId === id);

  it('lists every question, grouped by section in order, each with a link to change it', () => {
    expect(groups.map((g) => g.sectionId)).toEqual(CURRENT_ONBOARDING.sections.map((s) => s.id));
    expect(groups.flatMap((g) => g.answers)).toHaveLength(
      CURRENT_ONBOARDING.sections.flatMap((s) => s.questions).length,
    );
    expect(answer('story')).toMatchObject({
      text: 'Abrimos em 2010',
      problem: null,
      changeHref: '/onboarding/tok/person?change=1#field-story',
    });
  });

  it('shows files by name, checklists by their words, and flags what keeps it from being sent', () => {
    expect(answer('research')?.files).toEqual(['pesquisa.pdf']);
    expect(answer('grantedAccess')?.text).toBe('Contas de anúncios\nPasta de materiais on-line');
    expect(answer('goals')).toMatchObject({ text: '', problem: 'fields.required' });
    expect(answer('emailDocuments')?.problem).toBe('fields.invalidEmail');
    expect(answer('experience')).toMatchObject({ text: '', problem: null });
  });
});

describe('the problems a refused section shows', () => {
  it('name their question, for the error summary that lists them apart from the fields', () => {
    const problems = problemsByQuestion(
      onboardingWith({}),
      { goals: 'fields.required' },
      createTranslator('pt-BR'),
    );
    expect(problems).toEqual({
      goals: 'O que você quer alcançar com o marketing digital? — Preencha este campo.',
    });
  });
});
