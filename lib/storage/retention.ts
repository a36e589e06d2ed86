import type { SmsDb } from './db';
import { isoWeek } from './metrics';

export const DAY_MS = 86_400_000;

export interface PurgeResult {
  consultations: number;
  goals: number;
  metrics: number;
  meta: number;
}

/**
 * Deletes what is older than the retention: consultations by updatedAt, goals by agreedAt, kept corrupt
 * copies (meta) by savedAt, and metrics of the ISO weeks that ended before the cutoff's week.
 */
export async function purgeExpired(db: SmsDb, retentionDays: number, now: number): Promise<PurgeResult> {
  const cutoff = now - retentionDays * DAY_MS;
  const cutoffWeek = isoWeek(cutoff);
  return db.transaction('rw', [db.consultations, db.goals, db.metrics, db.meta], async () => ({
    consultations: await db.consultations.where('updatedAt').below(cutoff).delete(),
    goals: await db.goals.where('agreedAt').below(cutoff).delete(),
    metrics: await db.metrics.where('week').below(cutoffWeek).delete(),
    meta: await db.meta.where('savedAt').below(cutoff).delete(),
  }));
}
