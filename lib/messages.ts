import { z } from 'zod';
import { ConditionIdSchema } from './conditions';
import { RoleSchema, SettingsPatchSchema, SettingsSchema } from './settings/schema';
import {
  ConsultationRecordSchema,
  GoalHistoryEntrySchema,
  GoalOutcomeSchema,
  MetricCountSchema,
  MetricEventSchema,
  MetricRowSchema,
} from './storage/records';

/**
 * Messages from extension pages and the content script to the background, which owns storage.
 * Every message is parsed with this schema on arrival: the content script runs beside untrusted pages.
 */
export const RequestSchema = z.discriminatedUnion('type', [
  /** Look up what was saved for the patient on this page. patientRef is raw page text: hashed in the background, never stored. */
  z.object({ type: z.literal('record/load'), patientRef: z.string().min(1).max(500) }),
  /**
   * Save the latest state for the patient. When `record.goal` differs from the newest goal in the history it is
   * appended to the goal history and counted as 'goal_agreed' in the same transaction; edits within
   * GOAL_EDIT_WINDOW_MS of agreeing (e.g. debounced saves while typing) amend that entry instead.
   */
  z.object({
    type: z.literal('record/save'),
    patientRef: z.string().min(1).max(500),
    record: ConsultationRecordSchema.omit({ patientKey: true, updatedAt: true }),
  }),
  /** Record how an earlier goal of this patient turned out (goal ids come from record/load's `goals`). */
  z.object({
    type: z.literal('goal/review'),
    patientRef: z.string().min(1).max(500),
    goalId: z.number().int().positive(),
    outcome: GoalOutcomeSchema,
  }),
  z.object({ type: z.literal('settings/get') }),
  z.object({ type: z.literal('settings/set-collapsed'), collapsed: z.boolean() }),
  /** The sidebar header's role switch (GP consultation / chronic-care review). */
  z.object({ type: z.literal('settings/set-role'), role: RoleSchema }),
  /** Extension pages only (options page). Keys locked by policy are refused. */
  z.object({ type: z.literal('settings/save'), patch: SettingsPatchSchema }),
  /**
   * Count a usage event. 'goal_agreed' is counted by record/save itself (atomically with the goal history,
   * once per newly agreed goal), so a metrics/record 'goal_agreed' is accepted but not counted again (recorded: 0).
   */
  z.object({
    type: z.literal('metrics/record'),
    event: MetricEventSchema,
    conditions: z.array(ConditionIdSchema),
  }),
  /** Extension pages only. Counts per week, role, condition and event. */
  z.object({ type: z.literal('metrics/summary') }),
  /** Extension pages only: everything stored, for the clinician's explicit export. */
  z.object({ type: z.literal('data/export') }),
  /** Extension pages only: delete every consultation, goal, metric and kept corrupt copy. Settings stay. */
  z.object({ type: z.literal('data/erase') }),
]);
export type Request = z.infer<typeof RequestSchema>;
/** What a sender writes (defaults such as record.step may be left out). */
export type RequestInput = z.input<typeof RequestSchema>;
export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/**
 * Requests only extension pages may send. The content script shares a tab with an untrusted page,
 * so it can never export, erase or change settings (other than collapsing the sidebar).
 */
export const PRIVILEGED_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'settings/save', 'metrics/summary', 'data/export', 'data/erase',
]);

export const PatientDataSchema = z.object({
  /** Latest saved state, null when nothing was saved (or it could not be read: see warning). */
  record: ConsultationRecordSchema.nullable(),
  /** Agreed goals, newest first. */
  goals: z.array(GoalHistoryEntrySchema),
  /** Set when a stored record could not be read; it is kept for export, not deleted. */
  warning: z.string().optional(),
});
export type PatientData = z.infer<typeof PatientDataSchema>;

export const SettingsViewSchema = z.object({
  settings: SettingsSchema,
  /** Set when stored settings were unreadable (reset to defaults, a copy kept) or a policy value was ignored. */
  warning: z.string().optional(),
  /** Keys set by enterprise policy (browser managed storage): show them read-only. */
  lockedKeys: z.array(z.string()),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;

export const CorruptEntrySchema = z.object({
  /** Where it was found, e.g. 'consultations', 'goals', 'settings'. */
  source: z.string(),
  key: z.string(),
  value: z.unknown(),
});
export type CorruptEntry = z.infer<typeof CorruptEntrySchema>;

export const ExportSchema = z.object({
  format: z.literal('sms-prompts-export'),
  formatVersion: z.literal(1),
  exportedAt: z.number().int(),
  dbVersion: z.number().int(),
  settings: SettingsSchema,
  consultations: z.array(ConsultationRecordSchema),
  goals: z.array(GoalHistoryEntrySchema),
  metrics: z.array(MetricRowSchema),
  /** Records that failed validation, as stored: unreadable rows, copies kept in `meta`, corrupt settings blobs. */
  corrupt: z.array(CorruptEntrySchema),
});
export type DataExport = z.infer<typeof ExportSchema>;

/** The `data` of a successful reply, per request type. */
export const ResponseDataSchemas = {
  'record/load': PatientDataSchema,
  'record/save': PatientDataSchema,
  'goal/review': z.object({ goal: GoalHistoryEntrySchema }),
  'settings/get': SettingsViewSchema,
  'settings/set-collapsed': SettingsViewSchema,
  'settings/set-role': SettingsViewSchema,
  'settings/save': SettingsViewSchema,
  'metrics/record': z.object({ recorded: z.number().int().nonnegative() }),
  'metrics/summary': z.object({ rows: z.array(MetricCountSchema) }),
  'data/export': ExportSchema,
  'data/erase': z.object({ erased: z.literal(true) }),
} satisfies { [T in RequestType]: z.ZodType };

export type ResponseData<T extends RequestType> = z.infer<(typeof ResponseDataSchemas)[T]>;

/** Every reply from the background: ok with data, or an error message (never thrown across the channel). */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: string };
export type ReplyFor<T extends RequestType> = Reply<ResponseData<T>>;

export const ErrorReplySchema = z.object({ ok: z.literal(false), error: z.string() });

/** Zod schema of the reply to a request type. */
export function replySchemaFor<T extends RequestType>(type: T) {
  const data = ResponseDataSchemas[type] as unknown as z.ZodType<ResponseData<T>>;
  return z.union([z.object({ ok: z.literal(true), data }), ErrorReplySchema]);
}
