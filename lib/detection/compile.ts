/**
 * Compiles the condition definitions and context rules into one token trie (all terms, look-alikes,
 * medication names, context triggers and scope terminators of the three languages) plus code tables.
 * Compiled once per definitions array and cached.
 */
import type { ConditionId, Language } from '../conditions';
import { LANGUAGES } from '../conditions';
import type { ConditionDefinition, ContextRules, Trigger, TriggerContext } from './schema';
import { fold, phraseTokens, squash, tokenize } from './text';

export interface CompiledTrigger {
  context: TriggerContext;
  pre: boolean;
  post: boolean;
  window: number;
  clause: boolean;
  /** Punctuation-only triggers ('?'): before a term, only as a mark that opens what follows (analyze.ts isPrefixMark). */
  punct: boolean;
  /** Valid only where its clause ends with it (Trigger.answer). */
  answer?: true;
  /** Valid only alone in brackets (Trigger.bracketed). */
  bracketed?: true;
  /** Ending its sentence, it reaches back to the sentence's start (Trigger.closing). */
  closing?: true;
  /** A relative (a family trigger of one or two words, relativesOf), in these languages: cues apply to it. */
  rel?: Language[];
}

/**
 * Words around a relative that change what the relative's trigger means, in one language: `before` ("according
 * to his") and `after` ("reports") make the relative the informant, no family trigger; `about` ("who") opens a
 * clause about the relative, which the family trigger then reaches through.
 */
export type Cue = 'before' | 'after' | 'about';

export type Payload =
  /** `lang`: only in text of that language (a local abbreviation). */
  | { t: 'cond'; id: ConditionId; weak: boolean; abbr: string | null; lang?: Language }
  /** `slash`: written with a slash ("asthma/COPD"), it is one only where the text has the slash. */
  | { t: 'look'; id: ConditionId; slash?: true }
  | { t: 'med'; ids: ConditionId[] }
  | { t: 'trig'; trig: CompiledTrigger }
  | { t: 'cue'; cue: Cue; lang: Language }
  | { t: 'stop' };

export interface TrieNode {
  next: Map<string, TrieNode> | null;
  pay: Payload[] | null;
}

export interface IcdRule {
  prefix: string;
  exclude: string[];
  id: ConditionId;
}

/**
 * Kinds of section a heading names. Neither `screening` (questions asked of everyone, "Dépistages") nor
 * `reference` (guidance and leaflets for anyone, "Ressources", "NHG-Standaard" links) holds findings.
 */
export const SECTION_KINDS = ['family', 'historical', 'screening', 'reference', 'problemList', 'medication'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface Compiled {
  root: TrieNode;
  /** Cheap pre-check on lower-cased text: can it contain a condition term, medication name or code at all? */
  prefilter: RegExp;
  /**
   * The same pre-check for one pass over all blocks of a page (candidates()), global: it consumes the character
   * before the word (the text must start with a separator), which regex engines scan faster than a look-behind.
   * Both expect lower-cased text.
   */
  scan: RegExp;
  icd10: IcdRule[];
  icpc: Map<string, ConditionId[]>;
  snomed: Map<string, ConditionId[]>;
  atc: { prefix: string; ids: ConditionId[] }[];
  sections: Record<SectionKind, string[][]>;
  rowHistorical: Set<string>;
  rowNegated: Set<string>;
  /** A yes/no cell's plain "no" (rowStatus.answerNo), folded. */
  rowAnswerNo: Set<string>;
  rowUncertain: Set<string>;
  rowActive: Set<string>;
  /** Column headings of a plain-text table that can end a row's problem (rowStatus.endColumn, statusColumn), folded. */
  columnHeadings: Map<string, 'end' | 'status'>;
  /** Names of the EHR's screens (chartModules), folded, their tokens space-separated. */
  modules: Set<string>;
  /** The first words of the screen names (a quick check before a whole name is looked for). */
  moduleHeads: Set<string>;
  /** Titles before a person's name (honorifics), folded. */
  honorifics: Set<string>;
  /** Words that name a section only in a heading of at most two words (shortHeadingWords), folded. */
  shortHeadingWords: Set<string>;
  /** Words that make a heading naming programmes the patient's own (enrolment), folded, tokens space-separated. */
  enrolment: Set<string>;
  hints: Map<string, Language>;
  /** Per condition, where its weak-only evidence goes when that condition is established (weakYieldsTo). */
  yields: Map<ConditionId, ConditionId[]>;
  /** Terms naming an acute event of a condition (acuteEvents), as `matchKey` gives them. */
  acuteEvents: Set<string>;
}

function newNode(): TrieNode {
  return { next: null, pay: null };
}

function insert(root: TrieNode, toks: string[], p: Payload): void {
  if (toks.length === 0) return;
  let node = root;
  for (const tok of toks) {
    node.next ??= new Map();
    let nx = node.next.get(tok);
    if (!nx) {
      nx = newNode();
      node.next.set(tok, nx);
    }
    node = nx;
  }
  node.pay ??= [];
  // Merge medication payloads for the same name; skip exact duplicate condition payloads.
  for (const q of node.pay) {
    if (p.t === 'med' && q.t === 'med') {
      for (const id of p.ids) if (q.ids.indexOf(id) === -1) q.ids.push(id);
      return;
    }
    if (p.t === 'cond' && q.t === 'cond' && q.id === p.id && q.weak === p.weak && q.abbr === p.abbr && q.lang === p.lang) return;
    if (p.t === 'look' && q.t === 'look' && q.id === p.id && q.slash === p.slash) return;
    if (p.t === 'stop' && q.t === 'stop') return;
  }
  node.pay.push(p);
}

/** Raw (unfolded) concatenation of a phrase's word tokens, used for case-sensitive abbreviations. */
export function rawConcat(raw: string, from: number[], to: number[], a: number, b: number): string {
  let s = '';
  for (let i = a; i < b; i++) s += raw.slice(from[i], to[i]);
  return s;
}

function abbrKey(abbr: string): string | null {
  const t = tokenize(fold(abbr));
  const concat = rawConcat(abbr, t.start, t.end, 0, t.norm.length);
  // Long abbreviations (COPD, BPCO, T2DM) are distinctive: any case. Short ones (OA, HF, CKD) only as written.
  return concat.length >= 4 ? null : concat;
}

function compileTrigger(tr: Trigger, defaultWindow: number): CompiledTrigger {
  const toks = phraseTokens(tr.phrase);
  return {
    context: tr.context,
    pre: tr.direction !== 'post',
    post: tr.direction !== 'pre',
    window: tr.window ?? defaultWindow,
    clause: tr.scope === 'clause',
    punct: toks.every((t) => !/[a-z0-9]/.test(t)),
    ...(tr.answer ? { answer: true as const } : {}),
    ...(tr.bracketed ? { bracketed: true as const } : {}),
    ...(tr.closing ? { closing: true as const } : {}),
  };
}

type ConditionTables = Pick<Compiled, 'icd10' | 'icpc' | 'snomed' | 'atc' | 'yields' | 'acuteEvents'>;

/** A term or a matched text as one key: folded, its word tokens space-separated. */
export function matchKey(text: string): string {
  return phraseTokens(text).join(' ');
}

/** Condition terms, look-alikes and medication names into `root`; code tables. */
function compileConditions(defs: ConditionDefinition[], root: TrieNode): ConditionTables {
  const icd10: IcdRule[] = [];
  const icpc = new Map<string, ConditionId[]>();
  const snomed = new Map<string, ConditionId[]>();
  const atc: { prefix: string; ids: ConditionId[] }[] = [];
  const yields = new Map<ConditionId, ConditionId[]>();
  const acuteEvents = new Set<string>();
  const push = (m: Map<string, ConditionId[]>, k: string, id: ConditionId) => {
    const l = m.get(k);
    if (l) {
      if (l.indexOf(id) === -1) l.push(id);
    } else m.set(k, [id]);
  };

  for (const def of defs) {
    yields.set(def.id, [...def.weakYieldsTo]);
    for (const term of def.acuteEvents) acuteEvents.add(matchKey(term));
    for (const lang of LANGUAGES) {
      const lt = def[lang];
      for (const term of lt.terms) insert(root, phraseTokens(term), { t: 'cond', id: def.id, weak: false, abbr: null });
      for (const term of lt.weak) insert(root, phraseTokens(term), { t: 'cond', id: def.id, weak: true, abbr: null });
      for (const ab of lt.abbreviations)
        insert(root, phraseTokens(ab), { t: 'cond', id: def.id, weak: false, abbr: abbrKey(ab) });
      for (const term of lt.localTerms ?? []) insert(root, phraseTokens(term), { t: 'cond', id: def.id, weak: false, abbr: null, lang });
      for (const ab of lt.localAbbreviations ?? [])
        insert(root, phraseTokens(ab), { t: 'cond', id: def.id, weak: false, abbr: abbrKey(ab), lang });
      for (const ab of lt.weakAbbreviations ?? [])
        insert(root, phraseTokens(ab), { t: 'cond', id: def.id, weak: true, abbr: abbrKey(ab), lang });
    }
    for (const l of def.lookalikes) insert(root, phraseTokens(l), l.includes('/') ? { t: 'look', id: def.id, slash: true } : { t: 'look', id: def.id });
    for (const name of def.medications.names) insert(root, phraseTokens(name), { t: 'med', ids: [def.id] });
    for (const c of def.icpc2) push(icpc, c, def.id);
    for (const s of def.snomed) push(snomed, s, def.id);
    for (const r of def.icd10) {
      if (typeof r === 'string') icd10.push({ prefix: r.replace('.', ''), exclude: [], id: def.id });
      else icd10.push({ prefix: r.prefix.replace('.', ''), exclude: r.exclude.map((e) => e.replace('.', '')), id: def.id });
    }
    for (const a of def.medications.atc) {
      const hit = atc.find((x) => x.prefix === a);
      if (hit) hit.ids.push(def.id);
      else atc.push({ prefix: a, ids: [def.id] });
    }
  }
  return { icd10, icpc, snomed, atc, yields, acuteEvents };
}

function withPrefilter(root: TrieNode, rest: Omit<Compiled, 'root' | 'prefilter' | 'scan'>, source = buildPrefilter(root)): Compiled {
  return { root, ...prefilterRegexes(source), ...rest };
}

/** At most this many words name a relative ("wife", "zijn vrouw", "grand-mère", "maternal grandmother"). */
const RELATIVE_WORDS = 2;

/**
 * The relatives of one language: its 'pre' family triggers of one or two words, less those that share a word
 * with a family-history heading ("family", "fhx", "in family").
 */
function relativesOf(rules: ContextRules, lang: Language): string[] {
  const isWord = (t: string) => /\p{L}/u.test(t);
  const headingWords = new Set(rules.sections[lang].family.flatMap((h) => phraseTokens(h).filter(isWord)));
  return rules.triggers[lang]
    .filter((tr) => tr.context === 'family' && tr.direction === 'pre')
    .map((tr) => phraseTokens(tr.phrase))
    .filter((toks) => {
      const words = toks.filter(isWord);
      return words.length > 0 && words.length <= RELATIVE_WORDS && !words.some((w) => headingWords.has(w));
    })
    .map((toks) => toks.join(' '));
}

export function compile(defs: ConditionDefinition[], rules: ContextRules): Compiled {
  const root = newNode();
  const tables = compileConditions(defs, root);

  const relLangs = new Map<string, Language[]>();
  for (const lang of LANGUAGES) for (const rel of relativesOf(rules, lang)) relLangs.set(rel, [...(relLangs.get(rel) ?? []), lang]);
  const seen = new Set<string>();
  for (const lang of LANGUAGES) {
    for (const tr of rules.triggers[lang]) {
      const key = `${fold(tr.phrase)}|${tr.context}|${tr.direction}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const trig = compileTrigger(tr, rules.defaultWindow);
      const rel = tr.context === 'family' && tr.direction === 'pre' ? relLangs.get(phraseTokens(tr.phrase).join(' ')) : undefined;
      if (rel) trig.rel = rel;
      insert(root, phraseTokens(tr.phrase), { t: 'trig', trig });
    }
    for (const w of rules.terminators[lang]) insert(root, phraseTokens(w), { t: 'stop' });
    const { before, after } = rules.informants[lang];
    for (const w of before) insert(root, phraseTokens(w), { t: 'cue', cue: 'before', lang });
    for (const w of after) insert(root, phraseTokens(w), { t: 'cue', cue: 'after', lang });
    for (const w of rules.relativeClauses[lang]) insert(root, phraseTokens(w), { t: 'cue', cue: 'about', lang });
  }

  const sections = Object.fromEntries(SECTION_KINDS.map((k) => [k, [] as string[][]])) as Record<SectionKind, string[][]>;
  const rowHistorical = new Set<string>();
  const rowNegated = new Set<string>();
  const rowAnswerNo = new Set<string>();
  const rowUncertain = new Set<string>();
  const rowActive = new Set<string>();
  const columnHeadings = new Map<string, 'end' | 'status'>();
  const modules = new Set<string>();
  const honorifics = new Set<string>();
  const hintCount = new Map<string, Language[]>();
  for (const lang of LANGUAGES) {
    const s = rules.sections[lang];
    for (const k of SECTION_KINDS)
      for (const p of s[k]) sections[k].push(phraseTokens(p).filter((t) => /[\p{L}\p{N}]/u.test(t)));
    for (const w of rules.rowStatus[lang].historical) rowHistorical.add(squash(fold(w)));
    for (const w of rules.rowStatus[lang].negated) rowNegated.add(squash(fold(w)));
    for (const w of rules.rowStatus[lang].answerNo) rowAnswerNo.add(squash(fold(w)));
    for (const w of rules.rowStatus[lang].uncertain) rowUncertain.add(squash(fold(w)));
    for (const w of rules.rowStatus[lang].active) rowActive.add(squash(fold(w)));
    for (const w of rules.rowStatus[lang].endColumn) columnHeadings.set(squash(fold(w)), 'end');
    for (const w of rules.rowStatus[lang].statusColumn) columnHeadings.set(squash(fold(w)), 'status');
    for (const m of rules.chartModules[lang]) modules.add(phraseTokens(m).join(' '));
    for (const h of rules.honorifics[lang]) honorifics.add(fold(h));
    for (const w of rules.languageHints[lang]) {
      const l = hintCount.get(fold(w)) ?? [];
      l.push(lang);
      hintCount.set(fold(w), l);
    }
  }
  const hints = new Map<string, Language>();
  for (const [w, langs] of hintCount) if (langs.length === 1 && langs[0]) hints.set(w, langs[0]);
  const shortHeadingWords = new Set(rules.shortHeadingWords.map(fold));
  const enrolment = new Set(LANGUAGES.flatMap((lang) => rules.enrolment[lang]).map((w) => phraseTokens(w).join(' ')));

  return withPrefilter(root, { ...tables, sections, rowHistorical, rowNegated, rowAnswerNo, rowUncertain, rowActive, columnHeadings, modules, moduleHeads: headsOf(modules), honorifics, shortHeadingWords, enrolment, hints });
}

/** The first words of phrases whose tokens are space-separated. */
export function headsOf(phrases: Iterable<string>): Set<string> {
  const heads = new Set<string>();
  for (const p of phrases) heads.add(p.split(' ')[0] as string);
  return heads;
}

/** Every (token path, payload) of a trie, depth first in insertion order. */
export function triePaths(root: TrieNode, keep: (p: Payload) => boolean = () => true): [string[], Payload[]][] {
  const out: [string[], Payload[]][] = [];
  const walk = (node: TrieNode, path: string[]) => {
    const pays = node.pay?.filter(keep) ?? [];
    if (pays.length) out.push([path, pays]);
    if (node.next) for (const [tok, nx] of node.next) walk(nx, [...path, tok]);
  };
  walk(root, []);
  return out;
}

/**
 * Other condition definitions with the context rules of an already compiled `base` (its triggers,
 * terminators, sections, row statuses, screen names, titles and language hints): what `compile(defs, rules)` gives, without
 * needing the rules file at run time.
 */
export function compileWith(defs: ConditionDefinition[], base: Compiled): Compiled {
  const root = newNode();
  const tables = compileConditions(defs, root);
  for (const [path, pays] of triePaths(base.root, (p) => p.t === 'trig' || p.t === 'cue' || p.t === 'stop')) for (const p of pays) insert(root, path, p);
  const { sections, rowHistorical, rowNegated, rowAnswerNo, rowUncertain, rowActive, columnHeadings, modules, moduleHeads, honorifics, shortHeadingWords, enrolment, hints } = base;
  return withPrefilter(root, { ...tables, sections, rowHistorical, rowNegated, rowAnswerNo, rowUncertain, rowActive, columnHeadings, modules, moduleHeads, honorifics, shortHeadingWords, enrolment, hints });
}

// ---- Prefilter: one prefix-factored regex of the first words of all terms, medication names and code shapes ----

/** Accented forms of a letter, lower case (the pre-check runs on lower-cased text). */
const ACCENTS: Record<string, string> = {
  a: 'aàáâãäå', c: 'cç', e: 'eèéêë', i: 'iìíîï', n: 'nñ', o: 'oòóôõö', u: 'uùúûü', y: 'yÿý',
};

/**
 * A character of an anchor as a regex unit for lower-cased text: a letter in any accent ("[eèéêë]"), anything
 * else as written. Abbreviations ("HF") and terms ("heart") then share their branches: the regex engine tries
 * each branch of an alternation in turn at every word start, so fewer branches is a faster scan.
 */
function unitRx(ch: string): string {
  const u = ch.toLowerCase();
  const acc = ACCENTS[u];
  return acc ? `[${acc}]` : escapeRx(u);
}

/** A prefix tree of regex units: one branch per unit, however many anchors start with it. */
interface RxNode {
  next: Map<string, RxNode>;
  end: boolean;
}

function rxInsert(root: RxNode, anchor: string): void {
  let n = root;
  for (const ch of anchor) {
    const u = unitRx(ch);
    let nx = n.next.get(u);
    if (!nx) {
      nx = { next: new Map(), end: false };
      n.next.set(u, nx);
    }
    n = nx;
  }
  n.end = true;
}

function rxEmit(n: RxNode): string {
  // Any prefix that is a complete anchor is enough for a pre-check: stop there.
  if (n.end) return '';
  const alts: string[] = [];
  for (const [u, nx] of n.next) alts.push(u + rxEmit(nx));
  if (alts.length === 0) return '';
  return alts.length === 1 ? (alts[0] as string) : `(?:${alts.join('|')})`;
}

/** Frequent words that make poor anchors for the pre-check ("chronic kidney disease" is anchored on "kidney"). */
const GENERIC = new Set(
  ('type chronic chronische chronisch chronique disease stable end stage high raised elevated essential primary severe ' +
    'major persistent allergic congestive cardiac heart renal left old unstable non niet adult maturity onset syndrome ' +
    'disorder clinical recurrent class morbid pulmonary obstructive bronchial coronary insulin dependent de du la le l des ' +
    'van het d with of the in a s mellitus 1 2 i ii pain back low neck state episode trouble maladie generalised ' +
    'generalized juvenile early latent ernstig ernstige insuffisance cardiaque failure').split(' '),
);

function escapeRx(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * Anchors only match at the start of a word (the trie matches whole tokens): the look-behind lets the regex
 * engine reject mid-word positions at once, which is most of them.
 */
const WORD_CHARS = 'a-z0-9\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F';
const WORD_START = `(?<![${WORD_CHARS}])`;
/** What `scan` starts with instead of WORD_START: the character before the word, consumed. */
const BEFORE_WORD = `[^${WORD_CHARS}]`;

/** The pre-check regexes from the source buildPrefilter gives (see Compiled.prefilter and .scan). */
export function prefilterRegexes(source: string): Pick<Compiled, 'prefilter' | 'scan'> {
  const body = source.startsWith(WORD_START) ? source.slice(WORD_START.length) : source;
  return { prefilter: new RegExp(source), scan: new RegExp(BEFORE_WORD + body, 'g') };
}

/**
 * The pre-check reads only the first characters of each anchor ("diabet", "hypert"): a pre-check may let a block
 * through that holds no term (the trie then finds none), and the shorter regex keeps the content script small.
 */
const ANCHOR_CHARS = 6;

/**
 * The pre-check, for lower-cased text: abbreviations and code shapes then match in any case, and letters in
 * any accent (a superset, which is all a pre-check needs).
 */
export function buildPrefilter(trie: TrieNode): string {
  const root: RxNode = { next: new Map(), end: false };
  // Every condition term / medication name is a path in the trie; anchor each on its least common word.
  const walk = (node: TrieNode, path: string[]) => {
    const pays = node.pay?.filter((p) => p.t === 'cond' || p.t === 'med') ?? [];
    if (pays.length && path.length) {
      const words = path.filter((t) => /^[\p{L}\p{N}]+$/u.test(t));
      let anchor = words[0] ?? '';
      for (const w of words) if (!GENERIC.has(w) && (GENERIC.has(anchor) || w.length > anchor.length)) anchor = w;
      const sensitive = words.length === 1 && pays.every((p) => p.t === 'cond' && p.abbr !== null);
      if (sensitive) for (const p of pays) rxInsert(root, (p.t === 'cond' && p.abbr ? p.abbr : anchor).slice(0, ANCHOR_CHARS));
      else if (anchor) rxInsert(root, anchor.slice(0, ANCHOR_CHARS));
    }
    if (node.next) for (const [tok, nx] of node.next) walk(nx, [...path, tok]);
  };
  walk(trie, []);
  // Codes: ICD-10 / ICPC-2 (letter + 2 digits), ATC, SNOMED CT ids.
  return `${WORD_START}(?:${rxEmit(root)}|[a-z][0-9]{2}|[0-9]{6,18})`;
}

/** Conditions whose ICD-10 prefix rules cover `code` (dots ignored). */
export function lookupIcd10(c: Compiled, code: string): ConditionId[] {
  const k = code.replace('.', '');
  const out: ConditionId[] = [];
  for (const r of c.icd10) {
    if (!k.startsWith(r.prefix)) continue;
    let excluded = false;
    for (const e of r.exclude) if (k.startsWith(e)) excluded = true;
    if (!excluded && out.indexOf(r.id) === -1) out.push(r.id);
  }
  return out;
}

export function lookupAtc(c: Compiled, code: string): ConditionId[] {
  const out: ConditionId[] = [];
  for (const r of c.atc) if (code.startsWith(r.prefix)) for (const id of r.ids) if (out.indexOf(id) === -1) out.push(id);
  return out;
}

/** Which section kinds a heading (or id/aria-label) text announces. */
const headingCache = new WeakMap<Compiled, Map<string, Set<SectionKind>>>();

export function classifyHeading(c: Compiled, text: string): Set<SectionKind> {
  let cache = headingCache.get(c);
  if (!cache) {
    cache = new Map();
    headingCache.set(c, cache);
  }
  let hit = cache.get(text);
  if (!hit) {
    hit = classifyUncached(c, text);
    if (cache.size > 5000) cache.clear();
    cache.set(text, hit);
  }
  return hit;
}

/** At most this many words make a heading short enough for the shortHeadingWords. */
const SHORT_HEADING_WORDS = 2;

function classifyUncached(c: Compiled, text: string): Set<SectionKind> {
  const out = new Set<SectionKind>();
  if (!text || text.length > 120) return out;
  const words = tokenize(fold(text)).norm.filter((t) => t.length > 1 || /[a-z0-9]/.test(t));
  const short = words.filter((w) => /\p{L}/u.test(w)).length <= SHORT_HEADING_WORDS;
  for (const k of SECTION_KINDS) {
    for (const ph of c.sections[k]) {
      if (ph.length === 0 || ph.length > words.length) continue;
      if (!short && ph.length === 1 && c.shortHeadingWords.has(ph[0] as string)) continue;
      outer: for (let i = 0; i + ph.length <= words.length; i++) {
        for (let j = 0; j < ph.length; j++) if (words[i + j] !== ph[j]) continue outer;
        out.add(k);
        break;
      }
      if (out.has(k)) break;
    }
  }
  const joined = ` ${words.join(' ')} `;
  // "Active and past problems": a list of both kinds, where each row's status says which.
  if (out.has('historical')) for (const w of c.rowActive) if (joined.includes(` ${w} `)) out.delete('historical');
  // "Deelname zorgprogramma": the programmes the patient is in, not the practice's list of them.
  if (out.has('reference')) for (const w of c.enrolment) if (joined.includes(` ${w} `)) out.delete('reference');
  return out;
}
