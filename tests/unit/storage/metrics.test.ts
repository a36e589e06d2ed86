import { describe, expect, it } from 'vitest';
import { isoWeek, metricRowsFor, metricsToCsv, summariseMetrics } from '../../../lib/storage/metrics';
import { IsoWeekSchema } from '../../../lib/storage/records';

describe('isoWeek', () => {
  it.each([
    [Date.UTC(2026, 0, 1), '2026-W01'], // Thursday
    [Date.UTC(2021, 0, 3), '2020-W53'], // Sunday, still the last week of 2020
    [Date.UTC(2024, 11, 30), '2025-W01'], // Monday, first week of 2025
    [Date.UTC(2026, 2, 4, 12), '2026-W10'],
    [Date.UTC(2026, 2, 8, 23, 59), '2026-W10'], // Sunday night
    [Date.UTC(2026, 2, 9), '2026-W11'], // Monday
  ])('%s -> %s', (ms, week) => {
    expect(isoWeek(ms)).toBe(week);
    expect(IsoWeekSchema.safeParse(week).success).toBe(true);
  });
});

describe('metricRowsFor', () => {
  it('gives one row per condition, without patient identifiers', () => {
    const rows = metricRowsFor('barrier_ticked', ['t2dm', 'copd', 't2dm'], 'nurse', Date.UTC(2026, 2, 4));
    expect(rows).toEqual([
      { week: '2026-W10', event: 'barrier_ticked', condition: 't2dm', role: 'nurse' },
      { week: '2026-W10', event: 'barrier_ticked', condition: 'copd', role: 'nurse' },
    ]);
  });
  it("uses condition 'none' when no condition applies", () => {
    expect(metricRowsFor('sidebar_opened', [], 'gp', 0).map((r) => r.condition)).toEqual(['none']);
  });
});

describe('summariseMetrics and metricsToCsv', () => {
  const rows = [
    { week: '2026-W10', event: 'prompt_shown', condition: 't2dm', role: 'gp' },
    { week: '2026-W09', event: 'dismissed', condition: 'copd', role: 'nurse' },
    { week: '2026-W10', event: 'prompt_shown', condition: 't2dm', role: 'gp' },
    { week: '2026-W10', event: 'goal_agreed', condition: 't2dm', role: 'gp' },
  ] as const;

  it('counts per week, role, condition and event, sorted', () => {
    expect(summariseMetrics(rows)).toEqual([
      { week: '2026-W09', role: 'nurse', condition: 'copd', event: 'dismissed', count: 1 },
      { week: '2026-W10', role: 'gp', condition: 't2dm', event: 'goal_agreed', count: 1 },
      { week: '2026-W10', role: 'gp', condition: 't2dm', event: 'prompt_shown', count: 2 },
    ]);
  });

  it('writes CSV with the header week,role,condition,event,count', () => {
    expect(metricsToCsv(summariseMetrics(rows))).toBe(
      'week,role,condition,event,count\r\n' +
        '2026-W09,nurse,copd,dismissed,1\r\n' +
        '2026-W10,gp,t2dm,goal_agreed,1\r\n' +
        '2026-W10,gp,t2dm,prompt_shown,2\r\n',
    );
  });

  it('gives just the header for no rows', () => {
    expect(metricsToCsv([])).toBe('week,role,condition,event,count\r\n');
  });
});
