import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleRequest, type HandlerDeps } from '../../../lib/background/handler';
import { CONDITION_IDS } from '../../../lib/conditions';
import { LocalStrategySchema } from '../../../lib/content/pack-schema';
import { DirectoryEntrySchema, SETTINGS_KEYS, SettingsSchema } from '../../../lib/settings/schema';
import { loadSettings, SETTINGS_KEY } from '../../../lib/settings/store';
import { memoryArea, NOW } from '../storage/helpers';
import { freshDeps } from '../background/helpers';
import { docExample } from '../../doc-examples';

const root = path.resolve(import.meta.dirname, '../../..');
const managedSchema = JSON.parse(fs.readFileSync(path.join(root, 'public/managed_schema.json'), 'utf8')) as Schema;

const SETTINGS = docExample('settings');
/** Policy keys practice IT may push: every settings key except the clinician's own sidebar state. */
const POLICY_KEYS = SETTINGS_KEYS.filter((k) => k !== 'sidebarCollapsed').sort();

// ---- A validator for the subset of JSON Schema Chrome accepts in storage.managed_schema ----

interface Schema {
  type?: string;
  $ref?: string;
  id?: string;
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
  patternProperties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}
const CHROME_KEYWORDS = new Set([
  'type', '$ref', 'id', 'title', 'description', 'properties', 'additionalProperties', 'patternProperties',
  'items', 'enum', 'minimum', 'maximum', 'pattern',
]);
const CHROME_TYPES = new Set(['object', 'array', 'string', 'integer', 'number', 'boolean']);

/** Problems Chrome would refuse to load the extension for (it fails to load on an invalid schema). */
function schemaProblems(schema: Schema, where = '(root)'): string[] {
  const problems: string[] = [];
  for (const key of Object.keys(schema)) if (!CHROME_KEYWORDS.has(key)) problems.push(`${where}: unsupported keyword ${key}`);
  if ((schema.type === undefined) === (schema.$ref === undefined)) problems.push(`${where}: needs exactly one of type and $ref`);
  if (schema.type && !CHROME_TYPES.has(schema.type)) problems.push(`${where}: unknown type ${schema.type}`);
  for (const [k, s] of Object.entries(schema.properties ?? {})) problems.push(...schemaProblems(s, `${where}.${k}`));
  if (schema.items) problems.push(...schemaProblems(schema.items, `${where}[]`));
  if (schema.type === 'array' && !schema.items) problems.push(`${where}: array without items`);
  return problems;
}

/** Validates a value the way Chrome does before it hands policy to the extension. */
function valueProblems(schema: Schema, value: unknown, where = '(root)'): string[] {
  const typeOk: Record<string, (v: unknown) => boolean> = {
    object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    array: Array.isArray,
    string: (v) => typeof v === 'string',
    integer: Number.isInteger,
    number: (v) => typeof v === 'number',
    boolean: (v) => typeof v === 'boolean',
  };
  if (!typeOk[schema.type!]!(value)) return [`${where}: not ${schema.type}`];
  const problems: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${where}: ${JSON.stringify(value)} not in enum`);
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${where}: below minimum`);
    if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${where}: above maximum`);
  }
  if (Array.isArray(value)) value.forEach((v, i) => problems.push(...valueProblems(schema.items!, v, `${where}[${i}]`)));
  else if (schema.type === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const sub = schema.properties?.[k];
      if (sub) problems.push(...valueProblems(sub, v, `${where}.${k}`));
      else if (where === '(root)') problems.push(`${where}: unknown policy ${k}`);
    }
  }
  return problems;
}

describe('public/managed_schema.json (Chrome storage.managed_schema)', () => {
  it('is a schema Chrome can load: object at the top, no additionalProperties there, only supported keywords', () => {
    expect(managedSchema.type).toBe('object');
    expect(managedSchema.additionalProperties).toBeUndefined();
    expect(schemaProblems(managedSchema)).toEqual([]);
  });

  it('declares exactly the settings policy may set', () => {
    expect(Object.keys(managedSchema.properties!).sort()).toEqual(POLICY_KEYS);
  });

  it('uses the same enums and bounds as the settings schema', () => {
    const p = managedSchema.properties!;
    expect(p.role!.enum).toEqual(SettingsSchema.shape.role.unwrap().options);
    expect(p.language!.enum).toEqual(['auto', 'en', 'nl', 'fr']);
    expect(p.promptConditions!.items!.enum).toEqual([...CONDITION_IDS]);
    expect([p.retentionDays!.minimum, p.retentionDays!.maximum]).toEqual([1, 3650]);
    expect(Object.keys(p.directory!.items!.properties!).sort()).toEqual(Object.keys(DirectoryEntrySchema.shape).sort());
    expect(Object.keys(p.localStrategies!.items!.properties!).sort()).toEqual(Object.keys(LocalStrategySchema.shape).sort());
  });

  it('is named in the Chrome manifest config, and not in Firefox\'s (which has no managed_schema)', () => {
    const config = fs.readFileSync(path.join(root, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/browser === 'firefox' \? \{\} : \{ storage: \{ managed_schema: 'managed_schema\.json' \} \}/);
  });
});

describe('the policy examples in docs/deployment.md', () => {
  it('carry the same settings for Chrome (Linux file), Firefox policies.json and the Firefox managed storage manifest', () => {
    const chrome = docExample('chrome-linux');
    const [chromeId] = Object.keys(chrome['3rdparty'].extensions);
    expect(chromeId).toMatch(/^[a-p]{32}$/); // Chrome extension ids: 32 letters a-p
    expect(chrome.ExtensionInstallForcelist[0]).toMatch(new RegExp(`^${chromeId};`));
    expect(chrome['3rdparty'].extensions[chromeId!]).toEqual(SETTINGS);

    const firefox = docExample('firefox-policies').policies;
    expect(firefox['3rdparty'].Extensions['sms-prompts@example.org']).toEqual(SETTINGS);
    expect(firefox.ExtensionSettings['sms-prompts@example.org'].installation_mode).toBe('force_installed');

    const manifest = docExample('firefox-managed-storage');
    expect(manifest).toMatchObject({ name: 'sms-prompts@example.org', type: 'storage', data: SETTINGS });
  });

  it('use the Firefox extension id of the build', async () => {
    const { default: config } = await import('../../../wxt.config');
    const manifest = config.manifest as (env: { browser: string; manifestVersion: 2 | 3 }) => Record<string, unknown>;
    const gecko = (manifest({ browser: 'firefox', manifestVersion: 2 }).browser_specific_settings as { gecko: { id: string } }).gecko;
    expect(gecko.id).toBe('sms-prompts@example.org');
  });

  it('set every policy key, pass Chrome\'s schema, and pass the extension\'s own validation', async () => {
    expect(Object.keys(SETTINGS).sort()).toEqual(POLICY_KEYS);
    expect(valueProblems(managedSchema, SETTINGS)).toEqual([]);
    const loaded = await loadSettings({ local: memoryArea(), managed: memoryArea(SETTINGS) }, NOW);
    expect(loaded.warning).toBeUndefined();
    expect(loaded.lockedKeys.sort()).toEqual(POLICY_KEYS);
    expect(loaded.settings).toMatchObject(SETTINGS);
  });
});

describe('policy wins over local settings (through the background handler)', () => {
  let deps: HandlerDeps;
  const page = { trusted: true };

  beforeEach(() => {
    ({ deps } = freshDeps());
  });

  async function settingsView() {
    const reply = await handleRequest({ type: 'settings/get' }, deps);
    if (!reply.ok) throw new Error(reply.error);
    return reply.data as { settings: Record<string, unknown>; lockedKeys: string[]; warning?: string };
  }

  it('returns policy values over the clinician\'s, with exactly the policy keys locked', async () => {
    await deps.local.set({
      [SETTINGS_KEY]: { role: 'gp', language: 'fr', retentionDays: 30, disabledStrategies: ['teach_back'], sidebarCollapsed: true },
    });
    deps.managed = memoryArea({ role: 'nurse', retentionDays: 365 });
    const view = await settingsView();
    expect(view.settings).toMatchObject({ role: 'nurse', retentionDays: 365, language: 'fr', disabledStrategies: ['teach_back'], sidebarCollapsed: true });
    expect(view.lockedKeys.sort()).toEqual(['retentionDays', 'role']);
  });

  it('refuses to change a locked key from the options page or the sidebar, and allows the others', async () => {
    deps.managed = memoryArea({ role: 'nurse' });
    const save = await handleRequest({ type: 'settings/save', patch: { role: 'gp' } }, deps, page);
    expect(save.ok).toBe(false);
    expect(!save.ok && save.error).toMatch(/policy.*role/);
    const sidebar = await handleRequest({ type: 'settings/set-role', role: 'gp' }, deps);
    expect(sidebar.ok).toBe(false);
    expect((await settingsView()).settings.role).toBe('nurse');
    expect((await handleRequest({ type: 'settings/save', patch: { retentionDays: 90 } }, deps, page)).ok).toBe(true);
    expect((await settingsView()).settings.retentionDays).toBe(90);
  });

  it('ignores a policy value Chrome\'s schema would pass but the extension cannot use, and says so', async () => {
    const policy = { directory: [{ id: 'x', role: 'dietitian' }], retentionDays: 120 }; // entry without a name
    expect(valueProblems(managedSchema, policy)).toEqual([]);
    deps.managed = memoryArea(policy);
    const view = await settingsView();
    expect(view.lockedKeys).toEqual(['retentionDays']);
    expect(view.settings.directory).toEqual([]);
    expect(view.warning).toMatch(/Invalid policy values ignored: directory/);
  });

  it.each([
    [{ retentionDays: 0 }],
    [{ role: 'admin' }],
    [{ promptConditions: ['flu'] }],
    [{ language: 'de' }],
  ])('is refused by Chrome\'s schema and by the extension alike: %j', async (policy) => {
    expect(valueProblems(managedSchema, policy)).not.toEqual([]);
    deps.managed = memoryArea(policy);
    expect((await settingsView()).lockedKeys).toEqual([]);
  });

  it('treats a missing or failing managed area (no policy installed, Firefox without manifest) as no policy', async () => {
    deps.managed = { get: async () => Promise.reject(new Error('Managed storage manifest not found')) };
    expect((await settingsView()).lockedKeys).toEqual([]);
    deps.managed = null;
    expect((await settingsView()).lockedKeys).toEqual([]);
  });
});
