import type { ConsultationRecord, Goal, GoalHistoryEntry } from '../storage/records';
import { isFollowUpDue, toIsoDate } from '../content/goals';

/** The goals a consultation works with: the one being agreed now, and the last one to look back on. */
export interface VisitGoals {
  /** Agreed today (shown in the goal form again after a reload), else null: a new visit agrees a new goal. */
  current: Goal | null;
  /** The most recent goal from an earlier visit: "last time you agreed ...". */
  previous: GoalHistoryEntry | null;
  /** Earlier goals, newest first, for the nurse's review of goals over visits. */
  history: GoalHistoryEntry[];
  /** The previous goal's follow-up date has come. */
  followUpDue: boolean;
}

const toGoal = ({ text, when, confidence, followUp }: GoalHistoryEntry): Goal => ({ text, when, confidence, followUp });

/** Splits a patient's saved goals into this visit's and earlier ones. A goal agreed today belongs to this visit. */
export function splitVisitGoals(record: ConsultationRecord | null, goals: readonly GoalHistoryEntry[], now: Date): VisitGoals {
  const today = toIsoDate(now);
  const agreedToday = (g: GoalHistoryEntry) => toIsoDate(new Date(g.agreedAt)) === today;
  const [newest] = goals;
  const savedToday = record !== null && toIsoDate(new Date(record.updatedAt)) === today;
  const current = newest && agreedToday(newest) ? (record?.goal ?? toGoal(newest)) : savedToday ? (record?.goal ?? null) : null;
  const earlier = goals.filter((g) => !agreedToday(g));
  const previous = earlier[0] ?? null;
  return { current, previous, history: earlier, followUpDue: previous !== null && isFollowUpDue(previous, now) };
}
