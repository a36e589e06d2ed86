import { CONDITION_IDS, type ConditionId } from '../conditions';
import type { DirectoryEntry, Settings } from '../settings/schema';
import type { ContentPack, LocalStrategy, Strategy } from './pack-schema';

export type { LocalStrategy } from './pack-schema';

/** Points behind a score: a ticked barrier outweighs everything else; ties keep pack order. */
export const SCORE_WEIGHTS = {
  /** Per ticked barrier the strategy addresses. */
  barrier: 10,
  /** Part of the default set (goal setting, information, teach-back, follow-up); only while it addresses no ticked barrier. */
  core: 4,
  /** Made for one of the patient's conditions (counted once, however many conditions match). */
  condition: 3,
  /** A local directory entry can do it (collaborative strategies). */
  contact: 1,
  /** Fits a 30-second consultation, when preferQuick is set. */
  quick: 1,
  /** A practice's own strategy that addresses no barrier: low, but listed. */
  local: 1,
} as const;

export interface RankInput {
  pack: ContentPack;
  conditions: readonly ConditionId[];
  /** Ticked barrier ids; unknown ids are ignored. */
  barriers: readonly string[];
  settings?: Partial<Pick<Settings, 'disabledStrategies' | 'directory'>> & {
    localStrategies?: readonly LocalStrategy[];
  };
  /** Maximum number of results; all when left out. */
  limit?: number;
  /** Nudges strategies that fit a 30-second consultation up (e.g. for the GP role). */
  preferQuick?: boolean;
}

export interface RankedStrategy {
  strategy: Strategy;
  score: number;
  /**
   * Machine-readable reasons, in this order: `barrier:<id>` per ticked barrier addressed (pack order),
   * `condition:<id>` per matching condition (CONDITION_IDS order), then `core`, `local`, `quick`, `contact:<entry id>`.
   */
  reasons: string[];
  /** Human text in the pack's language, e.g. "Suggested because: limited health literacy + COPD". */
  because: string;
  /** The first directory entry whose role matches contactRole (or built from a local strategy's phone). */
  contact?: DirectoryEntry;
  origin: 'pack' | 'local';
}

/** Turns a local strategy into the pack's Strategy shape (sources stay empty: it comes from the practice). */
export function localToStrategy(local: LocalStrategy, pack: ContentPack): Strategy {
  return {
    id: local.id,
    type: local.type,
    label: local.label,
    action: local.action,
    rationale: local.rationale ?? pack.labels.localRationale,
    addresses: [...local.addresses],
    conditions: local.conditions === 'all' ? 'all' : [...local.conditions],
    step: local.step,
    contactRole: local.contactRole,
    quick: false,
    core: false,
    prisms: [],
    sources: [],
  };
}

/** Lower-cases the first letter of a label for use mid-sentence, but leaves acronyms ("COPD") alone. */
export function midSentence(label: string): string {
  const [first, second] = [label.charAt(0), label.charAt(1)];
  if (second !== '' && second === second.toUpperCase() && second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(1);
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * Ranks the strategies of a pack (plus a practice's local ones) for one patient. Pure and deterministic.
 *
 * - A strategy is a candidate when it fits the conditions ('all', or at least one shared condition) and is not disabled.
 * - Score = 10 per ticked barrier addressed + 3 if condition-specific and matching + 4 if core and no barrier matched
 *   (+1 directory contact, +1 quick when preferQuick, +1 local without barriers).
 * - Generic strategies that are neither core nor address a ticked barrier are left out; so with no barrier
 *   ticked the list is the core set plus what is specific to the patient's conditions, and ticking a barrier
 *   brings the strategies that address it to the top.
 * - Higher score first; ties keep pack order (local strategies after the pack, in their own order).
 */
export function rankStrategies(input: RankInput): RankedStrategy[] {
  const { pack } = input;
  const conditions = new Set(input.conditions.filter((c) => (CONDITION_IDS as readonly string[]).includes(c)));
  const barrierById = new Map(pack.barriers.map((b) => [b.id, b]));
  const ticked = new Set(input.barriers.filter((b) => barrierById.has(b)));
  const disabled = new Set(input.settings?.disabledStrategies ?? []);
  const directory = input.settings?.directory ?? [];
  const packIds = new Set(pack.strategies.map((s) => s.id));
  const conditionOrder: readonly ConditionId[] = CONDITION_IDS;

  const candidates: { strategy: Strategy; origin: 'pack' | 'local'; phone?: string }[] = [
    ...pack.strategies.map((strategy) => ({ strategy, origin: 'pack' as const })),
  ];
  const seenLocal = new Set<string>();
  for (const local of input.settings?.localStrategies ?? []) {
    if (packIds.has(local.id) || seenLocal.has(local.id)) continue;
    seenLocal.add(local.id);
    candidates.push({ strategy: localToStrategy(local, pack), origin: 'local', phone: local.phone });
  }

  const ranked: (RankedStrategy & { order: number })[] = [];
  candidates.forEach(({ strategy, origin, phone }, order) => {
    if (disabled.has(strategy.id)) return;
    const matchedConditions =
      strategy.conditions === 'all' ? [] : strategy.conditions.filter((c) => conditions.has(c));
    if (strategy.conditions !== 'all' && matchedConditions.length === 0) return;
    const addressed = new Set(strategy.addresses);
    const matchedBarriers = pack.barriers.filter((b) => ticked.has(b.id) && addressed.has(b.id));

    const isLocalDefault = origin === 'local' && strategy.addresses.length === 0;
    const relevant = matchedBarriers.length > 0 || matchedConditions.length > 0 || strategy.core || isLocalDefault;
    if (!relevant) return;

    const reasons: string[] = [];
    let score = 0;
    for (const b of matchedBarriers) {
      reasons.push(`barrier:${b.id}`);
      score += SCORE_WEIGHTS.barrier;
    }
    const sortedConditions = [...matchedConditions].sort((a, b) => conditionOrder.indexOf(a) - conditionOrder.indexOf(b));
    for (const c of sortedConditions) reasons.push(`condition:${c}`);
    if (sortedConditions.length > 0) score += SCORE_WEIGHTS.condition;
    if (strategy.core && matchedBarriers.length === 0) {
      reasons.push('core');
      score += SCORE_WEIGHTS.core;
    }
    if (isLocalDefault) {
      reasons.push('local');
      score += SCORE_WEIGHTS.local;
    }
    if (input.preferQuick && strategy.quick) {
      reasons.push('quick');
      score += SCORE_WEIGHTS.quick;
    }
    let contact: DirectoryEntry | undefined;
    if (strategy.contactRole) {
      const role = norm(strategy.contactRole);
      contact = directory.find((e) => norm(e.role) === role);
    }
    if (!contact && origin === 'local' && phone) {
      contact = { id: strategy.id, role: strategy.contactRole ?? 'local', name: strategy.label, phone };
    }
    if (contact && strategy.type === 'collaborative') {
      reasons.push(`contact:${contact.id}`);
      score += SCORE_WEIGHTS.contact;
    }

    const parts = [
      ...matchedBarriers.map((b) => midSentence(b.label)),
      ...sortedConditions.map((c) => midSentence(pack.conditionNames[c] ?? c)),
    ];
    if (parts.length === 0) parts.push(isLocalDefault ? pack.labels.becauseLocal : pack.labels.becauseCore);
    const because = pack.labels.because.replace('{reasons}', parts.join(' + '));

    ranked.push({ strategy, score, reasons, because, ...(contact ? { contact } : {}), origin, order });
  });

  ranked.sort((a, b) => b.score - a.score || a.order - b.order);
  const limit = input.limit === undefined ? ranked.length : Math.max(0, Math.floor(input.limit));
  return ranked.slice(0, limit).map(({ order: _order, ...rest }) => rest);
}
