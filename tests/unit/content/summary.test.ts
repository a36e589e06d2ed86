import { describe, expect, it } from 'vitest';
import { loadBuiltInPack } from '../../../lib/content/packs';
import { buildSummary, plainLine, type SummaryInput } from '../../../lib/content/summary';
import { GoalSchema } from '../../../lib/storage/records';

const en = loadBuiltInPack('en');
const goal = GoalSchema.parse({ text: 'Walk 10 minutes after lunch', when: '3 times a week', confidence: 8, followUp: '2026-03-18' });
const base: SummaryInput = {
  pack: en,
  conditions: [{ id: 't2dm', status: 'confirmed' }, { id: 'copd', status: 'possible' }],
  barriers: ['consultation_time', 'health_literacy'],
  strategies: ['teach_back', 'nurse_handover'],
  goal,
  date: new Date(2026, 2, 4, 23, 30),
};

describe('buildSummary', () => {
  it('writes a short, stable plain-text block', () => {
    expect(buildSummary(base)).toBe(
      [
        'Self-management support (2026-03-04)',
        'Conditions: Type 2 diabetes; COPD (possible)',
        'Barriers: Limited health literacy; Not enough time in this consultation',
        'Agreed: Teach-back; Hand over to the practice nurse',
        'Goal: Walk 10 minutes after lunch - 3 times a week',
        'Confidence: 8/10',
        'Follow-up: 2026-03-18',
      ].join('\n'),
    );
  });

  it('leaves out empty lines and unknown ids, and needs no date', () => {
    const text = buildSummary({ ...base, barriers: ['nope'], strategies: ['nope', 'teach_back', 'teach_back'], goal: null, date: undefined });
    expect(text).toBe(['Self-management support', 'Conditions: Type 2 diabetes; COPD (possible)', 'Agreed: Teach-back'].join('\n'));
  });

  it('lists barriers in pack order whatever the tick order', () => {
    const a = buildSummary({ ...base, barriers: ['health_literacy', 'consultation_time'] });
    expect(a).toBe(buildSummary(base));
  });

  it('names local strategies when given', () => {
    const text = buildSummary({ ...base, strategies: ['walking_group'], localStrategies: [{ id: 'walking_group', label: 'Walking group Genk' }] });
    expect(text).toContain('Agreed: Walking group Genk');
  });

  it('keeps free text on one line and free of HTML', () => {
    const text = buildSummary({
      ...base,
      goal: { ...goal, text: '<b>Walk</b>\nevery day<script>alert(1)</script>', when: '<5 times\r\n a week', confidence: null, followUp: null },
    });
    expect(text).not.toMatch(/<\/?[a-z]/i);
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toContain('Goal: Walk every day alert(1) - <5 times a week');
  });

  it.each(['nl', 'fr'] as const)('uses the labels of the %s pack', (lang) => {
    const pack = loadBuiltInPack(lang);
    const text = buildSummary({ ...base, pack });
    const lines = text.split('\n');
    expect(lines[0]).toBe(`${pack.labels.summaryTitle} (2026-03-04)`);
    expect(lines[1]).toBe(`${pack.labels.conditions}${pack.labels.colon}${pack.conditionNames.t2dm}; ${pack.conditionNames.copd} (${pack.labels.possible})`);
    expect(lines[5]).toBe(`${pack.labels.confidence}${pack.labels.colon}8/10`);
  });

  it('stays short', () => {
    const all = buildSummary({ ...base, barriers: en.barriers.slice(0, 3).map((b) => b.id) });
    expect(all.split('\n').length).toBeLessThanOrEqual(7);
  });
});

describe('plainLine', () => {
  it.each([
    ['  a \t b  ', 'a b'],
    ['x<br/>y', 'x y'],
    ['3 < 5 > 2', '3 < 5 > 2'],
    ['a\u2028b', 'a b'],
    ['goal <img src=x onerror=alert(1)', 'goal < img src=x onerror=alert(1)'],
    ['HbA1c <7%', 'HbA1c <7%'],
  ])('%j -> %j', (input, out) => expect(plainLine(input)).toBe(out));
  it('truncates long text', () => {
    const out = plainLine('x'.repeat(500));
    expect(out.length).toBe(200);
    expect(out.endsWith('...')).toBe(true);
  });
});
