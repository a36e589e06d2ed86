import { z } from 'zod';
import { ConditionIdSchema } from './conditions';
import { ConsultationRecordSchema } from './storage/records';

/**
 * Messages from extension pages and the content script to the background, which owns storage.
 * Every message is parsed with this schema on arrival: the content script runs beside untrusted pages.
 */
export const RequestSchema = z.discriminatedUnion('type', [
  /** Look up what was saved for the patient on this page. patientRef is raw page text: hashed in the background, never stored. */
  z.object({ type: z.literal('record/load'), patientRef: z.string().min(1).max(500) }),
  z.object({
    type: z.literal('record/save'),
    patientRef: z.string().min(1).max(500),
    record: ConsultationRecordSchema.omit({ patientKey: true, updatedAt: true }),
  }),
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/set-collapsed'), collapsed: z.boolean() }),
  z.object({
    type: z.literal('metrics/record'),
    event: z.enum(['prompt_shown', 'sidebar_opened', 'barrier_ticked', 'strategy_chosen', 'dismissed', 'goal_agreed', 'summary_copied']),
    conditions: z.array(ConditionIdSchema),
  }),
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];
