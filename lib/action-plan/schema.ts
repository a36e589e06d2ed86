import { z } from 'zod';
import { LanguageSchema } from '../conditions-schema';
import { ID_PATTERN } from '../content/pack-schema';
import { DirectoryEntrySchema } from '../settings/schema';
import { GoalSchema } from '../storage/records';

/** At most this many steps and contacts are printed: more would not fit one A4 page in large type. */
export const MAX_STEPS = 6;
export const MAX_CONTACTS = 4;

/** How long an opened plan waits to be read by its page (ms). */
export const JOB_TTL_MS = 10 * 60 * 1000;

/** Job ids: 32 hex characters (128 random bits), used only in the URL fragment of the action plan page. */
export const JobIdSchema = z.string().regex(/^[0-9a-f]{32}$/, 'job id is 32 hex characters');

/** The sidebar's request: the patient on the page, the patient's language, the strategies chosen. */
export const ActionPlanOpenSchema = z.object({
  /** Raw page text identifying the patient, as for record/load: hashed in the background, never stored. */
  patientRef: z.string().min(1).max(500),
  /** The patient's language (chosen in the sidebar), independent of the clinician's UI language. */
  lang: LanguageSchema,
  /** Chosen strategy ids, in the order to print them; unknown ids are left out. */
  strategies: z.array(z.string().max(64).regex(ID_PATTERN)).max(50),
  /**
   * The goal as the sidebar shows it now. Optional: when left out, the newest saved goal of the patient is
   * used. Sending it avoids printing a goal the debounced save has not written yet.
   */
  goal: GoalSchema.nullable().optional(),
});

export const ActionPlanStepSchema = z.object({
  strategyId: z.string(),
  /** Patient-facing wording ("I will ..."), or the strategy's label when the pack has none. */
  text: z.string(),
});
export type ActionPlanStep = z.infer<typeof ActionPlanStepSchema>;

export const ActionPlanContactSchema = DirectoryEntrySchema.pick({ name: true, phone: true, note: true });
export type ActionPlanContact = z.infer<typeof ActionPlanContactSchema>;

/** The pack the plan's wording comes from, printed in the footer so each workstation shows its version. */
export const PackStampSchema = z.object({
  id: z.string(),
  version: z.string(),
  /** First 8 hex characters of the pack's SHA-256 checksum. */
  checksum: z.string().regex(/^[0-9a-f]{8}$/),
});
export type PackStamp = z.infer<typeof PackStampSchema>;

/** Everything the action plan page renders, already in the patient's language. No patient identifier. */
export const ActionPlanViewSchema = z.object({
  lang: LanguageSchema,
  goal: z.object({ text: z.string(), when: z.string() }).nullable(),
  confidence: z.number().int().min(0).max(10).nullable(),
  steps: z.array(ActionPlanStepSchema).max(MAX_STEPS),
  contacts: z.array(ActionPlanContactSchema).max(MAX_CONTACTS),
  /** Follow-up date written out in the patient's language, e.g. "Wednesday 1 April 2026"; null when none. */
  followUp: z.string().nullable(),
  /** 'compact' when the text is long: the page uses smaller type so it still fits one A4 page. */
  density: z.enum(['normal', 'compact']),
  pack: PackStampSchema,
});
export type ActionPlanView = z.infer<typeof ActionPlanViewSchema>;

/** What the background keeps between action-plan/open and action-plan/get (browser.storage.session). */
export const ActionPlanJobSchema = z.object({
  expiresAt: z.number().int(),
  view: ActionPlanViewSchema,
});
export type ActionPlanJob = z.infer<typeof ActionPlanJobSchema>;
