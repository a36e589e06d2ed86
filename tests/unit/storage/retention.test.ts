import { afterEach, describe, expect, it, vi } from 'vitest';
import { isoWeek } from '../../../lib/storage/metrics';
import { savePatient } from '../../../lib/storage/patient-store';
import { purgeExpired } from '../../../lib/storage/retention';
import { DAY, freshDb, KEY_A, KEY_B, NOW, recordInput } from './helpers';

const ctx = (now: number) => ({ now, role: 'gp' as const });

async function seed() {
  const db = freshDb();
  await savePatient(db, KEY_A, recordInput(), ctx(NOW - 40 * DAY), () => {}); // old
  await savePatient(db, KEY_B, recordInput(), ctx(NOW - 10 * DAY), () => {}); // recent
  await db.metrics.bulkAdd([
    { week: isoWeek(NOW - 60 * DAY), event: 'prompt_shown', condition: 't2dm', role: 'gp' },
    { week: isoWeek(NOW), event: 'prompt_shown', condition: 't2dm', role: 'gp' },
  ]);
  await db.meta.put({ key: 'corrupt.consultations.x.1', value: {}, savedAt: NOW - 31 * DAY });
  return db;
}

describe('purgeExpired', () => {
  afterEach(() => vi.useRealTimers());

  it('deletes consultations, goals, metrics and kept copies older than the retention', async () => {
    const db = await seed();
    const result = await purgeExpired(db, 30, NOW);
    expect(result).toEqual({ consultations: 1, goals: 1, metrics: 2, meta: 1 });
    expect((await db.consultations.toArray()).map((c) => c.patientKey)).toEqual([KEY_B]);
    expect((await db.goals.toArray()).map((g) => g.patientKey)).toEqual([KEY_B]);
    // Metrics: old prompt_shown + KEY_A's goal_agreed (40 days ago) go; this week's and KEY_B's stay.
    expect((await db.metrics.toArray()).map((m) => m.week).sort()).toEqual([isoWeek(NOW - 10 * DAY), isoWeek(NOW)].sort());
  });

  it('keeps everything within the retention', async () => {
    const db = await seed();
    expect(await purgeExpired(db, 365, NOW)).toEqual({ consultations: 0, goals: 0, metrics: 0, meta: 0 });
  });

  it('keeps the whole ISO week that contains the cutoff', async () => {
    const db = freshDb();
    const monday = Date.UTC(2026, 2, 2); // Monday of 2026-W10
    await db.metrics.add({ week: '2026-W10', event: 'dismissed', condition: 'none', role: 'gp' });
    await db.metrics.add({ week: '2026-W09', event: 'dismissed', condition: 'none', role: 'gp' });
    await purgeExpired(db, 1, monday + 1 * DAY + 1); // cutoff: Monday of W10
    expect((await db.metrics.toArray()).map((m) => m.week)).toEqual(['2026-W10']);
  });

  it('works with a fake clock as time passes', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] }); // only the clock: IndexedDB needs real timers
    const db = freshDb();
    await savePatient(db, KEY_A, recordInput(), ctx(Date.now()), () => {});
    vi.setSystemTime(NOW + 29 * DAY);
    expect((await purgeExpired(db, 30, Date.now())).consultations).toBe(0);
    vi.setSystemTime(NOW + 31 * DAY);
    expect((await purgeExpired(db, 30, Date.now())).consultations).toBe(1);
  });
});
