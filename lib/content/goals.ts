import type { Goal, GoalOutcome } from '../storage/records';
import type { ContentPack } from './pack-schema';

/** Action planning: below this confidence (0-10), make the plan smaller (Lorig's self-management programme). */
export const CONFIDENCE_THRESHOLD = 7;


export type ConfidenceLevel = 'missing' | 'low' | 'ok';
export interface ConfidenceAdvice {
  level: ConfidenceLevel;
  /** Text from the pack's labels, in its language. */
  text: string;
}

/** What to do with a confidence rating: none yet -> ask; below 7 -> make the plan smaller; 7+ -> fine. */
export function confidenceAdvice(confidence: number | null | undefined, pack: ContentPack): ConfidenceAdvice {
  if (confidence === null || confidence === undefined || !Number.isFinite(confidence)) {
    return { level: 'missing', text: pack.labels.confidenceMissing };
  }
  if (confidence < CONFIDENCE_THRESHOLD) return { level: 'low', text: pack.labels.confidenceLow };
  return { level: 'ok', text: pack.labels.confidenceOk };
}

/** Advice for the next step after a goal review, from the pack. */
export function reviewAdvice(outcome: GoalOutcome, pack: ContentPack): string {
  switch (outcome) {
    case 'achieved':
      return pack.labels.reviewAchieved;
    case 'partly':
      return pack.labels.reviewPartly;
    case 'not':
      return pack.labels.reviewNot;
  }
}

/** yyyy-mm-dd of a Date in local time (the clinician's calendar day, not UTC). */
export function toIsoDate(date: Date): string {
  const y = String(date.getFullYear()).padStart(4, '0');
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Day number (days since 1970-01-01) of a yyyy-mm-dd date, or null when it is not a real date. */
function dayNumber(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

const todayIso = (today: Date | string) => (typeof today === 'string' ? today : toIsoDate(today));

/** Days from today to the goal's follow-up (negative when overdue); null without a (valid) follow-up date. */
export function daysUntilFollowUp(goal: Pick<Goal, 'followUp'> | null | undefined, today: Date | string): number | null {
  if (!goal?.followUp) return null;
  const due = dayNumber(goal.followUp);
  const now = dayNumber(todayIso(today));
  if (due === null || now === null) return null;
  return due - now;
}

/** True on and after the follow-up date. `today` is a Date (local calendar day) or yyyy-mm-dd. */
export function isFollowUpDue(goal: Pick<Goal, 'followUp'> | null | undefined, today: Date | string): boolean {
  const days = daysUntilFollowUp(goal, today);
  return days !== null && days <= 0;
}

/** yyyy-mm-dd `days` calendar days after `from` (for proposing a follow-up, e.g. in 2 weeks). */
export function followUpDate(from: Date | string, days: number): string {
  const start = dayNumber(todayIso(from));
  if (start === null) throw new Error(`not a date: ${String(from)}`);
  return new Date((start + Math.trunc(days)) * 86_400_000).toISOString().slice(0, 10);
}

export type ActionPlanPart = 'text' | 'when' | 'confidence' | 'followUp';

/** The parts of an action plan still missing: what, when/how often, confidence, follow-up (empty when complete). */
export function actionPlanGaps(goal: Goal | null | undefined): ActionPlanPart[] {
  const gaps: ActionPlanPart[] = [];
  if (!goal || goal.text.trim() === '') gaps.push('text');
  if (!goal || (goal.when ?? '').trim() === '') gaps.push('when');
  if (!goal || goal.confidence === null || goal.confidence === undefined) gaps.push('confidence');
  if (!goal || !goal.followUp) gaps.push('followUp');
  return gaps;
}
