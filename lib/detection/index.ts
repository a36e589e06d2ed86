/**
 * Detection engine: reads an EHR page (or a text) and says which chronic conditions the patient has now,
 * with evidence, what was ruled out and why, who the patient is and where the note field is.
 * Pure with respect to the Document it is given; never throws (returns an empty result on internal errors).
 */
import type { ConditionId, Language } from '../conditions';
import { analyzeBlock, guessLanguage, strongerContext, type LocalContext, type LocalMention } from './analyze';
import { classifyHeading, compileWith, type Compiled } from './compile';
import { COMPILED_DETECTION } from './compiled.generated';
import { defaultAdapters } from './data';
import { fromPortable } from './portable';
import { BREAK } from './text';
import {
  blockOf,
  BlockWalker,
  collectBlocks,
  HOST_TAG,
  inSkipped,
  pageScan,
  skipSet,
  StructureMemo,
  type AdapterSets,
  type Block,
} from './dom';
import { readFhir, type FhirResult } from './fhir';
import { declaredLanguage, findNoteField, findPatientRef, matchAdapter, safeQueryAll } from './page';
import { resolve, toEvidenceContext, type Mention } from './resolve';
import type { DetectionResult, Evidence } from './result';
import type { Adapter, ConditionDefinition } from './schema';
import { snippetOf } from './text';

export type { Adapter, ConditionDefinition, ContextRules } from './schema';
export type { DetectionResult, DetectedCondition, Evidence } from './result';
export { defaultAdapters, defaultConditions, defaultRules } from './data';
export { matchAdapter } from './page';

export interface DetectOptions {
  /** Page URL used to pick an adapter (defaults to doc.location.href). */
  url?: string;
  /** Site adapters (defaults to data/adapters/*.json). */
  adapters?: Adapter[];
  /** Condition definitions (defaults to data/conditions.json). */
  conditions?: ConditionDefinition[];
  /** Only report these conditions (default: all). */
  enabled?: ConditionId[];
}

export interface Detector {
  /** Full detection (re-walks the page; analysis of unchanged text blocks is cached). */
  detect(): DetectionResult;
  /**
   * Incremental re-detection after DOM mutations: only the changed parts are re-read. Returns null when the
   * mutations are irrelevant (typing in the note field, our own sidebar, clocks without text...) or the
   * result did not change.
   */
  onMutations(records: readonly MutationRecord[]): DetectionResult | null;
  /**
   * The same full detection as detect(), cut into slices of about `sliceMs` (default 8) that yield to the
   * page in between (scheduler.yield when available, else setTimeout 0), so that even a very large chart
   * never blocks the page for a long task. Start observing mutations before calling it: changes made while
   * it runs are not in its result.
   */
  detectAsync(options?: { sliceMs?: number }): Promise<DetectionResult>;
}

/** Lets the page run (input, rendering) between slices of a long detection. */
function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield();
  return new Promise((r) => setTimeout(r, 0));
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

const compiledCache = new WeakMap<ConditionDefinition[], Compiled>();
let builtIn: Compiled | null = null;

/** The built-in index comes precompiled (compiled.generated.ts); other definitions reuse its context rules. */
function compiledFor(defs: ConditionDefinition[] | undefined): Compiled {
  builtIn ??= fromPortable(COMPILED_DETECTION);
  if (!defs) return builtIn;
  let c = compiledCache.get(defs);
  if (!c) {
    c = compileWith(defs, builtIn);
    compiledCache.set(defs, c);
  }
  return c;
}

function emptyResult(adapter = 'generic'): DetectionResult {
  return { conditions: [], ruledOut: [], patientRef: null, noteField: null, adapter };
}

interface BlockEntry {
  mentions: Mention[];
}

/**
 * Indexes of the blocks that can contain a term, drug or code: the pre-check runs once, globally, over all block
 * texts lower-cased and joined by NUL (which no pattern matches, so no match spans two blocks), and skips to the
 * next block after a hit. Most blocks of a chart have none, so this replaces thousands of regex calls by one.
 */
function candidates(c: Compiled, blocks: Block[], from = 0, to = blocks.length, out: number[] = []): number[] {
  const count = to - from;
  if (count <= 0) return out;
  const ends = new Array<number>(count);
  const parts = new Array<string>(count);
  let pos = 0;
  for (let i = 0; i < count; i++) {
    const t = (blocks[from + i] as Block).text;
    parts[i] = t;
    pos += t.length;
    ends[i] = pos;
    pos++; // the separator
  }
  const joined = parts.join('\u0000');
  const all = joined.toLowerCase();
  if (all.length !== joined.length) {
    // Rare special casing (U+0130) shifts offsets: test block by block instead.
    for (let i = from; i < to; i++) if (c.prefilter.test((blocks[i] as Block).text.toLowerCase())) out.push(i);
    return out;
  }
  const re = c.scan;
  re.lastIndex = 0;
  let b = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(all)) !== null) {
    const at = m.index;
    while ((ends[b] as number) <= at) b++;
    out.push(from + b);
    if ((ends[b] as number) + 1 >= all.length) break;
    re.lastIndex = (ends[b] as number) + 1;
  }
  re.lastIndex = 0;
  return out;
}

const PATIENT_ATTR = /^data-(patient|mrn|niss|insz|ssin|rijksregister|rrn|nhs|bsn)/;
const TEXT_CACHE_MAX = 20000;
/** Blocks per pre-check pass in detectAsync. */
const CHUNK = 1000;
const WARM_UP = ' '.repeat(2048);
const NONE: LocalMention[] = [];

/** Structural context of a block applied to its local mentions. */
function blockMentions(block: Block, local: LocalMention[], memo: StructureMemo): Mention[] {
  const sec = memo.section(block.el);
  const row = memo.row(block.el);
  const secCtx: LocalContext | null = sec.kinds.has('family') ? 'family' : sec.kinds.has('historical') ? 'historical' : null;
  const rowCtx: LocalContext | null = row?.historical ? 'historical' : null;
  const structured = sec.kinds.has('problemList') || row?.hasCode === true;
  const medList = sec.kinds.has('medication');
  const where = secCtx === 'family'
    ? 'family history'
    : secCtx === 'historical' || rowCtx
      ? 'resolved / inactive problems'
      : structured
        ? 'problem list'
        : medList
          ? 'medication list'
          : sec.heading
            ? `section "${sec.heading.slice(0, 60)}"`
            : 'page text';
  const out: Mention[] = [];
  for (const m of local) {
    const ctx = strongerContext(strongerContext(m.context, secCtx), rowCtx);
    const med = m.kind === 'medication';
    const ev: Evidence = m.system
      ? { kind: m.kind, system: m.system, match: m.match, snippet: '', where: med ? (medList ? 'medication list' : where) : where, context: toEvidenceContext(ctx), structured: med ? medList : structured }
      : { kind: m.kind, match: m.match, snippet: '', where: med ? (medList ? 'medication list' : where) : where, context: toEvidenceContext(ctx), structured: med ? medList : structured };
    out.push({ id: m.id, ctx, weak: m.weak, ev, src: block.text, s: m.start, e: m.end });
  }
  return out;
}

class PageDetector implements Detector {
  private compiled: Compiled | null = null;
  private readonly conditions: ConditionDefinition[] | undefined;
  private readonly adapter: Adapter | null;
  private readonly enabled: ReadonlySet<ConditionId> | null;
  private readonly blocks = new Map<Element, BlockEntry>();
  private readonly textCache = new Map<string, LocalMention[]>();
  private cacheLang: Language | null | undefined = undefined;
  private skip = new Set<Element>();
  /** Note field, found with the page scan (refreshed when editable parts of the page change). */
  private noteField: string | null = null;
  private adapterSets: AdapterSets | null = null;
  private lang: Language | null = null;
  private fhir: FhirResult = { mentions: [], patient: null };
  private lastSig: string | null = null;

  constructor(
    private readonly doc: Document,
    options: DetectOptions,
  ) {
    this.conditions = options.conditions;
    let url = options.url;
    if (url === undefined) {
      try {
        url = doc.location?.href;
      } catch {
        url = undefined;
      }
    }
    this.adapter = matchAdapter(options.adapters ?? defaultAdapters(), url);
    this.enabled = options.enabled ? new Set(options.enabled) : null;
  }

  /** The compiled index, loaded on first use (not in createDetector: detectAsync can then load it in a slice of its own). */
  private get c(): Compiled {
    this.compiled ??= compiledFor(this.conditions);
    return this.compiled;
  }

  private refreshPageSets(): void {
    const a = this.adapter;
    const scan = pageScan(this.doc, a?.ignore ?? []);
    this.skip = scan.skip;
    this.noteField = findNoteField(this.doc, a, scan.editables);
    this.adapterSets = a
      ? {
          problemList: new Set(safeQueryAll(this.doc, a.problemList)),
          medication: new Set(safeQueryAll(this.doc, a.medicationList)),
          family: new Set(safeQueryAll(this.doc, a.familyHistory)),
          historical: new Set(safeQueryAll(this.doc, a.historicalList)),
        }
      : null;
  }

  /** Local mentions of a block whose text passed the pre-check (cached by text, per page language). */
  private local(text: string): LocalMention[] {
    if (this.cacheLang !== this.lang) {
      this.textCache.clear();
      this.cacheLang = this.lang;
    }
    let r = this.textCache.get(text);
    if (!r) {
      r = analyzeBlock(this.c, text, this.lang, true);
      if (this.textCache.size >= TEXT_CACHE_MAX) this.textCache.clear();
      this.textCache.set(text, r);
    }
    return r;
  }

  private ingestOne(b: Block, memo: StructureMemo): void {
    const local = this.local(b.text);
    if (local.length === 0) this.blocks.delete(b.el);
    else this.blocks.set(b.el, { mentions: blockMentions(b, local, memo) });
  }

  private ingest(blocks: Block[], memo: StructureMemo): void {
    for (const i of candidates(this.c, blocks)) this.ingestOne(blocks[i] as Block, memo);
  }

  /** Start of a full detection: page sets, and the walker over the body. */
  private start(): BlockWalker {
    this.blocks.clear();
    this.refreshPageSets();
    return new BlockWalker(this.doc.body, this.skip);
  }

  /** The page language (adapter, <html lang>, or guessed from the first blocks). */
  private language(blocks: Block[]): void {
    this.lang = this.adapter?.language ?? declaredLanguage(this.doc) ?? null;
    if (!this.lang) {
      let sample = '';
      for (const b of blocks) {
        sample += ` ${b.text}`;
        if (sample.length > 6000) break;
      }
      this.lang = guessLanguage(this.c, sample);
    }
  }

  private end(): DetectionResult {
    this.fhir = readFhir(this.doc, this.c);
    return this.finish(this.build());
  }

  private build(): DetectionResult {
    const all: Mention[] = [];
    for (const [el, entry] of this.blocks) {
      if (!el.isConnected) {
        this.blocks.delete(el);
        continue;
      }
      for (const m of entry.mentions) all.push(m);
    }
    for (const f of this.fhir.mentions) {
      all.push({
        id: f.id,
        ctx: f.context,
        weak: false,
        ev: {
          kind: 'fhir',
          ...(f.system ? { system: f.system } : {}),
          match: f.match,
          snippet: f.snippet,
          where: f.where,
          context: toEvidenceContext(f.context),
          structured: true,
        },
      });
    }
    const { conditions, ruledOut } = resolve(all, this.c, this.enabled);
    return {
      conditions,
      ruledOut,
      patientRef: findPatientRef(this.doc, this.adapter, this.fhir.patient),
      noteField: this.noteField,
      adapter: this.adapter?.name ?? 'generic',
    };
  }

  private finish(r: DetectionResult): DetectionResult {
    this.lastSig = signature(r);
    return r;
  }

  detect(): DetectionResult {
    try {
      const walker = this.start();
      walker.run();
      const blocks = walker.out;
      this.language(blocks);
      const memo = new StructureMemo(this.c, this.adapterSets);
      for (const i of candidates(this.c, blocks)) this.ingestOne(blocks[i] as Block, memo);
      return this.end();
    } catch {
      return this.finish(emptyResult(this.adapter?.name));
    }
  }

  async detectAsync(options: { sliceMs?: number } = {}): Promise<DetectionResult> {
    const slice = Math.max(0, options.sliceMs ?? 8);
    try {
      let t0 = now();
      const pause = async () => {
        await yieldToPage();
        t0 = now();
      };
      // Cold start in slices of its own: load the index, then have the engine compile the pre-check regex
      // (a long subject makes V8 compile it to machine code at once, instead of during the first page scan).
      const c = this.c;
      if (now() - t0 > slice) await pause();
      c.scan.lastIndex = 0;
      c.scan.test(WARM_UP);
      c.scan.lastIndex = 0;
      if (now() - t0 > slice) await pause();
      const walker = this.start();
      while (!walker.run(t0 + slice)) await pause();
      const blocks = walker.out;
      this.language(blocks);
      const memo = new StructureMemo(this.c, this.adapterSets);
      const todo: number[] = [];
      for (let from = 0; from < blocks.length; from += CHUNK) {
        if (now() - t0 > slice) await pause();
        candidates(this.c, blocks, from, Math.min(blocks.length, from + CHUNK), todo);
      }
      for (let k = 0; k < todo.length; k++) {
        this.ingestOne(blocks[todo[k] as number] as Block, memo);
        if ((k & 7) === 7 && now() - t0 > slice) await pause();
      }
      if (now() - t0 > slice) await pause();
      return this.end();
    } catch {
      return this.finish(emptyResult(this.adapter?.name));
    }
  }

  onMutations(records: readonly MutationRecord[]): DetectionResult | null {
    try {
      if (this.lastSig === null) return this.detect();
      const roots = new Set<Element>();
      let relevant = false;
      let fhirDirty = false;
      let pageSets = false;
      for (const r of records) {
        const target = r.target;
        if (r.type === 'attributes') {
          const name = r.attributeName ?? '';
          if (PATIENT_ATTR.test(name)) relevant = true;
          else if ((name === 'hidden' || name === 'contenteditable') && target.nodeType === 1) {
            pageSets = true;
            const b = blockOf(target.parentNode ?? target);
            if (b) roots.add(b);
          }
          continue;
        }
        if (isScriptNode(target)) {
          if (isFhirScript(target)) fhirDirty = true;
          continue;
        }
        if (inSkipped(target, this.skip)) continue;
        if (r.type === 'childList') {
          let useful = false;
          let heading = false;
          for (const list of [r.addedNodes, r.removedNodes]) {
            for (let i = 0; i < list.length; i++) {
              const n = list[i];
              if (!n) continue;
              if (n.nodeType === 1) {
                const el = n as Element;
                if (el.localName === HOST_TAG) continue;
                if (isScriptNode(el)) {
                  if (isFhirScript(el)) fhirDirty = true;
                  continue;
                }
                if (el.localName === 'style' || el.localName === 'link') continue;
                if (/^(h[1-6]|legend|caption)$/.test(el.localName) || el.querySelector?.('h1,h2,h3,h4,h5,h6,legend')) heading = true;
                if (el.localName === 'textarea' || el.querySelector?.('[contenteditable],[hidden],script,textarea')) pageSets = true;
                if (list === r.removedNodes) this.forget(el);
                useful = true;
              } else if (n.nodeType === 3) useful = true;
            }
          }
          if (!useful) continue;
          let root = blockOf(target);
          if (root && heading) root = blockOf(root.parentElement) ?? root;
          if (root) roots.add(root);
        } else if (r.type === 'characterData') {
          const root = blockOf(target);
          if (root) roots.add(root);
        }
      }
      if (fhirDirty) {
        this.fhir = readFhir(this.doc, this.c);
        relevant = true;
      }
      if (roots.size === 0 && !relevant) return null;
      if (pageSets) this.refreshPageSets();
      // Rows: a status cell changes the meaning of its neighbours.
      const finalRoots = new Set<Element>();
      for (const r of roots) finalRoots.add(r.closest('tr') ?? r);
      const memo = new StructureMemo(this.c, this.adapterSets);
      for (const root of finalRoots) {
        if (!root.isConnected) continue;
        let covered = false;
        for (const other of finalRoots) if (other !== root && other.isConnected && other.contains(root)) covered = true;
        if (covered) continue;
        this.forget(root);
        if (inSkipped(root, this.skip)) continue;
        const extra = this.adapter?.ignore ?? [];
        const localSkip = skipSet(root, extra);
        for (const s of this.skip) localSkip.add(s);
        this.ingest(collectBlocks(root, localSkip), memo);
      }
      const r = this.build();
      const sig = signature(r);
      if (sig === this.lastSig) return null;
      this.lastSig = sig;
      return r;
    } catch {
      return null;
    }
  }

  /** Drops cached blocks of a subtree (removed or about to be re-read). */
  private forget(el: Element): void {
    this.blocks.delete(el);
    if (this.blocks.size === 0) return;
    const all = el.getElementsByTagName('*');
    for (let i = 0; i < all.length; i++) {
      const e = all[i];
      if (e) this.blocks.delete(e);
    }
  }
}

function isScriptNode(n: Node): boolean {
  let el: Node | null = n;
  if (el.nodeType !== 1) el = el.parentNode;
  return !!el && el.nodeType === 1 && ((el as Element).localName === 'script' || (el as Element).localName === 'style');
}

function isFhirScript(n: Node): boolean {
  const el = (n.nodeType === 1 ? n : n.parentNode) as Element | null;
  const t = el?.getAttribute?.('type') ?? '';
  return el?.localName === 'script' && /json/i.test(t);
}

/** Order-independent enough, cheap, and free of page globals (no JSON.stringify). */
function signature(r: DetectionResult): string {
  let s = `${r.adapter}|${r.patientRef ?? ''}|${r.noteField ?? ''}`;
  for (const c of r.conditions) {
    s += `|${c.id}:${c.status}`;
    for (const e of c.evidence) s += `,${e.kind}:${e.match}:${e.where}`;
  }
  for (const c of r.ruledOut) s += `|x${c.id}:${c.evidence.length}`;
  return s;
}

/** A detector for one document, with per-block caching for single-page apps. */
export function createDetector(doc: Document, options: DetectOptions = {}): Detector {
  try {
    return new PageDetector(doc, options);
  } catch {
    return { detect: () => emptyResult(), onMutations: () => null, detectAsync: () => Promise.resolve(emptyResult()) };
  }
}

/** One-shot detection of a page. */
export function detectPage(doc: Document, options: DetectOptions = {}): DetectionResult {
  return createDetector(doc, options).detect();
}

/**
 * Free-text detection (a pasted letter, an eval snippet). Lines are blocks; a short line ending in ':' that
 * names a section ("Family history:", "Probleemlijst:") puts the following lines, up to a blank line, in it;
 * "Family history: mother had asthma" puts that line in it.
 */
export function analyzeText(
  text: string,
  lang?: Language,
  options: Pick<DetectOptions, 'conditions' | 'enabled'> = {},
): DetectionResult {
  try {
    const c = compiledFor(options.conditions);
    const language = lang ?? guessLanguage(c, String(text));
    const lines = String(text).split(/\r?\n/);
    const all: Mention[] = [];
    let section = new Set<string>();
    let heading: string | null = null;
    for (const line of lines) {
      if (!line.trim()) {
        section = new Set();
        heading = null;
        continue;
      }
      let kinds = section;
      let lineHeading = heading;
      const m = /^\s*([^:]{2,40}):\s*(.*)$/.exec(line);
      if (m?.[1]) {
        const k = classifyHeading(c, m[1]);
        if (k.size > 0 || !m[2]) {
          if (!m[2]?.trim()) {
            section = k;
            heading = m[1].trim();
            continue;
          }
          if (k.size > 0) {
            kinds = k;
            lineHeading = m[1].trim();
          }
        }
      }
      const body = line.replace(/[|]/g, BREAK);
      const local = analyzeBlock(c, body, language);
      if (!local.length) continue;
      const secCtx: LocalContext | null = kinds.has('family') ? 'family' : kinds.has('historical') ? 'historical' : null;
      const structured = kinds.has('problemList');
      for (const lm of local) {
        const ctx = strongerContext(lm.context, secCtx);
        all.push({
          id: lm.id,
          ctx,
          weak: lm.weak,
          ev: {
            kind: lm.kind,
            ...(lm.system ? { system: lm.system } : {}),
            match: lm.match,
            snippet: snippetOf(body, lm.start, lm.end),
            where: lineHeading ? `section "${lineHeading}"` : 'text',
            context: toEvidenceContext(ctx),
            structured: lm.kind === 'medication' ? kinds.has('medication') : structured,
          },
        });
      }
    }
    const { conditions, ruledOut } = resolve(all, c, options.enabled ? new Set(options.enabled) : null);
    return { conditions, ruledOut, patientRef: null, noteField: null, adapter: 'text' };
  } catch {
    return emptyResult('text');
  }
}
