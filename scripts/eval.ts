/**
 * Detection evaluation: runs the engine over the labelled cases in tests/eval/cases-*.json (the main set) and
 * tests/eval/holdout/cases-*.json (written by a second author who had not seen the engine) and prints precision
 * and recall per condition and overall, per set. tests/eval/pending/ holds the newest held-out rounds, whose
 * errors are not yet worked through: printed as a third set, outside the --check gate until they move to
 * holdout/. A condition counts as predicted when detected with any status; the gold set is `conditions` plus
 * `possible`. Status errors (confirmed vs possible) are counted separately.
 *   npm run eval            print the tables
 *   npm run eval -- --write also write them into docs/detection.md (between the eval, holdout and pending markers)
 *   npm run eval -- --check exit 1 when the main and held-out sets together miss the issue's targets
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { CONDITION_IDS, type ConditionId, type Language } from '../lib/conditions';
import { analyzeText, detectPage } from '../lib/detection';
import type { DetectionResult } from '../lib/detection/result';

interface Case {
  id: string;
  lang: Language;
  text?: string;
  html?: string;
  conditions: ConditionId[];
  possible?: ConditionId[];
  /** What the case tests (held-out set). */
  note?: string;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = path.join(root, 'tests/eval');

/** The cases of `cases-*.json` in one folder. */
function loadCases(dir: string): Case[] {
  const out: Case[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => /^cases-.*\.json$/.test(x)).sort()) {
    out.push(...(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Case[]));
  }
  return out;
}

async function run(c: Case): Promise<DetectionResult> {
  if (c.text !== undefined) return analyzeText(c.text, c.lang);
  const w = new Window({
    url: `http://127.0.0.1:1/eval/${c.id}.html`,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  w.document.write(c.html ?? '');
  const r = detectPage(w.document as unknown as Document);
  await w.happyDOM.close();
  return r;
}

const fmt = (x: number) => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

interface Evaluation {
  table: string;
  errors: string[];
  overall: Counts;
}

async function evaluate(cases: Case[]): Promise<Evaluation> {
  const stats = new Map<ConditionId, Counts>();
  for (const id of CONDITION_IDS) stats.set(id, { tp: 0, fp: 0, fn: 0 });
  const errors: string[] = [];
  let statusErrors = 0;
  const perLang: Record<string, number> = {};
  for (const c of cases) {
    perLang[c.lang] = (perLang[c.lang] ?? 0) + 1;
    const r = await run(c);
    const gold = new Set<ConditionId>([...c.conditions, ...(c.possible ?? [])]);
    const pred = new Map(r.conditions.map((x) => [x.id, x.status]));
    for (const id of CONDITION_IDS) {
      const s = stats.get(id) as Counts;
      const g = gold.has(id);
      const p = pred.has(id);
      if (g && p) {
        s.tp++;
        const want = (c.possible ?? []).includes(id) ? 'possible' : 'confirmed';
        if (pred.get(id) !== want) {
          statusErrors++;
          errors.push(`${c.id}: ${id} is ${pred.get(id)}, expected ${want}`);
        }
      } else if (p) {
        s.fp++;
        errors.push(`${c.id}: false positive ${id} (${pred.get(id)}) <- ${r.conditions.find((x) => x.id === id)?.evidence.map((e) => e.match).join(', ')}`);
      } else if (g) {
        s.fn++;
        errors.push(`${c.id}: missed ${id}`);
      }
    }
  }
  const lines: string[] = [];
  lines.push(`Cases: ${cases.length} (${Object.entries(perLang).map(([l, n]) => `${l} ${n}`).join(', ')})`);
  lines.push('');
  lines.push('| condition | TP | FP | FN | precision | recall |');
  lines.push('| --- | --: | --: | --: | --: | --: |');
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const id of CONDITION_IDS) {
    const s = stats.get(id) as Counts;
    overall.tp += s.tp;
    overall.fp += s.fp;
    overall.fn += s.fn;
    lines.push(`| ${id} | ${s.tp} | ${s.fp} | ${s.fn} | ${fmt(precision(s))} | ${fmt(recall(s))} |`);
  }
  lines.push(`| **overall** | ${overall.tp} | ${overall.fp} | ${overall.fn} | **${fmt(precision(overall))}** | **${fmt(recall(overall))}** |`);
  lines.push('');
  lines.push(`Status errors (confirmed vs possible) among true positives: ${statusErrors}`);
  return { table: lines.join('\n'), errors, overall };
}

const precision = (s: Counts) => s.tp / (s.tp + s.fp);
const recall = (s: Counts) => s.tp / (s.tp + s.fn);

/** A set's table and its remaining errors (printed, and written into docs/detection.md). */
function report(e: Evaluation): string {
  return `${e.table}\n${e.errors.length ? `\nRemaining errors:\n\n${e.errors.map((x) => `- ${x}`).join('\n')}\n` : ''}`;
}

async function main(): Promise<void> {
  const pendingDir = path.join(evalDir, 'pending');
  const pending = fs.existsSync(pendingDir) ? loadCases(pendingDir) : [];
  const sets = [
    { name: 'Main set (tests/eval)', marker: 'eval', gated: true, result: await evaluate(loadCases(evalDir)) },
    { name: 'Held-out set (tests/eval/holdout)', marker: 'holdout', gated: true, result: await evaluate(loadCases(path.join(evalDir, 'holdout'))) },
    ...(pending.length > 0
      ? [{ name: 'Pending held-out rounds (tests/eval/pending: errors not yet worked through, outside the gate)', marker: 'pending', gated: false, result: await evaluate(pending) }]
      : []),
  ];
  for (const s of sets) console.log(`## ${s.name}\n\n${report(s.result)}`);
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const s of sets) if (s.gated) for (const k of ['tp', 'fp', 'fn'] as const) all[k] += s.result.overall[k];
  console.log(`Main and held-out sets: precision ${fmt(precision(all))}, recall ${fmt(recall(all))}`);
  if (process.argv.includes('--write')) {
    const doc = path.join(root, 'docs/detection.md');
    let src = fs.readFileSync(doc, 'utf8');
    for (const s of sets) {
      const re = new RegExp(`<!-- ${s.marker}:start -->[\\s\\S]*?<!-- ${s.marker}:end -->`);
      if (!re.test(src)) throw new Error(`docs/detection.md has no ${s.marker} markers`);
      src = src.replace(re, `<!-- ${s.marker}:start -->\n${report(s.result)}<!-- ${s.marker}:end -->`);
    }
    fs.writeFileSync(doc, src);
    console.log(`\nwritten to ${path.relative(root, doc)}`);
  }
  // --check (npm test): the issue's accuracy targets are a gate on both sets together, not only a printout.
  if (process.argv.includes('--check') && (precision(all) < TARGET.precision || recall(all) < TARGET.recall)) {
    console.error(`\nBelow target: precision ${fmt(precision(all))} (>= ${TARGET.precision}), recall ${fmt(recall(all))} (>= ${TARGET.recall})`);
    process.exit(1);
  }
}

/** Overall targets from the detection issue. */
const TARGET = { precision: 0.97, recall: 0.95 };

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
