import { describe, expect, it } from 'vitest';
import type { ConditionId } from '../../../lib/conditions';
import { loadBuiltInPack } from '../../../lib/content/packs';
import {
  midSentence,
  rankStrategies,
  SCORE_WEIGHTS,
  type RankInput,
} from '../../../lib/content/rules';
import { LocalStrategySchema, type ContentPack } from '../../../lib/content/pack-schema';

const en = loadBuiltInPack('en');
const ids = (input: Partial<RankInput> & Pick<RankInput, 'conditions' | 'barriers'>) =>
  rankStrategies({ pack: en, ...input }).map((r) => r.strategy.id);

/** A tiny hand-made pack so that scores and order can be checked exactly. */
const mini: ContentPack = {
  ...en,
  strategies: [
    { ...en.strategies[0]!, id: 'core_a', addresses: [], conditions: 'all', core: true, quick: true, contactRole: undefined },
    { ...en.strategies[0]!, id: 'generic_lit', addresses: ['health_literacy'], conditions: 'all', core: false, quick: false, contactRole: undefined },
    { ...en.strategies[0]!, id: 'copd_only', addresses: [], conditions: ['copd'], core: false, quick: false, contactRole: undefined },
    { ...en.strategies[0]!, id: 'copd_lit', addresses: ['health_literacy', 'knowledge'], conditions: ['copd', 'asthma'], core: false, quick: false, contactRole: undefined },
    { ...en.strategies[0]!, id: 'diet', type: 'collaborative', addresses: ['knowledge'], conditions: 'all', core: false, quick: false, contactRole: 'dietitian' },
  ],
};

describe('rankStrategies on a hand-made pack', () => {
  const table: {
    name: string;
    conditions: ConditionId[];
    barriers: string[];
    expected: [id: string, score: number, reasons: string[]][];
  }[] = [
    {
      name: 'no barriers, no conditions: the core set only',
      conditions: [],
      barriers: [],
      expected: [['core_a', SCORE_WEIGHTS.core, ['core']]],
    },
    {
      name: 'no barriers, COPD: core first, then what is specific to COPD, in pack order',
      conditions: ['copd'],
      barriers: [],
      expected: [
        ['core_a', 4, ['core']],
        ['copd_only', 3, ['condition:copd']],
        ['copd_lit', 3, ['condition:copd']],
      ],
    },
    {
      name: 'a ticked barrier brings what addresses it to the top',
      conditions: ['copd'],
      barriers: ['health_literacy'],
      expected: [
        ['copd_lit', 13, ['barrier:health_literacy', 'condition:copd']],
        ['generic_lit', 10, ['barrier:health_literacy']],
        ['core_a', 4, ['core']],
        ['copd_only', 3, ['condition:copd']],
      ],
    },
    {
      name: 'two barriers outrank one; several matching conditions count once',
      conditions: ['asthma', 'copd'],
      barriers: ['knowledge', 'health_literacy'],
      expected: [
        ['copd_lit', 23, ['barrier:health_literacy', 'barrier:knowledge', 'condition:copd', 'condition:asthma']],
        ['generic_lit', 10, ['barrier:health_literacy']],
        ['diet', 10, ['barrier:knowledge']],
        ['core_a', 4, ['core']],
        ['copd_only', 3, ['condition:copd']],
      ],
    },
    {
      name: 'unknown barrier ids are ignored',
      conditions: [],
      barriers: ['no_such_barrier'],
      expected: [['core_a', 4, ['core']]],
    },
  ];
  it.each(table)('$name', ({ conditions, barriers, expected }) => {
    const got = rankStrategies({ pack: mini, conditions, barriers }).map((r) => [r.strategy.id, r.score, r.reasons]);
    expect(got).toEqual(expected);
  });

  it('explains in the pack language', () => {
    const [top] = rankStrategies({ pack: mini, conditions: ['copd'], barriers: ['health_literacy'] });
    expect(top?.because).toBe('Suggested because: limited health literacy + COPD');
    const core = rankStrategies({ pack: mini, conditions: [], barriers: [] })[0];
    expect(core?.because).toBe('Suggested because: a core step for every patient');
  });

  it('disables strategies, limits, and matches the directory', () => {
    const directory = [
      { id: 'd1', role: 'Dietitian', name: 'An Peeters', phone: '011 22 33 44' },
      { id: 'd2', role: 'dietitian', name: 'Second' },
    ];
    const res = rankStrategies({
      pack: mini,
      conditions: ['copd'],
      barriers: ['knowledge'],
      settings: { disabledStrategies: ['copd_lit'], directory },
      limit: 2,
    });
    expect(res.map((r) => r.strategy.id)).toEqual(['diet', 'core_a']);
    expect(res[0]?.contact?.id).toBe('d1');
    expect(res[0]?.reasons).toEqual(['barrier:knowledge', 'contact:d1']);
    expect(res[0]?.score).toBe(SCORE_WEIGHTS.barrier + SCORE_WEIGHTS.contact);
  });

  it.each([
    [0, 0],
    [-3, 0],
    [1.9, 1],
    [undefined, 3],
  ])('limit %s gives %s results', (limit, n) => {
    expect(rankStrategies({ pack: mini, conditions: ['copd'], barriers: [], limit })).toHaveLength(n);
  });

  it('preferQuick nudges quick strategies', () => {
    const res = rankStrategies({ pack: mini, conditions: [], barriers: [], preferQuick: true });
    expect(res[0]).toMatchObject({ score: 5, reasons: ['core', 'quick'] });
  });
});

describe('local strategies', () => {
  const local = (o: Record<string, unknown>) => LocalStrategySchema.parse({ label: 'Local', action: 'Do it', ...o });

  it('parses with defaults and rejects bad ids', () => {
    expect(local({ id: 'x' })).toMatchObject({ type: 'collaborative', addresses: [], conditions: 'all', step: 'arrange' });
    expect(LocalStrategySchema.safeParse({ id: 'Bad Id', label: 'a', action: 'b' }).success).toBe(false);
  });

  it('are ranked with the pack, after it on ties, and can be disabled', () => {
    const localStrategies = [
      local({ id: 'walking_group', addresses: ['social_isolation'], contactRole: 'peer_group', phone: '0471 00 00 00' }),
      local({ id: 'always', addresses: [] }),
      local({ id: 'core_a' }), // clashes with a pack id: ignored
      local({ id: 'copd_class', conditions: ['copd'], addresses: ['knowledge'] }),
    ];
    const res = rankStrategies({ pack: mini, conditions: ['asthma'], barriers: ['social_isolation'], settings: { localStrategies } });
    expect(res.map((r) => [r.strategy.id, r.origin, r.score])).toEqual([
      ['walking_group', 'local', 11],
      ['core_a', 'pack', 4],
      ['copd_lit', 'pack', 3],
      ['always', 'local', 1],
    ]);
    expect(res[0]?.contact).toEqual({ id: 'walking_group', role: 'peer_group', name: 'Local', phone: '0471 00 00 00' });
    expect(res[0]?.strategy.sources).toEqual([]);
    expect(res[3]?.because).toBe('Suggested because: your practice\'s own strategy');
    const off = rankStrategies({
      pack: mini, conditions: [], barriers: ['social_isolation'], settings: { localStrategies, disabledStrategies: ['walking_group'] },
    });
    expect(off.map((r) => r.strategy.id)).not.toContain('walking_group');
  });
});

describe('rankStrategies on the built-in pack', () => {
  it('shows a sensible default set with no barriers ticked', () => {
    const top = ids({ conditions: [], barriers: [], limit: 4 });
    expect(top).toEqual(['goal_action_plan', 'plain_language_info', 'teach_back', 'follow_up']);
  });

  it('excludes strategies that fit none of the conditions', () => {
    const res = rankStrategies({ pack: en, conditions: ['t2dm'], barriers: ['knowledge', 'beliefs_fears', 'motivation'] });
    for (const r of res) {
      expect(r.strategy.conditions === 'all' || r.strategy.conditions.includes('t2dm')).toBe(true);
    }
    const got = res.map((r) => r.strategy.id);
    expect(got).not.toContain('inhaler_technique');
    expect(got).toContain('hypo_awareness');
  });

  it.each<[string, ConditionId[], string[], string]>([
    ['health literacy with COPD puts inhaler technique (specific and addressing it) first', ['copd'], ['health_literacy'], 'inhaler_technique'],
    ['time pressure suggests the nurse hand-over', [], ['consultation_time'], 'nurse_handover'],
    ['financial strain suggests the social worker', [], ['financial_strain', 'reimbursement'], 'social_worker_referral'],
    ['low mood in depression', ['depression'], ['low_mood'], 'behavioural_activation'],
    ['caregiver burden', [], ['caregiver_burden', 'social_isolation'], 'carer_support'],
    ['poor interprofessional communication', [], ['interprofessional_communication'], 'shared_care_plan'],
    ['language differences', [], ['language_culture', 'health_literacy'], 'plain_language_info'],
  ])('%s', (_name, conditions, barriers, expected) => {
    expect(ids({ conditions, barriers, limit: 4 })).toContain(expected);
  });

  it('changes the list when a barrier is ticked', () => {
    const before = ids({ conditions: ['hypertension'], barriers: [], limit: 5 });
    const after = ids({ conditions: ['hypertension'], barriers: ['cognition'], limit: 5 });
    expect(after).not.toEqual(before);
    expect(before).not.toContain('adherence_aids');
    expect(after).toContain('adherence_aids');
  });

  it('is deterministic and does not mutate its input', () => {
    const input: RankInput = { pack: en, conditions: ['copd', 't2dm'], barriers: ['motivation', 'health_literacy'] };
    const snapshot = JSON.stringify(input);
    expect(rankStrategies(input)).toEqual(rankStrategies(input));
    expect(JSON.stringify(input)).toBe(snapshot);
  });

  it('gives every result a reason and an explanation', () => {
    for (const r of rankStrategies({ pack: en, conditions: ['heart_failure'], barriers: ['cognition'] })) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.because).toMatch(/^Suggested because: \S/);
    }
  });

  it('explains in Dutch and French with the packs of those languages', () => {
    for (const lang of ['nl', 'fr'] as const) {
      const pack = loadBuiltInPack(lang);
      const [top] = rankStrategies({ pack, conditions: ['copd'], barriers: ['health_literacy'] });
      const prefix = pack.labels.because.split('{reasons}')[0]!;
      expect(top?.because.startsWith(prefix)).toBe(true);
      expect(top?.because).toContain(pack.conditionNames.copd);
    }
  });
});

describe('midSentence', () => {
  it.each([
    ['Limited health literacy', 'limited health literacy'],
    ['COPD', 'COPD'],
    ['BPCO', 'BPCO'],
    ['Type 2 diabetes', 'type 2 diabetes'],
    ['É', 'é'],
  ])('%s -> %s', (a, b) => expect(midSentence(a)).toBe(b));
});
