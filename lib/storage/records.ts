import { z } from 'zod';
import { ConditionIdSchema } from '../conditions';
import { FlowStepIdSchema } from '../content/pack-schema';

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
