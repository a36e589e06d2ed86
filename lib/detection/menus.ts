/**
 * Columns of short items the page does not mark as navigation, made of plain divs, list items or spans, that
 * name no finding of the patient's:
 * - menus: where several items name the EHR's screens (data: chartModules: "Journaal", "Episodes",
 *   "Medicatie"), the condition names beside them are modules ("Ketenzorg DM", "Ketenzorg Astma/COPD"); the
 *   items of a tree's folder named as a reference section ("Templates", "Overdue recalls") count as screens;
 * - rosters: where most items open with a person's title (data: honorifics), after a time maybe ("08:30 Mme
 *   Rochat C. - contrôle asthme", "Mr S Iqbal - Type 2 diabetes 6/12"), they list other patients: an agenda,
 *   a recall or call list;
 * - indexes: a column of links in alphabetical order with no label ("Asthma", "Atrial Fibrillation", "CHD",
 *   "CKD", ...), each item a link alone: the EHR's registers or templates, not the patient's problems, which
 *   come with a heading, dates, codes or a status.
 *
 * The verdict depends only on the tree and its text (no attributes), so a full read and a re-read after a
 * change agree: the detector re-reads a whole column when a change inside it may flip the verdict.
 */
import { classifyHeading, type Compiled } from './compile';
import {
  cellsOf,
  hasLetter,
  isBlockTag,
  isCell,
  isEditable,
  isHeaderRow,
  isLetterCode,
  isPageRoot,
  isSkippedTag,
  rowsOf,
  type Block,
  type Enclosing,
} from './dom';
import { BREAK, fold, squash } from './text';

/** A menu entry is no longer than this: a longer item is text. */
const ENTRY_CHARS_MAX = 48;
const ENTRY_WORDS_MAX = 8;
/** A link alone may be longer: a guideline's title ("Domus Medica: Lage rugpijn en lumbosacraal radiculair syndroom"). */
const LINK_CHARS_MAX = 80;
const LINK_WORDS_MAX = 12;
/** An item of a roster is no longer than this ("08:30 Mme Rochat C. - contrôle asthme"). */
const ROSTER_ITEM_CHARS_MAX = 80;
/** A column holds at most this many items (a long list of short rows is a table of findings, not a menu). */
const ITEMS_MAX = 60;
/** Items may sit this deep in wrappers and lists (`div > ul > li`, `div > div > a`). */
const NEST_MAX = 3;
/** At least this many items name screens, and at least a quarter of the items that are not labels. */
const SCREENS_MIN = 3;
/** At least this many items name persons, and more than half of the items that are not labels. */
const PERSONS_MIN = 3;
/** How far above a block its column may be. */
export const COLUMN_CLIMB = 5;
/** Words a screen name may have ("schéma de médication"). */
const SCREEN_WORDS_MAX = 3;
/** An index has at least this many links. */
const INDEX_MIN = 6;

interface Shape {
  /** Items that are no group label. */
  items: number;
  screens: number;
  /** How many wrappers deep its items sit at most (0: they are its children). */
  depth: number;
  /** Items that are a link alone, labels seen, and whether the items so far are in alphabetical order (indexes). */
  links: number;
  labels: number;
  sorted: boolean;
  /** The first and the last item's text, folded, to keep the order across wrappers. */
  first: string;
  last: string;
}

/** How far above a changed node a column whose verdict it changes may be (an item's inline markup included). */
const CHANGE_CLIMB = COLUMN_CLIMB + NEST_MAX + 2;

/** Per-pass memo of column shapes (the DOM does not change during a pass). */
export class ModuleColumns {
  private readonly shapes = new Map<Element, Shape | null>();
  /** Verdicts of lists and tables as rosters. */
  private readonly rosters = new Map<Element, boolean>();
  /** Per parent of blocks (a list's items share one): the outermost menu within reach above it. */
  private readonly menusAbove = new Map<Element, Element | null>();
  private readonly tablesAbove = new Map<Enclosing, Element | null>();
  private readonly texts = new Map<Element, string | null>();
  private readonly items = new Map<Element, Item>();

  constructor(private readonly c: Compiled) {}

  /**
   * The column that makes block `b`'s text no finding, or null: the outermost menu within COLUMN_CLIMB levels
   * above it (or the block itself), else the list it is an item of or the table it is in when that is a roster.
   * A roster is one list, not the column around it: a problem list beside an agenda stays the patient's.
   * `namesCondition`: the block's findings name a condition or give its code, as a menu's modules do. A drug's
   * name alone names no screen, and is taken from a roster list only in an item that names its person ("Mr S
   * Iqbal - metformin review"), so that most drug lists need no look: it can only support a condition the
   * patient's own chart names.
   */
  around(b: Block, namesCondition: boolean): Element | null {
    const el = b.el;
    // An agenda written as lines of one block ("09:00 Dhr. Postma - AF, hypertensie<br>09:20 Mw. ...").
    if (this.isRosterOfLines(b) || isDrawnTree(b.text)) return el;
    const text = this.itemText(b);
    const length = text === null ? Infinity : text.length;
    // An item too long for a roster is in none.
    const listed = length <= ROSTER_ITEM_CHARS_MAX && (namesCondition || this.namesPerson(text as string));
    const parent = b.up ? b.up.node : el.parentElement;
    // Only the walk's root frame may be the body (a full walk's).
    if (!parent || ((!b.up || b.up.up === null) && isPageRoot(parent))) return namesCondition && this.isMenuItself(el) ? el : null;
    if (namesCondition) {
      // An item too long for a menu is in none.
      const menu = length <= ENTRY_CHARS_MAX || (length <= LINK_CHARS_MAX && isLinkAlone(el)) ? this.menuAbove(parent) : null;
      if (menu) return menu;
      if (this.isMenuItself(el)) return el;
    }
    // The list first: an agenda may sit in a cell of a page laid out as a table.
    if (listed && parent.localName !== 'tr' && this.isRosterList(parent)) return parent;
    const table = this.tableAbove(b);
    return table && this.isRosterTable(table) ? table : null;
  }

  /**
   * Block `b`'s text as an item of a column, squashed: '' for a wrapper (its items are the blocks inside it),
   * null when too long for an item of any column.
   */
  private itemText(b: Block): string | null {
    // The block's text as read stands for it (they differ at most in the spaces around inline parts): most blocks
    // with a finding are sentences or drugs, let go with no DOM read. Breaks come from blocks inside or <br>s.
    if (!b.text.includes(BREAK)) return squash(b.text);
    return hasBlockChild(b.el) ? '' : this.textOf(b.el);
  }

  private isMenuItself(el: Element): boolean {
    return el.firstElementChild !== null && isMenu(this.shape(el));
  }

  private menuAbove(parent: Element): Element | null {
    let menu = this.menusAbove.get(parent);
    if (menu === undefined) {
      menu = null;
      let e: Element | null = parent;
      for (let i = 1; e && i <= COLUMN_CLIMB && !isPageRoot(e); i++, e = e.parentElement) {
        const shape = this.shape(e);
        if (isMenu(shape)) menu = e;
        else if (shape === null && this.item(e).kind === 'wrapper') break; // see changedAround
      }
      this.menusAbove.set(parent, menu);
    }
    return menu;
  }

  /**
   * The table of the cell block `b` is in or is, or null: looked up once per frame of the walk that read it (the
   * blocks of a column share their frames), in the DOM above the walk's root.
   */
  private tableAbove(b: Block): Element | null {
    if (isCell(b.el)) return tableOf(b.el);
    const climbed: Enclosing[] = [];
    let table: Element | null | undefined;
    let f = b.up;
    for (; f && (table = this.tablesAbove.get(f)) === undefined; f = f.up ?? undefined) {
      climbed.push(f);
      if (isCell(f.node) || f.up === null) {
        table = tableOf(f.node);
        break;
      }
    }
    if (f === undefined) table = tableOf(b.el); // a block read on its own (a change re-read): no frames
    for (const c of climbed) this.tablesAbove.set(c, table ?? null);
    return table ?? null;
  }

  /**
   * An item's text, squashed, once per pass (a list is looked at both as a column and as a roster); null when
   * too long for an item of either.
   */
  private textOf(item: Element): string | null {
    let text = this.texts.get(item);
    if (text === undefined) {
      const raw = item.textContent ?? '';
      text = raw.length > 4 * ENTRY_CHARS_MAX ? null : squash(raw);
      this.texts.set(item, text);
    }
    return text;
  }

  /**
   * What a column makes of `e`, one of its children, once per pass (a list is looked at both as a column and as
   * a roster, and the columns above a block share their children): few DOM reads, as this runs for every child
   * of every column above a block with a finding.
   */
  private item(e: Element): Item {
    let item = this.items.get(e);
    if (item === undefined) {
      const name = e.localName;
      const first = e.firstElementChild;
      // A note field's text is the clinician's, changing at every keystroke: no part of the page's columns.
      if (isSkippedTag(name) || isEditable(e)) item = SKIPPED;
      else if (first !== null && hasBlockFrom(first)) item = WRAPPER;
      else {
        const text = this.textOf(e);
        if (text === null) item = TOO_LONG;
        else if (!hasLetter(text)) item = BLANK;
        else item = { kind: isLabel(e, name, first, text) ? 'label' : 'entry', text };
      }
      this.items.set(e, item);
    }
    return item;
  }

  /**
   * A list most of whose items (its children, labels aside) name a person. Its own children only: a note
   * beside a call list, in the same column, is no item of it.
   */
  private isRosterList(list: Element): boolean {
    let verdict = this.rosters.get(list);
    if (verdict === undefined) {
      let items = 0;
      let persons = 0;
      verdict = true;
      for (let ch = list.firstChild; ch && verdict; ch = ch.nextSibling) {
        if (ch.nodeType === 3) verdict = !hasLetter((ch as Text).data);
        if (ch.nodeType !== 1) continue;
        const item = this.item(ch as Element);
        // A wrapper is no item of a roster, unless it holds no letters at all (a spacer).
        const wrapperText = item.kind === 'wrapper' ? this.textOf(ch as Element) : null;
        const blank = item.kind === 'blank' || (wrapperText !== null && !hasLetter(wrapperText));
        if (blank || item.kind === 'skipped' || item.kind === 'label') continue;
        if (item.kind !== 'entry' || item.text.length > ROSTER_ITEM_CHARS_MAX || ++items > ITEMS_MAX) verdict = false;
        else if (this.namesPerson(item.text)) persons++;
      }
      verdict = verdict && mostlyPersons(persons, items);
      this.rosters.set(list, verdict);
    }
    return verdict;
  }

  /**
   * A block whose lines (set apart by `<br>`s) are a roster's items, as a list's are: most of them name a
   * person. Its own text only, so reading the block again gives the same verdict.
   */
  private isRosterOfLines(b: Block): boolean {
    if (!b.text.includes(BREAK)) return false;
    let items = 0;
    let persons = 0;
    for (const line of b.text.split(BREAK)) {
      if (!hasLetter(line)) continue;
      const text = squash(line);
      if (text.length > ROSTER_ITEM_CHARS_MAX || ++items > ITEMS_MAX) return false;
      if (this.namesPerson(text)) persons++;
    }
    return mostlyPersons(persons, items);
  }

  /** A table most of whose rows (header rows aside) name a person in a cell: an agenda, a recall list. */
  private isRosterTable(table: Element): boolean {
    let verdict = this.rosters.get(table);
    if (verdict === undefined) {
      const rows = rowsOf(table);
      let items = 0;
      let persons = 0;
      for (let i = 0; i < rows.length && items <= ITEMS_MAX; i++) {
        const row = rows[i] as HTMLTableRowElement;
        if (isHeaderRow(row)) continue;
        let lettered = false;
        let person = false;
        const cells = cellsOf(row);
        for (let j = 0; j < cells.length && !person; j++) {
          const text = this.textOf(cells[j] as Element);
          if (text !== null && !hasLetter(text)) continue;
          lettered = true;
          if (text !== null && text.length <= ROSTER_ITEM_CHARS_MAX && this.namesPerson(text)) person = true;
        }
        if (lettered) items++;
        if (person) persons++;
      }
      verdict = mostlyPersons(persons, items);
      this.rosters.set(table, verdict);
    }
    return verdict;
  }

  /**
   * For a change at `node`: the outermost element above it whose verdict the change may have flipped, a menu
   * now or one of `known` (the menus of the last read), or null. Its blocks are to be read again.
   */
  changedAround(node: Node, known: ReadonlySet<Element>): Element | null {
    let found: Element | null = null;
    let shaped = true;
    let e: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
    let i = 0;
    for (; e && i <= CHANGE_CLIMB && !isPageRoot(e); i++, e = e.parentElement) {
      if (known.has(e) || (e.localName === 'table' ? this.isRosterTable(e) : this.isRosterList(e))) found = e;
      if (!shaped) continue;
      const shape = this.shape(e);
      if (isMenu(shape)) found = e;
      // An element that holds blocks and is no column makes none of its ancestors one.
      else if (!shape && this.item(e).kind === 'wrapper') shaped = false;
    }
    // The page's body is a menu only for its own text (around): one now, or one of the last read.
    if (e && e.localName === 'body' && i <= CHANGE_CLIMB && (known.has(e) || (shaped && this.isMenuItself(e)))) found = e;
    return found;
  }

  /**
   * `el`'s items counted, or null when it holds text of its own, an item too long for a menu, too many items or
   * wrappers nested too deep. Once per element and pass: the columns above a block share their wrappers' shapes.
   */
  private shape(el: Element): Shape | null {
    let shape = this.shapes.get(el);
    if (shape === undefined) {
      shape = this.collect(el);
      this.shapes.set(el, shape);
    }
    return shape;
  }

  private collect(el: Element): Shape | null {
    const shape: Shape = { items: 0, screens: 0, depth: 0, links: 0, labels: 0, sorted: true, first: '', last: '' };
    // A tree's folder (`<li>📁 Chronic Disease Management<ul>...</ul></li>`, `<div>▾ Clinical Templates<div>Asthma</div>...`):
    // short text before any item is the label of the items after it.
    let folder = '';
    let seen = false;
    for (let ch = el.firstChild; ch; ch = ch.nextSibling) {
      if (ch.nodeType === 3) {
        const data = (ch as Text).data;
        if (!hasLetter(data)) continue;
        if (seen) return null;
        if (!folder) shape.labels++;
        folder += data;
        continue;
      }
      if (ch.nodeType !== 1) continue;
      const item = this.item(ch as Element);
      if (item.kind !== 'skipped' && item.kind !== 'blank') seen = true;
      if (item.kind === 'wrapper') {
        const inner = this.shape(ch as Element);
        if (inner === null || inner.depth >= NEST_MAX) return null;
        if (inner.items > 0) follow(shape, inner.first, inner.last, inner.sorted);
        shape.items += inner.items;
        shape.screens += inner.screens;
        shape.links += inner.links;
        shape.labels += inner.labels;
        shape.depth = Math.max(shape.depth, inner.depth + 1);
      } else if (item.kind === 'too long') {
        return null;
      } else if (item.kind === 'entry' || item.kind === 'label') {
        const link = item.kind === 'entry' && isLinkAlone(ch as Element);
        if (!fitsEntry(item.text, link)) return null;
        if (item.kind === 'label') {
          shape.labels++;
          continue;
        }
        const folded = fold(item.text);
        follow(shape, folded, folded, true);
        shape.items++;
        if (link) shape.links++;
        if (this.namesScreen(item.text)) shape.screens++;
      }
      if (shape.items > ITEMS_MAX) return null;
    }
    if (folder) {
      const label = squash(folder);
      if (!fitsEntry(label, false)) return null;
      // A folder of templates, guidelines or recalls: each of its items opens one of them, as a screen's name does.
      if (classifyHeading(this.c, label).has('reference')) shape.screens = shape.items;
    }
    return shape;
  }

  /** True when the item's words start with a screen's name ("Uitslagen / metingen", "Samenvatting (SumEHR)"). */
  private namesScreen(text: string): boolean {
    // Regexes for the first words, not the tokenizer: this runs for every short item of every list with a finding.
    const head = FIRST_WORD.exec(text);
    if (head === null || !this.c.moduleHeads.has(fold(head[0]))) return false;
    const words = fold(text).match(LEADING_WORDS)?.[0].split(/[^a-z0-9]+/) ?? [];
    let phrase = '';
    for (let n = 0; n < words.length && n < SCREEN_WORDS_MAX; n++) {
      phrase = n === 0 ? (words[0] as string) : `${phrase} ${words[n] as string}`;
      if (this.c.modules.has(phrase)) return true;
    }
    return false;
  }

  /**
   * True when the item opens with a person's name, after a time maybe: a title and a capitalized name ("08:30
   * M. Pittet J.", "mw. De Groot"), or a name written as lists of patients write it, then a dash, a colon or
   * nothing ("WARD, Kevin - asthma review", "Hendriks, W. - COPD", "PERRIN Annie - renouvellement BPCO").
   */
  private namesPerson(text: string): boolean {
    // A title's name and a name's second word start with a capital: most items fail this before the regexes.
    if (!capitalAfterFirstWord(text)) return false;
    const titled = TITLE_THEN_NAME.exec(text);
    if (titled && this.c.honorifics.has((titled[1] as string).toLowerCase())) {
      const first = titled[2] as string;
      return first !== first.toLowerCase();
    }
    const m = NAME_THEN_DASH.exec(text);
    const name = m?.[2] ?? '';
    // A condition's name in capitals is no surname ("COPD Review - due"); nor is "Heart Failure - review" a name.
    // After a time, as an agenda lists them, a first and a last name are enough ("08:30 Wouters Marc - DM2").
    const named = m?.[1] !== undefined || name.includes(',') || CAPS_SURNAME.test(name) || INITIALS.test(name);
    return m !== null && named && !this.c.prefilter.test(name.toLowerCase());
  }
}

/** The first word: most items' first words start no screen's name, and folding one word is cheap. */
const FIRST_WORD = /[\p{L}\p{N}]+/u;
/** The first three words (folded text) with what separates them, after any mark or icon: where a screen's name would be. */
const LEADING_WORDS = /[a-z0-9]+(?:[^a-z0-9]+[a-z0-9]+){0,2}/;
/**
 * A time, bed or room maybe ("08:30", "14h00", "C4-05-1"), a first word, then the first letter after it: a title
 * and a name's initial.
 */
const TITLE_THEN_NAME = /^[^\p{L}]*(?:(?:\d{1,2}[hu]\d{2}|\p{Lu}?\d[\d\p{Lu}.:/-]*)[^\p{L}]*)?(\p{L}+)[^\p{L}]*(\p{L})/u;
/**
 * A list's number or a time maybe ("1. JONES, Peter - lap chole"), then two to four capitalized words or
 * initials (a comma among them maybe), after a surname's particles maybe ("de Graaf, P.", "van den Berg, J."),
 * then a dash, a colon or the end.
 */
const NAME_THEN_DASH = /^(?:\d{1,3}[.)]\s+)?(\d{1,2}[:.hu]\d{2}\s*[-–—]?\s*)?((?:(?:van|von|de|der|den|ter|te|du|le|la)\s+){0,2}(?:\p{Lu}[\p{L}'’-]*\.?,?(?:\s+|$)){2,4})(?:[-–—]|:\s|$)/u;
/** A surname in capitals first ("PERRIN Annie", "JONES M"). */
const CAPS_SURNAME = /^\p{Lu}{2,}[\s,]/u;
/** A surname with an initial before or after it ("J Whitaker", "A. Nowak", "Favre P.", "Van Damme R."). */
const INITIALS = /^(?:\p{Lu}\.?\s+\p{Lu}\p{Ll}|(?:\p{Lu}\p{Ll}+\s+)+\p{Lu}\.(?:\s|$))/u;

/**
 * A column's child: skipped (hidden from reading, or a note field), a wrapper of blocks (its items are inside it),
 * too long for an item of any column, blank (no letters), a group's label, or an entry with its text.
 */
type Item = { kind: 'skipped' | 'wrapper' | 'too long' | 'blank' } | { kind: 'label' | 'entry'; text: string };

const SKIPPED: Item = { kind: 'skipped' };
const WRAPPER: Item = { kind: 'wrapper' };
const TOO_LONG: Item = { kind: 'too long' };
const BLANK: Item = { kind: 'blank' };

/** A roster's count: at least PERSONS_MIN of its items (a list's, a table's rows, a block's lines) name a person. */
function mostlyPersons(persons: number, items: number): boolean {
  return mostly(persons, items, PERSONS_MIN);
}

/** At least `min` of `items` count, and over half of them. */
function mostly(hits: number, items: number, min: number): boolean {
  return hits >= min && hits * 2 > items;
}

/** A menu: screens named by several of its entries, or an index (see the top of this file). */
function isMenu(shape: Shape | null): boolean {
  if (shape === null) return false;
  if (shape.screens >= SCREENS_MIN && shape.screens * 4 >= shape.items) return true;
  return shape.items >= INDEX_MIN && shape.links === shape.items && shape.labels === 0 && shape.sorted;
}

/**
 * Items from `first` to `last` (in order among themselves when `sorted`) come next in `shape`, before its count
 * grows: it stays in alphabetical order while each run starts at or after the one before ends.
 */
function follow(shape: Shape, first: string, last: string, sorted: boolean): void {
  shape.sorted &&= sorted && shape.last <= first;
  if (shape.items === 0) shape.first = first;
  shape.last = last;
}

/** An item that is one link and nothing else: `<a>`, or an element whose only child element is an `<a>` holding all its text. */
function isLinkAlone(el: Element): boolean {
  if (el.localName === 'a') return true;
  const a = el.firstElementChild;
  return a !== null && a === el.lastElementChild && a.localName === 'a' && (a.textContent ?? '').length === (el.textContent ?? '').length;
}

/**
 * A tree of screens drawn as text, a branch per line ("Clinical Tree\n├ Problems\n│  ├ PHQ-9\n│  └ Diabetic Foot
 * Check"): a menu, as a folder tree of elements is. At least TREE_BRANCHES_MIN lines, and most of those with a
 * letter, open with a branch.
 */
function isDrawnTree(text: string): boolean {
  if (text.indexOf('\u251c') === -1 && text.indexOf('\u2514') === -1) return false;
  let lines = 0;
  let branches = 0;
  for (const line of text.split(LINE_SPLIT)) {
    if (!hasLetter(line)) continue;
    lines++;
    if (TREE_BRANCH.test(line)) branches++;
  }
  return mostly(branches, lines, TREE_BRANCHES_MIN);
}

/** A line's break in a block's text: one in its source, or one the walk made. */
const LINE_SPLIT = new RegExp(`[\n${BREAK}]`);
/** A line that opens with a tree's branch ("├ ", "└ "), under the trunks of the levels above ("│  ├ "). */
const TREE_BRANCH = /^[\s\u2502]*[\u251c\u2514]/;
const TREE_BRANCHES_MIN = 3;

/** The table of the cell `el` is in or is, or null (a loop on tag names, cheaper than closest() here). */
function tableOf(el: Element): Element | null {
  let e: Element | null = el;
  while (e && e.localName !== 'td' && e.localName !== 'th') {
    if (isPageRoot(e)) return null;
    e = e.parentElement;
  }
  while (e && e.localName !== 'table') e = e.parentElement;
  return e;
}

/**
 * True when a capital letter follows the first run of letters of `text` (or a letter beyond Latin, which may be
 * one): "Mr S Iqbal", "08:30 M. Pittet", "WARD, Kevin"; not "Metformin 1 g bd".
 */
function capitalAfterFirstWord(text: string): boolean {
  const n = text.length;
  let i = 0;
  while (i < n && !isLetterCode(text.charCodeAt(i))) i++;
  while (i < n && isLetterCode(text.charCodeAt(i))) i++;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7) || c >= 0x100) return true;
  }
  return false;
}

/** True when squashed `text` is short enough for a menu's entry, or for a link alone when `link`. */
function fitsEntry(text: string, link: boolean): boolean {
  return link
    ? text.length <= LINK_CHARS_MAX && wordCount(text) <= LINK_WORDS_MAX
    : text.length <= ENTRY_CHARS_MAX && wordCount(text) <= ENTRY_WORDS_MAX;
}

/** Words of squashed text (its spaces plus one), without splitting it. */
function wordCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) n++;
  return n;
}

function hasBlockChild(el: Element): boolean {
  const first = el.firstElementChild;
  return first !== null && hasBlockFrom(first);
}

/** A block among `first` and its next siblings. */
function hasBlockFrom(first: Element): boolean {
  for (let ch: Element | null = first; ch; ch = ch.nextElementSibling) if (isBlockTag(ch.localName)) return true;
  return false;
}

const LABEL_TAGS = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A group's label in the column ("<b>Dossier</b>", "<div><b>Suivis</b></div>"): it names no screen of its own. */
function isLabel(el: Element, name: string, first: Element | null, text: string): boolean {
  if (LABEL_TAGS.has(name)) return true;
  return first !== null && first === el.lastElementChild && LABEL_TAGS.has(first.localName) && squash(first.textContent ?? '') === text;
}
