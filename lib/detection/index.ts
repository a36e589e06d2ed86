/**
 * Detection engine: reads an EHR page (or a text) and says which chronic conditions the patient has now,
 * with evidence, what was ruled out and why, who the patient is and where the note field is.
 * Pure with respect to the Document it is given; never throws (returns an empty result on internal errors).
 */
import type { ConditionId, Language } from '../conditions';
import {
  analyzeBlock,
  headingLine,
  guessLanguage,
  labelledSpans,
  lineLabel,
  strongerContext,
  type LabelledSpan,
  type LocalContext,
  type LocalMention,
} from './analyze';
import { textRowStatus, textTableOf, type TextTable } from './columns';
import { compileWith, type Compiled, type SectionKind } from './compile';
import { COMPILED_DETECTION } from './compiled.generated';
import { defaultAdapters } from './data';
import { fromPortable } from './portable';
import { BREAK } from './text';
import {
  blockOf,
  BlockWalker,
  CHOICES,
  choiceLabelOf,
  collectBlocks,
  HEADING_SELECTOR,
  HOST_TAG,
  headingAround,
  inEditable,
  inSkipped,
  isBlockTag,
  isTickedAnswer,
  isHeaderRow,
  isBold,
  mayBeGrid,
  mayHeadGrid,
  isHeadingEl,
  isLabelShaped,
  isLabelText,
  LABEL_CHARS_MAX,
  isLeafShape,
  mayBeStyledLabel,
  leafHostOf,
  isRankedHeading,
  NAVIGATION,
  NAVIGATION_BY_NAME,
  ownBlock,
  partFollows,
  rowOf,
  pageScan,
  StructureMemo,
  type AdapterSets,
  type Block,
  type RowInfo,
  type SectionInfo,
  type WalkHints,
} from './dom';
import { readFhir, type FhirResult } from './fhir';
import {
  declaredLanguage,
  findNoteField,
  matchAdapter,
  NOTE_FIELD_ATTRS,
  PATIENT_ATTRS,
  PATIENT_SELECTOR,
  safeQuery,
  safeQueryAll,
  structuredPatientRef,
  textPatientRef,
  type NoteField,
} from './page';
import { MentionStore } from './mention-store';
import { resolve, toEvidenceContext, type Mention } from './resolve';
import type { DetectionResult, Evidence, EvidencePlace } from './result';
import type { Adapter, ConditionDefinition } from './schema';
import { snippetOf } from './text';
import { ModuleColumns } from './menus';

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
  /**
   * The attributes whose changes can change the result (patient identifiers, row status classes, section
   * labels, hidden parts): observe these (MutationObserver attributeFilter) and hand them to onMutations.
   */
  readonly watchedAttributes: readonly string[];
  /** Full detection (re-walks the page; analysis of unchanged text blocks is cached). */
  detect(): DetectionResult;
  /**
   * Incremental re-detection after DOM mutations: only the changed parts are re-read. Returns null when the
   * mutations are irrelevant (typing in the note field, our own sidebar, clocks without text...) or the
   * result did not change. Observe with `characterDataOldValue`: a text's old value tells whether it was a
   * label's (without it, a text changed in a short div is taken to have been one, and its section is read again).
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

/**
 * Indexes of the blocks that can contain a term, drug or code: the pre-check runs once, globally, over all block
 * texts lower-cased, joined by NUL and led by one (a pattern matches a NUL only as the character before a word,
 * so no match spans two blocks), and skips to the next block after a hit. Most blocks of a chart have none, so
 * this replaces thousands of regex calls by one.
 */
function candidates(c: Compiled, blocks: Block[], from = 0, to = blocks.length, out: number[] = []): number[] {
  const count = to - from;
  if (count <= 0) return out;
  const ends = new Array<number>(count);
  const parts = new Array<string>(count);
  let pos = 1; // the leading separator
  for (let i = 0; i < count; i++) {
    const t = (blocks[from + i] as Block).text;
    parts[i] = t;
    pos += t.length;
    ends[i] = pos;
    pos++; // the separator
  }
  const joined = `\u0000${parts.join('\u0000')}`;
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
    const at = m.index + 1; // the match starts with the character before the word
    while ((ends[b] as number) <= at) b++;
    out.push(from + b);
    if ((ends[b] as number) + 1 >= all.length) break;
    re.lastIndex = ends[b] as number; // the separator before the next block
  }
  re.lastIndex = 0;
  return out;
}

/**
 * Parts of the page found by the page scan (note fields, hidden parts, role=heading, navigation, tick boxes and
 * their labels, links that may make a bar of links): adding or removing one redoes it.
 */
const PAGE_SET_PARTS = `textarea,[contenteditable],[hidden],[role="heading"],script,${NAVIGATION},${CHOICES},label[for],a`;
/**
 * Attributes that shape what a block means: a row's status class, a section's label, a heading role, hidden
 * parts, navigation classes, a box ticked in the markup and the label naming it, a link's site.
 */
const STRUCTURE_ATTRS = ['class', 'style', 'id', 'aria-label', 'role', 'hidden', 'contenteditable', 'checked', 'aria-checked', 'for', 'href'];
/** Of those, the attributes that change the page scan's sets (dom.ts pageScan): parts never read, boxes, labels, links out. */
const PAGE_SET_ATTRS: ReadonlySet<string> = new Set(['hidden', 'contenteditable', 'checked', 'aria-checked', 'for', 'href']);
const TEXT_CACHE_MAX = 20000;

/** Blocks per pre-check pass in detectAsync. */
const CHUNK = 1000;
const WARM_UP = ' '.repeat(2048);
const NONE: LocalMention[] = [];

/** Where a block sits, as its mentions take it: context, place and whether it is a structured list. */
interface Place {
  ctx: LocalContext | null;
  where: EvidencePlace;
  label?: string;
  structured: boolean;
  medList: boolean;
}

/** The context a section puts its mentions in. */
function sectionContext(kinds: ReadonlySet<SectionKind>): LocalContext | null {
  if (kinds.has('family')) return 'family';
  if (kinds.has('historical')) return 'historical';
  return kinds.has('screening') || kinds.has('reference') ? 'hypothetical' : null;
}

function placeOf(sec: SectionInfo, row: RowInfo | null): Place {
  const secCtx = sectionContext(sec.kinds);
  const rowCtx: LocalContext | null = row?.family ? 'family' : row?.unanswered ? 'hypothetical' : (row?.status ?? null);
  const structured = sec.kinds.has('problemList') || row?.hasCode === true;
  const medList = sec.kinds.has('medication');
  const where: EvidencePlace = secCtx === 'family' || rowCtx === 'family'
    ? 'familyHistory'
    : secCtx === 'historical' || rowCtx === 'historical'
      ? 'resolved'
      : structured
        ? 'problemList'
        : medList
          ? 'medicationList'
          : sec.heading
            ? 'section'
            : 'text';
  const place: Place = { ctx: strongerContext(secCtx, rowCtx), where, structured, medList };
  if (where === 'section') place.label = (sec.heading as string).slice(0, 60);
  return place;
}

/** The place of a block's lines that a label puts in a section ("Family history: mother had asthma"). */
function labelledPlace(sec: SectionInfo, row: RowInfo | null, span: LabelledSpan): Place {
  const kinds = new Set(sec.kinds);
  for (const k of span.kinds) kinds.add(k);
  return placeOf({ kinds, heading: span.label }, row);
}

/**
 * The section a heading among the block's children puts the block's own text after it in (`<p><b>Guidelines</b></p>`
 * then links that are the block's own text), or null: none before `at`, or the nearest names no section.
 */
function childSection(block: Block, at: number, memo: StructureMemo): SectionInfo | null {
  const heads = block.heads;
  if (!heads) return null;
  let h: Element | null = null;
  // A span's label that names no section ("<span>No</span> <span>asthma</span>") ends no section before it.
  for (const x of heads) if (x.at <= at && (x.el.localName !== 'span' || memo.named(x.el) !== null)) h = x.el;
  return h ? memo.named(h) : null;
}

/** Structural context of a block applied to its local mentions. */
function blockMentions(c: Compiled, block: Block, local: LocalMention[], memo: StructureMemo): Mention[] {
  const sec = memo.section(block);
  const row = memo.row(block.el);
  const base = placeOf(sec, row);
  const spans = labelledSpans(c, block.text);
  const out: Mention[] = [];
  for (const m of local) {
    const span = spans.length > 0 ? spans.find((x) => m.start >= x.from && m.start <= x.to) : undefined;
    const under = span ? null : childSection(block, m.start, memo);
    const place = span ? labelledPlace(sec, row, span) : under ? placeOf(under, row) : base;
    const ctx = strongerContext(m.context, place.ctx);
    // A medicine counts as structured only in a medication list (elsewhere it is a hint in the text).
    const fromMedList = m.kind === 'medication' && place.medList;
    // Built without object spreads: this runs for every mention of the page.
    const ev: Evidence = {
      kind: m.kind,
      match: m.match,
      snippet: '',
      where: fromMedList ? 'medicationList' : place.where,
      context: toEvidenceContext(ctx),
      structured: m.kind === 'medication' ? place.medList : place.structured,
    };
    if (m.system) ev.system = m.system;
    if (place.label !== undefined && !fromMedList) ev.label = place.label;
    out.push({ id: m.id, ctx, weak: m.weak, ev, src: block.text, s: m.start, e: m.end });
  }
  return out;
}

class PageDetector implements Detector {
  private compiled: Compiled | null = null;
  private readonly conditions: ConditionDefinition[] | undefined;
  private readonly adapter: Adapter | null;
  private readonly enabled: ReadonlySet<ConditionId> | null;
  private readonly mentions = new MentionStore();
  private readonly textCache = new Map<string, LocalMention[]>();
  private cacheLang: Language | null | undefined = undefined;
  private skip = new Set<Element>();
  private linkHosts: ReadonlySet<Element> = new Set();
  /** Menus and rosters whose condition names the last reads dropped (a change in one may make it one no more). */
  private readonly menus = new Set<Element>();
  /** The column verdicts of the current pass over the DOM (menus.ts): new at each, as the DOM may have changed. */
  private columns: ModuleColumns | null = null;
  private hints: WalkHints = { roleHeadings: new Set(), labelledBoxes: new Set() };
  /** Note field candidates from the page scan (refreshed when editable parts of the page change). */
  private editables: readonly Element[] = [];
  /** The note field chosen from them; chosen again when editables, attributes or label texts change. */
  private note: NoteField | null = null;
  private adapterSets: AdapterSets | null = null;
  private lang: Language | null = null;
  private fhir: FhirResult = { mentions: [], patient: null };
  /** The patient as the page's structure names it (structuredPatientRef); undefined: look again. */
  private structuredPatient: string | null | undefined = undefined;
  private lastSig: string | null = null;
  private readonly patientAttrs: ReadonlySet<string>;
  readonly watchedAttributes: readonly string[];

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
    const adapterAttr = this.adapter?.patientId?.attribute;
    this.patientAttrs = new Set(adapterAttr ? [...PATIENT_ATTRS, adapterAttr] : PATIENT_ATTRS);
    this.watchedAttributes = [...STRUCTURE_ATTRS, ...NOTE_FIELD_ATTRS, ...this.patientAttrs];
    this.enabled = options.enabled ? new Set(options.enabled) : null;
  }

  /** The compiled index, loaded on first use (not in createDetector: detectAsync can then load it in a slice of its own). */
  private get c(): Compiled {
    this.compiled ??= compiledFor(this.conditions);
    return this.compiled;
  }

  /**
   * The page scan: parts never read, note field candidates, boxes a label names, the adapter's lists. Returns
   * the elements that entered or left one of those sets since the last scan (what is around them must be read
   * again).
   */
  private refreshPageSets(): Element[] {
    const a = this.adapter;
    const scan = pageScan(this.doc, a?.ignore ?? []);
    const before = [this.skip, this.hints.labelledBoxes, ...Object.values(this.adapterSets ?? {})];
    this.skip = scan.skip;
    this.hints = scan;
    this.linkHosts = scan.linkHosts;
    this.editables = scan.editables;
    this.note = findNoteField(this.doc, a, scan.editables, this.note?.el);
    this.adapterSets = a
      ? {
          problemList: new Set(safeQueryAll(this.doc, a.problemList)),
          medication: new Set(safeQueryAll(this.doc, a.medicationList)),
          family: new Set(safeQueryAll(this.doc, a.familyHistory)),
          historical: new Set(safeQueryAll(this.doc, a.historicalList)),
        }
      : null;
    const after = [this.skip, this.hints.labelledBoxes, ...Object.values(this.adapterSets ?? {})];
    const changed: Element[] = [];
    after.forEach((set, i) => {
      const old = before[i] ?? new Set<Element>();
      for (const e of set) if (!old.has(e)) changed.push(e);
      for (const e of old) if (!set.has(e)) changed.push(e);
    });
    return changed;
  }

  /** True when `node` sits in an element with links side by side: text in or out of it may make or unmake a bar of links. */
  private inLinkHost(node: Node): boolean {
    if (this.linkHosts.size === 0) return false;
    for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) if (this.linkHosts.has(el)) return true;
    return false;
  }

  /**
   * True when a change may change who the page's structure names as the patient: a patient attribute set, an
   * element with one added or removed, a role that may make it navigation; with an adapter, any attribute (its
   * selector may match another element now) or a change in or of its patient element.
   */
  private mayRenamePatient(r: MutationRecord, banner: string | undefined): boolean {
    if (r.type === 'attributes') return banner !== undefined || this.patientAttrs.has(r.attributeName ?? '') || r.attributeName === 'role';
    if (r.type === 'childList' && addsOrRemoves(r, PATIENT_SELECTOR)) return true;
    if (banner === undefined) return false;
    try {
      return this.inPatientBanner(r.target) || (r.type === 'childList' && addsOrRemoves(r, banner));
    } catch {
      return false; // an adapter selector the browser refuses never finds the patient either
    }
  }

  /** True when `node` is inside the element the adapter reads the patient's identity from. */
  private inPatientBanner(node: Node): boolean {
    const banner = safeQuery(this.doc, this.adapter?.patientId?.selector);
    return banner !== null && banner.contains(node);
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

  /** Reads a block that passed the pre-check; `walkOrder`: it comes after every block read so far (full walk). */
  private ingestOne(b: Block, memo: StructureMemo, walkOrder: boolean): void {
    const local = this.local(b.text);
    const menu = local.length > 0 && this.columns ? this.columns.around(b, local.some((m) => m.kind !== 'medication')) : null;
    if (menu) this.menus.add(menu);
    if (local.length === 0 || menu) this.mentions.delete(b.el);
    else this.mentions.set(b.el, blockMentions(this.c, b, local, memo), walkOrder);
  }

  /** Start of a full detection: page sets, and the walker over the body. */
  private start(): BlockWalker {
    this.mentions.clear();
    this.menus.clear();
    this.columns = new ModuleColumns(this.c);
    this.structuredPatient = undefined;
    this.refreshPageSets();
    return new BlockWalker(this.doc.body, this.skip, false, this.hints);
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
    this.readFhir();
    return this.finish(this.build());
  }

  /** FHIR resources embedded in the page, stored after the page's own mentions. */
  private readFhir(): void {
    this.fhir = readFhir(this.doc, this.c);
    this.structuredPatient = undefined; // the FHIR Patient may have changed
    this.mentions.setExtra(
      this.fhir.mentions.map((f): Mention => ({
        id: f.id,
        ctx: f.context,
        weak: false,
        ev: {
          kind: 'fhir',
          ...(f.system ? { system: f.system } : {}),
          match: f.match,
          snippet: f.snippet,
          where: 'fhir',
          label: f.resource,
          context: toEvidenceContext(f.context),
          structured: true,
        },
      })),
    );
  }

  private build(): DetectionResult {
    const { conditions, ruledOut } = this.mentions.resolve(this.c, this.enabled);
    return {
      conditions,
      ruledOut,
      patientRef: this.patientRef(),
      noteField: this.note?.selector ?? null,
      adapter: this.adapter?.name ?? 'generic',
    };
  }

  /** Who the patient is: from the page's structure (kept until a change may alter it), else from its leading text. */
  private patientRef(): string | null {
    if (this.structuredPatient === undefined) this.structuredPatient = structuredPatientRef(this.doc, this.adapter, this.fhir.patient);
    return this.structuredPatient ?? textPatientRef(this.doc, this.editables);
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
      const memo = new StructureMemo(this.c, this.adapterSets, this.skip);
      for (const i of candidates(this.c, blocks)) this.ingestOne(blocks[i] as Block, memo, true);
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
      const memo = new StructureMemo(this.c, this.adapterSets, this.skip);
      const todo: number[] = [];
      for (let from = 0; from < blocks.length; from += CHUNK) {
        if (now() - t0 > slice) await pause();
        candidates(this.c, blocks, from, Math.min(blocks.length, from + CHUNK), todo);
      }
      for (let k = 0; k < todo.length; k++) {
        this.ingestOne(blocks[todo[k] as number] as Block, memo, true);
        if ((k & 7) === 7 && now() - t0 > slice) await pause();
      }
      if (now() - t0 > slice) await pause();
      return this.end();
    } catch {
      return this.finish(emptyResult(this.adapter?.name));
    }
  }

  /** Ids of the elements that label a note field candidate through aria-labelledby. */
  private noteLabelIds(): Set<string> {
    const ids = new Set<string>();
    for (const e of this.editables) for (const id of (e.getAttribute('aria-labelledby') ?? '').split(/\s+/)) if (id) ids.add(id);
    return ids;
  }

  /** True when `node` is in a label of a note field candidate: a `<label>`, or an element with one of `labelIds`. */
  private namesNoteField(node: Node, labelIds: ReadonlySet<string>): boolean {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (!el) return false;
    if (el.closest('label')) return true;
    if (labelIds.size === 0) return false;
    for (let e: Element | null = el; e; e = e.parentElement) if (e.id && labelIds.has(e.id)) return true;
    return false;
  }

  /** Forgets the menus in or at `root` (read again, it notes those still menus) and those no longer in the page. */
  private forgetMenusIn(root: Element): void {
    for (const m of this.menus) if (!m.isConnected || root.contains(m)) this.menus.delete(m);
  }

  /** Reads blocks again (they may come in any order: each finds its place in the store). */
  private ingest(blocks: Block[], memo: StructureMemo): void {
    for (const i of candidates(this.c, blocks)) this.ingestOne(blocks[i] as Block, memo, false);
  }

  onMutations(records: readonly MutationRecord[]): DetectionResult | null {
    try {
      if (this.lastSig === null) return this.detect();
      const moduleColumns = (this.columns = new ModuleColumns(this.c));
      /** Blocks to read again with everything inside them. */
      const roots = new Set<Element>();
      /** Blocks whose own text changed, with the elements added to them (read with everything inside). */
      const ownText = new Map<Element, Element[]>();
      let relevant = false;
      let fhirDirty = false;
      let pageSets = false;
      let noteLabels = false;
      let labelIds: ReadonlySet<string> | null = null;
      const banner = this.adapter?.patientId?.selector;
      for (const r of records) {
        const target = r.target;
        if (this.structuredPatient !== undefined && this.mayRenamePatient(r, banner)) this.structuredPatient = undefined;
        if (!noteLabels && (r.type === 'attributes' || this.namesNoteField(target, (labelIds ??= this.noteLabelIds())))) noteLabels = true;
        // Text in or out of an element with a navigation class or id may make it long enough to read, or short enough to skip.
        if (!pageSets && r.type !== 'attributes' && (inNavigationByName(target) || this.inLinkHost(target))) pageSets = true;
        if (r.type === 'attributes') {
          if (target.nodeType !== 1) continue;
          const el = target as Element;
          const name = r.attributeName ?? '';
          // The adapter's lists and ignored parts are CSS selectors: any structural attribute may change them.
          if (this.adapter) pageSets = true;
          if (this.patientAttrs.has(name)) relevant = true;
          else if (PAGE_SET_ATTRS.has(name)) {
            pageSets = true;
            // A note field's text is no item of a menu column: one made or unmade changes the column around it.
            const column = name === 'contenteditable' ? moduleColumns.changedAround(el, this.menus) : null;
            if (column) roots.add(column);
            // A box ticked or unticked may make its label an answer read on the line of the label's parent.
            const holder = name === 'checked' ? (el.closest('label') ?? el) : el;
            const b = blockOf(holder.parentNode ?? holder);
            if (b) roots.add(b);
          } else if (name === 'style') {
            // A style of its own sets a leaf label apart from the one before it (labelStyle), or no longer does;
            // it makes a list item a label, or no longer one.
            if (mayBeStyledLabel(el)) roots.add(sectionOf(el));
          } else if (name === 'class') {
            // Hover and focus styles change classes all the time: only a row's own class can change its status,
            // and only a navigation class what is read.
            if (this.skip.has(el) || el.matches(NAVIGATION)) pageSets = true;
            if (rowOf(this.c, el, this.skip) === el && !inSkipped(el, this.skip)) roots.add(el);
            // A leaf label styled as one before it ends that one's section, or no longer does; a list item with a
            // class is a label, one without none.
            if (mayBeStyledLabel(el)) roots.add(sectionOf(el));
          } else if (name === 'role') {
            pageSets = true;
            roots.add(sectionOf(el));
          } else if (name === 'id' || name === 'aria-label') {
            // A label names the section of everything inside the element; an id may make it navigation, or a
            // box one a `<label for>` names.
            if (name === 'id' && (this.skip.has(el) || el.matches(NAVIGATION) || el.matches(CHOICES))) pageSets = true;
            const b = blockOf(el);
            if (b) roots.add(b);
          }
          continue;
        }
        if (isScriptNode(target)) {
          if (isFhirScript(target)) fhirDirty = true;
          continue;
        }
        // A note being typed in: asked once per record (a climb to the page's root for most).
        const editable = inEditable(target);
        // A change in a column of short items may make it a menu (menus.ts), or a menu no more: read it again.
        const column = editable ? null : moduleColumns.changedAround(target, this.menus);
        if (column) roots.add(column);
        if (inSkipped(target, this.skip)) {
          // Never read, not even for a row's status or code, but a heading there still names a section, and a
          // hidden banner may name the patient. A note being typed in is neither: keystrokes there cost nothing.
          const inside = target.nodeType === 1 ? (target as Element) : target.parentElement;
          const heading = headingAround(inside);
          if (heading) roots.add(sectionOf(heading));
          // A column's header cell names its cells' section by all its text, a skipped part's too.
          const head = inside?.closest('th');
          if (head) roots.add(scopeOf(head));
          // So does a leaf label there (a label row in a navigation part), but not a note being typed in.
          if (!editable) for (const label of leafLabelsChanged(r)) roots.add(sectionOf(label));
          // An unticked option's label leaves a one-word answer on its question's line (optionMark).
          const answer = editable ? null : answerParent(target);
          if (answer) roots.add(answer);
          if (!editable || this.inPatientBanner(target)) relevant = true;
          if (r.type === 'childList' && (addsOrRemoves(r, PAGE_SET_PARTS) || (this.adapter && r.addedNodes.length))) pageSets = true;
          continue;
        }
        if (r.type === 'childList') {
          let useful = false;
          let heading = false;
          /** A description list's term or description came or went: which term each description follows changed. */
          let terms = false;
          /** A table's header cell came or went: which header each column of cells has changed. */
          let columns = false;
          const added: Element[] = [];
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
                if (isHeadingEl(el) || isBold(el.localName) || hasPart(el, HEADING_SELECTOR)) heading = true;
                // A leaf label taken out: it no longer heads the blocks after it (it has no siblings to ask now).
                else if (list === r.removedNodes && isLabelShaped(el)) heading = true;
                if (el.localName === 'dd' || el.localName === 'dt') terms = true;
                if (hasPart(el, 'th')) columns = true;
                if (this.adapter || hasPart(el, PAGE_SET_PARTS)) pageSets = true;
                if (list === r.removedNodes) this.mentions.deleteSubtree(el);
                else added.push(el);
                useful = true;
              } else if (n.nodeType === 3) useful = true;
            }
          }
          if (!useful) continue;
          // Text beside a bold label came or went: the block around it may have become, or stopped being, a label.
          if (!heading && target.nodeType === 1 && namesSection(target as Element)) heading = true;
          for (const label of leafLabelsChanged(r)) roots.add(sectionOf(label));
          const table = columns && target.nodeType === 1 ? (target as Element).closest('table') : null;
          if (table) roots.add(table);
          // Cells put in or taken out of a grid change its rows, or whether it is one (dom.ts gridWidth).
          if (target.nodeType === 1 && mayHeadGrid(target as Element)) roots.add(target as Element);
          const answer = answerParent(target);
          if (answer) {
            roots.add(answer);
            continue;
          }
          const root = blockOf(target);
          // Text added to or removed from a heading (an inline one too: <span role="heading">) renames its section.
          const around = headingAround(target.nodeType === 1 ? (target as Element) : null);
          if (around) roots.add(sectionOf(around));
          else if (root && heading) roots.add(sectionOf(root));
          else if (root && terms) roots.add(root);
          else if (root) ownText.set(root, [...(ownText.get(root) ?? []), ...added]);
        } else if (r.type === 'characterData') {
          const around = headingAround(target.parentElement);
          const root = blockOf(target);
          const answer = answerParent(target);
          const parent = target.parentElement;
          const leaf = changedLeafLabel(r);
          if (around) roots.add(sectionOf(around));
          // Text beside a bold label: the label may have become, or stopped being, a heading.
          else if (besideBold(target as CharacterData) && parent) roots.add(sectionOf(parent));
          else if (leaf) roots.add(sectionOf(leaf));
          else if (answer) roots.add(answer);
          else if (root && !ownText.has(root)) ownText.set(root, []);
        }
      }
      if (fhirDirty) {
        this.readFhir();
        relevant = true;
      }
      if (pageSets) {
        const note = this.note?.selector;
        for (const el of this.refreshPageSets()) {
          const b = blockOf(el.parentNode ?? el);
          if (b) roots.add(b);
        }
        if (this.note?.selector !== note) relevant = true;
      }
      if (noteLabels && !pageSets) {
        const note = findNoteField(this.doc, this.adapter, this.editables, this.note?.el);
        if (note?.selector !== this.note?.selector) relevant = true;
        this.note = note;
      }
      if (roots.size === 0 && ownText.size === 0 && !relevant) return null;
      const finalRoots = new Set<Element>();
      for (const r of roots) finalRoots.add(scopeOf(r));
      // A block whose own text changed is read alone, unless it names a section or is or sits in a row.
      for (const b of [...ownText.keys()]) {
        const scope = scopeOf(b);
        if (scope !== b || outermostRow(b)) {
          finalRoots.add(scope);
          ownText.delete(b);
        }
      }
      const connected = [...finalRoots].filter((root) => root.isConnected);
      const covered = (el: Element, self?: Element) => connected.some((other) => other !== self && other.contains(el));
      const memo = new StructureMemo(this.c, this.adapterSets, this.skip);
      for (const root of connected) {
        if (covered(root, root)) continue;
        this.mentions.deleteSubtree(root);
        this.forgetMenusIn(root);
        if (!inSkipped(root, this.skip)) this.ingest(collectBlocks(root, this.skip, this.hints), memo);
      }
      for (const [b, added] of ownText) {
        if (!b.isConnected || covered(b)) continue;
        this.mentions.delete(b);
        if (inSkipped(b, this.skip)) continue;
        const own = ownBlock(b, this.skip, this.hints);
        if (own) this.ingest([own], memo);
        for (const el of added) {
          if (!el.isConnected || inSkipped(el, this.skip)) continue;
          const inside = collectBlocks(el, this.skip, this.hints);
          // An inline element's own text is part of its block's, read above.
          this.ingest(isBlockTag(el.localName) && !isTickedAnswer(el) ? inside : inside.filter((x) => x.el !== el), memo);
        }
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
}

/**
 * For a change in the label of a tick box or radio button: the block its parent belongs to, read again with
 * the label (the change may make the label an answer read on that line, or no longer one). Else null.
 */
function answerParent(node: Node): Element | null {
  const label = choiceLabelOf(node);
  return label ? blockOf(label.parentNode) : null;
}

/** True when `node` is, or is inside, an element with a navigation class or id. */
function inNavigationByName(node: Node): boolean {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(NAVIGATION_BY_NAME) != null;
}

/** True when `el` is or holds an element matching `selector`. */
function hasPart(el: Element, selector: string): boolean {
  return el.matches?.(selector) || el.querySelector?.(selector) != null;
}

/** True when a childList record adds or removes an element that is or holds a match for `selector`. */
function addsOrRemoves(r: MutationRecord, selector: string): boolean {
  for (const list of [r.addedNodes, r.removedNodes]) {
    for (let i = 0; i < list.length; i++) {
      const n = list[i];
      if (n && n.nodeType === 1 && hasPart(n as Element, selector)) return true;
    }
  }
  return false;
}

/**
 * What to read again when `block` changed: a heading changes the meaning of its section; a cell, that of its
 * row (its status) and of any row around it. Always a block: an inline element's own text is its block's (a
 * grid of cells or a list that a script put in a `<span>` is read with the text around it).
 */
function scopeOf(block: Element): Element {
  const heading = headingAround(block);
  const root = heading ? sectionOf(heading) : namesSection(block) ? sectionOf(block) : block;
  const scope = outermostRow(root) ?? root;
  return blockOf(scope) ?? scope;
}

/**
 * The outermost table row or list item around an element (its cells decide the row's status), or null. For a
 * description list, or a term or description in it, the list (or group) holding them: a description decides
 * its term, and which term a description follows changes with any child added or removed. For a cell of a grid
 * of blocks (dom.ts gridWidth), the grid.
 */
function outermostRow(el: Element): Element | null {
  let row: Element | null = null;
  for (let e: Element | null = el; e; e = e.parentElement) {
    const n = e.localName;
    let found: Element | null = null;
    if (n === 'tr' || n === 'dl') found = n === 'tr' && headsColumns(e as HTMLTableRowElement) ? (e.closest('table') ?? e) : e;
    // A list's first item may head its columns as a table's first row does (dom.ts listColumnHead).
    else if (n === 'li') found = e.parentElement && e.parentElement.firstElementChild === e ? e.parentElement : e;
    else if (n === 'dt' || n === 'dd') found = e.parentElement ?? e;
    // A grid's cells are its rows' (gridWidth): a cell changed may change the row, a heading all of them.
    else if (mayBeGrid(e)) found = e;
    // A header row's table holds the rows around it too (a row put inside a row by a script).
    if (found && (!row || found.contains(row))) row = found;
  }
  return row;
}

/** A row whose cells may head its table's columns: a header row, or the first row (its `<td>`s may name them). */
function headsColumns(tr: HTMLTableRowElement): boolean {
  return isHeaderRow(tr) || tr.rowIndex === 0;
}

/**
 * A heading, or a block that may have become or stopped being one: a block whose only child is a heading or a
 * bold label counts as that heading (dom.ts isHeadingEl), so one with either among its children is checked too.
 */
function namesSection(el: Element): boolean {
  if (isHeadingEl(el)) return true;
  for (let ch = el.firstElementChild; ch; ch = ch.nextElementSibling) if (isRankedHeading(ch.localName) || isBold(ch.localName)) return true;
  return false;
}

/**
 * The leaf labels a record may have made or unmade: the one whose text, wrapper or cell it changed, and, for a
 * childList record, the one right before what it added or removed (what follows a label makes it one).
 */
function leafLabelsChanged(r: MutationRecord): Element[] {
  const out: Element[] = [];
  const leaf = changedLeafLabel(r);
  if (leaf) out.push(leaf);
  const before = r.type === 'childList' ? labelBefore(r) : null;
  if (before) out.push(before);
  return out;
}

/**
 * The leaf label a record may have made or unmade, changing its text, its wrapper or its cell, or null. A text
 * changed in place unmakes one only when its old value was a label's (unknown: take it that it was).
 */
function changedLeafLabel(r: MutationRecord): Element | null {
  const leaf = leafHostOf(r.target);
  if (!leaf) return null;
  if (r.type === 'childList') return wasLeafLabel(leaf, r) ? leaf : null;
  return isLeafShape(leaf) && partFollows(leaf) && (r.oldValue === null || isLabelText(r.oldValue)) ? leaf : null;
}

/**
 * True when `el` may have been a leaf label before a childList change in it: a div, paragraph or row with a
 * part after it whose text, now or before the change, or the text the change took out, is a label's.
 */
function wasLeafLabel(el: Element, r: MutationRecord): boolean {
  if (!partFollows(el)) return false;
  const now = el.textContent ?? '';
  if (isLabelText(now)) return true;
  // What the record took out may have been the label's text, or the wrapper or cell that held it.
  let removed = '';
  for (let i = 0; i < r.removedNodes.length; i++) removed += (r.removedNodes[i] as Node).textContent ?? '';
  if (isLabelText(removed)) return true;
  // The length of its text before the record (made anywhere inside it): what it has less what the record added
  // (a part put in beside the label's wrapper), plus what it took out. Later records of the batch may have
  // changed its text since: the removals' own test above covers a text replaced in two records.
  let before = now.length + removed.length;
  for (let i = 0; i < r.addedNodes.length; i++) before -= ((r.addedNodes[i] as Node).textContent ?? '').length;
  return before > 0 && before <= LABEL_CHARS_MAX;
}

/**
 * The leaf label (in shape and text) right before the nodes a childList record added or removed, text between
 * skipped, or null. When the record says neither what was before nor after them (all children replaced, or a
 * DOM that leaves them out), any child of the target that is one.
 */
function labelBefore(r: MutationRecord): Element | null {
  const first = r.addedNodes[0];
  let n = first && first.parentNode === r.target ? first.previousSibling : r.previousSibling;
  if (!n && !r.nextSibling && r.removedNodes.length > 0) {
    for (let ch = (r.target as Element).firstElementChild; ch; ch = ch.nextElementSibling) if (isLabelShaped(ch)) return ch;
    return null;
  }
  while (n && n.nodeType !== 1) n = n.previousSibling;
  return n && isLabelShaped(n as Element) ? (n as Element) : null;
}

/** True when a bold element is the text's nearest element sibling on either side. */
function besideBold(text: CharacterData): boolean {
  const before = text.previousElementSibling;
  const after = text.nextElementSibling;
  return (before !== null && isBold(before.localName)) || (after !== null && isBold(after.localName));
}

/** The block around a heading (and around wrappers that count as that heading): the blocks it names. */
function sectionOf(el: Element): Element {
  let h = el;
  while (h.parentElement && isHeadingEl(h.parentElement)) h = h.parentElement;
  return blockOf(h.parentElement) ?? h;
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

/** Everything a result shows, as one string (cheap, and free of page globals: no JSON.stringify). */
function signature(r: DetectionResult): string {
  let s = `${r.adapter}|${r.patientRef ?? ''}|${r.noteField ?? ''}`;
  const add = (evidence: readonly Evidence[]) => {
    for (const e of evidence) s += `\u0001${e.kind}:${e.system ?? ''}:${e.match}:${e.where}:${e.label ?? ''}:${e.context ?? ''}:${e.structured}:${e.snippet}`;
  };
  for (const c of r.conditions) {
    s += `|${c.id}:${c.status}`;
    add(c.evidence);
  }
  for (const c of r.ruledOut) {
    s += `|x${c.id}`;
    add(c.evidence);
  }
  return s;
}

/** A detector for one document, with per-block caching for single-page apps. */
export function createDetector(doc: Document, options: DetectOptions = {}): Detector {
  try {
    return new PageDetector(doc, options);
  } catch {
    return {
      watchedAttributes: [],
      detect: () => emptyResult(),
      onMutations: () => null,
      detectAsync: () => Promise.resolve(emptyResult()),
    };
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
    // One source for all lines, so that a suspicion is answered "no" further down the same note.
    const src = String(text).replace(/[|]/g, BREAK);
    const all: Mention[] = [];
    let section = new Set<SectionKind>();
    let heading: string | null = null;
    let table: TextTable | null = null;
    for (let from = 0; from <= src.length; ) {
      const nl = src.indexOf('\n', from);
      const to = nl === -1 ? src.length : nl;
      const line = src.slice(from, to).replace(/\r$/, '');
      const at = from;
      from = to + 1;
      if (!line.trim()) {
        section = new Set();
        heading = null;
        table = null;
        continue;
      }
      const header = textTableOf(c, line);
      if (header) {
        table = header;
        continue;
      }
      let kinds = section;
      let lineHeading = heading;
      const label = lineLabel(c, line) ?? headingLine(c, line);
      if (label?.bare) {
        section = label.kinds;
        heading = label.label;
        continue;
      }
      if (label && label.kinds.size > 0) {
        kinds = label.kinds;
        lineHeading = label.label;
      }
      const local = analyzeBlock(c, line, language);
      if (!local.length) continue;
      const secCtx = strongerContext(sectionContext(kinds), table ? textRowStatus(c, table, line) : null);
      const structured = kinds.has('problemList');
      for (const lm of local) {
        const ctx = strongerContext(lm.context, secCtx);
        all.push({
          id: lm.id,
          ctx,
          weak: lm.weak,
          src,
          s: at + lm.start,
          e: at + lm.end,
          ev: {
            kind: lm.kind,
            ...(lm.system ? { system: lm.system } : {}),
            match: lm.match,
            snippet: snippetOf(line, lm.start, lm.end),
            ...(lineHeading ? { where: 'section' as const, label: lineHeading } : { where: 'text' as const }),
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
