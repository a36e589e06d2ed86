import type { Role } from '../settings/schema';
import type { SmsDb } from './db';
import { metricRowsFor } from './metrics';
import {
  ConsultationRecordSchema,
  GoalHistoryEntrySchema,
  type ConsultationRecord,
  type Goal,
  type GoalHistoryEntry,
  type GoalOutcome,
  type PatientKey,
} from './records';
import { parseRows, type Warn } from './rows';

/** What the sidebar sends to save: the record without its key and time, which the background sets. */
export type RecordInput = Omit<ConsultationRecord, 'patientKey' | 'updatedAt'>;

export interface PatientState {
  record: ConsultationRecord | null;
  /** Newest first. */
  goals: GoalHistoryEntry[];
  warning?: string;
}

/**
 * A goal changed within this time of being agreed, and not yet reviewed, is the same agreement being edited
 * (the sidebar saves while the clinician types): the history entry is amended, not appended, and not counted again.
 */
export const GOAL_EDIT_WINDOW_MS = 60 * 60 * 1000;

const newestFirst = (a: GoalHistoryEntry, b: GoalHistoryEntry) => b.agreedAt - a.agreedAt || b.id - a.id;

const sameGoal = (a: Goal, b: Goal | undefined) =>
  !!b && a.text === b.text && a.when === b.when && a.confidence === b.confidence && a.followUp === b.followUp;

/** Key under which an unreadable record is copied to `meta` before it would be overwritten. */
export const corruptMetaKey = (table: string, key: string, savedAt: number) => `corrupt.${table}.${key}.${savedAt}`;

async function readGoals(db: SmsDb, patientKey: PatientKey, warn: Warn): Promise<{ goals: GoalHistoryEntry[]; skipped: number }> {
  const rows: unknown[] = await db.goals.where('patientKey').equals(patientKey).toArray();
  const goals = parseRows(GoalHistoryEntrySchema, rows, 'goals', warn).sort(newestFirst);
  return { goals, skipped: rows.length - goals.length };
}

export async function loadPatient(db: SmsDb, patientKey: PatientKey, warn: Warn): Promise<PatientState> {
  return db.transaction('r', [db.consultations, db.goals], async () => {
    const raw: unknown = await db.consultations.get(patientKey);
    const [record = null] = raw === undefined ? [] : parseRows(ConsultationRecordSchema, [raw], 'consultations', warn);
    const { goals, skipped } = await readGoals(db, patientKey, warn);
    const problems = [
      raw !== undefined && !record ? 'the saved record for this patient could not be read' : '',
      skipped ? `${skipped} saved goal(s) could not be read` : '',
    ].filter(Boolean);
    return { record, goals, ...(problems.length ? { warning: `${problems.join('; ')} (kept for export)` } : {}) };
  });
}

/**
 * Saves the latest state and, when the goal is new, appends it to the history and counts 'goal_agreed'
 * (one metric row per condition) - all in ONE transaction: either everything is written or nothing.
 * An unreadable previous record is copied to `meta` (kept for export) before it is replaced.
 */
export async function savePatient(
  db: SmsDb,
  patientKey: PatientKey,
  input: RecordInput,
  context: { now: number; role: Role },
  warn: Warn,
): Promise<PatientState> {
  const { now, role } = context;
  const record = ConsultationRecordSchema.parse({ ...input, patientKey, updatedAt: now });
  return db.transaction('rw', [db.consultations, db.goals, db.metrics, db.meta], async () => {
    const previous: unknown = await db.consultations.get(patientKey);
    if (previous !== undefined && !ConsultationRecordSchema.safeParse(previous).success) {
      await db.meta.put({ key: corruptMetaKey('consultations', patientKey, now), value: previous, savedAt: now });
    }
    await db.consultations.put(record);
    const { goals } = await readGoals(db, patientKey, warn);
    const newest = goals[0];
    if (record.goal && !sameGoal(record.goal, newest)) {
      if (newest && newest.outcome === null && now - newest.agreedAt < GOAL_EDIT_WINDOW_MS) {
        goals[0] = { ...newest, ...record.goal };
        await db.goals.put(goals[0]);
      } else {
        const entry = { ...record.goal, patientKey, agreedAt: now, outcome: null, reviewedAt: null };
        goals.unshift({ ...entry, id: await db.goals.add(entry) });
        await db.metrics.bulkAdd(metricRowsFor('goal_agreed', record.conditions, role, now));
      }
    }
    return { record, goals };
  });
}

/** Records the outcome of one of this patient's goals. Throws when the goal is not this patient's. */
export async function reviewGoal(
  db: SmsDb,
  patientKey: PatientKey,
  goalId: number,
  outcome: GoalOutcome,
  now: number,
): Promise<GoalHistoryEntry> {
  return db.transaction('rw', [db.goals], async () => {
    const parsed = GoalHistoryEntrySchema.safeParse(await db.goals.get(goalId));
    if (!parsed.success || parsed.data.patientKey !== patientKey) throw new Error('no such goal for this patient');
    const reviewed = { ...parsed.data, outcome, reviewedAt: now };
    await db.goals.put(reviewed);
    return reviewed;
  });
}
