/** Page-level facts: which adapter applies, who the patient is, where the note field is, which language. */
import type { Language } from '../conditions';
import { EDITABLE, HOST_TAG } from './dom';
import type { Adapter } from './schema';

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (const ch of glob) re += ch === '*' ? '.*' : ch.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(`^${re}$`, 'i');
}

const globCache = new Map<string, RegExp>();

/** First adapter whose URL patterns match `url`, or null. */
export function matchAdapter(adapters: readonly Adapter[], url: string | undefined): Adapter | null {
  if (!url) return null;
  for (const a of adapters) {
    for (const p of a.urlPatterns) {
      let re = globCache.get(p);
      if (!re) {
        re = globToRegExp(p);
        globCache.set(p, re);
      }
      if (re.test(url)) return a;
    }
  }
  return null;
}

export function safeQuery(root: ParentNode, selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

export function safeQueryAll(root: ParentNode, selector: string | undefined): Element[] {
  if (!selector) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

function clean(s: string | null | undefined, max = 200): string | null {
  if (s == null) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t ? t.slice(0, max) : null;
}

/** Attributes that carry the patient's identifier on many EHR pages. */
export const PATIENT_ATTRS = [
  'data-patient-id', 'data-patientid', 'data-patient-ref', 'data-patient', 'data-mrn', 'data-niss', 'data-insz',
  'data-ssin', 'data-rijksregister', 'data-rrn', 'data-nhs-number', 'data-bsn', 'data-patient-number',
];
const PATIENT_SELECTOR = PATIENT_ATTRS.map((a) => `[${a}]`).join(',');

/** Identifier after a label (MRN, NISS, INSZ, rijksregister, NHS, BSN...) in banner text. */
const LABELLED_ID =
  /\b(?:MRN|NISS|INSZ|SSIN|RRN|Rijksregister(?:nummer)?|NHS(?:\s+(?:no|number))?|BSN|Patient\s*ID|ID\s*patient|Dossier\s*(?:n°|nr)|N°\s*dossier)\s*[:#.]?\s*([A-Z]{0,4}[-\s]?[0-9][0-9.\-/ ]{2,22}[0-9])/i;
/** Belgian national number written without a label: 56.07.21-123.45. */
const BE_NATIONAL = /\b\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}\b/;

function isNavigation(el: Element): boolean {
  return el.closest(`button, nav, [role="navigation"], [role="listbox"], option, ${HOST_TAG}`) !== null;
}

/** Raw text identifying the patient, or null. */
export function findPatientRef(
  doc: Document,
  adapter: Adapter | null,
  fhirPatient: string | null,
  editables: readonly Element[] = [],
): string | null {
  const spec = adapter?.patientId;
  if (spec) {
    const el = safeQuery(doc, spec.selector);
    if (el) {
      let raw = spec.attribute ? el.getAttribute(spec.attribute) : el.textContent;
      if (raw && spec.pattern) {
        try {
          const m = new RegExp(spec.pattern, 'i').exec(raw);
          raw = m ? (m[1] ?? m[0]) : null;
        } catch {
          /* bad pattern: use the raw text */
        }
      }
      const v = clean(raw);
      if (v) return v;
    }
  }
  const first = safeQuery(doc, PATIENT_SELECTOR);
  for (const el of first && !isNavigation(first) ? [first] : first ? safeQueryAll(doc, PATIENT_SELECTOR) : []) {
    if (isNavigation(el)) continue;
    for (const a of PATIENT_ATTRS) {
      const v = clean(el.getAttribute(a));
      if (v) return v;
    }
  }
  if (fhirPatient) return fhirPatient;
  const body = doc.body;
  if (!body) return null;
  // What the clinician types (a number in the note) never names the patient.
  let text = body.textContent ?? '';
  for (const e of editables) {
    const typed = e.localName === 'textarea' ? '' : (e.textContent ?? '');
    if (typed) text = text.replace(typed, ' ');
  }
  text = text.slice(0, 20000);
  const m = LABELLED_ID.exec(text);
  if (m?.[1]) return clean(m[1]);
  const be = BE_NATIONAL.exec(text);
  return be ? be[0] : null;
}

// ---- Note field ----

const NOTE_HINT = /note|notit|soep|soap|consult|encounter|verslag|journal|progress|observ|comment|remarque|anamn|narrat|rapport|report|contact|dictat|dossier|texte|episode/i;

function cssEscape(s: string): string {
  return s.replace(/([^A-Za-z0-9_-])/g, '\\$1').replace(/^(\d)/, '\\3$1 ');
}

function selectorFor(doc: Document, el: Element): string {
  if (el.id) {
    const sel = `#${cssEscape(el.id)}`;
    if (safeQueryAll(doc, sel).length === 1) return sel;
  }
  const name = el.getAttribute('name');
  if (name) {
    const sel = `${el.localName}[name="${name.replace(/["\\]/g, '\\$&')}"]`;
    if (safeQueryAll(doc, sel).length === 1) return sel;
  }
  const parts: string[] = [];
  for (let e: Element | null = el; e && e.localName !== 'html'; e = e.parentElement) {
    if (e.id) {
      parts.unshift(`#${cssEscape(e.id)}`);
      break;
    }
    let idx = 1;
    for (let s = e.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === e.localName) idx++;
    parts.unshift(`${e.localName}:nth-of-type(${idx})`);
  }
  return parts.join(' > ');
}

/** Attributes of a note field candidate that findNoteField reads, besides id, class and aria-label. */
export const NOTE_FIELD_ATTRS = ['name', 'placeholder', 'title', 'aria-labelledby', 'disabled', 'readonly', 'rows', 'cols'];

function labelText(doc: Document, el: Element): string {
  let s = `${el.id} ${el.getAttribute('name') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('placeholder') ?? ''} ${el.getAttribute('title') ?? ''} ${el.getAttribute('class') ?? ''}`;
  if (el.id) for (const l of safeQueryAll(doc, `label[for="${el.id.replace(/["\\]/g, '\\$&')}"]`)) s += ` ${l.textContent ?? ''}`;
  const wrap = el.closest('label');
  if (wrap) s += ` ${wrap.textContent ?? ''}`;
  const by = el.getAttribute('aria-labelledby');
  if (by) for (const id of by.split(/\s+/)) s += ` ${doc.getElementById(id)?.textContent ?? ''}`;
  return s;
}

/** The note field and the CSS selector by which the sidebar inserts into it. */
export interface NoteField {
  el: Element;
  selector: string;
}

/**
 * The note field: the adapter's, else the largest empty textarea/contenteditable that looks like a note.
 * `editables`: the page's textareas and contenteditable elements in document order, when already known.
 * `current`: the field chosen before on this page, which stays a candidate when filled (the clinician is
 * writing in it); any other filled textarea is an old note shown in a form.
 */
export function findNoteField(doc: Document, adapter: Adapter | null, editables?: readonly Element[], current: Element | null = null): NoteField | null {
  const fixedSelector = adapter?.noteField;
  const fixed = fixedSelector ? safeQuery(doc, fixedSelector) : null;
  if (fixedSelector && fixed) return { el: fixed, selector: fixedSelector };
  const cands = editables ?? safeQueryAll(doc, EDITABLE);
  let best: Element | null = null;
  let bestScore = -1;
  const plain: Element[] = [];
  for (const el of cands) {
    if (el.closest(HOST_TAG)) continue;
    if (el.parentElement?.closest('[contenteditable]:not([contenteditable="false"])')) continue; // nested editable
    if (el.hasAttribute('disabled') || el.hasAttribute('readonly') || el.closest('[hidden]')) continue;
    const isTa = el.localName === 'textarea';
    if (isTa && el !== current && ((el as HTMLTextAreaElement).value ?? '').trim().length > 0) continue;
    const rows = Number(el.getAttribute('rows')) || (isTa ? 2 : 4);
    const cols = Number(el.getAttribute('cols')) || (isTa ? 20 : 60);
    const size = rows * cols;
    if (NOTE_HINT.test(labelText(doc, el))) {
      if (size > bestScore) {
        best = el;
        bestScore = size;
      }
    } else if (rows >= 3 || !isTa) plain.push(el);
  }
  if (!best && plain.length === 1) best = plain[0] ?? null;
  return best ? { el: best, selector: selectorFor(doc, best) } : null;
}

/** Page language from <html lang>, when it is one we know. */
export function declaredLanguage(doc: Document): Language | null {
  const l = (doc.documentElement?.getAttribute('lang') ?? '').slice(0, 2).toLowerCase();
  return l === 'en' || l === 'nl' || l === 'fr' ? l : null;
}
