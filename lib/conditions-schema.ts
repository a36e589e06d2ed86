import { z } from 'zod';
import { CONDITION_IDS, LANGUAGES } from './conditions';

export const ConditionIdSchema = z.enum(CONDITION_IDS);
export const LanguageSchema = z.enum(LANGUAGES);
