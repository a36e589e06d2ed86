import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings/schema';
import { parseSettingsFile, settingsToFile } from '../../../lib/transfer/settings';

const settings = {
  ...DEFAULT_SETTINGS,
  language: 'nl' as const,
  role: 'nurse' as const,
  enabledSites: ['https://ehr.example.org/*'],
  disabledStrategies: ['s1'],
  directory: [{ id: 'd1', role: 'dietitian', name: 'Diëtistenpraktijk Noord', phone: '010 123 4567' }],
  retentionDays: 90,
  sidebarCollapsed: true,
};

describe('settings files', () => {
  it('round-trips, leaving out sites (they need permission) and per-workstation state', () => {
    const file = settingsToFile(settings, 1_700_000_000_000);
    expect(file.settings).not.toHaveProperty('sidebarCollapsed');
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed).toEqual({
      ok: true,
      patch: {
        language: 'nl',
        role: 'nurse',
        promptConditions: settings.promptConditions,
        disabledStrategies: ['s1'],
        directory: settings.directory,
        localStrategies: [],
        retentionDays: 90,
      },
      locked: [],
      sites: ['https://ehr.example.org/*'],
    });
  });

  it('keys locked by policy are reported, not imported', () => {
    const parsed = parseSettingsFile(JSON.stringify(settingsToFile(settings, 0)), ['role', 'retentionDays']);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.locked).toEqual(['role', 'retentionDays']);
    expect(parsed.patch).not.toHaveProperty('role');
    expect(parsed.patch).not.toHaveProperty('retentionDays');
  });

  it.each([
    ['{', /^not valid JSON/],
    ['[]', /^\(file\): /],
    [JSON.stringify({ format: 'sms-prompts-pack', formatVersion: 1, exportedAt: 0, settings: {} }), /^format: /],
    [JSON.stringify({ ...settingsToFile(settings, 0), settings: { retentionDays: 'a year' } }), /^settings\.retentionDays: /],
    [JSON.stringify({ ...settingsToFile(settings, 0), settings: { directory: [{ id: 'x', role: 'dietitian' }] } }), /^settings\.directory\[0\]\.name: /],
    [JSON.stringify({ ...settingsToFile(settings, 0), settings: { colour: 'red' } }), /^settings: .*colour/],
  ])('a bad file names the wrong field: %s', (text, error) => {
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});
