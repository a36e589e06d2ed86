import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { salvageSettings } from '../../../lib/settings/salvage';
import {
  corruptSettingsCopies,
  loadSettings,
  saveSettings,
  SettingsLockedError,
  SETTINGS_KEY,
} from '../../../lib/settings/store';
import { memoryArea, NOW } from './helpers';

const throwingArea = {
  get: async (): Promise<Record<string, unknown>> => {
    throw new Error('Managed storage manifest not found');
  },
};

describe('loadSettings', () => {
  it('gives the defaults, without warning, on first run', async () => {
    expect(await loadSettings({ local: memoryArea() }, NOW)).toEqual({ settings: DEFAULT_SETTINGS, lockedKeys: [] });
  });

  it('reads stored settings', async () => {
    const local = memoryArea({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, role: 'nurse', retentionDays: 30 } });
    const { settings, warning } = await loadSettings({ local }, NOW);
    expect(settings).toMatchObject({ role: 'nurse', retentionDays: 30 });
    expect(warning).toBeUndefined();
  });

  it('falls back to defaults with a warning for a blob that is not settings, and keeps a copy', async () => {
    const local = memoryArea({ [SETTINGS_KEY]: 'not json settings' });
    const loaded = await loadSettings({ local }, NOW);
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS);
    expect(loaded.warning).toMatch(/could not be read.*all settings/);
    expect(local.data[`settings.corrupt.${NOW}`]).toBe('not json settings');
    expect(local.data[SETTINGS_KEY]).toBe('not json settings'); // not silently overwritten
  });

  it('resets only the invalid keys of a partly corrupt blob', async () => {
    const blob = { ...DEFAULT_SETTINGS, role: 'surgeon', retentionDays: -1, language: 'nl' };
    const local = memoryArea({ [SETTINGS_KEY]: blob });
    const loaded = await loadSettings({ local }, NOW);
    expect(loaded.settings).toMatchObject({ role: 'gp', retentionDays: 365, language: 'nl' });
    expect(loaded.warning).toMatch(/role, retentionDays/);
    expect(await corruptSettingsCopies(local)).toEqual([{ key: `settings.corrupt.${NOW}`, value: blob }]);
  });

  it('keeps one copy of the same corrupt blob however often it is loaded', async () => {
    const local = memoryArea({ [SETTINGS_KEY]: [1, 2] });
    await loadSettings({ local }, NOW);
    await loadSettings({ local }, NOW + 1);
    expect(await corruptSettingsCopies(local)).toHaveLength(1);
  });

  it('lets policy (managed storage) override local values and reports the locked keys', async () => {
    const local = memoryArea({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, role: 'nurse', retentionDays: 30 } });
    const managed = memoryArea({ retentionDays: 90, enabledSites: ['https://ehr.example.org/*'], unknownKey: 1 });
    const loaded = await loadSettings({ local, managed }, NOW);
    expect(loaded.settings).toMatchObject({ role: 'nurse', retentionDays: 90, enabledSites: ['https://ehr.example.org/*'] });
    expect(loaded.lockedKeys.sort()).toEqual(['enabledSites', 'retentionDays']);
    expect(loaded.warning).toBeUndefined();
  });

  it('ignores an invalid policy value with a warning', async () => {
    const loaded = await loadSettings({ local: memoryArea(), managed: memoryArea({ retentionDays: 'forever' }) }, NOW);
    expect(loaded.settings.retentionDays).toBe(365);
    expect(loaded.lockedKeys).toEqual([]);
    expect(loaded.warning).toMatch(/policy.*retentionDays/);
  });

  it('treats a managed storage that throws as no policy', async () => {
    expect(await loadSettings({ local: memoryArea(), managed: throwingArea }, NOW)).toEqual({ settings: DEFAULT_SETTINGS, lockedKeys: [] });
  });
});

describe('saveSettings', () => {
  it('validates and merges a partial update', async () => {
    const local = memoryArea({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, role: 'nurse' } });
    const saved = await saveSettings({ local }, { sidebarCollapsed: true }, NOW);
    expect(saved.settings).toMatchObject({ role: 'nurse', sidebarCollapsed: true });
    expect(local.data[SETTINGS_KEY]).toMatchObject({ role: 'nurse', sidebarCollapsed: true });
  });

  it('rejects invalid values and unknown keys without writing', async () => {
    const local = memoryArea();
    await expect(saveSettings({ local }, { retentionDays: 0 }, NOW)).rejects.toThrow();
    await expect(saveSettings({ local }, { colour: 'red' } as never, NOW)).rejects.toThrow();
    expect(local.data).toEqual({});
  });

  it('refuses keys locked by policy', async () => {
    const areas = { local: memoryArea(), managed: memoryArea({ role: 'nurse' }) };
    await expect(saveSettings(areas, { role: 'gp' }, NOW)).rejects.toBeInstanceOf(SettingsLockedError);
    expect((await saveSettings(areas, { language: 'fr' }, NOW)).settings).toMatchObject({ role: 'nurse', language: 'fr' });
  });

  it('keeps a copy of a corrupt blob before replacing it, and the warning then clears', async () => {
    const local = memoryArea({ [SETTINGS_KEY]: 42 });
    const saved = await saveSettings({ local }, { role: 'nurse' }, NOW);
    expect(saved.warning).toBeUndefined();
    expect(saved.settings.role).toBe('nurse');
    expect(await corruptSettingsCopies(local)).toEqual([{ key: `settings.corrupt.${NOW}`, value: 42 }]);
  });
});

describe('salvageSettings', () => {
  it('treats null / undefined as "nothing saved yet"', () => {
    expect(salvageSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [] });
  });
  it('ignores unknown keys', () => {
    expect(salvageSettings({ futureKey: true }).resetKeys).toEqual([]);
  });
});
