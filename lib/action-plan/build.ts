import type { Language } from '../conditions';
import type { ContentPack, Strategy } from '../content/pack-schema';
import { localToStrategy, type LocalStrategy } from '../content/rules';
import type { DirectoryEntry } from '../settings/schema';
import type { Goal } from '../storage/records';
import {
  MAX_CONTACTS,
  MAX_STEPS,
  type ActionPlanContact,
  type ActionPlanStep,
  type ActionPlanView,
  type PackStamp,
} from './schema';

/** Above this many characters of plan text the page switches to its compact type size (still one A4 page). */
export const COMPACT_THRESHOLD_CHARS = 650;

export interface ActionPlanInput {
  /** The patient's language; `pack` must be in this language. */
  lang: Language;
  goal: Goal | null;
  /** Chosen strategy ids, in the order chosen. */
  strategyIds: readonly string[];
  directory: readonly DirectoryEntry[];
  /** The practice's own strategies (settings.localStrategies): printed with their label, contact by role or phone. */
  localStrategies?: readonly LocalStrategy[];
  pack: ContentPack;
  stamp: PackStamp;
}

const norm = (s: string) => s.trim().toLowerCase();

/** "2026-04-01" -> "Wednesday, 1 April 2026" (en), "woensdag 1 april 2026" (nl), "mercredi 1 avril 2026" (fr). */
export function formatFollowUp(iso: string | null, lang: Language): string | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  const locale = { en: 'en-GB', nl: 'nl-NL', fr: 'fr-FR' }[lang];
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Pack id, version and the first 8 characters of its checksum (packChecksum), for the footer. */
export function packStamp(pack: Pick<ContentPack, 'id' | 'version'>, checksum: string): PackStamp {
  return { id: pack.id, version: pack.version, checksum: checksum.slice(0, 8) };
}

/**
 * The take-home plan in the patient's language: their goal in their own words, one step per chosen strategy
 * (the pack's patient wording), the practice's contacts for those strategies, confidence and follow-up.
 * Pure: the same input gives the same plan.
 */
export function buildActionPlan(input: ActionPlanInput): ActionPlanView {
  const { pack, lang } = input;
  const byId = new Map<string, Strategy>(pack.strategies.map((s) => [s.id, s]));
  const localPhone = new Map<string, string>();
  for (const local of input.localStrategies ?? []) {
    if (byId.has(local.id)) continue; // a local strategy never replaces the pack's
    byId.set(local.id, localToStrategy(local, pack));
    if (local.phone) localPhone.set(local.id, local.phone);
  }
  const chosen = [...new Set(input.strategyIds)].flatMap((id) => {
    const strategy = byId.get(id);
    return strategy ? [strategy] : [];
  });

  const steps: ActionPlanStep[] = chosen
    .slice(0, MAX_STEPS)
    .map((s) => ({ strategyId: s.id, text: s.patientStep ?? s.label }));

  const contacts: ActionPlanContact[] = [];
  const seen = new Set<string>();
  for (const strategy of chosen) {
    const role = strategy.contactRole;
    const phone = localPhone.get(strategy.id);
    const entry: DirectoryEntry | undefined =
      (role ? input.directory.find((e) => norm(e.role) === norm(role)) : undefined) ??
      (phone ? { id: `local:${strategy.id}`, role: role ?? 'local', name: strategy.label, phone } : undefined);
    if (!entry || seen.has(entry.id) || contacts.length >= MAX_CONTACTS) continue;
    seen.add(entry.id);
    contacts.push({ name: entry.name, ...(entry.phone ? { phone: entry.phone } : {}), ...(entry.note ? { note: entry.note } : {}) });
  }

  const goalText = input.goal?.text.trim() ?? '';
  const goal = goalText ? { text: goalText, when: input.goal?.when.trim() ?? '' } : null;
  const length =
    (goal ? goal.text.length + goal.when.length : 0) +
    steps.reduce((n, s) => n + s.text.length, 0) +
    contacts.reduce((n, c) => n + c.name.length + (c.phone?.length ?? 0) + (c.note?.length ?? 0), 0);

  return {
    lang,
    goal,
    confidence: input.goal?.confidence ?? null,
    steps,
    contacts,
    followUp: formatFollowUp(input.goal?.followUp ?? null, lang),
    density: length > COMPACT_THRESHOLD_CHARS || steps.length + contacts.length > 7 ? 'compact' : 'normal',
    pack: input.stamp,
  };
}
