import { z } from 'zod';
import { ConditionIdSchema, LanguageSchema } from '../conditions-schema';

/** The 5As of self-management support (Glasgow et al. 2003). */
export const FLOW_STEPS = ['assess', 'advise', 'agree', 'assist', 'arrange'] as const;
export const FlowStepIdSchema = z.enum(FLOW_STEPS);
export type FlowStepId = z.infer<typeof FlowStepIdSchema>;

/** Barrier levels: patient, care provider, external (the three-level structure of Timmermans et al. 2024). */
export const BARRIER_LEVELS = ['patient', 'provider', 'external'] as const;
export const BarrierLevelSchema = z.enum(BARRIER_LEVELS);
export type BarrierLevel = z.infer<typeof BarrierLevelSchema>;

/**
 * The 14 components of the PRISMS taxonomy of self-management support (Pearce et al. 2016), A1-A14.
 * Not to be confused with WISE's "PRISMS form" (Patient Report Informing Self-Management Support).
 */
export const PRISMS_COMPONENTS = {
  A1: 'Information about the condition and/or its management',
  A2: 'Information about available resources',
  A3: 'Provision of / agreement on specific clinical action plans and/or rescue medication',
  A4: 'Regular clinical review',
  A5: 'Monitoring of the condition with feedback',
  A6: 'Practical support with adherence (medication or behavioural)',
  A7: 'Provision of equipment',
  A8: 'Easy access to advice or support when needed',
  A9: 'Training/rehearsal to communicate with healthcare professionals',
  A10: 'Training/rehearsal for everyday activities',
  A11: 'Training/rehearsal for practical self-management activities',
  A12: 'Training/rehearsal for psychological strategies',
  A13: 'Social support',
  A14: 'Lifestyle advice and support',
} as const;
export type PrismsComponent = keyof typeof PRISMS_COMPONENTS;
export const PrismsComponentSchema = z.enum(Object.keys(PRISMS_COMPONENTS) as [PrismsComponent, ...PrismsComponent[]]);

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
const id = z.string().max(64, 'ids are at most 64 characters').regex(ID_PATTERN, 'ids are lower-case letters, digits, _ and -');
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `at most ${max} characters`);
const sourceRefs = z.array(id).min(1, 'at least one source is required');

/** Which conditions an item fits: 'all' when generic. */
export const ConditionScopeSchema = z.union([
  z.literal('all'),
  z.array(ConditionIdSchema).min(1, "list at least one condition, or use 'all'"),
]);
export type ConditionScope = z.infer<typeof ConditionScopeSchema>;

export const SourceSchema = z.object({
  id,
  citation: z.string().min(5).max(600),
  doi: z.string().optional(),
  url: z.url().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const BarrierSchema = z.object({
  id,
  level: BarrierLevelSchema,
  label: text(120),
  /** A question the clinician can ask to check this barrier. */
  ask: text(300).optional(),
  /** Shown in the quick (GP) chip set. */
  quick: z.boolean().default(false),
  sources: sourceRefs,
});
export type Barrier = z.infer<typeof BarrierSchema>;

export const StrategyTypeSchema = z.enum(['individual', 'collaborative']);
export type StrategyType = z.infer<typeof StrategyTypeSchema>;

export const StrategySchema = z.object({
  id,
  type: StrategyTypeSchema,
  label: text(120),
  /** One line the clinician can say or do in the consultation. */
  action: text(400),
  rationale: text(400),
  /** Barrier ids this strategy addresses. */
  addresses: z.array(id),
  /** Conditions it fits; 'all' when generic. */
  conditions: ConditionScopeSchema,
  /** Which of the 5As it belongs to. */
  step: FlowStepIdSchema,
  /** Who does it, for collaborative strategies (matches a directory entry role). */
  contactRole: id.optional(),
  /** For the patient's printed action plan: the step in plain words, "I will ...". Optional (label otherwise). */
  patientStep: text(200).optional(),
  /** Fits a 30-second GP consultation. */
  quick: z.boolean().default(false),
  /** Part of the default set shown before any barrier is ticked. */
  core: z.boolean().default(false),
  /** PRISMS components (A1-A14) this strategy delivers. */
  prisms: z.array(PrismsComponentSchema).default([]),
  sources: sourceRefs,
});
export type Strategy = z.infer<typeof StrategySchema>;

export const FlowStepSchema = z.object({
  id: FlowStepIdSchema,
  title: text(60),
  prompt: text(300),
});
export type FlowStep = z.infer<typeof FlowStepSchema>;

export const LevelSchema = z.object({
  id: BarrierLevelSchema,
  title: text(60),
  sources: sourceRefs,
});
export type Level = z.infer<typeof LevelSchema>;

/**
 * Short texts the logic needs, in the pack's language. `{reasons}` in `because` is replaced by the reasons,
 * `colon` separates a summary label from its value (": " in English, " : " in French).
 */
export const PackLabelsSchema = z.object({
  summaryTitle: text(80),
  conditions: text(40),
  barriers: text(40),
  agreed: text(40),
  goal: text(40),
  confidence: text(40),
  followUp: text(40),
  possible: text(40),
  colon: z.string().min(1).max(4),
  because: text(80).regex(/\{reasons\}/, 'must contain {reasons}'),
  becauseCore: text(120),
  becauseLocal: text(120),
  localRationale: text(200),
  individual: text(40),
  collaborative: text(40),
  confidenceMissing: text(200),
  confidenceLow: text(200),
  confidenceOk: text(200),
  reviewAchieved: text(200),
  reviewPartly: text(200),
  reviewNot: text(200),
});
export type PackLabels = z.infer<typeof PackLabelsSchema>;
export const LABEL_KEYS = Object.keys(PackLabelsSchema.shape) as (keyof PackLabels)[];

/**
 * A strategy a practice adds itself (e.g. "our diabetes nurse's group session"). Ids must not clash with the
 * pack's strategy ids (a clashing local strategy is ignored). Local strategies carry no literature sources.
 */
export const LocalStrategySchema = z.object({
  id: z.string().max(64).regex(ID_PATTERN, 'ids are lower-case letters, digits, _ and -'),
  label: z.string().trim().min(1).max(120),
  action: z.string().trim().min(1).max(400),
  rationale: z.string().trim().max(400).optional(),
  type: StrategyTypeSchema.default('collaborative'),
  /** Barrier ids (of the pack) it addresses; empty: shown for every patient whose conditions it fits. */
  addresses: z.array(z.string().max(64)).max(50).default([]),
  conditions: ConditionScopeSchema.default('all'),
  step: FlowStepIdSchema.default('arrange'),
  /** Matched against directory entries' role, like Strategy.contactRole. */
  contactRole: z.string().trim().min(1).max(64).optional(),
  phone: z.string().trim().max(40).optional(),
});
export type LocalStrategy = z.infer<typeof LocalStrategySchema>;

export const ContentPackSchema = z.object({
  format: z.literal('sms-prompts-pack'),
  schemaVersion: z.literal(1),
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semantic: 1.2.3'),
  language: LanguageSchema,
  title: text(120),
  /** SHA-256 hex of the canonical pack without this field (see packChecksum); optional. */
  checksum: z.string().regex(/^[0-9a-f]{64}$/, 'checksum is 64 lower-case hex characters').optional(),
  sources: z.array(SourceSchema).min(1),
  levels: z.array(LevelSchema).length(3, 'exactly three levels: patient, provider, external'),
  barriers: z.array(BarrierSchema).min(1),
  strategies: z.array(StrategySchema).min(1),
  flow: z.array(FlowStepSchema).length(5),
  /** Display names of conditions in this language. */
  conditionNames: z.record(ConditionIdSchema, text(80)),
  labels: PackLabelsSchema,
});
export type ContentPack = z.infer<typeof ContentPackSchema>;
