/**
 * Columns of short items the page does not mark as navigation, made of plain divs, list items or spans, that
 * name no finding of the patient's:
 * - menus: where several items name the EHR's screens (data: chartModules: "Journaal", "Episodes",
 *   "Medicatie"), the condition names beside them are modules ("Ketenzorg DM", "Ketenzorg Astma/COPD");
 * - rosters: where most items open with a person's title (data: honorifics), after a time maybe ("08:30 Mme
 *   Rochat C. - contrôle asthme", "Mr S Iqbal - Type 2 diabetes 6/12"), they list other patients: an agenda,
 *   a recall or call list.
 *
 * The verdict depends only on the tree and its text (no attributes), so a full read and a re-read after a
 * change agree: the detector re-reads a whole column when a change inside it may flip the verdict.
 */
import type { Compiled } from './compile';
import { hasLetter, isBlockTag, isEditable, isHeaderRow, isSkippedTag } from './dom';
import { fold, squash } from './text';

/** A menu entry is no longer than this: a longer item is text. */
const ENTRY_CHARS_MAX = 48;
const ENTRY_WORDS_MAX = 6;
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

/** Above a block's parent: the outermost menu within reach, and the table it is in. */
interface Above {
  menu: Element | null;
  table: Element | null;
}

const NOTHING_ABOVE: Above = { menu: null, table: null };

interface Shape {
  /** Items that are no group label. */
  items: number;
  screens: number;
}

/** How far above a changed node a column whose verdict it changes may be (an item's inline markup included). */
const CHANGE_CLIMB = COLUMN_CLIMB + NEST_MAX + 2;

/** Per-pass memo of column shapes (the DOM does not change during a pass). */
export class ModuleColumns {
  private readonly shapes = new Map<Element, Shape | null>();
  /** Verdicts of lists and tables as rosters. */
  private readonly rosters = new Map<Element, boolean>();
  private readonly above = new Map<Element, Above>();
  private readonly texts = new Map<Element, string | null>();

  constructor(private readonly c: Compiled) {}

  /**
   * The column that makes `el`'s text no finding, or null: the outermost menu within COLUMN_CLIMB levels above
   * `el` (or `el` itself), else `el`'s parent when it is a roster. A roster is one list, not the column around
   * it: a problem list beside an agenda stays the patient's.
   */
  around(el: Element): Element | null {
    const parent = el.parentElement;
    const above = parent && !isRoot(parent) ? this.aboveOf(parent) : NOTHING_ABOVE;
    if (above.menu) return above.menu;
    if (el.firstElementChild !== null && isMenu(this.shape(el))) return el;
    const table = el.localName === 'td' || el.localName === 'th' ? tableOf(el) : above.table;
    if (table) return this.isRosterTable(table) ? table : null;
    return parent && !isRoot(parent) && this.isRosterList(parent) ? parent : null;
  }

  /** What `around` needs above a block, once per parent (a list's items share it): outermost menu, table. */
  private aboveOf(parent: Element): Above {
    let above = this.above.get(parent);
    if (above === undefined) {
      let menu: Element | null = null;
      let e: Element | null = parent;
      for (let i = 1; e && i <= COLUMN_CLIMB && !isRoot(e); i++, e = e.parentElement) if (isMenu(this.shape(e))) menu = e;
      above = { menu, table: tableOf(parent) };
      this.above.set(parent, above);
    }
    return above;
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
        if (ch.nodeType !== 1 || isSkippedTag((ch as Element).localName)) continue;
        const text = this.textOf(ch as Element);
        if (text !== null && (!hasLetter(text) || isLabel(ch as Element, text))) continue;
        if (text === null || hasBlockChild(ch as Element) || text.length > ROSTER_ITEM_CHARS_MAX || ++items > ITEMS_MAX) verdict = false;
        else if (this.namesPerson(text)) persons++;
      }
      verdict = verdict && persons >= PERSONS_MIN && persons * 2 > items;
      this.rosters.set(list, verdict);
    }
    return verdict;
  }

  /** A table most of whose rows (header rows aside) name a person in a cell: an agenda, a recall list. */
  private isRosterTable(table: Element): boolean {
    let verdict = this.rosters.get(table);
    if (verdict === undefined) {
      const rows = (table as HTMLTableElement).rows;
      let items = 0;
      let persons = 0;
      for (let i = 0; i < rows.length && items <= ITEMS_MAX; i++) {
        const row = rows[i] as HTMLTableRowElement;
        if (isHeaderRow(row)) continue;
        let lettered = false;
        let person = false;
        for (let j = 0; j < row.cells.length && !person; j++) {
          const text = squash(row.cells[j]?.textContent ?? '');
          if (!hasLetter(text)) continue;
          lettered = true;
          if (text.length <= ROSTER_ITEM_CHARS_MAX && this.namesPerson(text)) person = true;
        }
        if (lettered) items++;
        if (person) persons++;
      }
      verdict = persons >= PERSONS_MIN && persons * 2 > items;
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
    for (let i = 0; e && i <= CHANGE_CLIMB && !isRoot(e); i++, e = e.parentElement) {
      if (known.has(e) || (e.localName === 'table' ? this.isRosterTable(e) : this.isRosterList(e))) found = e;
      if (!shaped) continue;
      const shape = this.shape(e);
      if (isMenu(shape)) found = e;
      // An element that holds blocks and is no column makes none of its ancestors one.
      else if (!shape && hasBlockChild(e)) shaped = false;
    }
    return found;
  }

  /** `el`'s items counted, or null when it holds text of its own or an item too long for a menu. */
  private shape(el: Element): Shape | null {
    let shape = this.shapes.get(el);
    if (shape === undefined) {
      shape = { items: 0, screens: 0 };
      if (!this.collect(el, 0, shape)) shape = null;
      this.shapes.set(el, shape);
    }
    return shape;
  }

  /** Counts `el`'s items into `shape`; false when `el` holds text of its own or an item too long for a menu. */
  private collect(el: Element, depth: number, shape: Shape): boolean {
    for (let ch = el.firstChild; ch; ch = ch.nextSibling) {
      if (ch.nodeType === 3) {
        if (hasLetter((ch as Text).data)) return false;
        continue;
      }
      if (ch.nodeType !== 1) continue;
      const e = ch as Element;
      // A note field's text is the clinician's, changing at every keystroke: no part of the page's menus.
      if (isSkippedTag(e.localName) || isEditable(e)) continue;
      if (hasBlockChild(e)) {
        if (depth >= NEST_MAX || !this.collect(e, depth + 1, shape)) return false;
        continue;
      }
      const text = this.textOf(e);
      if (text === null) return false;
      if (!hasLetter(text)) continue;
      if (text.length > ENTRY_CHARS_MAX || text.split(' ').length > ENTRY_WORDS_MAX) return false;
      if (isLabel(e, text)) continue;
      if (++shape.items > ITEMS_MAX) return false;
      if (this.namesScreen(text)) shape.screens++;
    }
    return true;
  }

  /** True when the item's words start with a screen's name ("Uitslagen / metingen", "Samenvatting (SumEHR)"). */
  private namesScreen(text: string): boolean {
    // A regex for the first words, not the tokenizer: this runs for every short item of every list with a finding.
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
    const titled = TITLE_THEN_NAME.exec(text);
    if (titled && this.c.honorifics.has((titled[1] as string).toLowerCase())) {
      const first = titled[2] as string;
      return first !== first.toLowerCase();
    }
    const m = NAME_THEN_DASH.exec(text);
    // A condition's name in capitals is no surname ("COPD Review - due").
    return m !== null && (m[1]?.includes(',') === true || CAPS_SURNAME.test(m[1] ?? '')) && !this.c.prefilter.test((m[1] ?? '').toLowerCase());
  }
}

/** Up to three words (folded text) with what separates them: where a screen's name would be. */
const LEADING_WORDS = /^[^a-z0-9]*[a-z0-9]+(?:[^a-z0-9]+[a-z0-9]+){0,2}/;
/** A time maybe ("08:30", "14h00"), a first word, then the first letter after it: a title and a name's initial. */
const TITLE_THEN_NAME = /^[^\p{L}]*(?:\d{1,2}[hu]\d{2}[^\p{L}]*)?(\p{L}+)[^\p{L}]*(\p{L})/u;
/** A time maybe, then two to four capitalized words or initials (a comma among them maybe), then a dash, a colon or the end. */
const NAME_THEN_DASH = /^(?:\d{1,2}[:.hu]\d{2}\s*[-–—]?\s*)?((?:\p{Lu}[\p{L}'’-]*\.?,?(?:\s+|$)){2,4})(?:[-–—]|:\s|$)/u;
/** A surname in capitals first ("PERRIN Annie", "JONES M"). */
const CAPS_SURNAME = /^\p{Lu}{2,}[\s,]/u;

/** A menu: screens named by several of its entries. */
function isMenu(shape: Shape | null): boolean {
  return shape !== null && shape.screens >= SCREENS_MIN && shape.screens * 4 >= shape.items;
}

function isRoot(el: Element): boolean {
  return el.localName === 'body' || el.localName === 'html';
}

/** The table of the cell `el` is in or is, or null (a loop on tag names: this runs for every block with a finding). */
function tableOf(el: Element): Element | null {
  let e: Element | null = el;
  while (e && e.localName !== 'td' && e.localName !== 'th') {
    if (isRoot(e)) return null;
    e = e.parentElement;
  }
  while (e && e.localName !== 'table') e = e.parentElement;
  return e;
}

function hasBlockChild(el: Element): boolean {
  for (let ch = el.firstElementChild; ch; ch = ch.nextElementSibling) if (isBlockTag(ch.localName)) return true;
  return false;
}

const LABEL_TAGS = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A group's label in the column ("<b>Dossier</b>", "<div><b>Suivis</b></div>"): it names no screen of its own. */
function isLabel(el: Element, text: string): boolean {
  if (LABEL_TAGS.has(el.localName)) return true;
  const only = el.firstElementChild;
  return only !== null && only === el.lastElementChild && LABEL_TAGS.has(only.localName) && squash(only.textContent ?? '') === text;
}
