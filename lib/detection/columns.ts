/**
 * Reading table cells as text: the status a cell states ("Resolved", "uitgesloten - wittejassen...", a closed
 * date range), and plain-text tables as an EHR exports them (an episode list: a header line names the
 * columns, the lines under it are rows), whose end-date or status column says a row's problem is over.
 */
import { classifyHeading, type Compiled } from './compile';
import { BREAK, fold, squash, TokKind, tokenize } from './text';

/** What a cell can say of its row's problem: over, never there, or not yet confirmed. */
export type CellStatus = 'historical' | 'negated' | 'uncertain';

const STATUS_END = /[:;(]/;
/** A cell up to this long is read part by part for a status; a longer one by its first part, up to LONG_CELL_MAX. */
const STATUS_CELL_MAX = 80;
const LONG_CELL_MAX = 400;
/**
 * Parts of a cell set off by spaced dashes, dots or slashes, commas or an opening bracket: "antécédent – résolu
 * (2012)", "F32 – 2010, hersteld", "Probable · PFTs ordered", "In remissie / Inactief", "Hartfalen? (werkhypothese)".
 */
const PARTS = /\s[-–—·|/]\s|,|\(/;
/** A label before a colon at a part's start ("confirmation: ruled out"), its words in group 1. */
const STATUS_LABEL = /^\s*([a-z][a-z ]{0,30}?)\s*:\s*/;
const STATUS_PUNCT = /[().\-–:]+/g;
/**
 * A date, year or code after a status: "résolu 2021", "closed 03/2019", "inactif depuis 2018", "probable n18.9",
 * "Ended 30-Jan-2014", "Résolu le 3 févr. 2020" (a month's name among the numbers, en/nl/fr, folded).
 */
const TRAILING_DATE_OR_CODE =
  /(\s+(?:since|sinds|sedert|depuis|from|vanaf|on|op|le))?(\s+(?:\d[\d/]*|[a-z]\d{2}(?:\.[0-9a-z]{1,4})?|(?:jan|feb|fev|mar|mrt|apr|avr|may|mai|jun|jui|jul|aug|aou|sep|oct|okt|nov|dec)[a-z]*))+$/;
/** A cell that is a closed period, "2010-2019", "02/2018 – 09/2019": the problem has ended. */
const CLOSED_PERIOD = /^\s*(?:\d{1,2}[-/.]){0,2}\d{4}\s*[-–—]\s*(?:\d{1,2}[-/.]){0,2}\d{4}\s*$/;

/**
 * The status a cell states: a part of it (the whole cell, or set off by a dash or comma), up to a comment or a
 * date. In a long cell, only its first part ("Probable - smoking history 25 pack-years, ...").
 */
export function cellStatus(c: Compiled, cell: string): CellStatus | null {
  if (cell.length > LONG_CELL_MAX) return null;
  if (CLOSED_PERIOD.test(cell)) return 'historical';
  let status: CellStatus | null = null;
  const parts = squash(fold(cell)).split(PARTS);
  for (const whole of cell.length > STATUS_CELL_MAX ? parts.slice(0, 1) : parts) {
    // A status given under its label ("Confirmation: Ruled Out", "Statut : exclu"): the label is passed over.
    const labelled = STATUS_LABEL.exec(whole);
    const part = labelled && c.columnHeadings.get(labelled[1] as string) === 'status' ? whole.slice(labelled[0].length) : whole;
    const cut = part.search(STATUS_END);
    const word = (cut > 0 ? part.slice(0, cut) : part).replace(STATUS_PUNCT, ' ').trim().replace(TRAILING_DATE_OR_CODE, '');
    const said = c.rowNegated.has(word) ? 'negated' : c.rowHistorical.has(word) ? 'historical' : c.rowUncertain.has(word) ? 'uncertain' : null;
    if (said === 'negated') return said;
    status = strongerStatus(status, said);
  }
  return status;
}

/** The status a cell opens with, before any comment ("Resolved - normotensive off meds since 2021"), or null. */
export function openingStatus(c: Compiled, cell: string): CellStatus | null {
  const cut = cell.search(PARTS);
  return cellStatus(c, cut === -1 ? cell : cell.slice(0, cut));
}

/** True when a cell is a yes/no cell's plain "no" (rowStatus.answerNo): "No", "Nee", "Non". */
export function saysPlainNo(c: Compiled, cell: string): boolean {
  return c.rowAnswerNo.has(squash(fold(cell)));
}

const STATUS_RANK: Record<CellStatus, number> = { uncertain: 1, historical: 2, negated: 3 };

/** The stronger of two statuses: never there beats over, which beats not yet confirmed. */
export function strongerStatus(a: CellStatus | null, b: CellStatus | null): CellStatus | null {
  if (a === null || b === null) return a ?? b;
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
}

/** At most this many words in a badge that says a row is family history ("Familiaal antecedent"). */
const FAMILY_BADGE_WORDS = 3;

/**
 * True when a cell is a badge that says its row is family history, as a family-history heading would ("Family
 * history", "Familiaal antecedent", "Antécédent familial"): such a heading's words, and at most three.
 */
export function saysFamilyHistory(c: Compiled, cell: string): boolean {
  const text = squash(cell);
  if (text.length > 40 || text.split(' ').length > FAMILY_BADGE_WORDS) return false;
  return classifyHeading(c, text).has('family');
}

/** At most this many words in a cell that names a relative ("Mother", "Maternal grandfather", "Grand-mère paternelle"). */
const RELATIVE_CELL_WORDS = 3;

/**
 * True when a cell names a relative, as the first column of a family-history table does ("Mother", "Vader",
 * "Grand-père paternel"): a relative of the family triggers (compile.ts relativesOf) among at most three words.
 */
export function namesRelative(c: Compiled, cell: string): boolean {
  if (cell.length > 40) return false;
  const { norm, kind } = tokenize(fold(cell));
  let words = 0;
  for (const k of kind) if (k === TokKind.Word) words++;
  if (words === 0 || words > RELATIVE_CELL_WORDS) return false;
  for (let i = 0; i < norm.length; i++) {
    let node = c.root;
    for (let j = i; j < norm.length; j++) {
      const next = node.next?.get(norm[j] as string);
      if (!next) break;
      node = next;
      if (node.pay?.some((p) => p.t === 'trig' && p.trig.rel !== undefined)) return true;
    }
  }
  return false;
}

/** True when a cell under an end-date heading holds a date (a year at least): the row's problem has ended. */
export function holdsDate(cell: string): boolean {
  return /[0-9]/.test(cell);
}

/** True when a cell states a date: a year ("2008"), a month and year ("03-2014") or a full date ("12/09/18"). */
export function statesDate(cell: string): boolean {
  return DATE.test(cell);
}

const DATE = /(?<![\p{L}\p{N}])(?:(?:19|20)\d{2}|\d{1,2}[-/.](?:\d{1,2}[-/.])?\d{2,4})(?![\p{L}\p{N}])/u;

/** A column of a plain-text table that can end a row's problem: an end date, or a status. */
interface TextColumn {
  kind: 'end' | 'status';
  /** Split by a separator: the field index; laid out with spaces: where the heading starts and the next one does. */
  field: number;
  from: number;
  to: number;
}

/** The columns that matter in the rows under a header line. */
export interface TextTable {
  /** A tab, or a pipe (read as a break): the cells' separator; null: cells laid out with spaces. */
  sep: string | null;
  columns: TextColumn[];
}

/** Cells of a line laid out with spaces: runs of words separated by two spaces or more. */
const SPACED_CELL = /[^\s\u2029]+(?: [^\s\u2029]+)*/g;

/** The table a header line opens (three columns or more, one of them an end date or a status), or null. */
export function textTableOf(c: Compiled, line: string): TextTable | null {
  if (c.columnHeadings.size === 0) return null;
  const sep = line.includes('\t') ? '\t' : line.includes(BREAK) ? BREAK : null;
  const cells = sep
    ? line.split(sep).map((text, field) => ({ text, field, from: 0, to: 0 }))
    : [...line.matchAll(SPACED_CELL)].map((m, field, all) => ({ text: m[0], field, from: m.index ?? 0, to: all[field + 1]?.index ?? Infinity }));
  if (cells.length < 3) return null;
  const columns: TextColumn[] = [];
  for (const cell of cells) {
    const kind = c.columnHeadings.get(squash(fold(cell.text)));
    if (kind) columns.push({ kind, field: cell.field, from: cell.from, to: cell.to });
  }
  return columns.length > 0 ? { sep, columns } : null;
}

/**
 * What a row under the header says of its problem: ended (a date starts under the end-date heading: a long
 * description running on into the column is no date) or a status ("Inactif", "Résolu", "Excluded").
 */
export function textRowStatus(c: Compiled, table: TextTable, line: string): CellStatus | null {
  const fields = table.sep ? line.split(table.sep) : null;
  const spaced = fields ? [] : [...line.matchAll(SPACED_CELL)];
  let status: CellStatus | null = null;
  for (const col of table.columns) {
    const cell = fields
      ? (fields[col.field] ?? '')
      : (spaced.find((m) => (m.index ?? 0) >= col.from - 1 && (m.index ?? 0) < col.to)?.[0] ?? '');
    const said = col.kind === 'end' ? (holdsDate(cell) ? 'historical' : null) : cellStatus(c, cell);
    if (said === 'negated') return said;
    status = strongerStatus(status, said);
  }
  return status;
}
