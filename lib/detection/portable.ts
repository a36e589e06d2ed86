/**
 * The compiled detection index as JSON: written at build time by scripts/compile-detection.ts into
 * compiled.generated.ts, read back at run time without compiling anything (no term folding, no trie
 * building, no pre-check regex construction on the clinician's page).
 */
import type { ConditionId, Language } from '../conditions';
import type { Compiled, IcdRule, Payload, SectionKind, TrieNode } from './compile';
import { prefilterRegexes, triePaths } from './compile';

export interface Portable {
  v: 1;
  /** Token paths of the trie (tokens never contain a space), and for each the indexes of its payloads. */
  paths: string[];
  pays: number[][];
  table: Payload[];
  prefilter: string;
  icd10: IcdRule[];
  icpc: [string, ConditionId[]][];
  snomed: [string, ConditionId[]][];
  atc: { prefix: string; ids: ConditionId[] }[];
  yields: [ConditionId, ConditionId[]][];
  sections: Record<SectionKind, string[][]>;
  rowHistorical: string[];
  rowNegated: string[];
  rowActive: string[];
  columnHeadings: [string, 'end' | 'status'][];
  hints: [string, Language][];
}

export function toPortable(c: Compiled): string {
  const table: Payload[] = [];
  const index = new Map<string, number>();
  const paths: string[] = [];
  const pays: number[][] = [];
  for (const [path, ps] of triePaths(c.root)) {
    paths.push(path.join(' '));
    pays.push(
      ps.map((p) => {
        const k = JSON.stringify(p);
        let i = index.get(k);
        if (i === undefined) {
          i = table.length;
          table.push(p);
          index.set(k, i);
        }
        return i;
      }),
    );
  }
  const p: Portable = {
    v: 1,
    paths,
    pays,
    table,
    prefilter: c.prefilter.source,
    icd10: c.icd10,
    icpc: [...c.icpc],
    snomed: [...c.snomed],
    atc: c.atc,
    yields: [...c.yields],
    sections: c.sections,
    rowHistorical: [...c.rowHistorical],
    rowNegated: [...c.rowNegated],
    rowActive: [...c.rowActive],
    columnHeadings: [...c.columnHeadings],
    hints: [...c.hints],
  };
  return JSON.stringify(p);
}

export function fromPortable(json: string): Compiled {
  const p = JSON.parse(json) as Portable;
  const root: TrieNode = { next: null, pay: null };
  for (let i = 0; i < p.paths.length; i++) {
    let node = root;
    for (const tok of (p.paths[i] as string).split(' ')) {
      node.next ??= new Map();
      let nx = node.next.get(tok);
      if (!nx) {
        nx = { next: null, pay: null };
        node.next.set(tok, nx);
      }
      node = nx;
    }
    node.pay = (p.pays[i] as number[]).map((j) => p.table[j] as Payload);
  }
  return {
    root,
    ...prefilterRegexes(p.prefilter),
    icd10: p.icd10,
    icpc: new Map(p.icpc),
    snomed: new Map(p.snomed),
    atc: p.atc,
    yields: new Map(p.yields),
    sections: p.sections,
    rowHistorical: new Set(p.rowHistorical),
    rowNegated: new Set(p.rowNegated),
    rowActive: new Set(p.rowActive),
    columnHeadings: new Map(p.columnHeadings),
    hints: new Map(p.hints),
  };
}
