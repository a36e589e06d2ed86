import { z } from 'zod';
import { ConditionIdSchema, LanguageSchema } from '../conditions';

/** The 5As of self-management support (Glasgow et al. 2003). */
export const FLOW_STEPS = ['assess', 'advise', 'agree', 'assist', 'arrange'] as const;
export const FlowStepIdSchema = z.enum(FLOW_STEPS);
export type FlowStepId = z.infer<typeof FlowStepIdSchema>;

export const BarrierLevelSchema = z.enum(['patient', 'provider', 'external']);
export type BarrierLevel = z.infer<typeof BarrierLevelSchema>;

const id = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'ids are lower-case letters, digits, _ and -');

export const SourceSchema = z.object({
  id,
  citation: z.string().min(5),
  doi: z.string().optional(),
});
export type Source = z.infer<typeof SourceSchema>;

export const BarrierSchema = z.object({
  id,
  level: BarrierLevelSchema,
  label: z.string().min(1),
  /** A question the clinician can ask to check this barrier. */
  ask: z.string().optional(),
  /** Shown in the quick (GP) chip set. */
  quick: z.boolean().default(false),
  sources: z.array(id).min(1),
});
export type Barrier = z.infer<typeof BarrierSchema>;

export const StrategySchema = z.object({
  id,
  type: z.enum(['individual', 'collaborative']),
  label: z.string().min(1),
  /** One line the clinician can say or do in the consultation. */
  action: z.string().min(1),
  rationale: z.string().min(1),
  /** Barrier ids this strategy addresses. */
  addresses: z.array(id),
  /** Conditions it fits; 'all' when generic. */
  conditions: z.union([z.literal('all'), z.array(ConditionIdSchema).min(1)]),
  /** Which of the 5As it belongs to. */
  step: FlowStepIdSchema,
  /** Who does it, for collaborative strategies (matches a directory entry role). */
  contactRole: z.string().optional(),
  sources: z.array(id).min(1),
});
export type Strategy = z.infer<typeof StrategySchema>;

export const FlowStepSchema = z.object({
  id: FlowStepIdSchema,
  title: z.string().min(1),
  prompt: z.string().min(1),
});

export const ContentPackSchema = z.object({
  format: z.literal('sms-prompts-pack'),
  schemaVersion: z.literal(1),
  id,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'version is semantic: 1.2.3'),
  language: LanguageSchema,
  title: z.string().min(1),
  sources: z.array(SourceSchema).min(1),
  barriers: z.array(BarrierSchema).min(1),
  strategies: z.array(StrategySchema).min(1),
  flow: z.array(FlowStepSchema).length(5),
  /** Display names of conditions in this language. */
  conditionNames: z.record(ConditionIdSchema, z.string()),
});
export type ContentPack = z.infer<typeof ContentPackSchema>;
