import { z } from 'zod';

/** Every chronic condition the product knows. Definitions (names, codes, synonyms) live in data/conditions.json. */
export const CONDITION_IDS = [
  't2dm', 't1dm', 'copd', 'asthma', 'hypertension', 'heart_failure', 'chd',
  'ckd', 'depression', 'anxiety', 'ibs', 'osteoarthritis', 'obesity', 'chronic_pain',
] as const;

export const ConditionIdSchema = z.enum(CONDITION_IDS);
export type ConditionId = z.infer<typeof ConditionIdSchema>;

export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;
