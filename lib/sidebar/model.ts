import type { ConditionId } from '../conditions';
import type { DetectionResult, Evidence, MentionContext } from '../detection/result';
import type { BarrierLevel, ContentPack, FlowStepId } from '../content/pack-schema';
import type { Goal } from '../storage/records';
import type { DirectoryEntry, Settings } from '../settings/schema';
import { rankStrategies } from '../content/rules';
import { buildSummary } from '../content/summary';

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
  quick: boolean;
  checked: boolean;
}

export interface StrategyView {
  id: string;
  label: string;
  action: string;
  type: 'individual' | 'collaborative';
  because: string;
  chosen: boolean;
  contact?: DirectoryEntry;
}

/** Everything the sidebar renders, derived from detection + content + state. Pure data: no behaviour. */
export interface SidebarModel {
  conditions: ConditionView[];
  ruledOut: RuledOutView[];
  barrierGroups: { level: BarrierLevel; barriers: BarrierView[] }[];
  strategies: StrategyView[];
  goal: Goal | null;
  summary: string;
}

const LEVELS: BarrierLevel[] = ['patient', 'provider', 'external'];

export interface ModelInput {
  detection: DetectionResult;
  pack: ContentPack;
  state: SidebarState;
  settings: Pick<Settings, 'disabledStrategies' | 'directory' | 'promptConditions'>;
  /** How many strategies to show at most. */
  limit?: number;
}

export function buildSidebarModel({ detection, pack, state, settings, limit = 6 }: ModelInput): SidebarModel {
  const name = (id: ConditionId) => pack.conditionNames[id] ?? id;
  const prompted = new Set(settings.promptConditions);
  const detected = detection.conditions.filter((c) => prompted.has(c.id));
  const conditions = detected.map((c) => ({ id: c.id, name: name(c.id), status: c.status, evidence: c.evidence }));

  const ruledOut = detection.ruledOut.map((r) => ({
    id: r.id,
    name: name(r.id),
    contexts: [...new Set(r.evidence.map((e) => e.context).filter((c): c is MentionContext => c !== null))],
    evidence: r.evidence,
  }));

  const ticked = new Set(state.barriers);
  const barrierGroups = LEVELS.map((level) => ({
    level,
    barriers: pack.barriers
      .filter((b) => b.level === level)
      .map((b) => ({ id: b.id, label: b.label, ask: b.ask, quick: b.quick, checked: ticked.has(b.id) })),
  }));

  const chosen = new Set(state.strategies);
  const ranked = rankStrategies({
    pack,
    conditions: conditions.map((c) => c.id),
    barriers: state.barriers,
    settings,
    limit,
  });
  // A strategy the clinician already agreed stays visible even when new ticks push it out of the top.
  const rankedIds = new Set(ranked.map((r) => r.strategy.id));
  const keptChosen = pack.strategies.filter((s) => chosen.has(s.id) && !rankedIds.has(s.id));
  const strategies: StrategyView[] = [
    ...ranked.map((r) => ({
      id: r.strategy.id,
      label: r.strategy.label,
      action: r.strategy.action,
      type: r.strategy.type,
      because: r.because,
      chosen: chosen.has(r.strategy.id),
      contact: r.contact,
    })),
    ...keptChosen.map((s) => ({ id: s.id, label: s.label, action: s.action, type: s.type, because: '', chosen: true })),
  ];

  const summary = buildSummary({
    pack,
    conditions: conditions.map((c) => ({ id: c.id, status: c.status })),
    barriers: state.barriers,
    strategies: state.strategies,
    goal: state.goal,
  });

  return { conditions, ruledOut, barrierGroups, strategies, goal: state.goal, summary };
}

/** Adds or removes an id, keeping order: the one state transition every checkbox in the sidebar needs. */
export function toggle(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}
