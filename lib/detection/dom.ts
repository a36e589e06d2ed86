/**
 * DOM side of detection: one walk over element/text nodes (no innerText, no layout) that cuts the page
 * into text blocks, plus the structural context of a block (section heading, adapter lists, problem-list row).
 * Everything here reads only the Document it is given.
 */
import type { Compiled, SectionKind } from './compile';
import { classifyHeading } from './compile';
import { BREAK, fold, squash } from './text';

export interface Block {
  el: Element;
  text: string;
}

export const HOST_TAG = 'sms-prompts';

/** Never read: scripts (FHIR JSON is read separately), styles, form fields, our own sidebar, embedded content. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'datalist', 'button',
  'svg', 'math', 'canvas', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'img', 'picture', 'head',
  'title', 'meta', 'link', HOST_TAG,
]);

const BLOCK = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'menu', 'center', 'label',
]);

/** Inline formatting that may split a word ("<b>Dia</b>betes"): no separator around it. */
const INLINE_FORMAT = new Set(['b', 'i', 'em', 'strong', 'u', 'mark', 'small', 'sub', 'sup', 'font', 'abbr', 's', 'ins', 'del', 'q', 'cite', 'dfn', 'var', 'wbr']);

const MAX_DEPTH = 400;

export function isBlockTag(name: string): boolean {
  return BLOCK.has(name);
}

export function isSkippedTag(name: string): boolean {
  return SKIP.has(name);
}

export interface PageScan {
  /** Never read: contenteditable (note fields), [hidden], adapter `ignore`. */
  skip: Set<Element>;
  /** Note field candidates, in document order: textareas and contenteditable elements. */
  editables: Element[];
}

/** One selector pass for the skipped parts and the note-field candidates. */
export function pageScan(root: ParentNode, extraSelectors: string[] = []): PageScan {
  const skip = new Set<Element>();
  const editables: Element[] = [];
  const found = root.querySelectorAll('textarea, [contenteditable], [hidden]');
  for (let i = 0; i < found.length; i++) {
    const e = found[i] as Element;
    const ce = e.getAttribute('contenteditable');
    const editable = ce !== null && ce !== 'false';
    if (editable || e.hasAttribute('hidden')) skip.add(e);
    if (editable || e.localName === 'textarea') editables.push(e);
  }
  for (const sel of extraSelectors) {
    try {
      root.querySelectorAll(sel).forEach((e) => skip.add(e));
    } catch {
      /* invalid selector from an adapter: ignore it */
    }
  }
  return { skip, editables };
}

/** Tag kinds for the walk, one Map lookup per element: 1 skip, 2 block, 3 inline formatting, 4 <br>. */
const TAG_KIND = new Map<string, number>();
for (const t of INLINE_FORMAT) TAG_KIND.set(t, 3);
for (const t of BLOCK) TAG_KIND.set(t, 2);
for (const t of SKIP) TAG_KIND.set(t, 1);
TAG_KIND.set('br', 4);

const HAS_LETTER = /[A-Za-z\u00C0-\u024F]/;

interface Frame {
  node: Element;
  /** Next child to visit. */
  ch: Node | null;
  text: string;
  /** 2 block, 3 inline formatting (no separator), 0 other inline (spaces around). */
  kind: number;
  depth: number;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * One pass over a subtree that cuts it into text blocks (no innerText, no layout): text of each block up to
 * the next block boundary, inner blocks before their container, in document order. Iterative, so it can stop
 * at a deadline and resume (detectAsync); plain string concatenation, one Map lookup per element.
 */
export class BlockWalker {
  readonly out: Block[] = [];
  private readonly stack: Frame[] = [];
  private readonly skip: Set<Element> | null;

  /** `ownTextOnly`: read the root's own text (blocks inside it count as breaks) and no other block. */
  constructor(
    root: Element | null,
    skip: Set<Element>,
    private readonly ownTextOnly = false,
  ) {
    this.skip = skip.size > 0 ? skip : null;
    if (root && !SKIP.has(root.localName) && !skip.has(root)) this.stack.push({ node: root, ch: root.firstChild, text: '', kind: 2, depth: 0 });
  }

  /** An element read to its end: a block is kept if it has a letter; inline text joins its parent's. */
  private close(el: Element, kind: number, text: string, parent: Frame | undefined): void {
    if (kind === 2) {
      if (text.length > 0 && HAS_LETTER.test(text)) this.out.push({ el, text });
    } else if (parent) parent.text += kind === 3 ? text : ` ${text} `;
  }

  /** Walks until done (true) or until `deadline` (performance.now() value) has passed (false: call again). */
  run(deadline = Infinity): boolean {
    const stack = this.stack;
    const skip = this.skip;
    let n = 0;
    let f = stack[stack.length - 1];
    while (f) {
      const ch = f.ch;
      if (!ch) {
        stack.pop();
        const parent = stack[stack.length - 1];
        this.close(f.node, f.kind, f.text, parent);
        f = parent;
        continue;
      }
      f.ch = ch.nextSibling;
      const type = ch.nodeType;
      if (type === 3 || type === 4) {
        f.text += (ch as CharacterData).data;
        continue;
      }
      if (type !== 1) continue;
      const el = ch as Element;
      const kind = TAG_KIND.get(el.localName) ?? 0;
      if (kind === 4) {
        f.text += BREAK;
        continue;
      }
      if (kind === 1 || (skip !== null && skip.has(el)) || f.depth > MAX_DEPTH) {
        f.text += ' ';
        continue;
      }
      if (kind === 2) {
        f.text += BREAK;
        if (this.ownTextOnly) continue;
      }
      if (el.childElementCount === 0) {
        // A leaf (most cells, items and paragraphs): its text in one call instead of a walk over its text nodes.
        this.close(el, kind, el.textContent ?? '', f);
        if ((++n & 255) === 0 && deadline !== Infinity && now() > deadline) return false;
        continue;
      }
      const next: Frame = { node: el, ch: el.firstChild, text: '', kind, depth: f.depth + 1 };
      stack.push(next);
      f = next;
      if ((++n & 255) === 0 && deadline !== Infinity && now() > deadline) return false;
    }
    return true;
  }
}

/** Text blocks of `root`'s subtree (root itself treated as a block), in document order. */
export function collectBlocks(root: Element, skip: Set<Element>): Block[] {
  const w = new BlockWalker(root, skip);
  w.run();
  return w.out;
}

/** The block `root` as a full walk reads it (its text up to the blocks inside it), or null without a letter. */
export function ownBlock(root: Element, skip: Set<Element>): Block | null {
  const w = new BlockWalker(root, skip, true);
  w.run();
  return w.out[0] ?? null;
}

/** Nearest block-level ancestor-or-self. */
export function blockOf(node: Node | null): Element | null {
  let n: Node | null = node;
  while (n && n.nodeType !== 1) n = n.parentNode;
  let el = n as Element | null;
  while (el && !BLOCK.has(el.localName)) el = el.parentElement;
  return el;
}

/** True when `node` sits in a part of the page that is never read (note fields, our sidebar, scripts...). */
export function inSkipped(node: Node | null, skip: Set<Element>): boolean {
  let n: Node | null = node;
  while (n && n.nodeType !== 1) n = n.parentNode;
  for (let el = n as Element | null; el; el = el.parentElement) {
    if (SKIP.has(el.localName) && el.localName !== 'head' && el.localName !== 'html') return true;
    if (skip.has(el)) return true;
    const ce = el.getAttribute('contenteditable');
    if (ce !== null && ce !== 'false') return true;
  }
  return false;
}

/** A field the clinician types in, as a selector: a textarea or a contenteditable part. */
export const EDITABLE = 'textarea, [contenteditable]:not([contenteditable="false"])';

/** True when `node` sits in a field the clinician types in, looking no higher than below `within` when given. */
export function inEditable(node: Node | null, within: Element | null = null): boolean {
  let n: Node | null = node;
  while (n && n.nodeType !== 1) n = n.parentNode;
  for (let el = n as Element | null; el && el !== within; el = el.parentElement) {
    if (el.localName === 'textarea') return true;
    const ce = el.getAttribute('contenteditable');
    if (ce !== null && ce !== 'false') return true;
  }
  return false;
}

/** The heading `el` is part of (itself or an ancestor), or null. */
export function headingAround(el: Element | null): Element | null {
  for (let e = el; e && e.localName !== 'body'; e = e.parentElement) if (isHeadingEl(e)) return e;
  return null;
}

// ---- Structural context of a block ----

export interface SectionInfo {
  kinds: Set<SectionKind>;
  heading: string | null;
}

export interface AdapterSets {
  problemList: Set<Element>;
  medication: Set<Element>;
  family: Set<Element>;
  historical: Set<Element>;
}

const EMPTY_INFO: SectionInfo = { kinds: new Set(), heading: null };

/** A heading: it names the section of the blocks after it (h1-h6, legend, caption, summary, role=heading). */
export function isHeadingEl(el: Element): boolean {
  const n = el.localName;
  if (n.length === 2 && n.charCodeAt(0) === 104 /* h */ && n.charCodeAt(1) >= 49 && n.charCodeAt(1) <= 54) return true;
  if (n === 'legend' || n === 'caption' || n === 'summary') return true;
  if (el.getAttribute('role') === 'heading') return true;
  if (el.childElementCount === 1 && el.firstElementChild && /^h[1-6]$/.test(el.firstElementChild.localName)) {
    return (el.textContent ?? '').length < 120;
  }
  return false;
}

function attrLabel(el: Element): string {
  const id = el.id || '';
  const aria = el.getAttribute('aria-label') ?? '';
  if (!id && !aria) return '';
  // camelCase / kebab / snake -> words
  return `${id.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[-_]+/g, ' ')} ${aria}`;
}

/** Per-pass memo of the structural lookups. */
export class StructureMemo {
  /** For an element: itself when it is a heading, else the nearest heading among its previous siblings. */
  private headingUpTo = new Map<Element, Element | null>();
  /** Section a heading opens, by heading element: its text read and classified once per pass. */
  private headingInfo = new Map<Element, SectionInfo>();
  private sections = new Map<Element, SectionInfo>();
  private rows = new Map<Element, RowInfo>();
  constructor(
    private readonly c: Compiled,
    private readonly adapter: AdapterSets | null,
  ) {}

  /** `el` itself when it is a heading, else the nearest heading among its previous siblings (once per element). */
  private headingAtOrBefore(el: Element): Element | null {
    const chain: Element[] = [];
    let found: Element | null = null;
    for (let sib: Element | null = el; sib; sib = sib.previousElementSibling) {
      const known = this.headingUpTo.get(sib);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (isHeadingEl(sib)) {
        found = sib;
        this.headingUpTo.set(sib, sib);
        break;
      }
      chain.push(sib);
    }
    for (const c of chain) this.headingUpTo.set(c, found);
    return found;
  }

  private headingBefore(el: Element): Element | null {
    const prev = el.previousElementSibling;
    return prev ? this.headingAtOrBefore(prev) : null;
  }

  private openedBy(h: Element): SectionInfo {
    let info = this.headingInfo.get(h);
    if (!info) {
      const text = squash(h.textContent ?? '').slice(0, 120);
      info = { kinds: classifyHeading(this.c, text), heading: text || null };
      this.headingInfo.set(h, info);
    }
    return info;
  }

  private adapterKinds(el: Element, kinds: Set<SectionKind>): void {
    const a = this.adapter;
    if (!a) return;
    for (let e: Element | null = el; e; e = e.parentElement) {
      if (a.problemList.has(e)) kinds.add('problemList');
      if (a.medication.has(e)) kinds.add('medication');
      if (a.family.has(e)) kinds.add('family');
      if (a.historical.has(e)) kinds.add('historical');
    }
  }

  /** Kinds announced by the nearest heading before the block (climbing ancestors), or an ancestor's id/aria-label. */
  section(el: Element): SectionInfo {
    const path: Element[] = [];
    let node: Element | null = el;
    let result: SectionInfo = EMPTY_INFO;
    while (node && node.localName !== 'body' && node.localName !== 'html') {
      const memo = this.sections.get(node);
      if (memo) {
        result = memo;
        break;
      }
      path.push(node);
      // A heading block belongs to the section before it; any other element on the way up may be the heading.
      const h = node === el ? this.headingBefore(node) : this.headingAtOrBefore(node);
      if (h) {
        result = this.openedBy(h);
        break;
      }
      const parent: Element | null = node.parentElement;
      if (parent) {
        const label = attrLabel(parent);
        if (label) {
          const kinds = classifyHeading(this.c, label);
          if (kinds.size > 0) {
            result = { kinds, heading: null };
            break;
          }
        }
      }
      node = parent;
    }
    for (const p of path) this.sections.set(p, result);
    if (this.adapter) {
      const kinds = new Set(result.kinds);
      this.adapterKinds(el, kinds);
      if (kinds.size !== result.kinds.size) return { kinds, heading: result.heading };
    }
    return result;
  }

  row(el: Element): RowInfo | null {
    const row = rowOf(el);
    if (!row) return null;
    let info = this.rows.get(row);
    if (!info) {
      info = rowInfo(this.c, row);
      this.rows.set(row, info);
    }
    return info;
  }
}

export interface RowInfo {
  historical: boolean;
  hasCode: boolean;
}

/** The problem-list row a block belongs to: a table row, a list item, or a div of several inline cells. */
export function rowOf(el: Element): Element | null {
  const n = el.localName;
  if (n === 'td' || n === 'th') return el.closest('tr');
  if (n === 'tr' || n === 'li' || n === 'dd') return el;
  if (el.childElementCount >= 2 && textOutsideFields(el).length < 300) {
    for (let ch = el.firstElementChild; ch; ch = ch.nextElementSibling) if (BLOCK.has(ch.localName)) return null;
    return el;
  }
  return null;
}

const CODE_IN_ROW = /(?:^|[^A-Za-z0-9])[A-Z][0-9]{2}(?:\.[0-9A-Z]{1,4})?(?![A-Za-z0-9])/;
const ROW_CLASS_HISTORICAL = /(?:^|[\s_-])(passief|passive|inactive|inactief|inactif|resolved|opgelost|resolu|historical|history|past)(?:$|[\s_-])/;

/** The text of a row or cell less what is typed in a field there: a note being written is not the row's status. */
function textOutsideFields(el: Element): string {
  if (el.matches(EDITABLE)) return '';
  if (!el.querySelector(EDITABLE)) return el.textContent ?? '';
  let text = '';
  const walker = (el.ownerDocument ?? document).createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!inEditable(n, el)) text += (n as Text).data;
  return text;
}

function rowInfo(c: Compiled, row: Element): RowInfo {
  let historical = false;
  const cls = row.getAttribute('class');
  if (cls && ROW_CLASS_HISTORICAL.test(fold(cls))) historical = true;
  let n = 0;
  for (let cell = row.firstElementChild; cell && n < 12; cell = cell.nextElementSibling, n++) {
    const t = textOutsideFields(cell);
    if (t.length > 40) continue;
    const k = squash(fold(t)).replace(/[().\-–:]+/g, ' ').trim();
    if (c.rowHistorical.has(k)) historical = true;
  }
  const text = textOutsideFields(row).slice(0, 600);
  return { historical, hasCode: CODE_IN_ROW.test(text) };
}
