import { describe, expect, it } from 'vitest';
import { buildActionPlan, COMPACT_THRESHOLD_CHARS, formatFollowUp, packStamp } from '../../../lib/action-plan/build';
import { ActionPlanViewSchema, MAX_CONTACTS, MAX_STEPS } from '../../../lib/action-plan/schema';
import type { ContentPack } from '../../../lib/content/pack-schema';
import { loadBuiltInPack } from '../../../lib/content/packs';
import type { DirectoryEntry } from '../../../lib/settings/schema';
import type { Goal } from '../../../lib/storage/records';

const GOAL: Goal = { text: 'Walk to the bakery after lunch', when: '3 times a week', confidence: 8, followUp: '2026-04-01' };
const STAMP = { id: 'sms-core', version: '1.0.0', checksum: '0123abcd' };
const DIRECTORY: DirectoryEntry[] = [
  { id: 'diet-1', role: 'Dietitian', name: 'Anna Jansen, dietitian', phone: '020 123 4567', note: 'Tuesdays at the practice' },
  { id: 'diet-2', role: 'dietitian', name: 'Second dietitian' },
  { id: 'pharm', role: 'pharmacist', name: 'Pharmacy De Linde', phone: '020 765 4321' },
];

/** A small pack: the built-in English one, with a patient wording on one strategy. */
function packWithPatientStep(): ContentPack {
  const pack = structuredClone(loadBuiltInPack('en'));
  const s = pack.strategies.find((x) => x.id === 'physical_activity')!;
  s.patientStep = 'I will walk for 10 minutes after a meal.';
  return pack;
}

function build(over: Partial<Parameters<typeof buildActionPlan>[0]> = {}) {
  const plan = buildActionPlan({
    lang: 'en',
    goal: GOAL,
    strategyIds: ['physical_activity', 'dietitian_referral'],
    directory: DIRECTORY,
    pack: packWithPatientStep(),
    stamp: STAMP,
    ...over,
  });
  expect(ActionPlanViewSchema.safeParse(plan).success).toBe(true);
  return plan;
}

describe('buildActionPlan', () => {
  it('prints the goal in the patient\'s words, one step per chosen strategy, the matching contact and the follow-up', () => {
    const plan = build();
    expect(plan.goal).toEqual({ text: GOAL.text, when: GOAL.when });
    expect(plan.confidence).toBe(8);
    expect(plan.steps).toEqual([
      { strategyId: 'physical_activity', text: 'I will walk for 10 minutes after a meal.' },
      { strategyId: 'dietitian_referral', text: expect.any(String) },
    ]);
    // First directory entry of the strategy's contactRole, matched without regard to case or spaces.
    expect(plan.contacts).toEqual([{ name: 'Anna Jansen, dietitian', phone: '020 123 4567', note: 'Tuesdays at the practice' }]);
    expect(plan.followUp).toMatch(/^Wednesday,? 1 April 2026$/); // ICU versions differ on the comma
    expect(plan.pack).toEqual(STAMP);
    expect(plan.density).toBe('normal');
  });

  it('uses the pack\'s patient wording when there is one, else the strategy label', () => {
    const pack = packWithPatientStep();
    const plan = build({ pack });
    const label = pack.strategies.find((s) => s.id === 'dietitian_referral')!;
    expect(plan.steps[1]!.text).toBe(label.patientStep ?? label.label);
  });

  it('leaves out unknown and repeated strategy ids, keeping the order chosen', () => {
    const plan = build({ strategyIds: ['nope', 'dietitian_referral', 'physical_activity', 'dietitian_referral'] });
    expect(plan.steps.map((s) => s.strategyId)).toEqual(['dietitian_referral', 'physical_activity']);
  });

  it('caps steps and contacts so the page fits one A4 sheet, and lists each contact once', () => {
    const pack = loadBuiltInPack('en');
    const collaborative = pack.strategies.filter((s) => s.contactRole).map((s) => s.id);
    const directory = pack.strategies
      .filter((s) => s.contactRole)
      .map((s, i) => ({ id: `e${i}`, role: s.contactRole!, name: `Contact ${i}` }));
    const plan = build({ pack, directory, strategyIds: [...collaborative, ...collaborative] });
    expect(collaborative.length).toBeGreaterThan(MAX_STEPS);
    expect(plan.steps).toHaveLength(MAX_STEPS);
    expect(plan.contacts).toHaveLength(MAX_CONTACTS);
    expect(new Set(plan.contacts.map((c) => c.name)).size).toBe(MAX_CONTACTS);
    expect(plan.density).toBe('compact');
  });

  it('switches to compact type for long text', () => {
    expect(build({ goal: { ...GOAL, text: 'x'.repeat(COMPACT_THRESHOLD_CHARS) } }).density).toBe('compact');
    expect(build({ goal: { ...GOAL, text: 'short' } }).density).toBe('normal');
  });

  it('prints a blank goal to write in when none was agreed (or only spaces were typed)', () => {
    for (const goal of [null, { ...GOAL, text: '   ', confidence: null, followUp: null }]) {
      const plan = build({ goal });
      expect(plan.goal).toBeNull();
      expect(plan.confidence).toBeNull();
      expect(plan.followUp).toBeNull();
    }
  });

  it('prints no contact when the practice directory has none for the chosen strategies', () => {
    expect(build({ directory: [] }).contacts).toEqual([]);
    expect(build({ strategyIds: ['physical_activity'] }).contacts).toEqual([]);
  });
});

describe('buildActionPlan with the practice\'s own strategies', () => {
  const local = {
    id: 'diabetes_group', label: 'Diabetes group at the practice', action: 'Invite to the group.', type: 'collaborative' as const,
    addresses: [], conditions: 'all' as const, step: 'arrange' as const, phone: '050 123 00 00',
  };
  it('prints a chosen local strategy with its label, and its phone when the directory has no one for it', () => {
    const plan = build({ localStrategies: [local], strategyIds: ['diabetes_group'] });
    expect(plan.steps).toEqual([{ strategyId: 'diabetes_group', text: 'Diabetes group at the practice' }]);
    expect(plan.contacts).toEqual([{ name: 'Diabetes group at the practice', phone: '050 123 00 00' }]);
  });
  it('prefers the directory entry of its contactRole, and never lets a local strategy replace the pack\'s', () => {
    const withRole = { ...local, contactRole: 'pharmacist' };
    expect(build({ localStrategies: [withRole], strategyIds: ['diabetes_group'] }).contacts).toEqual([
      { name: 'Pharmacy De Linde', phone: '020 765 4321' },
    ]);
    const clash = { ...local, id: 'physical_activity', label: 'Not this' };
    expect(build({ localStrategies: [clash], strategyIds: ['physical_activity'] }).steps[0]!.text).toBe('I will walk for 10 minutes after a meal.');
  });
});

describe('formatFollowUp', () => {
  it.each([
    ['en', /^Wednesday,? 1 April 2026$/],
    ['nl', /^woensdag 1 april 2026$/],
    ['fr', /^mercredi 1 avril 2026$/],
  ] as const)('writes the date out in %s', (lang, expected) => {
    expect(formatFollowUp('2026-04-01', lang)).toMatch(expected);
  });
  it.each([null, '', '2026-02-30', '2026-13-01', '1 April'])('gives null for %j', (value) => {
    expect(formatFollowUp(value, 'en')).toBeNull();
  });
});

describe('packStamp', () => {
  it('keeps the pack id, version and the first 8 characters of the checksum', () => {
    expect(packStamp({ id: 'sms-core', version: '1.2.3' }, 'abcdef0123456789'.repeat(4))).toEqual({
      id: 'sms-core',
      version: '1.2.3',
      checksum: 'abcdef01',
    });
  });
});

describe('the built-in packs for the printed plan', () => {
  it.each(['en', 'nl', 'fr'] as const)('give every strategy a short patient wording in %s', (lang) => {
    for (const s of loadBuiltInPack(lang).strategies) {
      expect(s.patientStep, `${lang} ${s.id}`).toBeDefined();
      // Plain and short: at most 25 words, and not the clinician's instruction ("Refer to...", "Ask the patient...").
      expect(s.patientStep!.split(/\s+/).length, `${lang} ${s.id}`).toBeLessThanOrEqual(25);
      expect(s.patientStep, `${lang} ${s.id}`).not.toBe(s.label);
    }
  });
});
