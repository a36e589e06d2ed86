/** Page-level facts: which adapter applies, who the patient is, where the note field is, which language. */
import type { Language } from '../conditions';
import { byDocumentOrder, EDITABLE, HOST_TAG, isBlockTag } from './dom';
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
/** Elements that carry one of PATIENT_ATTRS. */
export const PATIENT_SELECTOR = PATIENT_ATTRS.map((a) => `[${a}]`).join(',');

/** Identifier after a label (MRN, NISS, INSZ, rijksregister, NHS, BSN...) in banner text. */
const LABELLED_ID =
  /\b(?:MRN|NISS|INSZ|SSIN|RRN|Rijksregister(?:nummer)?|NHS(?:\s+(?:no|number))?|BSN|Patient\s*ID|ID\s*patient|Dossier\s*(?:n°|nr)|N°\s*dossier)\s*[:#.]?\s*([A-Z]{0,4}[-\s]?[0-9][0-9.\-/ ]{2,22}[0-9])/i;
/** Belgian national number written without a label: 56.07.21-123.45. */
const BE_NATIONAL = /\b\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}\b/;

function isNavigation(el: Element): boolean {
  return el.closest(`button, nav, [role="navigation"], [role="listbox"], option, ${HOST_TAG}`) !== null;
}

/**
 * The patient as the page's structure names it: the adapter's element, an element with a patient attribute
 * (data-patient-id, data-niss...), or the FHIR Patient; null when none does. The detector keeps it until a
 * change could alter it (mayRenamePatient in index.ts).
 */
export function structuredPatientRef(doc: Document, adapter: Adapter | null, fhirPatient: string | null): string | null {
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
  for (const el of patientElements(doc)) {
    if (isNavigation(el)) continue;
    for (const a of PATIENT_ATTRS) {
      const v = clean(el.getAttribute(a));
      if (v) return v;
    }
  }
  return fhirPatient;
}

/**
 * The elements with a patient attribute, in page order. One query per attribute: Chromium answers a query for
 * an attribute no element has at once, but matched the list of all of them against every element (1.6 ms on a
 * 10,000-node page that has none, a fifth of a whole detection).
 */
function patientElements(doc: Document): Element[] {
  const found = new Set<Element>();
  for (const a of PATIENT_ATTRS) for (const el of safeQueryAll(doc, `[${a}]`)) found.add(el);
  const els = [...found];
  if (els.length > 1) els.sort(byDocumentOrder);
  return els;
}

/** Page text read for a labelled identifier: the start of the page, where EHRs put the patient banner. */
const LEADING_TEXT = 20000;
/** Never read for the patient's identifier: what the clinician types, scripts and styles, our own sidebar. */
const NOT_BANNER_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea', HOST_TAG]);

/**
 * The leading text is searched while it is read, at 256, 512, 1,024... characters (the searches add up to about
 * twice the text). A match counts once it ends 64 characters before the end of the text read so far: no
 * identifier is that long, so more text can neither lengthen it nor complete one that starts before it.
 */
const FIRST_SEARCH = 256;
const SETTLED = 64;

/**
 * The first labelled identifier (MRN, NISS, NHS number...) or Belgian national number in the first 20,000
 * characters of the page's text, or null. It runs again after every change the detector handles, so it reads
 * no more than it needs: it stops at the first labelled identifier that ends well before the text read so far
 * (see SETTLED), which on an EHR page is the banner at the top.
 */
export function textPatientRef(doc: Document, editables: readonly Element[] = []): string | null {
  const body = doc.body;
  if (!body) return null;
  const typed = new Set(editables);
  let text = '';
  let searchAt = FIRST_SEARCH;
  let node: Node | null = body.firstChild;
  while (node && text.length < LEADING_TEXT) {
    let next: Node | null = null;
    if (node.nodeType === 3) text += (node as Text).data;
    else if (node.nodeType === 1 && !NOT_BANNER_TEXT.has((node as Element).localName) && !typed.has(node as Element)) {
      // Blocks apart ("Next patient" / "MRN 123"), inline parts together ("NISS 61.11.02-<b>222.33</b>").
      if (isBlockTag((node as Element).localName)) text += ' ';
      next = node.firstChild;
    }
    // Depth first: into the element, else to the next sibling of the nearest ancestor that has one.
    for (let up: Node | null = node; !next && up && up !== body; up = up.parentNode) next = up.nextSibling;
    node = next;
    if (text.length >= searchAt) {
      searchAt = text.length * 2;
      const m = LABELLED_ID.exec(text);
      if (m?.[1] && m.index + m[0].length <= text.length - SETTLED) return clean(m[1]);
    }
  }
  text = text.slice(0, LEADING_TEXT);
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
