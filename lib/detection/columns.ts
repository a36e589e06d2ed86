/**
 * Plain-text tables, as an EHR exports an episode list: a header line names the columns, the lines under it
 * are rows. Only one column matters to detection: an end date. A row with one filled in has ended
 * ("P76 Depressie 02-2018 09-2019" under "ICPC Omschrijving Begin Einde").
 */
import type { Compiled } from './compile';
import { fold, squash } from './text';

/** Where the end-date column is in the rows under a header line. */
export type EndColumn = { tab: true; field: number } | { tab: false; from: number; to: number };

/** Columns of a line laid out with spaces: runs of words separated by two spaces or more. */
const SPACED_CELL = /\S+(?: \S+)*/g;

/** The end-date column a header line names, or null when the line is no table header with one. */
export function endColumnOf(c: Compiled, line: string): EndColumn | null {
  if (c.endColumns.size === 0) return null;
  const isEnd = (cell: string) => c.endColumns.has(squash(fold(cell)));
  if (line.includes('\t')) {
    const fields = line.split('\t');
    const field = fields.findIndex(isEnd);
    return fields.length >= 3 && field !== -1 ? { tab: true, field } : null;
  }
  const cells = [...line.matchAll(SPACED_CELL)];
  if (cells.length < 3) return null;
  const k = cells.findIndex((m) => isEnd(m[0]));
  if (k === -1) return null;
  const next = cells[k + 1];
  return { tab: false, from: (cells[k] as RegExpMatchArray).index ?? 0, to: next?.index ?? Infinity };
}

/**
 * True when a row under the header has a date in the end column: a cell that starts under the heading (a long
 * description running on into the column is no date).
 */
export function hasEnded(col: EndColumn, line: string): boolean {
  if (col.tab) return /[0-9]/.test(line.split('\t')[col.field] ?? '');
  for (const m of line.matchAll(SPACED_CELL)) {
    const at = m.index ?? 0;
    if (at >= col.from - 1 && at < col.to && /[0-9]/.test(m[0])) return true;
  }
  return false;
}
