import { describe, expect, it } from 'vitest';
import { loadBuiltInPack } from '../../../lib/content/packs';
import {
  actionPlanGaps,
  confidenceAdvice,
  daysUntilFollowUp,
  followUpDate,
  isFollowUpDue,
  reviewAdvice,
  toIsoDate,
} from '../../../lib/content/goals';
import { GoalSchema } from '../../../lib/storage/records';

const en = loadBuiltInPack('en');

describe('confidenceAdvice', () => {
  it.each([
    [null, 'missing'],
    [undefined, 'missing'],
    [Number.NaN, 'missing'],
    [0, 'low'],
    [6, 'low'],
    [7, 'ok'],
    [10, 'ok'],
  ] as const)('%s -> %s', (c, level) => {
    const advice = confidenceAdvice(c, en);
    expect(advice.level).toBe(level);
    expect(advice.text).toBe(
      level === 'missing' ? en.labels.confidenceMissing : level === 'low' ? en.labels.confidenceLow : en.labels.confidenceOk,
    );
  });
  it('speaks the pack language', () => {
    const nl = loadBuiltInPack('nl');
    expect(confidenceAdvice(3, nl).text).toBe(nl.labels.confidenceLow);
  });
});

describe('follow-up', () => {
  const goal = (followUp: string | null) => GoalSchema.parse({ text: 'x', followUp });
  it.each([
    [null, '2026-03-04', false, null],
    ['2026-03-05', '2026-03-04', false, 1],
    ['2026-03-04', '2026-03-04', true, 0],
    ['2026-02-20', '2026-03-04', true, -12],
    ['2024-02-30', '2024-03-01', false, null],
    ['2026-03-30', '2026-03-28', false, 2],
  ] as const)('follow-up %s on %s: due %s, days %s', (f, today, due, days) => {
    expect(isFollowUpDue(goal(f), today)).toBe(due);
    expect(daysUntilFollowUp(goal(f), today)).toBe(days);
  });
  it('takes a Date as the local calendar day', () => {
    expect(isFollowUpDue(goal('2026-03-04'), new Date(2026, 2, 4, 0, 5))).toBe(true);
    expect(isFollowUpDue(goal('2026-03-04'), new Date(2026, 2, 3, 23, 55))).toBe(false);
    expect(isFollowUpDue(null, new Date())).toBe(false);
  });
  it('proposes dates', () => {
    expect(followUpDate('2026-02-20', 14)).toBe('2026-03-06');
    expect(followUpDate(new Date(2026, 11, 25), 7)).toBe('2027-01-01');
    expect(toIsoDate(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(() => followUpDate('tomorrow', 1)).toThrow();
  });
});

describe('action plan and review', () => {
  it('lists missing parts of the action plan', () => {
    expect(actionPlanGaps(null)).toEqual(['text', 'when', 'confidence', 'followUp']);
    expect(actionPlanGaps(GoalSchema.parse({ text: 'Walk', confidence: 0 }))).toEqual(['when', 'followUp']);
    expect(actionPlanGaps(GoalSchema.parse({ text: 'Walk', when: 'daily', confidence: 9, followUp: '2026-01-01' }))).toEqual([]);
  });
  it('advises after a review, and validates reviews', () => {
    expect(reviewAdvice('achieved', en)).toBe(en.labels.reviewAchieved);
    expect(reviewAdvice('partly', en)).toBe(en.labels.reviewPartly);
    expect(reviewAdvice('not', en)).toBe(en.labels.reviewNot);
  });
});
