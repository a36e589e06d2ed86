import type { ConditionId } from '../conditions';
import type { Goal } from '../storage/records';
import type { ContentPack } from './pack-schema';
import type { LocalStrategy } from './rules';
import { toIsoDate } from './goals';

export interface SummaryInput {
  pack: ContentPack;
  conditions: readonly { id: ConditionId; status: 'confirmed' | 'possible' }[];
  /** Ticked barrier ids (unknown ids are left out). */
  barriers: readonly string[];
  /** Agreed strategy ids, from the pack or the practice's local strategies (unknown ids are left out). */
  strategies: readonly string[];
  goal: Goal | null;
  /** Date in the heading (local calendar date, yyyy-mm-dd); no date when left out. */
  date?: Date;
  /** To name agreed local strategies. */
  localStrategies?: readonly Pick<LocalStrategy, 'id' | 'label'>[];
}

const MAX_FREE_TEXT = 200;

/** Free text typed by the clinician, made safe for one line of a plain-text note: no tags, no line breaks. */
export function plainLine(text: string, max = MAX_FREE_TEXT): string {
  const flat = text
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    // An unclosed tag ("<img src=x") would still start one in a note that renders HTML: break it up.
    .replace(/<(?=[a-z!/?])/gi, '< ')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 3).trimEnd()}...` : flat;
}

/**
 * A short plain-text summary for the EHR note, in the pack's language. Fixed line order; lines with nothing
 * to say are left out:
 *
 *   Self-management support (2026-03-04)
 *   Conditions: Type 2 diabetes; COPD (possible)
 *   Barriers: Limited health literacy; Not enough time in this consultation
 *   Agreed: Teach-back; Hand over to the practice nurse
 *   Goal: Walk 10 minutes after lunch - 3 times a week
 *   Confidence: 8/10
 *   Follow-up: 2026-03-18
 */
export function buildSummary(input: SummaryInput): string {
  const { pack, goal } = input;
  const L = pack.labels;
  const line = (label: string, value: string) => `${label}${L.colon}${value}`;
  const lines: string[] = [input.date ? `${L.summaryTitle} (${toIsoDate(input.date)})` : L.summaryTitle];

  const seenConditions = new Set<ConditionId>();
  const conditions = input.conditions
    .filter((c) => !seenConditions.has(c.id) && seenConditions.add(c.id) && pack.conditionNames[c.id] !== undefined)
    .map((c) => `${pack.conditionNames[c.id]}${c.status === 'possible' ? ` (${L.possible})` : ''}`);
  if (conditions.length > 0) lines.push(line(L.conditions, conditions.join('; ')));

  const ticked = new Set(input.barriers);
  const barriers = pack.barriers.filter((b) => ticked.has(b.id)).map((b) => b.label);
  if (barriers.length > 0) lines.push(line(L.barriers, barriers.join('; ')));

  const labelById = new Map<string, string>();
  for (const s of input.localStrategies ?? []) labelById.set(s.id, plainLine(s.label, 120));
  for (const s of pack.strategies) labelById.set(s.id, s.label);
  const agreed = [...new Set(input.strategies)].flatMap((id) => {
    const label = labelById.get(id);
    return label ? [label] : [];
  });
  if (agreed.length > 0) lines.push(line(L.agreed, agreed.join('; ')));

  if (goal) {
    const what = plainLine(goal.text);
    const when = plainLine(goal.when ?? '');
    const goalText = [what, when].filter((s) => s !== '').join(' - ');
    if (goalText !== '') lines.push(line(L.goal, goalText));
    if (goal.confidence !== null && goal.confidence !== undefined) lines.push(line(L.confidence, `${goal.confidence}/10`));
    if (goal.followUp) lines.push(line(L.followUp, goal.followUp));
  }
  return lines.join('\n');
}
