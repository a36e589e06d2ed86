import type { KeyValueArea, ReadonlyKeyValueArea } from '../storage/kv';
import { readPolicy, salvageSettings } from './salvage';
import { SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from './schema';

/** browser.storage.local key of the clinician's settings. */
export const SETTINGS_KEY = 'settings';
/** Prefix of copies of unreadable settings blobs, kept for export: `settings.corrupt.<timestamp>`. */
export const CORRUPT_SETTINGS_PREFIX = 'settings.corrupt.';

export interface SettingsAreas {
  local: KeyValueArea;
  /** browser.storage.managed (enterprise policy); may be missing or throw: then no policy. */
  managed?: ReadonlyKeyValueArea | null;
}

export interface LoadedSettings {
  /** Effective settings: local values, overridden by policy. */
  settings: Settings;
  /** For the UI to show: stored settings were unreadable, or a policy value was ignored. */
  warning?: string;
  /** Keys set by policy: read-only in the UI, refused by saveSettings. */
  lockedKeys: string[];
}

export class SettingsLockedError extends Error {
  constructor(readonly keys: string[]) {
    super(`set by your organisation's policy, cannot be changed here: ${keys.join(', ')}`);
    this.name = 'SettingsLockedError';
  }
}

async function readManaged(area: ReadonlyKeyValueArea | null | undefined): Promise<unknown> {
  try {
    return area ? await area.get(null) : {};
  } catch {
    return {}; // no policy installed, or (Firefox) no managed storage manifest
  }
}

/** Copies an unreadable blob to `settings.corrupt.<now>` unless an identical copy is already kept. */
async function keepCorruptCopy(local: KeyValueArea, raw: unknown, now: number): Promise<string> {
  const all = await local.get(null);
  const text = JSON.stringify(raw);
  const existing = Object.keys(all).find((k) => k.startsWith(CORRUPT_SETTINGS_PREFIX) && JSON.stringify(all[k]) === text);
  if (existing) return existing;
  const key = `${CORRUPT_SETTINGS_PREFIX}${now}`;
  await local.set({ [key]: raw });
  return key;
}

/** The clinician's own (local) settings, salvaged; warning when something was unreadable. */
async function readLocal(local: KeyValueArea, now: number): Promise<{ settings: Settings; warning?: string }> {
  const raw = (await local.get(SETTINGS_KEY))[SETTINGS_KEY];
  const { settings, resetKeys } = salvageSettings(raw);
  if (!resetKeys.length) return { settings };
  const copy = await keepCorruptCopy(local, raw, now);
  const what = resetKeys.includes('*') ? 'all settings' : resetKeys.join(', ');
  return { settings, warning: `Saved settings could not be read; reset to defaults: ${what}. A copy was kept (${copy}) for export.` };
}

export async function loadSettings(areas: SettingsAreas, now: number = Date.now()): Promise<LoadedSettings> {
  const local = await readLocal(areas.local, now);
  const policy = readPolicy(await readManaged(areas.managed));
  const warnings = [
    local.warning,
    policy.ignored.length ? `Invalid policy values ignored: ${policy.ignored.join(', ')}.` : undefined,
  ].filter((w): w is string => !!w);
  return {
    settings: { ...local.settings, ...policy.values },
    lockedKeys: policy.lockedKeys,
    ...(warnings.length ? { warning: warnings.join(' ') } : {}),
  };
}

/**
 * Validates a partial update, refuses keys locked by policy (SettingsLockedError), merges it into the local
 * settings and stores them. Returns the effective settings after the save.
 */
export async function saveSettings(areas: SettingsAreas, patch: SettingsPatch, now: number = Date.now()): Promise<LoadedSettings> {
  const valid = SettingsPatchSchema.parse(patch);
  const policy = readPolicy(await readManaged(areas.managed));
  const locked = Object.keys(valid).filter((k) => (policy.lockedKeys as string[]).includes(k));
  if (locked.length) throw new SettingsLockedError(locked);
  const { settings } = await readLocal(areas.local, now); // keeps a copy of a corrupt blob before overwriting it
  await areas.local.set({ [SETTINGS_KEY]: SettingsSchema.parse({ ...settings, ...valid }) });
  return loadSettings(areas, now);
}

/** Kept copies of unreadable settings blobs, for export. */
export async function corruptSettingsCopies(local: KeyValueArea): Promise<{ key: string; value: unknown }[]> {
  const all = await local.get(null);
  return Object.keys(all)
    .filter((k) => k.startsWith(CORRUPT_SETTINGS_PREFIX))
    .sort()
    .map((key) => ({ key, value: all[key] }));
}

/** Removes the kept copies (data/erase). */
export async function removeCorruptSettingsCopies(local: KeyValueArea): Promise<void> {
  const keys = (await corruptSettingsCopies(local)).map((c) => c.key);
  if (keys.length) await local.remove(keys);
}
