/**
 * DOM side of detection: one walk over element/text nodes (no innerText, no layout) that cuts the page
 * into text blocks, plus the structural context of a block (section heading, adapter lists, problem-list row).
 * Everything here reads only the Document it is given.
 */
import type { Compiled, SectionKind } from './compile';
import { classifyHeading } from './compile';
import { BREAK, TYPED_BOX, UNTICKED_BOX, UNTICKED_SQUARE, fold, squash } from './text';
import { cellStatus, holdsDate, namesRelative, openingStatus, saysFamilyHistory, saysPlainNo, statesDate, strongerStatus, type CellStatus } from './columns';

export interface Block {
  el: Element;
  text: string;
  /**
   * Where the walk found the block (every block but the walk's root): the frame of its parent element, and the
   * nearest heading before it among its siblings. The section lookup then needs no DOM calls.
   */
  up?: Enclosing;
  before?: Element | null;
  /**
   * The headings among the block's children, each with where in `text` the block's own text after it starts:
   * `<td><p><b>Guidelines</b></p><a>NICE NG28 Type 2 diabetes</a>...</td>` (links that are the cell's own text).
   */
  heads?: ChildHeading[];
}

export interface ChildHeading {
  at: number;
  el: Element;
}

/** An element the walk went into, as the section lookups see it. */
export interface Enclosing {
  node: Element;
  /** The parent's frame; null for the walk's root. */
  up: Enclosing | null;
  /** The nearest heading among the element's siblings up to and including itself. */
  at: Element | null;
  /** The section of the blocks inside, once looked up (StructureMemo). */
  section?: SectionInfo;
}

export const HOST_TAG = 'sms-prompts';

/**
 * Never read: scripts (FHIR JSON is read separately), styles, form fields, navigation ("Diabetes clinic" in a
 * menu is a place in the EHR, not the patient's condition), our own sidebar, embedded content.
 */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'datalist', 'button',
  'svg', 'math', 'canvas', 'iframe', 'frame', 'object', 'embed', 'video', 'audio', 'img', 'picture', 'head',
  'title', 'meta', 'link', 'nav', 'menu', HOST_TAG,
]);

const BLOCK = new Set([
  'html', 'body', 'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr',
  'legend', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'center', 'label',
]);

/** Inline formatting that may split a word ("<b>Dia</b>betes"): no separator around it. */
const INLINE_FORMAT = new Set(['b', 'i', 'em', 'strong', 'u', 'mark', 'small', 'sub', 'sup', 'font', 'abbr', 's', 'ins', 'del', 'q', 'cite', 'dfn', 'var', 'wbr']);

const MAX_DEPTH = 400;
const NO_ELEMENTS: ReadonlySet<Element> = new Set();

export function isBlockTag(name: string): boolean {
  return BLOCK.has(name);
}

export function isSkippedTag(name: string): boolean {
  return SKIP.has(name);
}

/**
 * Navigation the page marks by role or by the class names of common frameworks and hand-made EHR screens: menus,
 * tab strips, breadcrumbs and toolbars name the EHR's modules ("Asthma clinic", "Diabetes"), not the patient's
 * conditions. Tab panels (`tab-content`, `tab-pane`, `role=tabpanel`) are content and are read.
 */
const NAVIGATION_ROLES = ['navigation', 'menu', 'menubar', 'tablist', 'toolbar'];
const NAVIGATION_CLASSES = [
  'nav', 'navbar', 'navigation', 'menu', 'menubar', 'breadcrumb', 'breadcrumbs', 'nav-tabs', 'nav-pills', 'tabs', 'tabbar',
  'tab-bar', 'toolbar', 'tabbladen', 'onglets', 'subtabs', 'tabstrip', 'sidenav', 'topnav',
];
/** The navigation classes and ids (`div#menu`) as one selector, to test an element or its ancestors (not to query a page with: see pageScan). */
export const NAVIGATION_BY_NAME = NAVIGATION_CLASSES.flatMap((c) => [`.${c}`, `#${c}`]).join(',');
export const NAVIGATION = [...NAVIGATION_ROLES.map((r) => `[role="${r}"]`), NAVIGATION_BY_NAME].join(',');
/**
 * A class or id is a weaker sign than a role: an element with a navigation class or id is skipped only while
 * its text is this short, as menus and tab strips are (a hand-made `div.tabs` holding the tab panels is read).
 */
const MENU_TEXT_MAX = 600;

/** Tick boxes and radio buttons: the label of one left unticked is an option, not a finding. */
export const CHOICES = 'input[type="checkbox"],input[type="radio"]';

/** Roles of a tick box or radio button drawn without an input. */
const CHOICE_ROLES = ['checkbox', 'radio', 'switch', 'menuitemcheckbox', 'menuitemradio'];

/** An ARIA box ticked ("true", or "mixed": some of a group's boxes). */
function isAriaTicked(el: Element): boolean {
  const checked = el.getAttribute('aria-checked');
  return checked === 'true' || checked === 'mixed';
}

/** What the walk takes from the page scan rather than ask each element. */
export interface WalkHints {
  /** Elements with role=heading (the walk notes headings without asking every element for its role). */
  roleHeadings: ReadonlySet<Element>;
  /** Tick boxes and radio buttons a `<label for>` names: the label is their text, so no "[ ]" is typed for them. */
  labelledBoxes: ReadonlySet<Element>;
}

export interface PageScan extends WalkHints {
  /** Never read: contenteditable (note fields), [hidden], navigation, unticked choices' labels, adapter `ignore`. */
  skip: Set<Element>;
  /** Note field candidates, in document order: textareas and contenteditable elements. */
  editables: Element[];
  /** Elements holding LINK_BAR_MIN links or more, bars of links or not: a change in one may make or unmake a bar. */
  linkHosts: Set<Element>;
}

/** At least this many links side by side, and no text of their own, make a bar of links. */
export const LINK_BAR_MIN = 3;

/**
 * The elements that hold LINK_BAR_MIN links or more side by side. Those with no text but their links' (separators
 * aside) are bars of links however the page names them ("div.acts", "div.strip", "div.kop"): module tabs and
 * toolbars ("Diabetes Flowsheet", "Asthma Control Test"), not findings, skipped while short as menus are. A list
 * with a label of its own ("Problems: <a>COPD</a>, <a>Asthma</a>, ...") is read.
 */
function linkHosts(anchors: NodeListOf<Element>): Set<Element> {
  const counts = new Map<Element, number>();
  for (let i = 0; i < anchors.length; i++) {
    const parent = (anchors[i] as Element).parentElement;
    if (parent) counts.set(parent, (counts.get(parent) ?? 0) + 1);
  }
  const hosts = new Set<Element>();
  for (const [el, n] of counts) if (n >= LINK_BAR_MIN) hosts.add(el);
  return hosts;
}

/**
 * True when all of `el`'s lettered text is in its `<a>` children, but for the labels of groups of them when
 * there are several (a side bar's "SmartSets" ... "Favorites" ... "In Basket"), and it is short. One label is
 * a list's own ("<b>Problems:</b> <a>COPD</a>, ..."), read as such.
 */
function isLinkBar(el: Element): boolean {
  let links = 0;
  let labels = 0;
  for (let ch = el.firstChild; ch; ch = ch.nextSibling) {
    if (ch.nodeType === 1) {
      if ((ch as Element).localName === 'a') links++;
      else if (!hasLetter(ch.textContent ?? '')) continue;
      else if (isGroupLabel(ch as Element)) labels++;
      else return false;
    } else if (ch.nodeType === 3 && hasLetter((ch as Text).data)) return false;
  }
  return links >= LINK_BAR_MIN && labels !== 1 && labels < links && (el.textContent ?? '').length <= MENU_TEXT_MAX;
}

/**
 * Links out of the EHR to another site ("NICE NG136 Hypertension" at nice.org.uk, "NHG-Standaard Astma"): a
 * guideline or a resource the page points to, never the patient's record, which the EHR shows on its own site.
 */
function offSiteLinks(root: ParentNode, anchors: NodeListOf<Element>): Element[] {
  const doc = (root as Node).nodeType === 9 ? (root as Document) : (root as Node).ownerDocument;
  let own: string | undefined;
  try {
    own = doc?.location?.host.toLowerCase();
  } catch {
    own = undefined;
  }
  const out: Element[] = [];
  for (let i = 0; i < anchors.length; i++) {
    const href = (anchors[i] as Element).getAttribute('href');
    const host = href === null ? undefined : hostOf(href);
    if (host && host !== own) out.push(anchors[i] as Element);
  }
  return out;
}

/** The host an absolute http(s) address names ("https://www.nice.org.uk/guidance/ng136" → "www.nice.org.uk"). */
function hostOf(href: string): string | undefined {
  return /^\s*(?:https?:)?\/\/([^/?#\s]+)/i.exec(href)?.[1]?.toLowerCase();
}

/** A short label of its own among links: an inline element holding text only. */
function isGroupLabel(el: Element): boolean {
  return GROUP_LABEL_TAGS.has(el.localName) && el.childElementCount === 0 && (el.textContent ?? '').length <= LABEL_CHARS_MAX;
}

const GROUP_LABEL_TAGS = new Set(['span', 'b', 'strong', 'small', 'em', 'i', 'u', 'label']);

/**
 * The skipped parts, the note-field candidates and the role=heading elements, one query per attribute or class:
 * Chromium matches a list of selectors against every element far slower than the same queries apart (a list of
 * the navigation roles and classes: 1.7 ms on a 10,000-node page; each apart: 0.01-0.1 ms).
 */
export function pageScan(root: ParentNode, extraSelectors: string[] = []): PageScan {
  const skip = new Set<Element>();
  const editables: Element[] = [];
  const roleHeadings = new Set<Element>();
  addAll(skip, root.querySelectorAll('[hidden]'));
  const roles = root.querySelectorAll('[role]');
  for (let i = 0; i < roles.length; i++) {
    const e = roles[i] as Element;
    const role = e.getAttribute('role') ?? '';
    if (role === 'heading') roleHeadings.add(e);
    else if (NAVIGATION_ROLES.indexOf(role) !== -1) skip.add(e);
    // A box drawn with ARIA (`<div role="checkbox" aria-checked="false">Diabetes</div>`): unticked, its label is never read.
    // One drawn empty, its text after it (`<div><span role="checkbox"></span> Diabetes</div>`), stands with the block it is alone in.
    else if (CHOICE_ROLES.indexOf(role) !== -1 && !isAriaTicked(e)) skip.add((!hasLetter(e.textContent ?? '') && aloneIn(e)) || e);
  }
  for (const c of NAVIGATION_CLASSES) {
    for (const selector of [`.${c}`, `#${c}`]) {
      const found = root.querySelectorAll(selector);
      for (let i = 0; i < found.length; i++) if (((found[i] as Element).textContent ?? '').length <= MENU_TEXT_MAX) skip.add(found[i] as Element);
    }
  }
  const ce = root.querySelectorAll('[contenteditable]');
  for (let i = 0; i < ce.length; i++) {
    const e = ce[i] as Element;
    if (e.getAttribute('contenteditable') === 'false') continue;
    skip.add(e);
    editables.push(e);
  }
  const forLabels = root.querySelectorAll('label[for]');
  const labelledBoxes = new Set<Element>();
  for (let i = 0; i < forLabels.length; i++) {
    const box = choiceOf(forLabels[i] as Element);
    if (box) labelledBoxes.add(box);
  }
  for (const label of untickedLabels(root, forLabels)) skip.add(label);
  // One query for the links, read for bars of them and for those that lead out of the EHR.
  const anchors = root.querySelectorAll('a');
  const hosts = linkHosts(anchors);
  for (const host of hosts) if (isLinkBar(host)) skip.add(host);
  for (const link of offSiteLinks(root, anchors)) skip.add(link);
  const textareas = root.querySelectorAll('textarea');
  if (textareas.length > 0) {
    const editable = new Set(editables);
    for (let i = 0; i < textareas.length; i++) if (!editable.has(textareas[i] as Element)) editables.push(textareas[i] as Element);
    if (editable.size > 0) editables.sort(byDocumentOrder);
  }
  for (const sel of extraSelectors) {
    try {
      addAll(skip, root.querySelectorAll(sel));
    } catch {
      /* invalid selector from an adapter: ignore it */
    }
  }
  return { skip, editables, roleHeadings, labelledBoxes, linkHosts: hosts };
}

/**
 * The labels of unticked tick boxes and radio buttons ("[ ] Heart failure" in a register form): the wrapping
 * `<label>`, a `<label for>` naming it, else a cell or item that holds the box alone with its text.
 */
function untickedLabels(root: ParentNode, forLabels: NodeListOf<Element>): Element[] {
  const inputs = root.querySelectorAll('input');
  const out: Element[] = [];
  let byFor: Map<string, Element[]> | null = null;
  for (let i = 0; i < inputs.length; i++) {
    const box = inputs[i] as HTMLInputElement;
    if (!isChoice(box) || box.checked) continue;
    const wrapping = box.closest('label');
    if (wrapping) {
      out.push(wrapping);
      continue;
    }
    if (box.id) {
      byFor ??= labelsByFor(forLabels);
      const named = byFor.get(box.id);
      if (named) {
        out.push(...named);
        continue;
      }
    }
    const holder = aloneIn(box);
    if (holder) out.push(holder);
  }
  return out;
}

/**
 * The block a box is the one element of, with its text: `<li><input type=checkbox> Asthma</li>`; or the cell
 * after a cell that holds the box alone with no text, as forms laid out in tables put them
 * (`<td><input type=checkbox></td><td>Chronische nierschade</td>`); or null.
 */
function aloneIn(box: Element): Element | null {
  const holder = box.parentElement;
  if (!holder || holder.childElementCount !== 1 || !ALONE_IN.has(holder.localName)) return null;
  const next = holder.localName === 'td' && !hasLetter(holder.textContent ?? '') ? holder.nextElementSibling : null;
  return next?.localName === 'td' ? next : holder;
}

/**
 * A tick box or radio button with no label of its own (`<input type=checkbox id=r1> Heart failure &nbsp; <input ...>`:
 * an id no `<label for>` names is none) as a box typed in text, "[ ]" or "[x]": its text is then read as a typed box's label is (analyze.ts), an
 * unticked one's as an option not chosen. An unanswered drop-down is an unticked box too; any other input or
 * drop-down is a space.
 */
function boxMark(el: Element, labelled: ReadonlySet<Element> | null): string {
  if (el.localName === 'select') return isUnanswered(el as HTMLSelectElement) ? ' [ ]' : ' ';
  if (!isChoice(el) || el.closest('label') !== null) return ' ';
  if (labelled ? labelled.has(el) : (el.labels?.length ?? 0) > 0) return ' ';
  return el.checked ? ' [x]' : ' [ ]';
}

/**
 * A drop-down left on its blank or placeholder option ("", "--", "-- not asked --"): read as an unticked box
 * after its question, whose text is then no finding ("Does the patient have asthma or COPD? [ ]").
 */
function isUnanswered(select: HTMLSelectElement): boolean {
  const chosen = select.selectedOptions?.[0] ?? select.options?.[select.selectedIndex];
  const text = (chosen?.textContent ?? '').trim();
  return !hasLetter(text) || PLACEHOLDER.test(text);
}

const PLACEHOLDER = /^[-–—(\[<.]/;

/** True when `el` is a tick box or a radio button (CHOICES). */
function isChoice(el: Element): el is HTMLInputElement {
  const type = (el as HTMLInputElement).type;
  return el.localName === 'input' && (type === 'checkbox' || type === 'radio');
}

/** The tick box or radio button a label holds or names (`<label for>`), or null. */
function choiceOf(label: Element): HTMLInputElement | null {
  const box = (label as HTMLLabelElement).control;
  return box && isChoice(box) ? box : null;
}

/** One short word ("nee", "No", "oui", "ja"): an answer, not a finding of its own. */
const SHORT_ANSWER = /^\s*\p{L}{1,4}\.?\s*$/u;

/**
 * The label of a ticked choice that is one short word: the answer to the question before it, read on the
 * question's line and closed by a break ("Diabetes mellitus: (•) nee" reads "Diabetes mellitus: nee"), not a
 * block of its own. Other labels are blocks: two ticked options never run into each other.
 */
export function isTickedAnswer(el: Element): boolean {
  if (el.localName !== 'label') return false;
  const box = choiceOf(el);
  return box !== null && box.checked && SHORT_ANSWER.test(el.textContent ?? '');
}

/**
 * What an unticked option's label, never read, leaves on its line: a one-word answer of a question no box of
 * whose line is ticked is typed as a box and its label ("Hypertension connue ? [ ] oui [ ] non"), so that the
 * question is read as unanswered (analyze.ts), not as a question alone, a doubt. Else a space: once a box of the
 * line is ticked, its answer is read on the question's line (isTickedAnswer).
 */
function optionMark(label: Element): string {
  const box = choiceOf(label);
  const text = label.textContent ?? '';
  if (box === null || box.checked || label.hasAttribute('hidden') || !SHORT_ANSWER.test(text)) return ' ';
  return lineHasTickedChoice(label) ? ' ' : ` [ ] ${text.trim()} `;
}

/** True when a sibling on `el`'s line (up to a break or a block either side) is a ticked box or a ticked one's label. */
function lineHasTickedChoice(el: Element): boolean {
  for (const step of ['previousSibling', 'nextSibling'] as const) {
    for (let n = el[step]; n; n = n[step]) {
      if (n.nodeType !== 1) continue;
      const sib = n as Element;
      // Labels are blocks, but an option's label stays on its question's line.
      const box = isChoice(sib) ? sib : sib.localName === 'label' ? choiceOf(sib) : null;
      if (box !== null) {
        if (box.checked) return true;
      } else if (opensLine(sib.localName)) break;
    }
  }
  return false;
}

/**
 * The label of a tick box or radio button that `node` is or sits in, or null. A change there may make it an
 * answer read on its parent's line, or no longer one: the parent's block is read again.
 */
export function choiceLabelOf(node: Node | null): Element | null {
  const el = node === null ? null : node.nodeType === 1 ? (node as Element) : node.parentElement;
  const label = el?.closest('label') ?? null;
  return label && choiceOf(label) ? label : null;
}

/** Elements that stand for the one box they hold with its text: `<li><input type=checkbox> Asthma</li>`. */
const ALONE_IN = new Set(['li', 'td', 'dd', 'span', 'div', 'p']);

function labelsByFor(labels: NodeListOf<Element>): Map<string, Element[]> {
  const map = new Map<string, Element[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i] as Element;
    const id = l.getAttribute('for') ?? '';
    map.set(id, [...(map.get(id) ?? []), l]);
  }
  return map;
}

function addAll(set: Set<Element>, list: NodeListOf<Element>): void {
  for (let i = 0; i < list.length; i++) set.add(list[i] as Element);
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING

/** Sort comparator: page order. */
export function byDocumentOrder(a: Element, b: Element): number {
  return a === b ? 0 : a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1;
}

/**
 * Elements that are headings by their tag (isHeadingEl). `dt` is a soft heading: a description list's term names the section of its descriptions when its words name a
 * section ("Family history", "Past problems", "Antécédents familiaux"); any other term ("Hartfalen", a form's
 * question) leaves them in the list's own section, and a term never takes its section from the term before it.
 */
const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'legend', 'caption', 'summary', 'dt'];

/**
 * Elements that name a section whatever their content, as a selector (to find one in an added or removed part):
 * the headings, and a table's header cells (a column's heading, "Anciens diagnostics", names its cells' section).
 */
export const HEADING_SELECTOR = [...HEADING_TAGS, '[role="heading"]', 'th'].join(',');

/** Tag kinds for the walk, one Map lookup per element: 1 skip, 2 block, 3 inline formatting, 4 <br>, 5 heading (a block). */
const TAG_KIND = new Map<string, number>();
for (const t of INLINE_FORMAT) TAG_KIND.set(t, 3);
for (const t of BLOCK) TAG_KIND.set(t, 2);
for (const t of SKIP) TAG_KIND.set(t, 1);
for (const t of HEADING_TAGS) TAG_KIND.set(t, 5);
TAG_KIND.set('br', 4);

/** True when `text` has a letter (isLetterCode): a loop is cheaper than a regex call per block. */
export function hasLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isLetterCode(text.charCodeAt(i))) return true;
  return false;
}

/** A letter as the engine counts one: A-Z, a-z, U+00C0-U+024F (Latin with accents). */
export function isLetterCode(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || (c >= 0xc0 && c <= 0x24f);
}

/** The page's root elements, where climbs stop. */
export function isPageRoot(el: Element): boolean {
  return el.localName === 'body' || el.localName === 'html';
}

interface Frame extends Enclosing {
  up: Frame | null;
  /** Next child to visit. */
  ch: Node | null;
  text: string;
  /**
   * `text` has a letter. Noted as text nodes are read, so a container's text, mostly the breaks of the blocks
   * inside it, is never scanned (nor flattened) again.
   */
  lettered: boolean;
  /** 2 block, 3 inline formatting (no separator), 0 other inline (spaces around). */
  kind: number;
  depth: number;
  /** The nearest heading before the element among its siblings. */
  before: Element | null;
  /** The nearest heading among the children visited so far. */
  last: Element | null;
  /** The headings among the children so far, with where the text after each starts (Block.heads). */
  heads: ChildHeading[] | null;
}

/** `el` is the heading of the frame's children after it, and of its own text from here on. */
function noteHeading(f: Frame, el: Element): void {
  f.last = el;
  noteTextHeading(f, el);
}

/**
 * `el` heads the frame's own text from here on, not the blocks after it: a label inside a line of text. The
 * section lookups of the blocks (StructureMemo.section, climb) never see it, so a full read and a re-read agree.
 */
function noteTextHeading(f: Frame, el: Element): void {
  (f.heads ??= []).push({ at: f.text.length, el });
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * One pass over a subtree that cuts it into text blocks (no innerText, no layout): text of each block up to
 * the next block boundary, inner blocks before their container, in document order. Iterative, so it can stop
 * at a deadline and resume (detectAsync); plain string concatenation, one Map lookup per element. On the way
 * it notes the headings it passes, so that a block's section is known without looking back in the DOM.
 */
export class BlockWalker {
  readonly out: Block[] = [];
  private readonly stack: Frame[] = [];
  private readonly skip: Set<Element> | null;

  /**
   * `ownTextOnly`: read the root's own text (blocks inside it count as breaks) and no other block.
   * `hints`: from the page scan; without them, each element's role and each box's labels are read.
   */
  constructor(
    root: Element | null,
    skip: Set<Element>,
    private readonly ownTextOnly = false,
    private readonly hints: WalkHints | null = null,
  ) {
    this.skip = skip.size > 0 ? skip : null;
    if (root && !SKIP.has(root.localName) && !skip.has(root)) {
      this.stack.push({ node: root, up: null, at: null, ch: root.firstChild, text: '', lettered: false, kind: 2, depth: 0, before: null, last: null, heads: null });
    }
  }

  /** An element read to its end: a block is kept if its text has a letter; inline text joins its parent's. */
  private close(el: Element, kind: number, text: string, lettered: boolean, parent: Frame | undefined, before: Element | null, heads: ChildHeading[] | null = null): void {
    if (kind === 2) {
      if (lettered) {
        const block: Block = parent ? { el, text, up: parent, before } : { el, text };
        if (heads) block.heads = heads;
        this.out.push(block);
      }
    } else if (parent) {
      parent.text += kind === 3 ? text : ` ${text} `;
      if (lettered) parent.lettered = true;
    }
  }

  private hasHeadingRole(el: Element): boolean {
    const roles = this.hints?.roleHeadings;
    return roles ? roles.size > 0 && roles.has(el) : el.getAttribute('role') === 'heading';
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
        this.close(f.node, f.kind, f.text, f.lettered, parent, f.before, f.heads);
        f = parent;
        continue;
      }
      f.ch = ch.nextSibling;
      // Only elements have a localName: one DOM call tells an element and its tag (the walk's cost is its DOM calls).
      const name = (ch as Element).localName;
      if (typeof name !== 'string') {
        const type = ch.nodeType;
        if (type === 3 || type === 4) {
          const data = (ch as CharacterData).data;
          f.text += data;
          if (!f.lettered && hasLetter(data)) f.lettered = true;
        }
        continue;
      }
      const el = ch as Element;
      let kind = TAG_KIND.get(name) ?? 0;
      // Headings as isHeadingEl sees them; a wrapper whose only child is a heading is noted when the walk meets that child.
      const before = f.last;
      if (kind === 5) {
        kind = 2;
        noteHeading(f, el);
        if (f.up !== null && isRankedHeading(name) && isHeadingWrapper(f.node)) {
          f.at = f.node;
          noteHeading(f.up, f.node);
        }
      } else if (this.hasHeadingRole(el)) noteHeading(f, el);
      else if (kind === 2 && isLeafLabel(el)) noteHeading(f, el);
      else if (kind === 3 && f.up !== null && isBold(name) && isHeadingWrapper(f.node)) {
        f.at = f.node;
        noteHeading(f.up, f.node);
      } else if (kind === 3 && isBareLabel(el)) noteHeading(f, el);
      else if (name === 'span' && isSpanLabel(el)) noteTextHeading(f, el);
      if (kind === 4 || kind === 1 || (skip !== null && skip.has(el)) || f.depth > MAX_DEPTH) {
        // Not walked into: a wrapper of a heading has to be noted here.
        if (f.last !== el && isHeadingWrapper(el)) noteHeading(f, el);
        f.text += kind === 4 ? BREAK : name === 'input' || name === 'select' ? boxMark(el, this.hints?.labelledBoxes ?? null) : name === 'label' ? optionMark(el) : ' ';
        continue;
      }
      if (kind === 2 && name === 'label' && isTickedAnswer(el)) {
        f.text += ` ${el.textContent ?? ''}${BREAK}`;
        f.lettered = true;
        continue;
      }
      if (kind === 2) {
        f.text += BREAK;
        if (this.ownTextOnly) {
          // Its own text only: a wrapper of a heading is noted here, as a full walk notes it from inside.
          if (f.last !== el && isHeadingWrapper(el)) noteHeading(f, el);
          continue;
        }
      }
      const first = el.firstChild;
      if (first === null || (first.nextSibling === null && first.nodeType === 3)) {
        // A leaf with one text node (most cells, items and paragraphs): no frame for it.
        const data = first === null ? '' : (first as Text).data;
        this.close(el, kind, data, hasLetter(data), f, before);
        if ((++n & 255) === 0 && deadline !== Infinity && now() > deadline) return false;
        continue;
      }
      const next: Frame = { node: el, up: f, at: f.last, ch: first, text: '', lettered: false, kind, depth: f.depth + 1, before, last: null, heads: null };
      stack.push(next);
      f = next;
      if ((++n & 255) === 0 && deadline !== Infinity && now() > deadline) return false;
    }
    return true;
  }
}

/** Text blocks of `root`'s subtree (root itself treated as a block), in document order. */
export function collectBlocks(root: Element, skip: Set<Element>, hints: WalkHints | null = null): Block[] {
  const w = new BlockWalker(root, skip, false, hints);
  w.run();
  return w.out;
}

/** The block `root` as a full walk reads it (its text up to the blocks inside it), or null without a letter. */
export function ownBlock(root: Element, skip: Set<Element>, hints: WalkHints | null = null): Block | null {
  const w = new BlockWalker(root, skip, true, hints);
  w.run();
  return w.out[0] ?? null;
}

/** Nearest block-level ancestor-or-self. */
export function blockOf(node: Node | null): Element | null {
  let n: Node | null = node;
  while (n && n.nodeType !== 1) n = n.parentNode;
  let el = n as Element | null;
  while (el && (!BLOCK.has(el.localName) || isTickedAnswer(el))) el = el.parentElement;
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

/** `el.matches(EDITABLE)`, without a selector match (for loops over many elements). */
export function isEditable(el: Element): boolean {
  if (el.localName === 'textarea') return true;
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

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
  if (TAG_KIND.get(el.localName) === 5) return true;
  if (el.getAttribute('role') === 'heading') return true;
  return isHeadingWrapper(el) || isBareLabel(el) || isLeafLabel(el);
}

/** h1-h6: the headings a wrapper element can stand for. */
export function isRankedHeading(tag: string): boolean {
  return tag.length === 2 && tag.charCodeAt(0) === 104 /* h */ && tag.charCodeAt(1) >= 49 && tag.charCodeAt(1) <= 54;
}

/**
 * A short element whose only child element is h1-h6 counts as that heading; so does a label block
 * (isLabelWrapper), which names a section only when its words name one (StructureMemo.opened).
 */
function isHeadingWrapper(el: Element): boolean {
  if (el.childElementCount !== 1) return false;
  const h = el.firstElementChild as Element;
  return isRankedHeading(h.localName) ? (el.textContent ?? '').length < 120 : isLabelWrapper(el);
}

/** A bold label is no longer than this ("Guidelines", "NHG-Standaarden"): longer bold text is emphasis. */
export const LABEL_CHARS_MAX = 40;
/**
 * A bold label on a line of its own before a block, alone in its block or opening it, may be longer: it may
 * say how far the form under it is filled in ("Vragenlijst intake POH-GGZ (deels ingevuld)").
 */
const LINE_LABEL_CHARS_MAX = 60;

export function isBold(tag: string): boolean {
  return tag === 'b' || tag === 'strong';
}

/** A block that holds only a short bold label: `<p><b>Clinical modules</b></p>` before a list. */
function isLabelWrapper(el: Element): boolean {
  const b = el.firstElementChild;
  if (b === null || b !== el.lastElementChild || !isBold(b.localName) || !BLOCK.has(el.localName)) return false;
  // A note field's text is the clinician's, as they type it (bold too): never a label.
  return (b.textContent ?? '').length <= LINE_LABEL_CHARS_MAX && !hasOwnLetter(el) && !isEditable(el);
}

/**
 * The number of columns of a problem list laid out as a CSS grid of divs (Cerner-, HiX-like screens): every
 * child of `el` of the first one's tag (a div or paragraph), the first ones short bold column headings
 * (`<div><b>Status</b></div>`), then rows of that many cells, none a heading. 0 when `el` is no such grid.
 */
export function gridWidth(el: Element): number {
  const first = el.firstElementChild;
  if (first === null || !GRID_CELLS.has(first.localName) || !isLabelWrapper(first) || hasOwnLetter(el)) return 0;
  let width = 0;
  let count = 0;
  for (let ch: Element | null = first; ch; ch = ch.nextElementSibling, count++) {
    if (ch.localName !== first.localName) return 0;
    if (isLabelWrapper(ch)) {
      if (width < count) return 0; // a heading after the cells: sections, not columns
      width++;
    }
  }
  return width >= 2 && count > width && count % width === 0 ? width : 0;
}

/**
 * True when `el` may be, or have been before a change in one of its cells, a grid of cells (gridWidth): its
 * children are blocks of one tag, one of the first two a column heading. Incremental detection reads such a
 * block whole when a cell of it changes.
 */
export function mayBeGrid(el: Element): boolean {
  if (!mayHeadGrid(el)) return false;
  const tag = (el.firstElementChild as Element).localName;
  for (let ch = el.firstElementChild; ch; ch = ch.nextElementSibling) if (ch.localName !== tag) return false;
  return true;
}

/**
 * True when `el` may have been a grid of cells before children were put in or taken out (of any tag): one of
 * its first two children is a column heading. Incremental detection then reads it whole.
 */
export function mayHeadGrid(el: Element): boolean {
  const first = el.firstElementChild;
  const second = first?.nextElementSibling;
  if (!first || !second || el.childElementCount < 3) return false;
  return (GRID_CELLS.has(first.localName) && isLabelWrapper(first)) || (GRID_CELLS.has(second.localName) && isLabelWrapper(second));
}

/** The blocks a grid of cells is made of: a table's rows and a list's items are read as such. */
const GRID_CELLS = new Set(['div', 'p']);

/** True when one of `el`'s own text nodes (not its children's) has a letter. */
function hasOwnLetter(el: Element): boolean {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 && hasLetter((n as Text).data)) return true;
  return false;
}

/**
 * A short bold label alone between blocks or on a line of its own, with no wrapper of its own:
 * `<div><b>Guidance</b><ul>...</ul></div>`, `...<br><b>Agenda</b><br>10:15 ...`. No text beside it and a block
 * or a line break right after it: a line's label (`<b>Plan:</b> review`) stays text.
 */
function isBareLabel(el: Element): boolean {
  if (!isBold(el.localName)) return false;
  const before = elementBefore(el);
  // After text or an inline element it is part of a line.
  if (before === undefined || (before !== null && !opensLine(before.localName))) return false;
  const kind = nextKind(el);
  return (kind === 2 || kind === 4 || kind === 5) && (el.textContent ?? '').length <= LINE_LABEL_CHARS_MAX;
}

/**
 * A span that opens a line and holds a label's short text alone: a column's label among spans styled as lines
 * (`<span class="k">Protocollen</span><span>DM2</span>...`), a label before links (`<span class="lbl">Références
 * </span><a>...</a><br>`). Spans side by side in a sentence ("<span>No</span> <span>asthma</span>") name no
 * section, and a heading that names none is passed over (childSection).
 */
function isSpanLabel(el: Element): boolean {
  const t = el.firstChild;
  if (t === null || t.nextSibling !== null || t.nodeType !== 3 || !isLabelText((t as Text).data)) return false;
  const before = elementBefore(el);
  return before === null || (before !== undefined && (opensLine(before.localName) || before.localName === 'span'));
}

/** The element before `el` among its siblings, null when nothing is, or undefined when text with a letter comes first. */
function elementBefore(el: Element): Element | null | undefined {
  let n = el.previousSibling;
  for (; n && n.nodeType !== 1; n = n.previousSibling) if (n.nodeType === 3 && hasLetter((n as Text).data)) return undefined;
  return n as Element | null;
}

/** The kind (TAG_KIND) of the element after `el`, or undefined when text with a letter, or nothing, comes first. */
function nextKind(el: Element): number | undefined {
  let n = el.nextSibling;
  for (; n && n.nodeType !== 1; n = n.nextSibling) if (n.nodeType === 3 && hasLetter((n as Text).data)) return undefined;
  return n ? TAG_KIND.get((n as Element).localName) : undefined;
}

/** A block, a heading or a line break: what a line starts after. */
function opensLine(tag: string): boolean {
  const kind = TAG_KIND.get(tag);
  return kind === 2 || kind === 4 || kind === 5;
}

/**
 * A short line of text alone in a div, paragraph or list item (isLeafShape), with a part of the page after it
 * among its siblings: a label made by a style (`<div class="hd">Guidelines</div><div class="gl"><span>Asthma</span>...`,
 * `<div><u>Formulaires</u></div>`), or a table row of one cell holding it alone (`<tr><td><u>Templates</u></td></tr>`
 * before rows of links). Like a bold label it is a soft one, and of the sections only some count for it
 * (leafLabelNames): a status or a name alone in a grid of divs ("Resolved", "Family") is no heading.
 * Structure only, so that a change to its words is a change to a heading (the detector reads its section again).
 */
export function isLeafLabel(el: Element): boolean {
  return isLabelShaped(el) && partFollows(el);
}

/** A leaf label but for what follows it: a div, paragraph or row holding a label's text alone. */
export function isLabelShaped(el: Element): boolean {
  return isLeafShape(el) && isLabelText(el.textContent ?? '');
}

/**
 * The shape of a leaf label: a div or paragraph holding one text node, alone or in an inline wrapper of its own
 * (LABEL_WRAPPERS), a list item so set apart (`<li><u>Outils de suivi</u></li>`, `<li class="t">Modèles</li>`),
 * or a row whose one cell (a `td`: a row of `th`s is a header row) holds one so, or a bold label alone (a table's
 * title, `<tr><td colspan="4"><b>ED Tracking Board</b></td></tr>`); not a field being typed in.
 */
export function isLeafShape(el: Element): boolean {
  // A note field's text is the clinician's, as they type it: never a label.
  if (isEditable(el)) return false;
  const name = el.localName;
  if (name === 'tr') {
    const cell = el.firstElementChild;
    return cell !== null && cell === el.lastElementChild && cell.localName === 'td' && !hasOwnLetter(el) && (holdsTextAlone(cell) || isLabelWrapper(cell));
  }
  // A plain list item is an item: one is a label only when set apart by a wrapper, a class or a style.
  if (name === 'li' && el.firstChild?.nodeType !== 1 && !el.hasAttribute('class') && !el.hasAttribute('style')) return false;
  return isLeafTag(name) && holdsTextAlone(el);
}

/**
 * True when a class or style given to `el` or taken from it may make or unmake a leaf label, or change how one is
 * styled (labelStyle): a leaf label's shape, or a list item holding one text node as a leaf label does, with a
 * part after it.
 */
export function mayBeStyledLabel(el: Element): boolean {
  return (isLeafShape(el) || (el.localName === 'li' && holdsTextAlone(el))) && partFollows(el);
}

/** True when `el` holds one text node and nothing else, or one inline wrapper (LABEL_WRAPPERS) that does. */
function holdsTextAlone(el: Element): boolean {
  let t = el.firstChild;
  if (t === null || t !== el.lastChild) return false;
  if (t.nodeType === 1 && LABEL_WRAPPERS.has((t as Element).localName)) {
    const inner: Node = t;
    t = inner.firstChild;
    if (t === null || t !== inner.lastChild) return false;
  }
  return t.nodeType === 3;
}

/**
 * Inline elements a leaf label's text may sit in, all its own: underline, italics, a span. Not bold (a bold
 * label in a block of its own is a label wrapper, naming any section), nor a link (an item, not a label).
 */
const LABEL_WRAPPERS = new Set(['u', 'i', 'em', 'span', 'font', 'small']);

/** The tags a leaf label is made of: a div, a paragraph, a table row or a list's item. */
function isLeafTag(name: string): boolean {
  // A <header> holding a text alone is a side column's heading as a div would be (HiX: "Protocollen / Zorgpaden").
  return name === 'div' || name === 'p' || name === 'tr' || name === 'li' || name === 'header';
}

/**
 * The div, paragraph, row or list item whose shape as a leaf label a change at `node` may have made or unmade:
 * `node` itself, or the one it is the text, the only wrapper or the only cell of; else null. Climbs no further, so
 * a change deep in a large block never reads that block's whole text.
 */
export function leafHostOf(node: Node): Element | null {
  let e: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  for (let i = 0; e && i <= LEAF_LEVELS; i++) {
    const name = e.localName;
    if (isLeafTag(name)) return e;
    if (!LABEL_WRAPPERS.has(name) && name !== 'td') return null;
    const up: Element | null = e.parentElement;
    if (!up || up.firstElementChild !== e || up.lastElementChild !== e) return null;
    e = up;
  }
  return null;
}

/** Levels from a leaf label's text up to the label: wrapper, cell, row. */
const LEAF_LEVELS = 3;

/**
 * True when a part of the page follows `el` among its siblings, an element or text with a letter: the blocks,
 * the links or the lines a leaf label heads (`<div class="lbl">Recommandations</div><a>...</a><br><a>...</a>`).
 */
export function partFollows(el: Element): boolean {
  for (let n = el.nextSibling; n; n = n.nextSibling) if (n.nodeType === 1 || (n.nodeType === 3 && hasLetter((n as Text).data))) return true;
  return false;
}

/**
 * How a leaf label is styled (its tag, class, wrapper, and whether it has a style of its own): the next one
 * styled the same ends its section. An inline style sets a label apart from the plain divs it heads (`<div
 * style="font-weight:bold">Agenda</div><div>08:30 ...</div>`); its value does not matter, as labels' margins vary.
 */
function labelStyle(el: Element): string {
  const inner = el.localName === 'tr' ? el.firstElementChild?.firstElementChild : el.firstElementChild;
  return `${el.localName} ${el.getAttribute('class') ?? ''} ${inner?.localName ?? ''} ${el.hasAttribute('style') ? 'styled' : ''}`;
}

/** True when `el` is shaped as a label and styled as `label` is (labelStyle): another item of its run. */
function styledAs(el: Element | null, label: Element): boolean {
  return el !== null && isLabelShaped(el) && labelStyle(el) === labelStyle(label);
}

/** A label whose section ends at the next one styled as it is (labelStyle): a leaf label or a label block. */
function isStyledLabel(el: Element): boolean {
  return isLeafLabel(el) || isLabelWrapper(el);
}

/** The sections a leaf label may name: guidance and lists for anyone, questions asked of everyone ("Vragenlijsten"). */
const LEAF_LABEL_KINDS: ReadonlySet<SectionKind> = new Set(['reference', 'screening']);

/**
 * True when a leaf label whose text is `text` may name a section of `kind`: one of LEAF_LABEL_KINDS, or a family
 * history or past problems said in more than a word (`<div class="cap">Anamnèse familiale</div>`, "Inactieve
 * episoden"); "Family" or "Resolved" alone may be a grid's name or status.
 */
function leafLabelNames(kind: SectionKind, text: string): boolean {
  return LEAF_LABEL_KINDS.has(kind) || ((kind === 'family' || kind === 'historical') && text.includes(' '));
}

/** True when `text` is short enough for a label and has a letter. */
export function isLabelText(text: string): boolean {
  return text.length <= LABEL_CHARS_MAX && hasLetter(text);
}

/** A label that names a section only when its words name one: a label block, a bare bold label, a leaf label. */
function isSoftLabel(el: Element): boolean {
  return isLabelWrapper(el) || isBareLabel(el) || isLeafLabel(el);
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
  /** For a soft label that names no section: the heading whose section it is in (throughSoft). */
  private passedOver = new Map<Element, PassedOver>();
  private sections = new Map<Element, SectionInfo>();
  private rows = new Map<Element, RowInfo>();
  /** A table's header row, the first with a header cell, its title row and its first row of plain cells (null: none), once per pass. */
  private headers = new Map<Element, TableHeads>();
  /** A grid of cells by its container (null: the element is none), once per pass. */
  private grids = new Map<Element, Grid | null>();
  constructor(
    private readonly c: Compiled,
    private readonly adapter: AdapterSets | null,
    /** The page scan's skipped parts: a row's status and code are read, like its mentions, without them. */
    private readonly skip: ReadonlySet<Element> = NO_ELEMENTS,
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

  /** A soft label that names no section: passed over, unless it ends a leaf label's section (throughSoft). */
  private isNameless(h: Element): boolean {
    return isSoftLabel(h) && this.openedBy(h).kinds.size === 0;
  }

  /**
   * `h`, or when it is a soft label that names no section, the heading whose section it is in: the nearest
   * heading before it that is none, or the label that ends that heading's section. A leaf label's section ends
   * at the next leaf label styled as it is (labelStyle: `.hd Guidelines` ... `.hd Journal`), which then heads a
   * section of no kind; it is its own answer. So does a label block's (`<div><b>Past problems</b></div>` ...
   * `<div><b>Comorbidity check</b></div>`), but for a reference one: in a column of guidance and tools, the next
   * label names more of them ("Clinical modules" ... "Links"). Once per label: a column of short divs is a chain of them.
   */
  private throughSoft(h: Element | null): Element | null {
    const chain: Element[] = [];
    let found = h;
    // The style of the leaf label whose section the chain is in: a label styled as it is ends that section.
    let style: string | null = null;
    let known: PassedOver | undefined;
    while (found && this.isNameless(found)) {
      known = this.passedOver.get(found);
      if (known !== undefined) break;
      chain.push(found);
      found = this.headingBefore(found);
    }
    if (known !== undefined) ({ to: found, style } = known);
    else if (found && isStyledLabel(found) && !(isLabelWrapper(found) && this.openedBy(found).kinds.has('reference'))) style = labelStyle(found);
    let to = found;
    for (let i = chain.length - 1; i >= 0; i--) {
      const el = chain[i] as Element;
      if (style !== null && isStyledLabel(el) && labelStyle(el) === style) to = el;
      this.passedOver.set(el, { to, style });
    }
    return h && chain.length > 0 ? (this.passedOver.get(h)?.to ?? null) : found;
  }

  /** The section heading `h` names, or null when it names none. */
  named(h: Element): SectionInfo | null {
    const info = this.openedBy(h);
    return info.kinds.size > 0 ? info : null;
  }

  private openedBy(h: Element): SectionInfo {
    let info = this.headingInfo.get(h);
    if (!info) {
      const text = squash(h.textContent ?? '').slice(0, 120);
      let kinds = classifyHeading(this.c, text);
      if (isLeafLabel(h)) kinds = kinds.size > 0 && this.isItemUnderLabel(h) ? new Set() : new Set([...kinds].filter((k) => leafLabelNames(k, text)));
      info = { kinds, heading: text || null };
      this.headingInfo.set(h, info);
    }
    return info;
  }

  /**
   * True when leaf label `h` is one of a run of items styled as it is, under a leaf label or a label block of
   * another style that names a section (`<div class="h">Formulaires</div><p>MPOC - CAT</p><p>Asthme -
   * questionnaire de maîtrise</p>`, `<div><b>Formulieren</b></div><div>Delirium-risicoscreening</div>`): an item
   * whose words name a section ("questionnaire", "screening") is still an item of the label above, and heads
   * none of the items after it. The first item too, right under the label, when an item styled as it is follows.
   */
  private isItemUnderLabel(h: Element): boolean {
    const prev = h.previousElementSibling;
    if (!prev || !(styledAs(prev, h) || styledAs(h.nextElementSibling, h))) return false;
    const opener = this.throughSoft(this.headingAtOrBefore(prev));
    return opener !== null && isStyledLabel(opener) && labelStyle(opener) !== labelStyle(h) && this.openedBy(opener).kinds.size > 0;
  }

  /**
   * The section heading `h` opens. A soft heading that names none leaves its blocks where they were: a term
   * in its list's own section (`outer`), a bold label in the section it is in itself.
   */
  private opened(h: Element, outer: () => SectionInfo): SectionInfo {
    const info = this.openedBy(h);
    if (info.kinds.size > 0) return info;
    if (h.localName === 'dt') return outer();
    // A soft label is passed over, unless it ends a leaf label's section.
    return isSoftLabel(h) && this.throughSoft(h) !== h ? this.climb(h, true) : info;
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

  /**
   * Kinds announced by the title the block opens with when it names a section, else by the nearest heading
   * before the block (climbing ancestors) or an ancestor's id/aria-label; plus its table column's header, and
   * the adapter's lists the block is in.
   */
  section(b: Block): SectionInfo {
    const el = b.el;
    let result: SectionInfo;
    const up = b.up;
    const title = leadingTitle(el);
    const titled = title ? this.openedBy(title) : null;
    if (titled && titled.kinds.size > 0) result = titled;
    else if (!up) result = this.climb(el, true);
    else if (b.before && !termAfterTerm(el, b.before)) result = this.opened(b.before, () => this.inside(up));
    else result = this.inside(up);
    const column = this.columnHeading(el);
    const named = column ? this.openedBy(column) : null;
    if (named && named.kinds.size > 0) result = { kinds: new Set([...result.kinds, ...named.kinds]), heading: named.heading };
    if (this.adapter) {
      const kinds = new Set(result.kinds);
      this.adapterKinds(el, kinds);
      if (kinds.size !== result.kinds.size) return { kinds, heading: result.heading };
    }
    return result;
  }

  /**
   * The header cell of the table column a block is in ("Diagnostics actuels" | "Anciens diagnostics"), or,
   * when that names no section, the table's title over all its columns (`<th colspan="4">Problems</th>`), or
   * null. Its kinds join the section's: a column of past problems under a "Problems" heading is past.
   */
  private columnHeading(el: Element): Element | null {
    // The cell itself, or a block alone in it (<td><p>...</p></td>): no climb through the page for every block.
    const up = el.parentElement;
    const cell = el.localName === 'td' ? el : up?.localName === 'td' ? up : null;
    if (!cell) return null;
    const th = this.headerCell(cell);
    if (th && this.openedBy(th).kinds.size > 0) return th;
    const heads = this.tableHeads(cell);
    const title = heads?.title ?? null;
    return title && title.parentElement !== cell.parentElement ? title : th;
  }

  /** The header cell over a table cell, in its table's header row (the first with a header cell), or null. */
  private headerCell(cell: Element): HTMLTableCellElement | null {
    const header = this.tableHeads(cell)?.header ?? null;
    if (header === null || header === cell.parentElement) return null;
    const th = cellsOf(header)[indexOfCell(cell)];
    return th?.localName === 'th' ? th : null;
  }

  /** The cell over a table cell in its table's first row of plain cells (TableHeads.plainFirst), or null in that row. */
  private firstRowCell(cell: Element): HTMLTableCellElement | null {
    const first = this.tableHeads(cell)?.plainFirst ?? null;
    if (first === null || first === cell.parentElement) return null;
    return cellsOf(first)[indexOfCell(cell)] ?? null;
  }

  /** The header and title rows of the table a cell is in (once per table and pass), or null out of a table. */
  private tableHeads(cell: Element): TableHeads | null {
    const row = cell.parentElement;
    const group = row?.parentElement;
    const table = group?.localName === 'table' ? group : group?.parentElement;
    if (!row || !table || table.localName !== 'table') return null;
    let heads = this.headers.get(table);
    if (heads === undefined) {
      const rows = rowsOf(table);
      const first = rows[0];
      heads = { header: null, headerAt: -1, title: null, plainFirst: first && !isHeaderRow(first) ? first : null };
      for (let i = 0; i < rows.length && heads.header === null; i++) {
        const r = rows[i] as HTMLTableRowElement;
        if (!isHeaderRow(r)) continue;
        if (!isTitleRow(r)) {
          heads.header = r;
          heads.headerAt = i;
        } else if (heads.title === null) {
          const first = cellsOf(r)[0];
          if (first?.localName === 'th') heads.title = first;
        }
      }
      this.headers.set(table, heads);
    }
    return heads;
  }

  /**
   * True when `cell` is under an end-date column's header ("Einde", "End date", "Date de fin") in one of its
   * table's first rows: a date there ends the row's problem.
   */
  private inEndColumn(cell: Element): boolean {
    if (cell.localName !== 'td') {
      const head = listColumnHead(cell);
      return head !== null && this.isEndHeading(head);
    }
    const header = this.headerCell(cell);
    if (header !== null) return (this.tableHeads(cell)?.headerAt ?? HEADER_ROWS_MAX) < HEADER_ROWS_MAX && this.isEndHeading(header);
    const first = this.firstRowCell(cell);
    return first !== null && this.isEndHeading(first);
  }

  /** True when a column's heading names an end date ("Einde", "End date", "Date de fin"). */
  private isEndHeading(th: Element): boolean {
    return this.c.columnHeadings.get(squash(fold(th.textContent ?? ''))) === 'end';
  }

  /** The section of a child of `f`'s element with no heading before it: that element's label, else its own section. */
  private inside(f: Enclosing): SectionInfo {
    if (f.section) return f.section;
    const p = f.node;
    let s = this.labelled(p);
    if (!s) {
      if (isPageRoot(p)) s = EMPTY_INFO;
      else {
        const up = f.up;
        const outer = () => (up ? this.inside(up) : this.climb(p, false));
        s = f.at ? this.opened(f.at, outer) : outer();
      }
    }
    f.section = s;
    return s;
  }

  /**
   * The same lookup in the DOM, for an element the walk did not place: the heading before `start` (`self`: a
   * heading block belongs to the section before it) or at or before each ancestor, else an ancestor's label.
   */
  private climb(start: Element, self: boolean): SectionInfo {
    const path: Element[] = [];
    let node: Element | null = start;
    let result: SectionInfo = EMPTY_INFO;
    while (node && !isPageRoot(node)) {
      const first = self && node === start;
      if (!first) {
        const memo = this.sections.get(node);
        if (memo) {
          result = memo;
          break;
        }
        path.push(node);
      }
      const direct = first ? this.headingBefore(node) : this.headingAtOrBefore(node);
      // A soft label that names no section is passed over: the heading before it names the blocks after both. A
      // term right after another is not under it (as the walk sees it: the label between them is what is before).
      const h = this.throughSoft(direct);
      if (h && direct && !(first && termAfterTerm(node, direct))) {
        const info = this.openedBy(h);
        if (info.kinds.size > 0 || h.localName !== 'dt') {
          result = info;
          break;
        }
      }
      const parent: Element | null = node.parentElement;
      const label = parent ? this.labelled(parent) : null;
      if (label) {
        result = label;
        break;
      }
      node = parent;
    }
    for (const p of path) this.sections.set(p, result);
    return result;
  }

  /** The section an element's id or aria-label names ("family-history"), or null. */
  private labelled(el: Element): SectionInfo | null {
    const label = attrLabel(el);
    if (!label) return null;
    const kinds = classifyHeading(this.c, label);
    return kinds.size > 0 ? { kinds, heading: null } : null;
  }

  row(el: Element): RowInfo | null {
    const parent = el.parentElement;
    const grid = parent ? this.grid(parent) : null;
    if (grid) return this.gridRow(grid, el);
    const row = rowOf(this.c, el, this.skip);
    if (!row) return null;
    let info = this.rows.get(row);
    if (!info) {
      info = rowInfo(this.c, row, this.skip, (cell) => this.inEndColumn(cell));
      this.rows.set(row, info);
    }
    return info;
  }

  /** The grid of cells `el` lays out (gridWidth), or null. */
  private grid(el: Element): Grid | null {
    let grid = this.grids.get(el);
    if (grid === undefined) {
      const width = gridWidth(el);
      grid = width > 0 ? { width, cells: Array.from(el.children), at: new Map() } : null;
      if (grid) for (const [i, cell] of grid.cells.entries()) grid.at.set(cell, i);
      this.grids.set(el, grid);
    }
    return grid;
  }

  /** The row of a grid's cell: the cells on its line, read as a table row's, each under its column's heading. */
  private gridRow(grid: Grid, cell: Element): RowInfo | null {
    const i = grid.at.get(cell) as number;
    if (i < grid.width) return null; // a column heading
    const start = i - (i % grid.width);
    const first = grid.cells[start] as Element;
    let info = this.rows.get(first);
    if (!info) {
      const inEndColumn = (c: Element) => this.isEndHeading(grid.cells[(grid.at.get(c) as number) % grid.width] as Element);
      info = rowInfo(this.c, first, this.skip, inEndColumn, grid.cells.slice(start, start + grid.width));
      this.rows.set(first, info);
    }
    return info;
  }
}

/** A grid's cells in order, the first `width` of them its column headings, and each cell's place among them. */
interface Grid {
  width: number;
  cells: Element[];
  at: Map<Element, number>;
}

/**
 * The heading a block opens with (a card's or panel's title: `<div><h3>Guidance</h3><a>NICE: ...</a></div>`),
 * or a short bold label (`<p><b>Guidelines</b><br><a>NICE NG80 Asthma</a></p>`), or null: its own text comes
 * after that title, and is in the title's section when the title names one.
 */
function leadingTitle(el: Element): Element | null {
  let first = el.firstElementChild;
  if (first === null) return null;
  // A label in an inline wrapper of its own (`<span><b>Clinical modules</b></span>`) is that label.
  if (first.localName === 'span' && first.childElementCount === 1 && !hasOwnLetter(first)) first = first.firstElementChild as Element;
  const name = first.localName;
  const bold = isBold(name);
  if (TAG_KIND.get(name) !== 5 && !bold && first.getAttribute('role') !== 'heading') return null;
  if (bold && (first.textContent ?? '').length > LABEL_CHARS_MAX) return null;
  for (let n = el.firstChild; n && n !== first && n !== first.parentElement; n = n.nextSibling) if (n.nodeType === 3 && hasLetter((n as Text).data)) return null;
  return first;
}

/**
 * A table's own rows, as `HTMLTableElement.rows` lists them in a browser (some DOMs, happy-dom among them, list
 * the rows of tables inside its cells too): a page laid out as a table keeps its columns' tables to themselves.
 */
export function rowsOf(table: Element): HTMLTableRowElement[] {
  const out: HTMLTableRowElement[] = [];
  for (const r of (table as HTMLTableElement).rows) {
    // A row of the table itself, or of its head, body or foot.
    if (r.parentElement === table || r.parentElement?.parentElement === table) out.push(r);
  }
  return out;
}

/** A table cell: `td` or `th`. */
export function isCell(el: Element): boolean {
  const name = el.localName;
  return name === 'td' || name === 'th';
}

/** A row's own cells, as `HTMLTableRowElement.cells` lists them in a browser (rowsOf). */
export function cellsOf(row: Element): HTMLTableCellElement[] {
  const out: HTMLTableCellElement[] = [];
  for (let c = row.firstElementChild; c; c = c.nextElementSibling) if (isCell(c)) out.push(c as HTMLTableCellElement);
  return out;
}

/** A cell's place among its row's own cells, as `cellIndex` gives it in a browser (rowsOf). */
function indexOfCell(cell: Element): number {
  let i = 0;
  for (let c = cell.previousElementSibling; c; c = c.previousElementSibling) if (isCell(c)) i++;
  return i;
}

/** A table row with a header cell: its columns' headings name the sections of the cells under them. */
export function isHeaderRow(tr: Element): boolean {
  for (let c = tr.firstElementChild; c; c = c.nextElementSibling) if (c.localName === 'th') return true;
  return false;
}

/**
 * What a soft label that names no section leads to (throughSoft): the heading whose section it is in, and the
 * style of the leaf label that opened that section (null: none), which the next label styled so ends.
 */
interface PassedOver {
  to: Element | null;
  style: string | null;
}

/** A table's header row (its columns' headings) and the header cell of its title row, before its header row. */
interface TableHeads {
  header: HTMLTableRowElement | null;
  /** The header row's place among the table's own rows (rowsOf; `rowIndex` counts nested tables' rows in some DOMs). */
  headerAt: number;
  title: HTMLTableCellElement | null;
  /** The first row when it has plain cells only: many EHRs write their column headings ("Einde") in `<td>`s. */
  plainFirst: HTMLTableRowElement | null;
}

/**
 * The cell over a list item's cell in the list's first item, when that item has as many cells: a list laid out
 * as a table, its first item the column headings (`<li class="kop"><span>Begin</span><span>Einde</span></li>`).
 */
function listColumnHead(cell: Element): Element | null {
  const row = cell.parentElement;
  const first = row?.parentElement?.firstElementChild;
  if (!row || row.localName !== 'li' || !first || first === row || first.childElementCount !== row.childElementCount) return null;
  let i = 0;
  for (let e = cell.previousElementSibling; e; e = e.previousElementSibling) i++;
  return first.children[i] ?? null;
}

/** A table's title over its columns: one cell spanning them (`<tr><th colspan="4">Episodelijst</th></tr>`). */
function isTitleRow(tr: HTMLTableRowElement): boolean {
  const cells = cellsOf(tr);
  return cells.length === 1 && (cells[0]?.colSpan ?? 0) > 1;
}

/** An end-date column's header is looked for in a table's first rows only. */
const HEADER_ROWS_MAX = 3;

/** A description list's term after another: the one before is no heading of it. */
function termAfterTerm(el: Element, before: Element): boolean {
  return el.localName === 'dt' && before.localName === 'dt';
}

export interface RowInfo {
  /**
   * The strongest status its class or cells state: "Excluded" / "uitgesloten" (negated: a condition the patient
   * does not have), "Resolved" or an end date (historical), "Probable" / "Werkhypothese" (uncertain); or null.
   */
  status: CellStatus | null;
  /** A table row or form term whose first cell names a relative ("Mother" | "COPD"): a family member's problem. */
  family: boolean;
  /**
   * A question left unanswered: its first cell asks ("Do you have diabetes?") and the cells after it are blank,
   * or none of a cell's answer boxes is ticked.
   */
  unanswered: boolean;
  hasCode: boolean;
}

/**
 * The problem-list row a block belongs to: a table row, a list item, a term of a description list with its
 * description (a form's "Hartfalen" / "Uitgesloten: ..."), a description of a term that heads several (each is
 * an item: "Médicaux" / "Diabète de type 2" / "Hernie discale - guérie"), or a div of several inline cells.
 */
export function rowOf(c: Compiled, el: Element, skip: ReadonlySet<Element>): Element | null {
  if (isCell(el)) return el.closest('tr');
  const n = el.localName;
  if (n === 'tr' || n === 'li' || n === 'dt') return el;
  if (n === 'dd') {
    const term = termOf(el);
    return term && !headsItems(c, term) ? term : el;
  }
  // A block alone in a cell stands for it (<dt><label>Hartfalen</label></dt>, <td><p>Asthma</p></td>).
  const parent = el.parentElement;
  if (parent && parent.childElementCount === 1 && CELLS.has(parent.localName)) return rowOf(c, parent, skip);
  if (el.childElementCount < 2) return null;
  const text = inlineText(el, skip);
  return text !== null && text.length < 300 ? el : null;
}

/**
 * The text of an element made of inline parts only, or null when a block is inside it: a div of inline cells
 * is a row, and a change anywhere in it is a change of its own text (incremental detection reads it again).
 */
function inlineText(el: Element, skip: ReadonlySet<Element>, depth = 0): string | null {
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) text += (n as Text).data;
    else if (n.nodeType === 1) {
      const child = n as Element;
      const kind = TAG_KIND.get(child.localName);
      if (kind === 2 || kind === 5) return null;
      if (kind === 1 || skip.has(child) || depth > MAX_DEPTH) continue;
      const inner = inlineText(child, skip, depth + 1);
      if (inner === null) return null;
      text += inner;
    }
    if (text.length >= 300) return text;
  }
  return text;
}

const CELLS = new Set(['td', 'th', 'li', 'dt', 'dd']);

/** The `<dt>` a `<dd>` describes (the nearest one before it), or null. */
function termOf(dd: Element): Element | null {
  let e = dd.previousElementSibling;
  while (e && e.localName === 'dd') e = e.previousElementSibling;
  return e && e.localName === 'dt' ? e : null;
}

/**
 * A term followed by several descriptions: it heads a list of items, each a row of its own, unless they are its
 * row's cells (describesRow).
 */
function headsItems(c: Compiled, dt: Element): boolean {
  const first = dt.nextElementSibling;
  return first?.localName === 'dd' && first.nextElementSibling?.localName === 'dd' && !describesRow(c, dt);
}

/** A description this short may be a date or a badge of its term's row ("sinds 1998", "inactief - hersteld"). */
const ROW_CELL_CHARS_MAX = 24;

/**
 * True when a term's descriptions are the cells of its row, as a problem list written as a description list
 * lays them out (`<dt>Depressie postpartum</dt><dd>2014</dd><dd><span class="pill">inactief - hersteld</span></dd>`):
 * each is short and states a date or is a badge alone, or opens with a status however long it is ("Resolved -
 * normotensive off meds since 2021"), and one states a date. A code heads no items: its descriptions are its
 * episode's title, dates and status (`<dt>P76</dt><dd>Depressie</dd><dd>2015 – 2016</dd><dd>afgesloten</dd>`).
 */
function describesRow(c: Compiled, dt: Element): boolean {
  if (CODE_ALONE.test(dt.textContent ?? '')) return true;
  let dated = false;
  for (let dd = dt.nextElementSibling; dd && dd.localName === 'dd'; dd = dd.nextElementSibling) {
    const text = dd.textContent ?? '';
    if (openingStatus(c, text) !== null) continue;
    if (text.length > ROW_CELL_CHARS_MAX) return false;
    if (statesDate(text)) dated = true;
    else if (!isBadgeAlone(dd)) return false;
  }
  return dated;
}

/** An element holding one inline element (`<span class="pill">actief</span>`), no link, and no text of its own. */
function isBadgeAlone(el: Element): boolean {
  const only = el.firstElementChild;
  return only !== null && only === el.lastElementChild && BADGE_TAGS.has(only.localName) && !hasOwnLetter(el);
}

const BADGE_TAGS = new Set(['span', 'b', 'strong', 'em', 'i', 'small', 'mark']);

/** An ICD-10 or ICPC-2 code's shape: "K86", "E11.9". */
const CODE_SHAPE = String.raw`[A-Z][0-9]{2}(?:\.[0-9A-Z]{1,4})?`;
/** A term that is a code and nothing else. */
const CODE_ALONE = new RegExp(String.raw`^\s*${CODE_SHAPE}\s*$`);

const CODE_IN_ROW = new RegExp(String.raw`(?:^|[^A-Za-z0-9])${CODE_SHAPE}(?![A-Za-z0-9])`);
const ROW_CLASS_HISTORICAL = /(?:^|[\s_-])(passief|passive|inactive|inactief|inactif|resolved|opgelost|resolu|historical|history|past)(?:$|[\s_-])/;

/**
 * The text the walk reads in `el`, with no separators: none of a skipped tag (form controls, scripts...) or
 * a skipped part (hidden, editable, adapter `ignore`). A status badge the page hides is not the row's status,
 * and nothing typed in a field or changed in a skipped part changes what is a row.
 */
function readText(el: Element, skip: ReadonlySet<Element>, depth = 0): string {
  if (TAG_KIND.get(el.localName) === 1 || skip.has(el) || depth > MAX_DEPTH) return '';
  let text = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3) text += (n as Text).data;
    else if (n.nodeType === 1) text += readText(n as Element, skip, depth + 1);
  }
  return text;
}

/**
 * What a cell of answer boxes answers (`<td><input type=radio> ja <input type=radio checked> neen</td>`: two or
 * more boxes, each followed by one short word): the word after its ticked box, '' when none is ticked (the row's
 * question is unanswered), null when the cell is no such cell.
 */
function boxAnswer(cell: Element): string | null {
  let boxes = 0;
  let answer = '';
  for (let n = cell.firstElementChild; n; n = n.nextElementSibling) {
    if (!isChoice(n)) continue;
    const after = n.nextSibling;
    const word = after?.nodeType === 3 ? (after as Text).data : '';
    if (!SHORT_ANSWER.test(word)) return null;
    boxes++;
    if (n.checked) answer = word.trim();
  }
  return boxes >= 2 ? answer : null;
}

/**
 * What a cell of answers drawn as text answers, each a box or a radio mark and maybe one short word ("○ ja ●
 * nee", "[ ] yes [x] no", a scale's "○ ○ ● ○"): the word after its ticked mark (or the mark), '' when none is
 * ticked or the cell's one box is not, null when it is no such cell.
 */
function drawnAnswer(cell: string): string | null {
  if (LONE_UNTICKED_BOX.test(cell)) return '';
  if (!DRAWN_ANSWERS.test(cell)) return null;
  let marks = 0;
  let answer = '';
  for (const m of cell.matchAll(DRAWN_ANSWER)) {
    marks++;
    if (isDrawnTicked(m[1] as string)) answer = m[2] ?? (m[1] as string);
  }
  return marks >= 2 ? answer : null;
}

/**
 * A box typed as text, or a radio button drawn as a circle (as an answer only: a circle elsewhere is a bullet),
 * as a group.
 */
const DRAWN_MARK = String.raw`(${TYPED_BOX}|[○◯●◉])`;
const DRAWN_ANSWERS = new RegExp(String.raw`^(?:\s*${DRAWN_MARK}\s*(?:\p{L}{1,4}\.?)?)+\s*$`, 'u');
const DRAWN_ANSWER = new RegExp(String.raw`${DRAWN_MARK}\s*(\p{L}{1,4})?`, 'gu');
/**
 * A cell's box unticked, with no label of its own: alone, or before a comment set off by a dash or a colon
 * ("☐ — ETT 2022 : FEVG 60 %"). A box before words is their label's ("☐ Insuffisance cardiaque").
 */
const LONE_UNTICKED_BOX = new RegExp(String.raw`^\s*(?:${UNTICKED_SQUARE})\s*(?:$|[-–—:])`);
const isDrawnTicked = (mark: string): boolean => !UNTICKED_BOX.test(mark) && mark !== '○' && mark !== '◯';

/** A row's first cells, up to this many, are read for a status or a family-history badge. */
const STATUS_CELLS_MAX = 12;

/**
 * A row's status (its class, a cell stating a status word such as "Resolved" or "Excluded", or a date under an
 * end-date column), whether it is a relative's (its first cell names one, or a badge says family history), a
 * question left unanswered, and whether it shows a code. Cells are read apart, so a code in a cell of its own
 * counts however the cells are rendered.
 */
function rowInfo(
  c: Compiled,
  row: Element,
  skip: ReadonlySet<Element>,
  inEndColumn: (cell: Element) => boolean,
  /** A grid's row: its cells, the first of them `row` (its class is that cell's, no row's). */
  gridCells?: readonly Element[],
): RowInfo {
  const cls = gridCells ? null : row.getAttribute('class');
  let status: CellStatus | null = cls && ROW_CLASS_HISTORICAL.test(fold(cls)) ? 'historical' : null;
  let relative = false;
  let familyBadge = false;
  let asks = false;
  let blankAfter = true;
  let dated = false;
  let unansweredBoxes = false;
  let text = '';
  let cells = 0;
  const cell = (n: Node) => {
    if (n.nodeType === 3) text += (n as Text).data;
    if (n.nodeType !== 1) return;
    // A cell of answer boxes says the answer ticked in it, or that none is.
    const read = readText(n as Element, skip);
    const answer = cells > 0 ? (boxAnswer(n as Element) ?? drawnAnswer(read)) : null;
    if (answer === '') unansweredBoxes = true;
    const t = answer ?? read;
    if (cells === 0 && (gridCells || row.localName === 'tr' || row.localName === 'dt')) {
      relative = namesRelative(c, t);
      asks = t.trimEnd().endsWith('?');
    } else if (cells > 0 && blankAfter && !BLANK_CELL.test(t)) blankAfter = false;
    if (cells > 0 && cells < STATUS_CELLS_MAX && !familyBadge) familyBadge = saysFamilyHistory(c, t);
    if (cells < STATUS_CELLS_MAX) {
      // After a date (the problem began), a yes/no cell's plain "no" is a flag column's, not the problem's status.
      // A badge opening a cell after the first states one too (the first names the problem).
      const said = dated && saysPlainNo(c, t) ? null : (cellStatus(c, t) ?? (cells > 0 && t !== '' ? badgeStatus(c, n as Element, skip) : null));
      status = strongerStatus(status, said ?? (holdsDate(t) && inEndColumn(n as Element) ? 'historical' : null));
      dated ||= statesDate(t);
    }
    cells++;
    text += ` ${t} `;
  };
  if (gridCells) for (const n of gridCells) cell(n);
  else if (row.localName === 'dt') {
    // The term and its description are the cells (a term heading several items is a row alone).
    cell(row);
    if (!headsItems(c, row)) for (let dd = row.nextElementSibling; dd && dd.localName === 'dd'; dd = dd.nextElementSibling) cell(dd);
  } else for (let n = row.firstChild; n && text.length < 600; n = n.nextSibling) cell(n);
  return {
    status,
    family: (relative && cells > 1) || familyBadge,
    unanswered: (asks && blankAfter && cells > 1) || unansweredBoxes,
    hasCode: CODE_IN_ROW.test(text.slice(0, 600)),
  };
}

/**
 * The status a badge opening a cell states, a comment after it (`<span>Ruled Out</span> spiro reversible`): an
 * element of its own, its words end where it does. A plain "No" there opens a phrase ("No exacerbations"). Only
 * for a cell that is read (`skip`: a badge in a part never read states nothing).
 */
function badgeStatus(c: Compiled, cell: Element, skip: ReadonlySet<Element>): CellStatus | null {
  const badge = cell.firstElementChild;
  if (badge === null) return null;
  for (let n: ChildNode | null = cell.firstChild; n && n !== badge; n = n.nextSibling) if (n.nodeType === 3 && hasLetter((n as Text).data)) return null;
  const text = readText(badge, skip);
  return saysPlainNo(c, text) ? null : cellStatus(c, text);
}

/** A cell with no answer in it: no letter or digit ("", "-", "…"). */
const BLANK_CELL = /^[^\p{L}\p{N}]*$/u;
