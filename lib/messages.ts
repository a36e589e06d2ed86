import { z } from 'zod';
import { ConditionIdSchema, LanguageSchema } from './conditions-schema';
import { MessagesFileSchema } from './i18n';
import { ContentPackSchema } from './content/pack-schema';
import { RoleSchema, SettingsPatchSchema, SettingsSchema } from './settings/schema';
import { ActionPlanOpenSchema, ActionPlanViewSchema, JobIdSchema } from './action-plan/schema';
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
  /** Extension pages only: how many records are stored, for the options page. */
  z.object({ type: z.literal('data/counts') }),
  /**
   * The active content pack of a language: the one the practice imported for it, else the built-in pack,
   * with its version and checksum (packChecksum). Content scripts may ask.
   */
  /** The sidebar's user-visible strings in one language (the content script does not bundle every language). */
  z.object({ type: z.literal('ui/strings'), lang: LanguageSchema }),
  /** Content script only: put the sidebar's UI script into the sender's frame (lib/background/sidebar-ui.ts). */
  z.object({ type: z.literal('ui/load') }),
  z.object({ type: z.literal('pack/get'), lang: LanguageSchema }),
  /**
   * Extension pages only: validate (parsePack, checksum when present) and store a pack as the active pack of its
   * language. A bad pack is refused with the failing field named, e.g. "strategies[3].sources: ...", and
   * nothing stored is changed.
   */
  z.object({ type: z.literal('pack/import'), pack: z.unknown() }),
  /** Extension pages only: drop the imported pack of a language, back to the built-in one. */
  z.object({ type: z.literal('pack/reset'), lang: LanguageSchema }),
  /** Extension pages only: the enabled EHR sites with their permission and registration state. */
  z.object({ type: z.literal('sites/status') }),
  /**
   * Extension pages only, after browser.permissions.request({ origins: [pattern] }) was granted (from the click):
   * adds the site to enabledSites and registers the content script on it. Refused without the permission.
   */
  z.object({ type: z.literal('sites/add'), pattern: z.string().min(1).max(300) }),
  /** Extension pages only: removes a site from enabledSites and unregisters its content script. */
  z.object({ type: z.literal('sites/remove'), pattern: z.string().min(1).max(300) }),
  /**
   * Print the patient's take-home action plan (content script or extension pages): the background builds it in
   * `lang` (the patient's language), keeps it for 10 minutes under a random id and opens the action plan page
   * on that id (no patient data in the URL). `goal` is optional: left out, the patient's newest saved goal is used.
   */
  ActionPlanOpenSchema.extend({ type: z.literal('action-plan/open') }),
  /** Extension pages only (the action plan page): the plan of a job id, once; the job is deleted as it is read. */
  z.object({ type: z.literal('action-plan/get'), id: JobIdSchema }),
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
  'settings/save', 'metrics/summary', 'data/export', 'data/erase', 'data/counts',
  'pack/import', 'pack/reset', 'sites/status', 'sites/add', 'sites/remove',
  'action-plan/get',
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

export const ActivePackSchema = z.object({
  pack: ContentPackSchema,
  version: z.string(),
  /** packChecksum(pack): SHA-256 hex of the canonical pack without its own `checksum` field. */
  checksum: z.string(),
  source: z.enum(['built-in', 'imported']),
  /** Epoch ms, for an imported pack. */
  importedAt: z.number().int().optional(),
  /** Set when an imported pack could not be read: the built-in pack is served instead (the stored one is kept). */
  warning: z.string().optional(),
});
export type ActivePack = z.infer<typeof ActivePackSchema>;

export const PackImportedSchema = z.object({
  language: LanguageSchema,
  id: z.string(),
  version: z.string(),
  checksum: z.string(),
  /** An earlier imported pack of that language was replaced. */
  replaced: z.boolean(),
});
export type PackImported = z.infer<typeof PackImportedSchema>;

export const SiteStatusSchema = z.object({
  /** Match pattern, e.g. "https://ehr.example.org/*". */
  pattern: z.string(),
  /** The browser holds the site's host permission. */
  granted: z.boolean(),
  /** The content script runs on the site (registered, or injected by the manifest). */
  active: z.boolean(),
  /** Covered by the manifest's own content script (localhost, for demos and tests). */
  builtIn: z.boolean(),
});
export type SiteStatus = z.infer<typeof SiteStatusSchema>;
export const SitesViewSchema = z.object({ sites: z.array(SiteStatusSchema) });

export const DataCountsSchema = z.object({
  consultations: z.number().int().nonnegative(),
  goals: z.number().int().nonnegative(),
  metrics: z.number().int().nonnegative(),
  /** Unreadable records kept for export (meta copies and corrupt settings blobs). */
  corrupt: z.number().int().nonnegative(),
});
export type DataCounts = z.infer<typeof DataCountsSchema>;

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
  'data/counts': DataCountsSchema,
  'ui/strings': z.object({ messages: MessagesFileSchema }),
  'ui/load': z.object({ loaded: z.literal(true) }),
  'pack/get': ActivePackSchema,
  'pack/import': PackImportedSchema,
  'pack/reset': ActivePackSchema,
  'sites/status': SitesViewSchema,
  'sites/add': SitesViewSchema,
  'sites/remove': SitesViewSchema,
  'action-plan/open': z.object({ opened: z.literal(true) }),
  'action-plan/get': z.object({ plan: ActionPlanViewSchema }),
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
