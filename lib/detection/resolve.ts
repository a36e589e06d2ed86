/**
 * From mentions to a decision per condition. Structured sources outweigh free text:
 *  1. a current structured mention (problem-list row / coded row / FHIR active) confirms;
 *  2. otherwise a structured "not current" (FHIR resolved/refuted, resolved row, negated in the list) rules it out,
 *     whatever the free text says;
 *  3. otherwise a current specific free-text term or code confirms;
 *  4. a generic term alone ("diabetes") makes it possible - confirmed when a medication hint supports it;
 *  5. uncertain mentions (suspected, ?, provisional) make it possible, never confirmed;
 *  6. medication hints never decide alone.
 */
import { CONDITION_IDS, type ConditionId } from '../conditions';
import type { LocalContext } from './analyze';
import type { Compiled } from './compile';
import type { DetectedCondition, DetectionResult, Evidence } from './result';
import { snippetOf } from './text';

export interface Mention {
  id: ConditionId;
  ctx: LocalContext | null;
  weak: boolean;
  ev: Evidence;
}

const pendingSnippets = new WeakMap<Evidence, { text: string; start: number; end: number }>();

/** Evidence whose snippet is made only if it is kept in the result (its snippet is '' until then). */
export function lazySnippet(ev: Evidence, text: string, start: number, end: number): Evidence {
  pendingSnippets.set(ev, { text, start, end });
  return ev;
}

function withSnippet(e: Evidence): Evidence {
  if (!e.snippet) {
    const src = pendingSnippets.get(e);
    if (src) e.snippet = snippetOf(src.text, src.start, src.end);
  }
  return e;
}

const MAX_EVIDENCE = 12;
const KIND_ORDER: Record<Evidence['kind'], number> = { fhir: 0, code: 1, term: 2, medication: 3 };

export function toEvidenceContext(ctx: LocalContext | null): Evidence['context'] {
  return ctx === 'hypothetical' ? 'uncertain' : ctx;
}

function tidy(list: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  const sorted = list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Number(b.e.structured) - Number(a.e.structured) || KIND_ORDER[a.e.kind] - KIND_ORDER[b.e.kind] || a.i - b.i);
  for (const { e: raw } of sorted) {
    const e = withSnippet(raw);
    const key = `${e.kind}|${e.match.toLowerCase()}|${e.where}|${e.context ?? ''}|${e.snippet}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
    if (out.length >= MAX_EVIDENCE) break;
  }
  return out;
}

interface Decision {
  status: 'confirmed' | 'possible' | null;
  basis: 'structured' | 'strong' | 'weak' | 'uncertain' | null;
  evidence: Evidence[];
  ruled: Evidence[];
}

function decide(ms: Mention[]): Decision {
  const meds: Evidence[] = [];
  const pos: Mention[] = [];
  const unc: Mention[] = [];
  const ruled: Evidence[] = [];
  let structNeg: Mention | null = null;
  for (const m of ms) {
    if (m.ev.kind === 'medication') {
      if (m.ctx === null) meds.push(m.ev);
      continue;
    }
    if (m.ctx === null) pos.push(m);
    else if (m.ctx === 'uncertain') unc.push(m);
    else ruled.push(m.ev);
    if (m.ev.structured && (m.ctx === 'negated' || m.ctx === 'historical')) structNeg ??= m;
  }
  const structPos = pos.filter((m) => m.ev.structured && !m.weak);
  if (structPos.length) return { status: 'confirmed', basis: 'structured', evidence: [...pos.map((m) => m.ev), ...meds], ruled };
  if (structNeg) {
    const why = structNeg.ctx;
    const overridden = [...pos, ...unc].map((m) => ({ ...withSnippet(m.ev), context: toEvidenceContext(why) }));
    return { status: null, basis: null, evidence: [], ruled: [...ruled, ...unc.map((m) => m.ev), ...overridden] };
  }
  if (pos.some((m) => !m.weak)) return { status: 'confirmed', basis: 'strong', evidence: [...pos.map((m) => m.ev), ...meds], ruled };
  if (pos.length)
    return { status: meds.length ? 'confirmed' : 'possible', basis: 'weak', evidence: [...pos.map((m) => m.ev), ...unc.map((m) => m.ev), ...meds], ruled };
  const realUnc = unc.filter((m) => m.ev.context === 'uncertain' && m.ctx === 'uncertain');
  if (realUnc.length) return { status: 'possible', basis: 'uncertain', evidence: [...realUnc.map((m) => m.ev), ...meds], ruled };
  return { status: null, basis: null, evidence: [], ruled: [...ruled, ...unc.map((m) => m.ev)] };
}

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
  for (const [id, ms] of byId) decisions.set(id, decide(ms));

  // Generic evidence ("diabetes") goes to a more specific condition that is established (type 1).
  for (const [id, d] of decisions) {
    if (d.basis !== 'weak') continue;
    for (const target of c.defs.get(id)?.weakYieldsTo ?? []) {
      const t = decisions.get(target);
      if (t && (t.basis === 'structured' || t.basis === 'strong')) {
        t.evidence.push(...d.evidence.filter((e) => e.kind !== 'medication'));
        decisions.set(id, { status: null, basis: null, evidence: [], ruled: [] });
        break;
      }
    }
  }

  const conditions: DetectedCondition[] = [];
  const ruledOut: DetectionResult['ruledOut'] = [];
  for (const id of CONDITION_IDS) {
    const d = decisions.get(id);
    if (!d || (enabled && !enabled.has(id))) continue;
    if (d.status) conditions.push({ id, status: d.status, evidence: tidy(d.evidence) });
    else if (d.ruled.length) ruledOut.push({ id, evidence: tidy(d.ruled) });
  }
  return { conditions, ruledOut };
}
