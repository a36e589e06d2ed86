import { describe, expect, it } from 'vitest';
import { splitVisitGoals } from '../../lib/sidebar/visit';
import type { ConsultationRecord, GoalHistoryEntry } from '../../lib/storage/records';

const KEY = 'a'.repeat(64);
const day = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, '0')}:00:00`).getTime();
const entry = (id: number, agreedOn: string, text: string, followUp: string | null = null): GoalHistoryEntry => ({
  id, patientKey: KEY, agreedAt: day(agreedOn), text, when: '', confidence: 8, followUp, outcome: null, reviewedAt: null,
});
const record = (updatedOn: string, text: string | null): ConsultationRecord => ({
  patientKey: KEY, updatedAt: day(updatedOn, 11), conditions: ['t2dm'], barriers: [], strategies: [],
  goal: text === null ? null : { text, when: '', confidence: 8, followUp: null }, step: null,
});

describe('splitVisitGoals', () => {
  const now = new Date(day('2026-11-23', 15));

  it('keeps a goal agreed earlier today in the form (a reload in the same consultation)', () => {
    const v = splitVisitGoals(record('2026-11-23', 'walk daily'), [entry(2, '2026-11-23', 'walk daily'), entry(1, '2026-09-01', 'less salt')], now);
    expect(v.current?.text).toBe('walk daily');
    expect(v.previous?.text).toBe('less salt');
  });

  it('starts a new visit with an empty goal and last time\'s goal to review', () => {
    const v = splitVisitGoals(record('2026-09-01', 'less salt'), [entry(1, '2026-09-01', 'less salt', '2026-11-01')], now);
    expect(v.current).toBeNull();
    expect(v.previous?.text).toBe('less salt');
    expect(v.followUpDue).toBe(true);
  });

  it('does not call a follow-up due before its date', () => {
    const v = splitVisitGoals(null, [entry(1, '2026-11-01', 'swim', '2026-12-15')], now);
    expect(v.followUpDue).toBe(false);
    expect(v.history).toHaveLength(1);
  });

  it('has nothing to review for a new patient', () => {
    expect(splitVisitGoals(null, [], now)).toEqual({ current: null, previous: null, history: [], followUpDue: false });
  });
});
