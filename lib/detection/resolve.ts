/**
 * From mentions to a decision per condition. Structured sources outweigh free text:
 *  1. a current structured mention (problem-list row / coded row / FHIR active) confirms;
 *  2. otherwise a structured "not current" (FHIR resolved/refuted, resolved row, negated in the list) rules it out,
 *     whatever the free text says, unless the text raises it again as a suspicion (possible);
 *  3. otherwise a current specific free-text term or code confirms;
 *  4. a generic term alone ("diabetes") makes it possible - confirmed when a medication hint supports it, and
 *     nothing when its own block negates a specific term ("angstklachten, geen angststoornis");
 *  5. uncertain mentions (suspected, ?, provisional) make it possible, never confirmed, unless the same block
 *     answers them "no" later;
 *  6. medication hints never decide alone.
 */
import { CONDITION_IDS, type ConditionId } from '../conditions';
import type { LocalContext } from './analyze';
import { matchKey, type Compiled } from './compile';
import type { DetectedCondition, DetectionResult, Evidence } from './result';
import { snippetOf } from './text';

export interface Mention {
  id: ConditionId;
  ctx: LocalContext | null;
  weak: boolean;
  ev: Evidence;
  /** Source of the snippet, made only if the evidence is kept in the result (ev.snippet is '' until then). */
  src?: string;
  s?: number;
  e?: number;
}

function withSnippet(m: Mention): Evidence {
  const e = m.ev;
  if (!e.snippet && m.src !== undefined) e.snippet = snippetOf(m.src, m.s ?? 0, m.e ?? 0);
  return e;
}

const MAX_EVIDENCE = 12;
const KIND_ORDER: Record<Evidence['kind'], number> = { fhir: 0, code: 1, term: 2, medication: 3 };

export function toEvidenceContext(ctx: LocalContext | null): Evidence['context'] {
  return ctx === 'hypothetical' ? 'uncertain' : ctx;
}

/** What makes two pieces of evidence the same. Evidence is not changed once its snippet is cut (copies are new objects). */
const keys = new WeakMap<Evidence, string>();

function keyOf(e: Evidence): string {
  let key = keys.get(e);
  if (key === undefined) {
    key = `${e.kind}|${e.match.toLowerCase()}|${e.where}|${e.label ?? ''}|${e.context ?? ''}|${e.snippet}`;
    keys.set(e, key);
  }
  return key;
}

/**
 * At most MAX_EVIDENCE distinct pieces of evidence: structured first, then by kind (fhir, code, term,
 * medication), page order within each. A stable bucket pass (no sort of every mention of a busy chart).
 */
function tidy(list: Mention[]): Evidence[] {
  const buckets: Mention[][] = [[], [], [], [], [], [], [], []];
  for (const m of list) (buckets[(m.ev.structured ? 0 : 4) + KIND_ORDER[m.ev.kind]] as Mention[]).push(m);
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const bucket of buckets) {
    for (const m of bucket) {
      const e = withSnippet(m);
      const key = keyOf(e);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
      if (out.length >= MAX_EVIDENCE) return out;
    }
  }
  return out;
}

export interface Decision {
  status: 'confirmed' | 'possible' | null;
  basis: 'structured' | 'strong' | 'weak' | 'uncertain' | null;
  evidence: Mention[];
  ruled: Mention[];
}

/**
 * A suspicion answered "no" later in the same block ("?heart failure: echo LVEF 58% - HF excluded") is no
 * longer one. Only within a block: across blocks, page order is not the order of events (notes are often
 * newest first). An acute event ruled out answers only a suspicion of an acute event: "?angina, no sign of
 * ACS" leaves angina possible.
 */
function answeredNo(suspicion: Mention, ruled: readonly Mention[], acuteEvents: ReadonlySet<string>): boolean {
  if (suspicion.src === undefined) return false;
  return ruled.some(
    (r) =>
      r.ctx === 'negated' &&
      r.src === suspicion.src &&
      (r.s ?? 0) > (suspicion.s ?? 0) &&
      (!namesAcuteEvent(r, acuteEvents) || namesAcuteEvent(suspicion, acuteEvents)),
  );
}

/** True when a mention's words name an acute event of its condition (data: acuteEvents). */
function namesAcuteEvent(m: Mention, acuteEvents: ReadonlySet<string>): boolean {
  return acuteEvents.has(matchKey(m.ev.match));
}

/**
 * A generic term that its own block says is no disorder of the kind ("angstklachten, geen angststoornis";
 * "low mood, no depressive disorder"): a specific term negated there outweighs it.
 */
function deniedInBlock(weak: Mention, ruled: readonly Mention[]): boolean {
  return weak.src !== undefined && ruled.some((r) => r.ctx === 'negated' && !r.weak && r.src === weak.src);
}

/**
 * A past acute event of a chronic condition is the condition's for good: an infarct whose episode is closed
 * ("K75 Acuut myocardinfarct 06-2016 afgesloten 12-2016") still makes coronary heart disease.
 */
function pastAcuteEvent(m: Mention, acuteEvents: ReadonlySet<string>): boolean {
  return m.ctx === 'historical' && m.ev.kind === 'term' && namesAcuteEvent(m, acuteEvents);
}

/**
 * A code after a suspicion of its condition in the same sentence, in text ("COPD - suspected, PFTs to be arranged
 * (J44.9)"), codes that suspicion, not a diagnosis: it is as unsure as the words it follows.
 */
function codesSuspicion(code: Mention, unc: readonly Mention[]): boolean {
  if (code.ev.kind !== 'code' || code.ev.structured || code.src === undefined) return false;
  const at = code.s ?? 0;
  const src = code.src;
  return unc.some((u) => {
    const end = u.e ?? 0;
    return u.ev.kind === 'term' && u.src === src && end <= at && !SENTENCE_END.test(src.slice(end, at));
  });
}

/**
 * A sentence's end: a full stop, semicolon, bang or question mark before a space, or a line break; not "0.61", nor
 * the "?" of a suspicion its code follows in brackets ("Hartfalen? (K77)").
 */
const SENTENCE_END = /[.;!](?:\s|$)|\?(?:\s+(?!\()|$)|\n/;

/** The mention read in context `ctx` instead of its own: a suspicion, or one of the condition now (null). */
function inContext(m: Mention, ctx: LocalContext | null): Mention {
  return { ...m, ctx, ev: { ...m.ev, context: toEvidenceContext(ctx) } };
}

/** Mentions whose context a stronger statement overrules: their evidence shown in that context. */
function overruled(list: readonly Mention[], context: Evidence['context']): Mention[] {
  return list.map((m) => ({ ...m, ev: { ...withSnippet(m), context } }));
}

/** The decision for one condition, from its mentions in page order. */
export function decide(ms: readonly Mention[], acuteEvents: ReadonlySet<string>): Decision {
  const meds: Mention[] = [];
  const pos: Mention[] = [];
  const unc: Mention[] = [];
  const ruled: Mention[] = [];
  let structNeg: Mention | null = null;
  for (const mention of ms) {
    if (mention.ev.kind === 'medication') {
      if (mention.ctx === null) meds.push(mention);
      continue;
    }
    const m = pastAcuteEvent(mention, acuteEvents) ? inContext(mention, null) : mention;
    if (m.ctx === null) pos.push(m);
    else if (m.ctx === 'uncertain') unc.push(m);
    else ruled.push(m);
    if (m.ev.structured && (m.ctx === 'negated' || m.ctx === 'historical')) structNeg ??= m;
  }
  // Codes of a suspicion join it, once all suspicions are known.
  const coded = pos.filter((m) => codesSuspicion(m, unc));
  for (const m of coded) {
    pos.splice(pos.indexOf(m), 1);
    unc.push(inContext(m, 'uncertain'));
  }
  const structPos = pos.filter((m) => m.ev.structured && !m.weak);
  if (structPos.length) return { status: 'confirmed', basis: 'structured', evidence: [...pos, ...meds], ruled };
  const realUnc = unc.filter((m) => m.ev.context === 'uncertain' && m.ctx === 'uncertain' && !answeredNo(m, ruled, acuteEvents));
  if (structNeg) {
    // A list's "no" or "resolved" outweighs the text's "has it", but not a suspicion raised again:
    // "PMH: no known IHD" and today "?stable angina" leave angina possible.
    const why = toEvidenceContext(structNeg.ctx);
    if (realUnc.length) return { status: 'possible', basis: 'uncertain', evidence: [...realUnc, ...meds], ruled: [...ruled, ...overruled(pos, why)] };
    return { status: null, basis: null, evidence: [], ruled: [...ruled, ...unc, ...overruled([...pos, ...unc], why)] };
  }
  if (pos.some((m) => !m.weak)) return { status: 'confirmed', basis: 'strong', evidence: [...pos, ...meds], ruled };
  const denied = pos.filter((m) => deniedInBlock(m, ruled));
  if (pos.length > denied.length)
    return { status: meds.length ? 'confirmed' : 'possible', basis: 'weak', evidence: [...pos, ...unc, ...meds], ruled };
  const ruledAll = denied.length ? [...ruled, ...overruled(denied, 'negated')] : ruled;
  if (realUnc.length) return { status: 'possible', basis: 'uncertain', evidence: [...realUnc, ...meds], ruled: ruledAll };
  return { status: null, basis: null, evidence: [], ruled: [...ruledAll, ...unc] };
}

/**
 * Tidied evidence per mention list. The incremental store keeps a condition's Decision (and so its lists)
 * until that condition's mentions change, so a cache keyed by list skips the tidy of every unchanged one.
 */
export type TidyCache = WeakMap<Mention[], Evidence[]>;

function tidyCached(list: Mention[], cache: TidyCache | null): Evidence[] {
  let out = cache?.get(list);
  if (!out) {
    out = tidy(list);
    cache?.set(list, out);
  }
  return out;
}

/** True when a decision rests on generic words only ("diabetes", "?diabetic"), said or suspected, and medicines. */
function restsOnGenericWords(d: Decision): boolean {
  return d.basis === 'weak' || (d.basis === 'uncertain' && d.evidence.every((m) => m.weak || m.ev.kind === 'medication'));
}

/**
 * The result from one decision per condition. Decisions are read, never changed: generic evidence
 * ("diabetes") goes to a more specific condition that is established (type 1) in a list of its own.
 */
export function conclude(
  decisions: ReadonlyMap<ConditionId, Decision>,
  c: Compiled,
  enabled: ReadonlySet<ConditionId> | null,
  cache: TidyCache | null = null,
): Pick<DetectionResult, 'conditions' | 'ruledOut'> {
  const yielded = new Set<ConditionId>();
  const received = new Map<ConditionId, Mention[]>();
  for (const [id, d] of decisions) {
    if (!restsOnGenericWords(d)) continue;
    for (const target of c.yields.get(id) ?? []) {
      const t = decisions.get(target);
      if (t && (t.basis === 'structured' || t.basis === 'strong')) {
        const list = received.get(target) ?? [...t.evidence];
        list.push(...d.evidence.filter((m) => m.ev.kind !== 'medication'));
        received.set(target, list);
        yielded.add(id);
        break;
      }
    }
  }

  const conditions: DetectedCondition[] = [];
  const ruledOut: DetectionResult['ruledOut'] = [];
  for (const id of CONDITION_IDS) {
    const d = decisions.get(id);
    if (!d || yielded.has(id) || (enabled && !enabled.has(id))) continue;
    const extended = received.get(id);
    if (d.status) conditions.push({ id, status: d.status, evidence: extended ? tidy(extended) : tidyCached(d.evidence, cache) });
    else if (d.ruled.length) ruledOut.push({ id, evidence: tidyCached(d.ruled, cache) });
  }
  return { conditions, ruledOut };
}

/** One decision per condition from all mentions of a page or text, in page order. */
export function resolve(
  mentions: Mention[],
  c: Compiled,
  enabled: ReadonlySet<ConditionId> | null,
): Pick<DetectionResult, 'conditions' | 'ruledOut'> {
  const byId = new Map<ConditionId, Mention[]>();
  for (const m of mentions) {
    const l = byId.get(m.id);
    if (l) l.push(m);
    else byId.set(m.id, [m]);
  }
  const decisions = new Map<ConditionId, Decision>();
  for (const [id, ms] of byId) decisions.set(id, decide(ms, c.acuteEvents));
  return conclude(decisions, c, enabled);
}
