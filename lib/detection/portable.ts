/**
 * The compiled detection index as JSON: written at build time by scripts/compile-detection.ts into
 * compiled.generated.ts, read back at run time without compiling anything (no term folding, no trie
 * building, no pre-check regex construction on the clinician's page).
 */
import type { ConditionId, Language } from '../conditions';
import type { Compiled, IcdRule, Payload, SectionKind, TrieNode } from './compile';
import { headsOf, prefilterRegexes, triePaths } from './compile';

export interface Portable {
  v: 3;
  /**
   * Token paths of the trie, one per line, each coded against the line before: a first character (code
   * 48 + k) says how many leading tokens it shares with it, then its other tokens, space-separated (tokens never
   * contain a space or a line break). Sorted paths share most of their tokens: this keeps the script small.
   */
  paths: string;
  /** For each path, the indexes of its payloads in `table`: comma-separated, one group per path, space-separated. */
  pays: string;
  /** Payloads without their false and null fields (PAYLOAD_DEFAULTS puts them back). */
  table: Payload[];
  prefilter: string;
  icd10: IcdRule[];
  icpc: [string, ConditionId[]][];
  snomed: [string, ConditionId[]][];
  atc: { prefix: string; ids: ConditionId[] }[];
  yields: [ConditionId, ConditionId[]][];
  acuteEvents: string;
  /** Each kind's heading phrases, their tokens space-separated, '|'-separated. */
  sections: Record<SectionKind, string>;
  /** Word lists, '|'-separated (as the ones below). */
  rowHistorical: string;
  rowNegated: string;
  rowAnswerNo: string;
  rowUncertain: string;
  rowActive: string;
  columnHeadings: [string, 'end' | 'status'][];
  /** Screen names, '|'-separated. */
  modules: string;
  honorifics: string;
  shortHeadingWords: string;
  enrolment: string;
  hints: [string, Language][];
}

/** The false and null fields a payload of each kind has when the table leaves them out. */
const PAYLOAD_DEFAULTS: Partial<Record<Payload['t'], object>> = { cond: { weak: false, abbr: null } };
const TRIGGER_DEFAULTS = { pre: false, post: false, clause: false, punct: false };

/** A copy of `x` without its false and null fields, its keys sorted (one text for equal payloads). */
function lean<T extends object>(x: T): T {
  const kept = Object.entries(x).filter(([, v]) => v !== false && v !== null);
  return Object.fromEntries(kept.sort(([a], [b]) => (a < b ? -1 : 1))) as T;
}

function leanPayload(p: Payload): Payload {
  return p.t === 'trig' ? { t: 'trig', trig: lean(p.trig) } : lean(p);
}

function fullPayload(p: Payload): Payload {
  return p.t === 'trig' ? { t: 'trig', trig: { ...TRIGGER_DEFAULTS, ...p.trig } } : ({ ...PAYLOAD_DEFAULTS[p.t], ...p } as Payload);
}

/** Between paths and list items: no token holds it, and unlike a newline it needs no escape in the bundled script. */
const PATH_SEPARATOR = '|';

/** A list of words or phrases as one string (none holds the separator; a list's quotes and commas cost bytes). */
function joined(words: Iterable<string>): string {
  const list = [...words];
  if (list.some((w) => w.includes(PATH_SEPARATOR))) throw new Error(`a word holds the separator: ${list.join(', ')}`);
  return list.join(PATH_SEPARATOR);
}

function split(list: string): string[] {
  return list === '' ? [] : list.split(PATH_SEPARATOR);
}

/** The code of a path's line: how many tokens it shares with the path before, then the rest. */
const SHARED_BASE = 48;

export function toPortable(c: Compiled): string {
  const table: Payload[] = [];
  const index = new Map<string, number>();
  const lines: string[] = [];
  const pays: string[] = [];
  let before: string[] = [];
  for (const [path, ps] of triePaths(c.root)) {
    let shared = 0;
    while (shared < path.length - 1 && shared < before.length && path[shared] === before[shared]) shared++;
    lines.push(String.fromCharCode(SHARED_BASE + shared) + path.slice(shared).join(' '));
    before = path;
    pays.push(
      ps
        .map((p) => {
          const stored = leanPayload(p);
          const k = JSON.stringify(stored);
          let i = index.get(k);
          if (i === undefined) {
            i = table.length;
            table.push(stored);
            index.set(k, i);
          }
          return i;
        })
        .join(','),
    );
  }
  const p: Portable = {
    v: 3,
    paths: joined(lines),
    pays: pays.join(' '),
    table,
    prefilter: c.prefilter.source,
    icd10: c.icd10,
    icpc: [...c.icpc],
    snomed: [...c.snomed],
    atc: c.atc,
    yields: [...c.yields],
    acuteEvents: joined(c.acuteEvents),
    sections: Object.fromEntries(Object.entries(c.sections).map(([k, v]) => [k, joined(v.map((toks) => toks.join(' ')))])) as Record<SectionKind, string>,
    rowHistorical: joined(c.rowHistorical),
    rowNegated: joined(c.rowNegated),
    rowAnswerNo: joined(c.rowAnswerNo),
    rowUncertain: joined(c.rowUncertain),
    rowActive: joined(c.rowActive),
    columnHeadings: [...c.columnHeadings],
    modules: joined(c.modules),
    honorifics: joined(c.honorifics),
    shortHeadingWords: joined(c.shortHeadingWords),
    enrolment: joined(c.enrolment),
    hints: [...c.hints],
  };
  return JSON.stringify(p);
}

export function fromPortable(json: string): Compiled {
  const p = JSON.parse(json) as Portable;
  const table = p.table.map(fullPayload);
  const pays = p.pays.split(' ');
  const root: TrieNode = { next: null, pay: null };
  let before: string[] = [];
  const lines = p.paths.split(PATH_SEPARATOR);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const path = before.slice(0, line.charCodeAt(0) - SHARED_BASE).concat(line.slice(1).split(' '));
    before = path;
    let node = root;
    for (const tok of path) {
      node.next ??= new Map();
      let nx = node.next.get(tok);
      if (!nx) {
        nx = { next: null, pay: null };
        node.next.set(tok, nx);
      }
      node = nx;
    }
    node.pay = (pays[i] as string).split(',').map((j) => table[Number(j)] as Payload);
  }
  return {
    root,
    ...prefilterRegexes(p.prefilter),
    icd10: p.icd10,
    icpc: new Map(p.icpc),
    snomed: new Map(p.snomed),
    atc: p.atc,
    yields: new Map(p.yields),
    acuteEvents: new Set(split(p.acuteEvents)),
    sections: Object.fromEntries(Object.entries(p.sections).map(([k, v]) => [k, split(v).map((s) => (s ? s.split(' ') : []))])) as Record<SectionKind, string[][]>,
    rowHistorical: new Set(split(p.rowHistorical)),
    rowNegated: new Set(split(p.rowNegated)),
    rowAnswerNo: new Set(split(p.rowAnswerNo)),
    rowUncertain: new Set(split(p.rowUncertain)),
    rowActive: new Set(split(p.rowActive)),
    columnHeadings: new Map(p.columnHeadings),
    modules: new Set(split(p.modules)),
    moduleHeads: headsOf(split(p.modules)),
    honorifics: new Set(split(p.honorifics)),
    shortHeadingWords: new Set(split(p.shortHeadingWords)),
    enrolment: new Set(split(p.enrolment)),
    hints: new Map(p.hints),
  };
}
