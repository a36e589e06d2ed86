import type { ConditionId } from '../conditions';
import type { DetectionResult, Evidence, MentionContext } from '../detection/result';
import type { BarrierLevel, ContentPack, FlowStep, FlowStepId } from '../content/pack-schema';
import type { Goal, GoalHistoryEntry } from '../storage/records';
import type { DirectoryEntry, Role, Settings } from '../settings/schema';
import { rankStrategies, type RankedStrategy } from '../content/rules';
import { buildSummary } from '../content/summary';
import { confidenceAdvice, type ConfidenceAdvice } from '../content/goals';
import type { VisitGoals } from './visit';

/** What the clinician has ticked and agreed in this consultation: the state the sidebar edits. */
export interface SidebarState {
  barriers: string[];
  strategies: string[];
  goal: Goal | null;
  step: FlowStepId | null;
}

export const EMPTY_STATE: SidebarState = { barriers: [], strategies: [], goal: null, step: null };

export interface ConditionView {
  id: ConditionId;
  name: string;
  status: 'confirmed' | 'possible';
  evidence: Evidence[];
}

export interface RuledOutView {
  id: ConditionId;
  name: string;
  contexts: MentionContext[];
  evidence: Evidence[];
}

export interface BarrierView {
  id: string;
  label: string;
  ask?: string;
  checked: boolean;
}

export interface StrategyView {
  id: string;
  label: string;
  action: string;
  type: 'individual' | 'collaborative';
  step: FlowStepId;
  because: string;
  chosen: boolean;
  contact?: DirectoryEntry;
}

export interface StepView extends FlowStep {
  strategies: StrategyView[];
}

/** Everything the sidebar renders, derived from detection + content + state. Pure data: no behaviour. */
export interface SidebarModel {
  role: Role;
  conditions: ConditionView[];
  ruledOut: RuledOutView[];
  barrierGroups: { level: BarrierLevel; label: string; barriers: BarrierView[] }[];
  /** GP consultation: at most three suggestions, across all steps. */
  quickStrategies: StrategyView[];
  /** Chronic-care review: the 5As, each with the strategies that belong to it. */
  steps: StepView[];
  step: FlowStepId;
  goal: Goal | null;
  confidence: ConfidenceAdvice;
  previousGoal: GoalHistoryEntry | null;
  goalHistory: GoalHistoryEntry[];
  followUpDue: boolean;
  summary: string;
  /** Which content pack this workstation runs: id, version and the start of its checksum. */
  pack: { id: string; version: string; checksum: string };
}

export const GP_SUGGESTIONS = 3;
const NURSE_SUGGESTIONS_PER_STEP = 4;

export interface ModelInput {
  detection: DetectionResult;
  pack: ContentPack;
  state: SidebarState;
  settings: Pick<Settings, 'disabledStrategies' | 'directory' | 'localStrategies' | 'promptConditions' | 'role'>;
  visit: Pick<VisitGoals, 'previous' | 'history' | 'followUpDue'>;
  /** packChecksum(pack), from the background. */
  packChecksum?: string;
}

function strategyView(r: RankedStrategy, chosen: ReadonlySet<string>): StrategyView {
  const s = r.strategy;
  return {
    id: s.id, label: s.label, action: s.action, type: s.type, step: s.step,
    because: r.because, chosen: chosen.has(s.id), contact: r.contact,
  };
}

/** The best `limit` of a ranked list, plus any the clinician already agreed (they never silently disappear). */
function topWithChosen(ranked: readonly RankedStrategy[], limit: number, chosen: ReadonlySet<string>): StrategyView[] {
  return ranked.filter((r, i) => i < limit || chosen.has(r.strategy.id)).map((r) => strategyView(r, chosen));
}

export function buildSidebarModel({ detection, pack, state, settings, visit, packChecksum = '' }: ModelInput): SidebarModel {
  const name = (id: ConditionId) => pack.conditionNames[id] ?? id;
  const prompted = new Set(settings.promptConditions);
  const conditions = detection.conditions
    .filter((c) => prompted.has(c.id))
    .map((c) => ({ id: c.id, name: name(c.id), status: c.status, evidence: c.evidence }));

  const ruledOut = detection.ruledOut.map((r) => ({
    id: r.id,
    name: name(r.id),
    contexts: [...new Set(r.evidence.map((e) => e.context).filter((c): c is MentionContext => c !== null))],
    evidence: r.evidence,
  }));

  // The GP sees the one-tap chips (the common barriers) plus anything already ticked; the nurse sees all.
  const ticked = new Set(state.barriers);
  const gp = settings.role === 'gp';
  const barrierGroups = pack.levels.map((level) => ({
    level: level.id,
    label: level.title,
    barriers: pack.barriers
      .filter((b) => b.level === level.id && (!gp || b.quick || ticked.has(b.id)))
      .map((b) => ({ id: b.id, label: b.label, ask: b.ask, checked: ticked.has(b.id) })),
  })).filter((g) => g.barriers.length > 0);

  const chosen = new Set(state.strategies);
  const ranked = rankStrategies({
    pack,
    conditions: conditions.map((c) => c.id),
    barriers: state.barriers,
    settings,
    preferQuick: gp,
  });
  const quickStrategies = topWithChosen(ranked, GP_SUGGESTIONS, chosen);
  const steps = pack.flow.map((step) => ({
    ...step,
    strategies: topWithChosen(ranked.filter((r) => r.strategy.step === step.id), NURSE_SUGGESTIONS_PER_STEP, chosen),
  }));

  const summary = buildSummary({
    pack,
    conditions: conditions.map((c) => ({ id: c.id, status: c.status })),
    barriers: state.barriers,
    strategies: state.strategies,
    goal: state.goal,
    localStrategies: settings.localStrategies,
  });

  return {
    role: settings.role,
    conditions,
    ruledOut,
    barrierGroups,
    quickStrategies,
    steps,
    step: state.step ?? 'assess',
    goal: state.goal,
    confidence: confidenceAdvice(state.goal?.confidence, pack),
    previousGoal: visit.previous,
    goalHistory: visit.history,
    followUpDue: visit.followUpDue,
    summary,
    pack: { id: pack.id, version: pack.version, checksum: packChecksum.slice(0, 8) },
  };
}

/** Adds or removes an id, keeping order: the one state transition every checkbox in the sidebar needs. */
export function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}
