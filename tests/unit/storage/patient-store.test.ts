import { describe, expect, it, vi } from 'vitest';
import { dumpDb } from '../../../lib/storage/export';
import { GOAL_EDIT_WINDOW_MS, loadPatient, reviewGoal, savePatient } from '../../../lib/storage/patient-store';
import { freshDb, KEY_A, KEY_B, NOW, recordInput } from './helpers';

const ctx = (now = NOW) => ({ now, role: 'nurse' as const });
const noWarn = () => {};

describe('savePatient / loadPatient', () => {
  it('returns nothing for an unknown patient', async () => {
    expect(await loadPatient(freshDb(), KEY_A, noWarn)).toEqual({ record: null, goals: [] });
  });

  it('saves the latest state, the goal history and a goal_agreed metric per condition', async () => {
    const db = freshDb();
    const saved = await savePatient(db, KEY_A, recordInput({ conditions: ['t2dm', 'copd'] }), ctx(), noWarn);
    expect(saved.record).toMatchObject({ patientKey: KEY_A, updatedAt: NOW, step: 'agree' });
    expect(saved.goals).toHaveLength(1);
    expect(await loadPatient(db, KEY_A, noWarn)).toEqual(saved);
    const metrics = await db.metrics.toArray();
    expect(metrics.map((m) => [m.week, m.event, m.condition, m.role])).toEqual([
      ['2026-W10', 'goal_agreed', 't2dm', 'nurse'],
      ['2026-W10', 'goal_agreed', 'copd', 'nurse'],
    ]);
    expect(Object.keys(metrics[0]!).sort()).toEqual(['condition', 'event', 'id', 'role', 'week']);
  });

  it('keeps patients apart', async () => {
    const db = freshDb();
    await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    expect(await loadPatient(db, KEY_B, noWarn)).toEqual({ record: null, goals: [] });
  });

  it('does not add a history entry when the goal is unchanged', async () => {
    const db = freshDb();
    await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    const again = await savePatient(db, KEY_A, recordInput({ barriers: ['other'] }), ctx(NOW + 5 * 86_400_000), noWarn);
    expect(again.goals).toHaveLength(1);
    expect(again.record?.barriers).toEqual(['other']);
    expect(await db.metrics.count()).toBe(1);
  });

  it('amends the goal while it is being edited (debounced saves) instead of appending', async () => {
    const db = freshDb();
    const typing = ['W', 'Wa', 'Walk', 'Walk daily'];
    for (const [i, text] of typing.entries()) {
      await savePatient(db, KEY_A, recordInput({ goal: { text, when: '', confidence: null, followUp: null } }), ctx(NOW + i * 1000), noWarn);
    }
    const { goals } = await loadPatient(db, KEY_A, noWarn);
    expect(goals.map((g) => [g.text, g.agreedAt])).toEqual([['Walk daily', NOW]]);
    expect(await db.metrics.count()).toBe(1);
  });

  it('appends a new goal agreed at a later consultation, newest first', async () => {
    const db = freshDb();
    await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    const later = NOW + GOAL_EDIT_WINDOW_MS + 1;
    const { goals } = await savePatient(db, KEY_A, recordInput({ goal: { text: 'Swim', when: '', confidence: 6, followUp: null } }), ctx(later), noWarn);
    expect(goals.map((g) => g.text)).toEqual(['Swim', 'Walk after lunch']);
    expect(goals[0]!.agreedAt).toBe(later);
    expect(await db.metrics.count()).toBe(2);
  });

  it('a save interrupted mid-way leaves the previous state intact', async () => {
    const db = freshDb();
    const first = await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    const before = await dumpDb(db, noWarn);
    // Fail the last write of the transaction: consultation and goal are already written by then.
    const failMetric = () => {
      throw new Error('disk full');
    };
    db.metrics.hook('creating', failMetric);
    const later = NOW + GOAL_EDIT_WINDOW_MS + 1;
    await expect(
      savePatient(db, KEY_A, recordInput({ barriers: ['changed'], goal: { text: 'Swim', when: '', confidence: 5, followUp: null } }), ctx(later), noWarn),
    ).rejects.toThrow('disk full');
    db.metrics.hook('creating').unsubscribe(failMetric);
    expect(await dumpDb(db, noWarn)).toEqual(before);
    expect(await loadPatient(db, KEY_A, noWarn)).toEqual(first);
  });

  it('a failure after the first write (consultation) rolls it back', async () => {
    const db = freshDb();
    await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    const before = await dumpDb(db, noWarn);
    const failGoal = () => {
      throw new Error('quota');
    };
    db.goals.hook('creating', failGoal);
    await expect(
      savePatient(db, KEY_A, recordInput({ strategies: [], goal: { text: 'Swim', when: '', confidence: 5, followUp: null } }), ctx(NOW + GOAL_EDIT_WINDOW_MS + 1), noWarn),
    ).rejects.toThrow('quota');
    db.goals.hook('creating').unsubscribe(failGoal);
    expect(await dumpDb(db, noWarn)).toEqual(before);
  });
});

describe('unreadable records', () => {
  it('are skipped with a warning, not deleted, and listed in the export', async () => {
    const db = freshDb();
    await db.consultations.put({ patientKey: KEY_A, updatedAt: NOW, conditions: ['not-a-condition'] } as never);
    await db.goals.add({ patientKey: KEY_A, agreedAt: NOW, text: 7 } as never);
    const warn = vi.fn();
    const state = await loadPatient(db, KEY_A, warn);
    expect(state.record).toBeNull();
    expect(state.goals).toEqual([]);
    expect(state.warning).toMatch(/could not be read.*kept for export/);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(await db.consultations.count()).toBe(1);
    expect(await db.goals.count()).toBe(1);
    const dump = await dumpDb(db, () => {});
    expect(dump.corrupt.map((c) => [c.source, c.key])).toEqual([['consultations', KEY_A], ['goals', '1']]);
  });

  it('an unreadable consultation is copied to meta before a save replaces it', async () => {
    const db = freshDb();
    const junk = { patientKey: KEY_A, updatedAt: 'x' };
    await db.consultations.put(junk as never);
    await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    expect((await loadPatient(db, KEY_A, noWarn)).record?.updatedAt).toBe(NOW);
    const dump = await dumpDb(db, noWarn);
    expect(dump.corrupt).toEqual([{ source: 'meta', key: `corrupt.consultations.${KEY_A}.${NOW}`, value: junk }]);
  });
});

describe('reviewGoal', () => {
  it('records the outcome and when it was reviewed', async () => {
    const db = freshDb();
    const { goals } = await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    const reviewed = await reviewGoal(db, KEY_A, goals[0]!.id, 'partly', NOW + 1000);
    expect(reviewed).toMatchObject({ outcome: 'partly', reviewedAt: NOW + 1000, text: 'Walk after lunch' });
    expect((await loadPatient(db, KEY_A, noWarn)).goals[0]).toEqual(reviewed);
  });

  it("refuses another patient's goal", async () => {
    const db = freshDb();
    const { goals } = await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    await expect(reviewGoal(db, KEY_B, goals[0]!.id, 'achieved', NOW)).rejects.toThrow(/no such goal/);
    await expect(reviewGoal(db, KEY_A, 999, 'achieved', NOW)).rejects.toThrow(/no such goal/);
  });

  it('a reviewed goal is not amended by a later edit: a new goal is appended', async () => {
    const db = freshDb();
    const { goals } = await savePatient(db, KEY_A, recordInput(), ctx(), noWarn);
    await reviewGoal(db, KEY_A, goals[0]!.id, 'not', NOW + 10);
    const next = await savePatient(db, KEY_A, recordInput({ goal: { text: 'Smaller step', when: '', confidence: 9, followUp: null } }), ctx(NOW + 20), noWarn);
    expect(next.goals.map((g) => [g.text, g.outcome])).toEqual([['Smaller step', null], ['Walk after lunch', 'not']]);
  });
});
