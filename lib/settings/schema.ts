import { z } from 'zod';
import { CONDITION_IDS } from '../conditions';
import { ConditionIdSchema, LanguageSchema } from '../conditions-schema';
import { LocalStrategySchema } from '../content/pack-schema';

export const RoleSchema = z.enum(['gp', 'nurse']);
export type Role = z.infer<typeof RoleSchema>;

/** A local service the practice refers to (its own dietitian, pharmacist...). */
export const DirectoryEntrySchema = z.object({
  id: z.string().min(1),
  /** Matches Strategy.contactRole, e.g. 'dietitian'. */
  role: z.string().min(1),
  name: z.string().min(1),
  phone: z.string().optional(),
  note: z.string().optional(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

export const SettingsSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  /** 'auto' follows the browser's UI language. */
  language: z.union([z.literal('auto'), LanguageSchema]).default('auto'),
  role: RoleSchema.default('gp'),
  /** Origins (match patterns) the clinician enabled, e.g. "https://ehr.example.org/*". */
  enabledSites: z.array(z.string()).default([]),
  /** Conditions to prompt for. */
  promptConditions: z.array(ConditionIdSchema).default([...CONDITION_IDS]),
  disabledStrategies: z.array(z.string()).default([]),
  directory: z.array(DirectoryEntrySchema).default([]),
  /** The practice's own strategies (e.g. its diabetes group), ranked beside the content pack's. */
  localStrategies: z.array(LocalStrategySchema).default([]),
  retentionDays: z.number().int().min(1).max(3650).default(365),
  /** GP consultations start as a small tab (seconds, not minutes); the choice is then remembered. */
  sidebarCollapsed: z.boolean().default(true),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

const field = SettingsSchema.shape;

/**
 * A partial update of the settings: only the keys given are validated and changed.
 * (SettingsSchema.partial() would fill every missing key with its default.) Unknown keys are rejected.
 */
export const SettingsPatchSchema = z.strictObject({
  language: field.language.unwrap().optional(),
  role: field.role.unwrap().optional(),
  enabledSites: field.enabledSites.unwrap().optional(),
  promptConditions: field.promptConditions.unwrap().optional(),
  disabledStrategies: field.disabledStrategies.unwrap().optional(),
  directory: field.directory.unwrap().optional(),
  localStrategies: field.localStrategies.unwrap().optional(),
  retentionDays: field.retentionDays.unwrap().optional(),
  sidebarCollapsed: field.sidebarCollapsed.unwrap().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Keys an enterprise policy (browser managed storage) or the clinician can set. */
export type SettingsKey = keyof SettingsPatch;
export const SETTINGS_KEYS = Object.keys(SettingsPatchSchema.shape) as SettingsKey[];
