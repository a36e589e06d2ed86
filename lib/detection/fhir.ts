/**
 * FHIR Condition resources embedded in the page (<script type="application/fhir+json"> or application/json
 * holding a Bundle, a Condition or an array of resources). Status handling:
 *  clinicalStatus active | recurrence | relapse -> current; inactive | remission | resolved (or an abatement) -> historical;
 *  verificationStatus confirmed -> as is; provisional | differential | unconfirmed -> uncertain (possible);
 *  refuted -> negated; entered-in-error -> ignored.
 */
import type { ConditionId } from '../conditions';
import { analyzeBlock, type LocalContext } from './analyze';
import type { Compiled } from './compile';
import { lookupIcd10 } from './compile';

export interface FhirMention {
  id: ConditionId;
  system?: 'icpc2' | 'icd10' | 'snomed';
  match: string;
  snippet: string;
  /** The Condition resource's id. */
  resource: string;
  context: LocalContext | null;
}

export interface FhirResult {
  mentions: FhirMention[];
  patient: string | null;
}

/** Script types read (matched case-insensitively, as HTML matches the type attribute in selectors). */
const SCRIPT_TYPES = new Set(['application/fhir+json', 'application/json+fhir', 'application/json']);

/** JSON scripts of the page: the live getElementsByTagName list is cheap, an attribute selector scans the page. */
function jsonScripts(doc: Document): Element[] {
  const out: Element[] = [];
  const all = doc.getElementsByTagName('script');
  for (let i = 0; i < all.length; i++) {
    const el = all[i];
    const t = el?.getAttribute('type');
    if (el && t && SCRIPT_TYPES.has(t.toLowerCase())) out.push(el);
  }
  return out;
}
const MAX_JSON = 4_000_000;

type Json = unknown;

function obj(v: Json): Record<string, Json> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : null;
}

function str(v: Json): string | null {
  return typeof v === 'string' ? v : null;
}

/** The status code of a CodeableConcept (R4) or a plain string (STU3). */
function statusCode(v: Json): string | null {
  const s = str(v);
  if (s) return s.toLowerCase();
  const o = obj(v);
  const coding = o?.coding;
  if (Array.isArray(coding)) for (const c of coding) {
    const code = str(obj(c)?.code);
    if (code) return code.toLowerCase();
  }
  const text = str(o?.text);
  return text ? text.toLowerCase() : null;
}

function collect(v: Json, out: Record<string, Json>[], depth: number): void {
  if (depth > 8) return;
  if (Array.isArray(v)) {
    for (const x of v.slice(0, 5000)) collect(x, out, depth + 1);
    return;
  }
  const o = obj(v);
  if (!o) return;
  const rt = str(o.resourceType);
  if (rt === 'Condition' || rt === 'Patient') out.push(o);
  if (Array.isArray(o.entry)) for (const e of o.entry.slice(0, 5000)) collect(obj(e)?.resource, out, depth + 1);
  if (Array.isArray(o.contained)) collect(o.contained, out, depth + 1);
  if (rt !== 'Condition' && rt !== 'Patient' && Array.isArray(o.resources)) collect(o.resources, out, depth + 1);
}

function conditionContext(r: Record<string, Json>): LocalContext | null | 'ignore' {
  const ver = statusCode(r.verificationStatus);
  if (ver === 'entered-in-error') return 'ignore';
  if (ver === 'refuted') return 'negated';
  const clin = statusCode(r.clinicalStatus);
  if (clin === 'inactive' || clin === 'remission' || clin === 'resolved') return 'historical';
  if (!clin && (r.abatementDateTime || r.abatementPeriod || r.abatementAge || r.abatementString || r.abatementBoolean === true)) return 'historical';
  if (ver === 'provisional' || ver === 'differential' || ver === 'unconfirmed') return 'uncertain';
  return null;
}

export function readFhir(doc: Document, c: Compiled): FhirResult {
  const mentions: FhirMention[] = [];
  let patient: string | null = null;
  for (const script of jsonScripts(doc)) {
    const raw = script.textContent ?? '';
    if (raw.length > MAX_JSON || raw.indexOf('resourceType') === -1) continue;
    let data: Json;
    try {
      data = JSON.parse(raw) as Json;
    } catch {
      continue;
    }
    const resources: Record<string, Json>[] = [];
    collect(data, resources, 0);
    for (const r of resources) {
      if (r.resourceType === 'Patient') {
        if (!patient) {
          const ident = Array.isArray(r.identifier) ? str(obj(r.identifier[0])?.value) : null;
          patient = ident ?? str(r.id);
        }
        continue;
      }
      const ctx = conditionContext(r);
      if (ctx === 'ignore') continue;
      const rid = str(r.id) ?? '?';
      const clin = statusCode(r.clinicalStatus) ?? 'no clinical status';
      const ver = statusCode(r.verificationStatus) ?? 'unverified';
      const code = obj(r.code);
      const codings = Array.isArray(code?.coding) ? code.coding : [];
      const display = str(code?.text) ?? codings.map((x) => str(obj(x)?.display)).find((x) => x) ?? '';
      const snippet = `Condition/${rid}: ${display || 'coded condition'} (${clin}, ${ver})`.slice(0, 200);
      const found = new Set<ConditionId>();
      for (const cd of codings) {
        const co = obj(cd);
        const system = (str(co?.system) ?? '').toLowerCase();
        const value = str(co?.code);
        if (!value) continue;
        let ids: ConditionId[] = [];
        let sys: FhirMention['system'];
        if (system.indexOf('snomed') !== -1) {
          ids = c.snomed.get(value) ?? [];
          sys = 'snomed';
        } else if (system.indexOf('icd-10') !== -1 || system.indexOf('icd10') !== -1) {
          ids = lookupIcd10(c, value.toUpperCase());
          sys = 'icd10';
        } else if (system.indexOf('icpc') !== -1) {
          ids = c.icpc.get(value.toUpperCase().slice(0, 3)) ?? [];
          sys = 'icpc2';
        }
        for (const id of ids) {
          if (found.has(id)) continue;
          found.add(id);
          mentions.push({ id, system: sys, match: value, snippet, resource: rid, context: ctx });
        }
      }
      if (found.size === 0 && display) {
        for (const m of analyzeBlock(c, display, null)) {
          if (m.kind === 'medication' || m.weak || m.context || found.has(m.id)) continue;
          found.add(m.id);
          mentions.push({ id: m.id, match: m.match, snippet, resource: rid, context: ctx });
        }
      }
    }
  }
  return { mentions, patient };
}
