import { SETTINGS_KEYS, SettingsSchema, DEFAULT_SETTINGS, type Settings, type SettingsKey } from './schema';

export interface Salvaged {
  settings: Settings;
  /** Keys whose stored value was invalid and fell back to the default. '*' when the whole blob was unusable. */
  resetKeys: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a stored settings blob. Valid keys are kept; an invalid key falls back to its default (listed in
 * resetKeys); a blob that is not an object falls back to the defaults entirely. Absent -> defaults, no reset.
 */
export function salvageSettings(raw: unknown): Salvaged {
  if (raw === undefined || raw === null) return { settings: { ...DEFAULT_SETTINGS }, resetKeys: [] };
  if (!isPlainObject(raw)) return { settings: { ...DEFAULT_SETTINGS }, resetKeys: ['*'] };
  const whole = SettingsSchema.safeParse(raw);
  if (whole.success) return { settings: whole.data, resetKeys: [] };
  const settings: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const resetKeys: string[] = [];
  for (const key of [...SETTINGS_KEYS, 'schemaVersion'] as const) {
    if (!(key in raw)) continue;
    const parsed = SettingsSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) settings[key] = parsed.data;
    else resetKeys.push(key);
  }
  return { settings: SettingsSchema.parse(settings), resetKeys };
}

/** Valid policy values (browser managed storage) by key; invalid or unknown ones are reported, not applied. */
export function readPolicy(raw: unknown): { values: Partial<Settings>; lockedKeys: SettingsKey[]; ignored: string[] } {
  const values: Record<string, unknown> = {};
  const lockedKeys: SettingsKey[] = [];
  const ignored: string[] = [];
  if (!isPlainObject(raw)) return { values: {}, lockedKeys, ignored };
  for (const key of SETTINGS_KEYS) {
    if (raw[key] === undefined) continue;
    const parsed = SettingsSchema.shape[key].safeParse(raw[key]);
    if (parsed.success) {
      values[key] = parsed.data;
      lockedKeys.push(key);
    } else ignored.push(key);
  }
  return { values: values as Partial<Settings>, lockedKeys, ignored };
}
