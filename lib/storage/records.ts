import { z } from 'zod';
import { GOAL_OUTCOMES } from '../conditions';
import { ConditionIdSchema } from '../conditions-schema';
import { FlowStepIdSchema } from '../content/pack-schema';
import { RoleSchema } from '../settings/schema';

/** A pseudonymous patient key: HMAC-SHA-256 of the page's patient identifier with a per-install salt, hex. */
export const PatientKeySchema = z.string().regex(/^[0-9a-f]{64}$/);
export type PatientKey = z.infer<typeof PatientKeySchema>;

/** A goal agreed with the patient, in the patient's words (action planning). */
export const GoalSchema = z.object({
  text: z.string().max(500),
  /** When / how often, e.g. "3 times a week after lunch". */
  when: z.string().max(200).default(''),
  /** Confidence 0-10 that they will do it; below 7, make the plan smaller. */
  confidence: z.number().int().min(0).max(10).nullable().default(null),
  /** ISO date (yyyy-mm-dd) of the agreed follow-up, when arranged. */
  followUp: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable().default(null),
});
export type Goal = z.infer<typeof GoalSchema>;

/** What the clinician ticked and agreed for one patient: the latest state, shown again next time. */
export const ConsultationRecordSchema = z.object({
  patientKey: PatientKeySchema,
  updatedAt: z.number().int(),
  conditions: z.array(ConditionIdSchema),
  barriers: z.array(z.string()),
  strategies: z.array(z.string()),
  goal: GoalSchema.nullable(),
  step: FlowStepIdSchema.nullable().default(null),
});
export type ConsultationRecord = z.infer<typeof ConsultationRecordSchema>;

/** How an agreed goal turned out, asked at the follow-up. */
export const GoalOutcomeSchema = z.enum(GOAL_OUTCOMES);
export type GoalOutcome = z.infer<typeof GoalOutcomeSchema>;

/** One agreed goal in a patient's history (table `goals`). Newer goals never overwrite older ones. */
export const GoalHistoryEntrySchema = GoalSchema.extend({
  id: z.number().int().positive(),
  patientKey: PatientKeySchema,
  /** Epoch ms when the goal was agreed. */
  agreedAt: z.number().int(),
  outcome: GoalOutcomeSchema.nullable().default(null),
  /** Epoch ms of the outcome review. */
  reviewedAt: z.number().int().nullable().default(null),
});
export type GoalHistoryEntry = z.infer<typeof GoalHistoryEntrySchema>;

/** Usage events counted for the practice (no patient identifiers, week granularity only). */
export const METRIC_EVENTS = [
  'prompt_shown', 'sidebar_opened', 'barrier_ticked', 'strategy_chosen', 'dismissed', 'goal_agreed', 'summary_copied',
] as const;
export const MetricEventSchema = z.enum(METRIC_EVENTS);
export type MetricEvent = z.infer<typeof MetricEventSchema>;

/** ISO 8601 week, e.g. 2026-W07 (computed in UTC). */
export const IsoWeekSchema = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/);

/** 'none' when an event happened with no condition detected (e.g. sidebar opened by hand). */
export const MetricConditionSchema = z.union([ConditionIdSchema, z.literal('none')]);
export type MetricCondition = z.infer<typeof MetricConditionSchema>;

/** One counted event (table `metrics`): deliberately no patient key, no timestamp finer than the week. */
export const MetricRowSchema = z.object({
  id: z.number().int().positive(),
  week: IsoWeekSchema,
  event: MetricEventSchema,
  condition: MetricConditionSchema,
  role: RoleSchema,
});
export type MetricRow = z.infer<typeof MetricRowSchema>;

/** Aggregated count, as shown and exported as CSV. */
export const MetricCountSchema = MetricRowSchema.omit({ id: true }).extend({ count: z.number().int().positive() });
export type MetricCount = z.infer<typeof MetricCountSchema>;

/** Table `meta`: key/value; keys `corrupt.<table>.<key>.<savedAt>` keep unreadable records for export. */
export const MetaRowSchema = z.object({
  key: z.string().min(1),
  value: z.unknown(),
  savedAt: z.number().int(),
});
export type MetaRow = z.infer<typeof MetaRowSchema>;
