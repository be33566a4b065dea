// Questionnaires sent to clients by link. A change in wording is a new version (a new JSON
// file listed here); answers keep the version they were given with.
import onboardingV1 from './onboarding-v1.json' with { type: 'json' };
// v2: the same questions in plain words (no marketing jargon a client would not use).
import onboardingV2 from './onboarding-v2.json' with { type: 'json' };
import { type Questionnaire, questionnaireSchema } from './schema.ts';

const ONBOARDING_VERSIONS: Questionnaire[] = [
  questionnaireSchema.parse(onboardingV1),
  questionnaireSchema.parse(onboardingV2),
];

/** The onboarding questionnaire new onboardings are sent with. */
export const CURRENT_ONBOARDING = ONBOARDING_VERSIONS.at(-1) as Questionnaire;

/** The onboarding questionnaire of a given version, or null when no such version exists. */
export function onboardingQuestionnaire(version: number): Questionnaire | null {
  return ONBOARDING_VERSIONS.find((q) => q.version === version) ?? null;
}

export type { Question, Questionnaire, QuestionnaireSection } from './schema.ts';
