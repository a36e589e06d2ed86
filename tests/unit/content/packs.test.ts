import { describe, expect, it } from 'vitest';
import { CONDITION_IDS, LANGUAGES, type Language } from '../../../lib/conditions';
import { BARRIER_LEVELS, FLOW_STEPS, LABEL_KEYS, type ContentPack } from '../../../lib/content/pack-schema';
import {
  canonicalJson,
  loadBuiltInPack,
  packChecksum,
  packIntegrityIssues,
  parsePack,
  sha256Hex,
  verifyPackChecksum,
} from '../../../lib/content/packs';
import enRaw from '../../../data/packs/sms-core.en.json';
import nlRaw from '../../../data/packs/sms-core.nl.json';
import frRaw from '../../../data/packs/sms-core.fr.json';

const RAW: Record<Language, unknown> = { en: enRaw, nl: nlRaw, fr: frRaw };
const packs = Object.fromEntries(LANGUAGES.map((l) => [l, loadBuiltInPack(l)])) as Record<Language, ContentPack>;
const en = packs.en;
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Every user-visible string of a pack, by a path that is the same in every language. */
function visibleTexts(p: ContentPack): Map<string, string> {
  const out = new Map<string, string>();
  out.set('title', p.title);
  for (const l of p.levels) out.set(`levels.${l.id}.title`, l.title);
  for (const b of p.barriers) {
    out.set(`barriers.${b.id}.label`, b.label);
    if (b.ask !== undefined) out.set(`barriers.${b.id}.ask`, b.ask);
  }
  for (const s of p.strategies) {
    out.set(`strategies.${s.id}.label`, s.label);
    out.set(`strategies.${s.id}.action`, s.action);
    out.set(`strategies.${s.id}.rationale`, s.rationale);
    if (s.patientStep !== undefined) out.set(`strategies.${s.id}.patientStep`, s.patientStep);
  }
  for (const f of p.flow) {
    out.set(`flow.${f.id}.title`, f.title);
    out.set(`flow.${f.id}.prompt`, f.prompt);
  }
  for (const [k, v] of Object.entries(p.conditionNames)) out.set(`conditionNames.${k}`, v);
  for (const k of LABEL_KEYS) if (k !== 'colon') out.set(`labels.${k}`, p.labels[k]);
  return out;
}

/** The pack with every user-visible string blanked: what must be identical across languages. */
function skeleton(p: ContentPack): unknown {
  const s = clone(p) as Record<string, unknown> & ContentPack;
  s.language = 'en';
  s.title = '';
  s.levels.forEach((l) => (l.title = ''));
  s.barriers.forEach((b) => {
    b.label = '';
    if (b.ask !== undefined) b.ask = '';
  });
  s.strategies.forEach((x) => {
    x.label = x.action = x.rationale = '';
    if (x.patientStep !== undefined) x.patientStep = '';
  });
  s.flow.forEach((f) => (f.title = f.prompt = ''));
  for (const k of Object.keys(s.conditionNames)) s.conditionNames[k as keyof typeof s.conditionNames] = '';
  for (const k of LABEL_KEYS) s.labels[k] = '';
  return s;
}

/** Strings that may stay as in English: proper names, codes, and words spelt the same in the language. */
const SAME_AS_ENGLISH: Record<Exclude<Language, 'en'>, string[]> = {
  nl: ['conditionNames.copd'],
  fr: ['levels.patient.title', 'labels.possible', 'labels.collaborative'],
};

describe('built-in packs', () => {
  it.each(LANGUAGES)('%s parses, is sound and has the right language', (lang) => {
    const r = parsePack(RAW[lang]);
    expect(r.ok ? 'ok' : r.error).toBe('ok');
    expect(packs[lang].language).toBe(lang);
    expect(packIntegrityIssues(packs[lang])).toEqual([]);
  });

  it.each(['nl', 'fr'] as const)('%s has exactly the structure, ids and sources of English', (lang) => {
    expect(skeleton(packs[lang])).toEqual(skeleton(en));
    expect(packs[lang].sources).toEqual(en.sources);
    expect([...visibleTexts(packs[lang]).keys()]).toEqual([...visibleTexts(en).keys()]);
  });

  it.each(['nl', 'fr'] as const)('%s translates every user-visible string', (lang) => {
    const english = visibleTexts(en);
    const untranslated: string[] = [];
    for (const [path, value] of visibleTexts(packs[lang])) {
      expect(value.trim(), path).not.toBe('');
      if (value === english.get(path) && !SAME_AS_ENGLISH[lang].includes(path)) untranslated.push(path);
    }
    expect(untranslated).toEqual([]);
  });

  it.each(LANGUAGES)('%s: no empty strings anywhere, and {reasons} in the because label', (lang) => {
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'string') expect(v.trim(), path).not.toBe('');
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    walk(RAW[lang], lang);
    expect(packs[lang].labels.because).toContain('{reasons}');
  });

  it('cites a known source on every level, barrier and strategy', () => {
    const known = new Set(en.sources.map((s) => s.id));
    for (const item of [...en.levels, ...en.barriers, ...en.strategies]) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const s of item.sources) expect(known.has(s), `${item.id} -> ${s}`).toBe(true);
    }
    // every source is used somewhere
    const used = new Set([...en.levels, ...en.barriers, ...en.strategies].flatMap((i) => i.sources));
    expect(en.sources.map((s) => s.id).filter((s) => !used.has(s))).toEqual([]);
  });

  it('credits Timmermans 2024 only for the three-level structure', () => {
    for (const item of [...en.barriers, ...en.strategies]) expect(item.sources, item.id).not.toContain('timmermans-2024');
    expect(en.levels.map((l) => l.sources)).toEqual([['timmermans-2024'], ['timmermans-2024'], ['timmermans-2024']]);
  });

  it('has barriers at the three levels, each with a question, and about six quick ones', () => {
    expect(en.levels.map((l) => l.id)).toEqual([...BARRIER_LEVELS]);
    for (const level of BARRIER_LEVELS) expect(en.barriers.filter((b) => b.level === level).length).toBeGreaterThanOrEqual(3);
    for (const b of en.barriers) expect(b.ask, b.id).toBeTruthy();
    const quick = en.barriers.filter((b) => b.quick).length;
    expect(quick).toBeGreaterThanOrEqual(5);
    expect(quick).toBeLessThanOrEqual(7);
    const barrierIds = en.barriers.map((b) => b.id);
    for (const required of [
      'health_literacy', 'knowledge', 'motivation', 'beliefs_fears', 'low_mood', 'cognition', 'multimorbidity',
      'social_isolation', 'financial_strain', 'language_culture', 'caregiver_burden', 'consultation_time',
      'communication_skills', 'resource_knowledge', 'reimbursement', 'access_allied_health',
      'interprofessional_communication', 'digital_tools',
    ]) expect(barrierIds).toContain(required);
  });

  it('covers the required strategies, referral roles and condition-specific items', () => {
    const byId = new Map(en.strategies.map((s) => [s.id, s]));
    for (const id of [
      'plain_language_info', 'teach_back', 'goal_action_plan', 'glucose_monitoring', 'asthma_action_plan', 'home_bp',
      'daily_weights', 'symptom_diary', 'weight_monitoring', 'brown_bag_review', 'adherence_aids', 'mi_prompts',
      'involve_family', 'psychological_support', 'peer_group', 'digital_tool', 'follow_up',
    ]) expect(byId.has(id), id).toBe(true);
    const roles = new Set(en.strategies.map((s) => s.contactRole));
    for (const role of ['nurse', 'pharmacist', 'dietitian', 'physiotherapist', 'diabetes_educator', 'pulmonary_rehab', 'psychologist', 'social_worker', 'peer_group']) {
      expect(roles.has(role), role).toBe(true);
    }
    const fits = (id: string, c: string) => {
      const s = byId.get(id);
      return s !== undefined && s.conditions !== 'all' && (s.conditions as string[]).includes(c);
    };
    expect(fits('hypo_awareness', 't1dm') && fits('hypo_awareness', 't2dm')).toBe(true);
    expect(fits('inhaler_technique', 'copd') && fits('inhaler_technique', 'asthma')).toBe(true);
    expect(fits('salt_intake', 'hypertension')).toBe(true);
    expect(fits('daily_weights', 'heart_failure')).toBe(true);
    expect(fits('foot_care', 't2dm')).toBe(true);
    expect(fits('pulmonary_rehab', 'copd')).toBe(true);
    // every condition gets something specific to it
    for (const c of CONDITION_IDS) expect(en.strategies.some((s) => s.conditions !== 'all' && s.conditions.includes(c)), c).toBe(true);
    // collaborative strategies have someone to do them, except the team-wide care plan
    for (const s of en.strategies.filter((x) => x.type === 'collaborative' && x.id !== 'shared_care_plan')) expect(s.contactRole, s.id).toBeTruthy();
    // every barrier is addressed by at least one strategy
    for (const b of en.barriers) expect(en.strategies.some((s) => s.addresses.includes(b.id)), b.id).toBe(true);
  });

  it('has the 5As in order and a default set', () => {
    expect(en.flow.map((f) => f.id)).toEqual([...FLOW_STEPS]);
    expect(en.strategies.filter((s) => s.core).map((s) => s.id)).toEqual(['goal_action_plan', 'plain_language_info', 'teach_back', 'follow_up']);
  });

  it('caches the built-in packs', () => {
    expect(loadBuiltInPack('nl')).toBe(loadBuiltInPack('nl'));
  });
});

describe('parsePack errors name the field', () => {
  const table: [name: string, mutate: (p: Record<string, any>) => void, expected: string][] = [
    ['missing sources on a strategy', (p) => (p.strategies[3].sources = []), 'strategies[3].sources: at least one source is required'],
    ['unknown source', (p) => (p.barriers[1].sources = ['nope']), 'barriers[1].sources[0]: unknown source "nope"'],
    ['unknown barrier addressed', (p) => (p.strategies[0].addresses = ['nope']), 'strategies[0].addresses[0]: unknown barrier "nope"'],
    ['duplicate ids', (p) => (p.strategies[1].id = p.strategies[0].id), 'strategies[1].id: duplicate id "goal_action_plan"'],
    ['bad level', (p) => (p.barriers[0].level = 'system'), 'barriers[0].level: '],
    ['bad condition', (p) => (p.strategies[4].conditions = ['diabetes']), 'strategies[4].conditions'],
    ['empty label', (p) => (p.strategies[2].label = '  '), 'strategies[2].label: must not be empty'],
    ['flow out of order', (p) => p.flow.reverse(), 'flow[0].id: expected "assess" (the 5As in order)'],
    ['missing condition name', (p) => delete p.conditionNames.ckd, 'conditionNames.ckd: '],
    ['missing label', (p) => delete p.labels.goal, 'labels.goal: '],
    ['bad version', (p) => (p.version = '1.0'), 'version: version is semantic: 1.2.3'],
    ['bad checksum', (p) => (p.checksum = 'abc'), 'checksum: checksum is 64 lower-case hex characters'],
  ];
  it.each(table)('%s', (_name, mutate, expected) => {
    const raw = clone(enRaw) as Record<string, any>;
    mutate(raw);
    const r = parsePack(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.startsWith(expected), r.error).toBe(true);
  });

  it('counts further problems', () => {
    const raw = clone(enRaw) as Record<string, any>;
    raw.strategies[0].sources = [];
    raw.strategies[1].sources = [];
    const r = parsePack(raw);
    expect(r).toEqual({ ok: false, error: 'strategies[0].sources: at least one source is required (and 1 more problem)' });
  });

  it('accepts a JSON string and rejects bad JSON and non-objects', () => {
    expect(parsePack(JSON.stringify(enRaw)).ok).toBe(true);
    const bad = parsePack('{"format":');
    expect(bad.ok === false && bad.error.startsWith('not valid JSON')).toBe(true);
    const nul = parsePack(null);
    expect(nul.ok === false && nul.error.startsWith('(pack): ')).toBe(true);
  });
});

describe('checksum', () => {
  it('canonical JSON sorts keys, drops undefined and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x', undefined], c: undefined, 'é': { z: 0, y: -1.5 } })).toBe(
      '{"a":[true,null,"x",null],"b":1,"é":{"y":-1.5,"z":0}}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow();
    expect(() => canonicalJson({ a: () => 1 })).toThrow();
  });

  it('hashes with SHA-256', async () => {
    expect(await sha256Hex('{}')).toBe('44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a');
  });

  it('is stable across key order and ignores the checksum field', async () => {
    const sum = await packChecksum(en);
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(clone(en)).reverse()) as ContentPack;
    expect(await packChecksum(reordered)).toBe(sum);
    expect(await packChecksum({ ...en, checksum: sum })).toBe(sum);
    expect(await verifyPackChecksum({ ...en, checksum: sum })).toBe(true);
    expect(await verifyPackChecksum({ ...en, checksum: '0'.repeat(64) })).toBe(false);
    expect(await verifyPackChecksum(en)).toBeNull();
  });

  it('changes when the content changes', async () => {
    const changed = clone(en);
    changed.strategies[0]!.label += '!';
    expect(await packChecksum(changed)).not.toBe(await packChecksum(en));
    expect(await packChecksum(packs.nl)).not.toBe(await packChecksum(en));
  });
});
