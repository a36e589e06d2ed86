import { z } from 'zod';
import { formatPath } from '../content/packs';
import { SettingsPatchSchema, type Settings, type SettingsKey, type SettingsPatch } from '../settings/schema';

/**
 * Settings as a file, to set up a second workstation or share a practice's choices. The file never holds
 * patient data. Sites are listed but not enabled by an import: each site needs the browser's permission,
 * which only a click on that site's own button can ask for.
 */
export const SETTINGS_FILE_FORMAT = 'sms-prompts-settings';

export const SettingsFileSchema = z.object({
  format: z.literal(SETTINGS_FILE_FORMAT),
  formatVersion: z.literal(1),
  exportedAt: z.number().int(),
  settings: SettingsPatchSchema,
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

/** Keys a settings file does not carry over: per-workstation state, and sites (they need a permission). */
const NOT_IMPORTED: readonly SettingsKey[] = ['enabledSites', 'sidebarCollapsed'];

export function settingsToFile(settings: Settings, now: number): SettingsFile {
  const { schemaVersion: _v, sidebarCollapsed: _c, ...rest } = settings;
  return { format: SETTINGS_FILE_FORMAT, formatVersion: 1, exportedAt: now, settings: rest };
}

export type SettingsImport =
  | {
      ok: true;
      /** What to save with settings/save: the file's settings minus sites and keys locked by policy. */
      patch: SettingsPatch;
      /** Keys in the file left unchanged because the practice's policy sets them. */
      locked: SettingsKey[];
      /** Sites listed in the file: to be enabled one by one (each needs the browser's permission). */
      sites: string[];
    }
  | { ok: false; error: string };

/** Parses a settings file (JSON text); the error names the first wrong field, e.g. "settings.retentionDays: ...". */
export function parseSettingsFile(text: string, lockedKeys: readonly string[] = []): SettingsImport {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (e) {
    return { ok: false, error: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  const parsed = SettingsFileSchema.safeParse(value);
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues;
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    return { ok: false, error: `${first ? `${formatPath(first.path).replace('(pack)', '(file)')}: ${first.message}` : 'invalid file'}${more}` };
  }
  const patch: SettingsPatch = {};
  const locked: SettingsKey[] = [];
  for (const [key, val] of Object.entries(parsed.data.settings) as [SettingsKey, unknown][]) {
    if (val === undefined || NOT_IMPORTED.includes(key)) continue;
    if (lockedKeys.includes(key)) locked.push(key);
    else (patch as Record<string, unknown>)[key] = val;
  }
  return { ok: true, patch, locked, sites: parsed.data.settings.enabledSites ?? [] };
}
