/**
 * The product's vocabulary: constants and their types, free of any schema library so that the content
 * script (which runs on every EHR page, on a small size budget) can use them. Schemas: conditions-schema.ts.
 */

/** Every chronic condition the product knows. Definitions (names, codes, synonyms) live in data/conditions.json. */
export const CONDITION_IDS = [
  't2dm', 't1dm', 'copd', 'asthma', 'hypertension', 'heart_failure', 'chd',
  'ckd', 'depression', 'anxiety', 'ibs', 'osteoarthritis', 'obesity', 'chronic_pain',
] as const;
export type ConditionId = (typeof CONDITION_IDS)[number];

export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** How an agreed goal turned out, asked at the next visit. */
export const GOAL_OUTCOMES = ['achieved', 'partly', 'not'] as const;
export type GoalOutcome = (typeof GOAL_OUTCOMES)[number];
