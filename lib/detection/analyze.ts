/**
 * Analysis of one plain-text block: one left-to-right pass over its tokens finds, by longest match in the
 * compiled trie, condition terms, look-alikes (consumed, never counted), medication names, context triggers
 * and scope terminators; codes (ICD-10, ICPC-2, SNOMED CT, ATC) are read from word shapes in the same pass.
 * Then each mention gets the context of the triggers whose scope reaches it (NegEx/ConText style: a trigger
 * applies within its window of words, inside the same sentence - or clause - never across a terminator).
 */
import type { ConditionId, Language } from '../conditions';
import type { Compiled, CompiledTrigger, Cue, Payload, SectionKind } from './compile';
import { classifyHeading, lookupAtc, lookupIcd10, rawConcat } from './compile';
import type { TriggerContext } from './schema';
import { ARROW, BREAK, TYPED_BOX, TokKind, type Tokens, UNTICKED_BOX, fold, tokenize } from './text';

export type LocalContext = Exclude<TriggerContext, 'pseudo'>;

export interface LocalMention {
  id: ConditionId;
  kind: 'term' | 'code' | 'medication';
  system?: 'icpc2' | 'icd10' | 'snomed' | 'atc' | 'drug';
  /** Text as it appears on the page. */
  match: string;
  start: number;
  end: number;
  weak: boolean;
  context: LocalContext | null;
}

/** First letters of ICPC-2 chapters: a bare 3-character code with one of these could be ICPC-2 or ICD-10. */
const ICPC_CHAPTERS = 'ABDFHKLNPRSTUWXYZ';
const PRECEDENCE: LocalContext[] = ['family', 'negated', 'historical', 'hypothetical', 'uncertain'];

/** The strongest of two contexts (family > negated > historical > hypothetical > uncertain). */
export function strongerContext(a: LocalContext | null, b: LocalContext | null): LocalContext | null {
  if (!a) return b;
  if (!b) return a;
  return PRECEDENCE.indexOf(a) <= PRECEDENCE.indexOf(b) ? a : b;
}

interface TrigHit {
  s: number;
  e: number;
  trig: CompiledTrigger;
  /** A relative's appositions end at this token (a comma): what they name is the relative's. */
  appositionEnd?: number;
}

interface PendingMention extends LocalMention {
  ts: number;
  te: number;
  corroborate: boolean;
}

function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function codeLabel(norm: string[], kind: TokKind[], i: number): 'icd10' | 'icpc2' | 'snomed' | null {
  let k = i - 1;
  if (k >= 0 && kind[k] === TokKind.Soft) k--;
  const w1 = k >= 0 ? norm[k] : undefined;
  const w0 = k >= 1 ? norm[k - 1] : undefined;
  if (w1 === 'icd10' || w1 === 'icd' || (w0 === 'icd' && w1 === '10')) return 'icd10';
  if (w1 === 'icpc' || w1 === 'icpc2' || (w0 === 'icpc' && w1 === '2')) return 'icpc2';
  if (w1 === 'snomed' || w1 === 'sct' || w1 === 'sctid' || (w0 === 'snomed' && w1 === 'ct')) return 'snomed';
  return null;
}

/**
 * True when a parenthesis opened before `from` (where a trigger starts) closes before `to` (where the mention
 * starts): a trigger inside brackets does not reach past them ("COPD? (nooit spirometrie gedaan), depressie").
 */
function closesBetween(text: string, from: number, to: number): boolean {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x28 /* ( */) depth++;
    else if (c === 0x29 /* ) */ && --depth < 0) return true;
  }
  return false;
}

/**
 * Where the dash that follows a relative (trigger `t`) ends ("Mother – heart failure, T2DM"), after the
 * relative's name maybe, in brackets or not ("husband (Mr J. Peeters) - COPD review", "partner mw. G. Mulder -
 * DM2-controle"), or after the bracket that holds the relative ("Mme Lambert (épouse) - suivi BPCO", "(wife,
 * carer) - COPD review", or with a colon: "Linked record (mother, Mrs J. Barker): diabetes review"), or -1: it
 * opens a list of their conditions, as a colon does ("Mother: heart failure, T2DM"), which reaches to the
 * sentence's end.
 */
function dashAfter(text: string, tk: Tokens, t: TrigHit): number {
  // The relative's last word: "mother:" may have matched "(mother) -" (a spaced dash is a label's colon).
  const a = t.e - 1 > t.s && tk.norm[t.e - 1] === ':' ? t.e - 2 : t.e - 1;
  const at = tk.end[a] as number;
  const m = DASH_AFTER.exec(text.slice(at, at + DASH_REACH));
  if (m === null || (m[1] !== undefined && text.charCodeAt((tk.start[t.s] as number) - 1) !== 0x28 /* ( */)) return -1;
  // The first token after the dash: a title's dot in the brackets ends no sentence here.
  const after = at + m[0].length;
  let k = a + 1;
  while (k < tk.start.length && (tk.start[k] as number) < after) k++;
  return k;
}

/**
 * The end of the relative's bracket maybe, after a comma ("(wife, carer)"; "(épouse suivie aussi)" keeps the
 * relative in); then their name as titles, initials and names, or a bracket about them, or both ("husband SMITH,
 * Robert (registered here) – COPD review"); then the dash, or a label's colon.
 */
const DASH_AFTER = /^((?:,[^()\n]{0,20})?\))? ?(?:(?:\p{Ll}{1,3}\.|\p{Lu}[\p{L}'’-]*\.?,?) ){0,5}(?:\([^()]{1,40}\) ?)?(?:[-\u2013\u2014] |: ?)/u;
/** The longest text DASH_AFTER may match. */
const DASH_REACH = 64;

interface CueHit {
  s: number;
  e: number;
  cue: Cue;
  lang: Language;
}

/** At most this many words (a name, "present") between a relative and the clause about them. */
const ABOUT_GAP_WORDS = 3;

/**
 * Relatives' triggers beside a cue of their language: an informant's ("according to his" wife, mum "reports")
 * is dropped; one followed by a clause about them ("who", or a verb whose subject they are: "has", "heeft", "a")
 * reaches from the end of the cue, through that clause. A name or a short apposition may come between ("wife
 * Grace, who has", "Son épouse, présente, a une", "Zoon inwonend, heeft"): words that are no term, trigger or cue.
 */
function applyCues(trigs: TrigHit[], cues: CueHit[], tk: Tokens, taken: boolean[]): void {
  const { norm, kind } = tk;
  /**
   * True when only a name or an apposition lies between token `from` and token `to`: a few words that are no
   * term, trigger or cue, with commas between them, and nothing after the last comma ("Wife present, patient
   * has" has a new subject after it).
   */
  const gap = (from: number, to: number): boolean => {
    let words = 0;
    let commas = 0;
    let sinceComma = 0;
    for (let k = from; k < to; k++) {
      if (taken[k]) return false;
      if (kind[k] === TokKind.Word) {
        words++;
        sinceComma++;
      } else if (norm[k] === ',') {
        commas++;
        sinceComma = 0;
      } else return false;
    }
    return words <= ABOUT_GAP_WORDS && (commas === 0 || sinceComma === 0);
  };
  for (const q of cues) {
    for (let k = trigs.length - 1; k >= 0; k--) {
      const t = trigs[k] as TrigHit;
      if (t.trig.rel === undefined || t.trig.rel.indexOf(q.lang) === -1) continue;
      if (q.cue === 'before') {
        if (q.e === t.s) trigs.splice(k, 1);
      } else if (q.cue === 'after') {
        if (q.s === t.e) trigs.splice(k, 1);
      } else if (q.s >= t.e && gap(t.e, q.s)) t.e = q.e;
    }
  }
}

/** At most this many words in one of a relative's appositions ("Tom", "type 1 diabetic", "présente"). */
const APPOSITION_WORDS = 3;

/**
 * A relative's appositions: parts between commas right after the relative, each closed by a comma, describe
 * the relative ("husband, Tom, type 1 diabetic, recently had ...", "Son épouse, asthmatique, souhaite ...").
 * Only where the relative is named ("husband, Tom,") or opens the sentence: after "Lives with wife," a part
 * between commas may be the patient's own ("Lives with wife, independent, COPD stable").
 */
function markAppositions(trigs: TrigHit[], tk: Tokens, text: string, taken: boolean[], context: boolean[]): void {
  const { norm, kind, start } = tk;
  const startsAt = (k: number) => k === 0 || kind[k - 1] === TokKind.Hard;
  for (const t of trigs) {
    if (t.trig.rel === undefined || norm[t.e] !== ',') continue;
    // At the start of a sentence, or after one word there ("Sa fille, diabétique sous insuline, est présente").
    const opensSentence = startsAt(t.s) || (kind[t.s - 1] === TokKind.Word && !taken[t.s - 1] && startsAt(t.s - 1));
    const named = kind[t.e + 1] === TokKind.Word && !taken[t.e + 1] && isUpper(text.charCodeAt(start[t.e + 1] as number));
    if (!opensSentence && !named) continue;
    let end: number | undefined;
    let words = 0;
    for (let k = t.e + 1; k < norm.length && kind[k] !== TokKind.Hard; k++) {
      if (norm[k] === ',') {
        if (words === 0) break;
        end = k;
        words = 0;
      } else if (context[k] || (kind[k] === TokKind.Word && ++words > APPOSITION_WORDS)) break;
    }
    if (end !== undefined) t.appositionEnd = end;
  }
}

/**
 * A bracket right after a relative is about the relative, whatever it holds ("griepvaccinatie partner (dhr.
 * Verhoeven, hartfalen)", "wife (carer, COPD)"): its terms are the relative's, past the commas inside it. Ends
 * the relative's appositions at the bracket's close.
 */
function markBracketAfter(trigs: TrigHit[], tk: Tokens, text: string): void {
  for (const t of trigs) {
    if (t.trig.rel === undefined || t.appositionEnd !== undefined) continue;
    const at = tk.end[t.e - 1] as number;
    const m = BRACKET_AFTER.exec(text.slice(at, at + BRACKET_AFTER_REACH));
    if (m === null) continue;
    const close = at + m[0].length;
    let k = t.e;
    while (k < tk.start.length && (tk.start[k] as number) < close) k++;
    t.appositionEnd = k;
  }
}

/** A bracket that opens right after a relative, with no bracket or line break inside it, to its close. */
const BRACKET_AFTER = /^ ?\([^()\n]+\)/;
/** The longest text BRACKET_AFTER may match. */
const BRACKET_AFTER_REACH = 64;

/** `base` (or no token) marked, and the tokens of `spans` too. */
function covered(n: number, spans: { s: number; e: number }[], base: boolean[]): boolean[] {
  const out = new Array<boolean>(n);
  for (let k = 0; k < n; k++) out[k] = base[k] === true;
  for (const x of spans) for (let k = x.s; k < x.e; k++) out[k] = true;
  return out;
}

/** `prechecked`: the caller already ran `c.prefilter` on `text` (a batch pre-check over many blocks). */
export function analyzeBlock(c: Compiled, block: string, lang: Language | null, prechecked = false): LocalMention[] {
  if (!prechecked && !c.prefilter.test(block.toLowerCase())) return [];
  const boxed = HAS_BOX.test(block);
  const unticked = boxed ? boxSpans(c, block) : null;
  // Each typed box starts an option of its own: no trigger reaches from one option into another.
  const text = boxed ? block.replace(TEXT_BOX, boxBreak) : block;
  const folded = fold(text);
  const tk = tokenize(folded, c.honorifics);
  const { norm, start, end, kind } = tk;
  const n = norm.length;
  const pending: PendingMention[] = [];
  const trigs: TrigHit[] = [];
  let cues: CueHit[] | null = null;
  let looks: LookHit[] | null = null;
  const stops: boolean[] = [];

  const add = (
    ts: number,
    te: number,
    id: ConditionId,
    k: LocalMention['kind'],
    sys: LocalMention['system'],
    weak: boolean,
    corroborate = false,
    endChar = end[te - 1] ?? 0,
  ) => {
    const s = start[ts] ?? 0;
    pending.push({ id, kind: k, system: sys, match: text.slice(s, endChar), start: s, end: endChar, weak, context: null, ts, te, corroborate });
  };

  let i = 0;
  while (i < n) {
    // 1. Longest phrase in the trie starting here.
    let node = c.root;
    let best = -1;
    let bestPay: Payload[] | null = null;
    for (let j = i; j < n; j++) {
      const nx = node.next?.get(norm[j] as string);
      if (!nx) break;
      node = nx;
      if (!node.pay) continue;
      let valid: Payload[] | null = null;
      for (const p of node.pay) {
        if (p.t === 'cond' && p.lang !== undefined && p.lang !== lang) continue;
        if (p.t === 'cond' && p.abbr !== null) {
          const raw = rawConcat(text, start, end, i, j + 1);
          if (raw !== p.abbr && raw !== p.abbr.toUpperCase()) continue;
        }
        if (p.t === 'trig' && p.trig.answer && !endsClause(text, end[j] as number)) continue;
        if (p.t === 'trig' && p.trig.bracketed && !aloneInBrackets(text, start[i] as number, end[j] as number)) continue;
        if (p.t === 'look' && p.slash && !text.slice(start[i], end[j]).includes('/')) continue;
        (valid ??= []).push(p);
      }
      if (valid) {
        best = j + 1;
        bestPay = valid;
      }
    }
    if (bestPay) {
      for (const p of bestPay) {
        if (p.t === 'cond') add(i, best, p.id, 'term', undefined, p.weak);
        else if (p.t === 'med') for (const id of p.ids) add(i, best, id, 'medication', 'drug', false);
        else if (p.t === 'trig' && p.trig.context !== 'pseudo') trigs.push({ s: i, e: best, trig: p.trig });
        else if (p.t === 'cue') (cues ??= []).push({ s: i, e: best, cue: p.cue, lang: p.lang });
        else if (p.t === 'stop') stops[i] = true;
        else if (p.t === 'look') (looks ??= []).push({ ts: i, id: p.id });
      }
      i = best;
      continue;
    }
    // 2. Codes, from the shape of the word.
    if (kind[i] === TokKind.Word) {
      const w = norm[i] as string;
      const s = start[i] as number;
      const e = end[i] as number;
      const c0 = w.charCodeAt(0);
      if (c0 >= 0x61 && c0 <= 0x7a && isUpper(text.charCodeAt(s))) {
        if (w.length === 3 && /^[a-z]\d\d$/.test(w)) {
          const code3 = text.slice(s, e);
          const dec = /^\.([0-9A-Z]{1,4})(?![A-Za-z0-9])/.exec(text.slice(e, e + 6));
          const full = dec ? `${code3}.${dec[1]}` : code3;
          const codeEnd = dec ? e + dec[0].length : e;
          let te = i + 1;
          while (te < n && (start[te] as number) < codeEnd) te++;
          const label = codeLabel(norm, kind, i);
          const icd = label === 'icpc2' ? [] : lookupIcd10(c, full);
          const icpc = label === 'icd10' || dec ? [] : (c.icpc.get(code3) ?? []);
          const ambiguous = !label && !dec && ICPC_CHAPTERS.indexOf(code3.charAt(0)) !== -1;
          let system: 'icd10' | 'icpc2' | null = null;
          let corroborate = false;
          if (label === 'icpc2') system = icpc.length ? 'icpc2' : null;
          else if (label === 'icd10' || dec || !ambiguous) system = icd.length ? 'icd10' : null;
          else if (lang === 'nl' || lang === 'fr') system = icpc.length ? 'icpc2' : null;
          else if (lang === 'en') system = icd.length ? 'icd10' : null;
          else {
            system = icpc.length ? 'icpc2' : icd.length ? 'icd10' : null;
            corroborate = true;
          }
          if (system) {
            for (const id of system === 'icd10' ? icd : icpc) add(i, te, id, 'code', system, false, corroborate, codeEnd);
          }
          i = te;
          continue;
        }
        if (w.length >= 5 && w.length <= 7 && /^[a-z]\d\d[a-z]{1,2}\d{0,2}$/.test(w) && text.slice(s, e) === text.slice(s, e).toUpperCase()) {
          for (const id of lookupAtc(c, text.slice(s, e))) add(i, i + 1, id, 'medication', 'atc', false);
        }
      } else if (isDigitCode(c0) && w.length >= 6 && w.length <= 18) {
        const ids = c.snomed.get(w);
        if (ids && /^\d+$/.test(w)) for (const id of ids) add(i, i + 1, id, 'code', 'snomed', false);
      }
    }
    i++;
  }

  if (pending.length === 0) return [];
  if (trigs.some((t) => t.trig.rel !== undefined)) {
    const context = covered(n, [...trigs, ...(cues ?? [])], stops);
    const taken = covered(n, pending.map((m) => ({ s: m.ts, e: m.te })), context);
    if (cues) applyCues(trigs, cues, tk, taken);
    markAppositions(trigs, tk, text, taken, context);
    markBracketAfter(trigs, tk, text);
  }

  // Scope bookkeeping: word index, sentence and clause number of every token.
  const wordIdx = new Array<number>(n + 1);
  const sent = new Array<number>(n);
  const clause = new Array<number>(n);
  // Arrows up to each token, when there is one ("no reversibility → COPD"): few blocks have any.
  const arrows = norm.indexOf(ARROW) === -1 ? null : arrowCounts(norm);
  let words = 0;
  let sNo = 0;
  let cNo = 0;
  for (let k = 0; k < n; k++) {
    if (stops[k]) {
      sNo++;
      cNo++;
    }
    wordIdx[k] = words;
    sent[k] = sNo;
    clause[k] = cNo;
    const kd = kind[k];
    if (kd === TokKind.Word) words++;
    else if (kd === TokKind.Hard) {
      sNo++;
      cNo++;
    } else if (norm[k] === ',') cNo++;
  }
  wordIdx[n] = words;

  const kept: PendingMention[] = [];
  for (const m of pending) {
    if (m.corroborate) {
      let ok = false;
      for (const o of pending) if (o !== m && o.id === m.id && o.kind === 'term') ok = true;
      if (!ok) continue;
    }
    let ctx: LocalContext | null = null;
    for (const t of trigs) {
      const tr = t.trig;
      let applies = false;
      if (tr.pre && t.e <= m.ts) {
        const dist = (wordIdx[m.ts] as number) - (wordIdx[t.e] as number);
        // A relative's list after a dash reaches out of the bracket the relative stands in.
        const dashed = tr.rel && dist <= tr.window ? dashAfter(text, tk, t) : -1;
        if (dashed !== -1) applies = dashed <= m.ts && sent[dashed] === sent[m.ts];
        else if (dist <= tr.window && !closesBetween(text, start[t.s] as number, start[m.ts] as number)) {
          // A mark before a term ("?COPD", "? early COPD"), not a question's end ("Chest pain? Asthma ..."):
          // nothing but a space or a bracket before it, no sentence end after it.
          if (tr.punct) applies = isPrefixMark(text, start[t.s] as number) && sent[t.e] === sent[m.ts];
          else {
            const a = t.e - 1;
            applies = tr.clause ? clause[a] === clause[m.ts] : sent[a] === sent[m.ts];
            // An arrow leads to a conclusion that no negation, suspicion or relative before it is about; a
            // condition's "if" reaches its consequence ("Si A1c > 7 % -> débuter metformine").
            if (applies && arrows !== null && tr.context !== 'hypothetical') applies = arrows[a] === arrows[m.ts];
          }
        }
      } else if (tr.post && t.s >= m.te) {
        const dist = (wordIdx[t.s] as number) - (wordIdx[m.te] as number);
        if (dist <= tr.window || (tr.closing && (t.e === n || kind[t.e] === TokKind.Hard))) {
          const a = m.te - 1;
          applies = tr.clause ? clause[a] === clause[t.s] : sent[a] === sent[t.s];
          // An answer answers the whole question ("Maladie pulmonaire (BPCO, asthme) ? non").
          if (applies && !tr.answer && laterItemBetween(m, t.s, pending, looks, clause)) applies = false;
        } else if (tr.answer) applies = inAnsweredBracket(text, end[m.te - 1] as number, start[t.s] as number);
      }
      if (!applies && t.appositionEnd !== undefined) applies = m.ts > t.e && m.te <= t.appositionEnd;
      if (applies) ctx = strongerContext(ctx, tr.context as LocalContext);
    }
    if (unticked !== null) for (const [a, b, context] of unticked) if (m.start >= a && m.start < b) ctx = strongerContext(ctx, context);
    // A closed period right after it dates an episode that is over ("Depressie 2012-2013: ...", "Asthma (2001-2004)").
    if (ctx === null && CLOSED_PERIOD_AFTER.test(text.slice(end[m.te - 1] as number, (end[m.te - 1] as number) + PERIOD_REACH))) ctx = 'historical';
    if (ctx === null && looks !== null && isRevisedLabel(text, m, looks)) ctx = 'historical';
    m.context = ctx;
    kept.push(m);
  }
  answerLabels(kept, tk, clause);
  shareWithCode(kept, clause);
  return kept.map((m) => ({ id: m.id, kind: m.kind, system: m.system, match: m.match, start: m.start, end: m.end, weak: m.weak, context: m.context }));
}

/**
 * True when a list item naming another condition, or a look-alike, stands after a comma between mention `m` and
 * a trigger after it at token `to`: the trigger closes that later item ("chronische pijn knieën, prediabetes,
 * depressie 2015 - volledig hersteld"). Items joined with no comma ("Depression and anxiety 2015, resolved")
 * share it.
 */
function laterItemBetween(m: PendingMention, to: number, pending: PendingMention[], looks: LookHit[] | null, clause: number[]): boolean {
  const after = clause[m.te - 1];
  for (const o of pending) if (o.kind === 'term' && o.id !== m.id && o.ts >= m.te && o.te <= to && clause[o.ts] !== after) return true;
  if (looks !== null) for (const l of looks) if (l.ts >= m.te && l.ts < to && clause[l.ts] !== after) return true;
  return false;
}

/** A look-alike's place in the block: its first token, and the condition it looks like. */
interface LookHit {
  ts: number;
  id: ConditionId;
}

/**
 * A term in quotes, as a label someone else gave, that a look-alike of it later in the block revises ("her GP had
 * found 'high blood pressure'. ABPM ... white-coat hypertension", "Eerder 'hypertensie' genoteerd - ...
 * wittejassenhypertensie"): a label that was, not the patient's condition.
 */
function isRevisedLabel(text: string, m: PendingMention, looks: LookHit[]): boolean {
  if (m.kind !== 'term' || !QUOTE_OPEN.test(text.slice(Math.max(0, m.start - 2), m.start)) || !QUOTE_CLOSE.test(text.slice(m.end, m.end + 2))) return false;
  for (const l of looks) if (l.id === m.id && l.ts >= m.te) return true;
  return false;
}

/** An opening quote right before a term (a guillemet's space maybe), a closing one right after it. */
const QUOTE_OPEN = /['‘"“«„] ?$/;
const QUOTE_CLOSE = /^ ?['’"”»]/;

/** For each token, the arrows up to it. */
function arrowCounts(norm: string[]): number[] {
  const out = new Array<number>(norm.length);
  let arrows = 0;
  for (let k = 0; k < norm.length; k++) {
    if (norm[k] === ARROW) arrows++;
    out[k] = arrows;
  }
  return out;
}

/** A closed period of years right after a term, after a bracket or a colon maybe: "2012-2013", "(03/2015 – 2016)". */
const CLOSED_PERIOD_AFTER = /^ ?[(:,]? ?(?:\d{1,2}[-/.]){0,2}(?:19|20)\d{2} ?[-\u2013\u2014] ?(?:\d{1,2}[-/.]){0,2}(?:19|20)\d{2}(?![\d/.-])/;
/** The longest text CLOSED_PERIOD_AFTER may match. */
const PERIOD_REACH = 32;

/**
 * True when a term stands in a bracket that closes right before a form's answer to the label in front of it
 * ("Hart- en vaatziekten (hartinfarct, hartfalen, CVA): nee"): the answer is the bracket's as much as the label's.
 */
function inAnsweredBracket(text: string, from: number, to: number): boolean {
  return BRACKET_THEN_ANSWER.test(text.slice(from, to));
}

/** The rest of a bracketed list, its close, then the answer's colon or question mark. */
const BRACKET_THEN_ANSWER = /^[^()\n]{0,60}\) ?[:?]? ?$/;

/**
 * A code and the term it codes, side by side ("P74 Paniekstoornis 2012-2014", "Asthma (J45.9) resolved"), or a
 * code before a word or two of its episode's title and the term ("R96 Verdenking astma"), are one finding: when
 * one of them is in a context and the other in none, both are.
 */
function shareWithCode(mentions: PendingMention[], clause: number[]): void {
  for (let i = 1; i < mentions.length; i++) {
    const a = mentions[i - 1] as PendingMention;
    const b = mentions[i] as PendingMention;
    const codeAndTerm = (a.kind === 'code' && b.kind === 'term') || (a.kind === 'term' && b.kind === 'code');
    // Apart, only a code heading its episode's title: after a term, the words between qualify the term alone.
    const gap = b.ts - a.te;
    if (!codeAndTerm || a.id !== b.id || gap > (a.kind === 'code' ? CODE_TERM_GAP : 0) || clause[a.te - 1] !== clause[b.ts]) continue;
    if (a.context === null) a.context = b.context;
    else if (b.context === null) b.context = a.context;
  }
}

/** Tokens that may stand between a code and its term: a title's first words. */
const CODE_TERM_GAP = 2;

/**
 * A line's label answered by its first clause ("Asthma: no history of asthma, no atopy"): when that clause names
 * the same condition in a context, the label takes it. "Diabetes: no complications" names none and stays.
 */
function answerLabels(mentions: PendingMention[], tk: Tokens, clause: number[]): void {
  const { norm, kind } = tk;
  for (const m of mentions) {
    if (m.context !== null || norm[m.te] !== ':' || (m.ts > 0 && kind[m.ts - 1] !== TokKind.Hard)) continue;
    const answer = clause[m.te + 1];
    for (const o of mentions) {
      if (o.ts <= m.te || clause[o.ts] !== answer || o.id !== m.id) continue;
      m.context = o.context;
      break;
    }
  }
}

/** Boxes typed in a block's text (TYPED_BOX): all of them, and whether there is one. */
const TEXT_BOX = new RegExp(TYPED_BOX, 'g');
const HAS_BOX = new RegExp(TYPED_BOX);
/** A box followed by a gap or the end: its label came before it ("COPD [ ]  Asthma [x]"). */
const LABEL_BEFORE = /^(?: {2}|[\t\n\u2029]|$| ?$)/;
/** A box made a break of the same length (offsets into the text stay right). */
const boxBreak = (box: string): string => BREAK + ' '.repeat(box.length - 1);
/** Where the label of a box ends: the next box, a gap of two spaces or more, a line end. */
const LABEL_END = new RegExp(String.raw`${TYPED_BOX}| {2,}|\t|\n|\u2029`, 'g');

/** A stretch of a block's text that its typed boxes put in a context: [from, to, context]. */
type BoxSpan = [number, number, LocalContext];

/**
 * The labels of unticked boxes typed as text ("Diagnose: [x] Astma  [ ] COPD", "Register: Asthma [x]  COPD [ ]"):
 * an option not chosen, not a finding (as an unticked box's label on a page is never read). A label follows its
 * box, or, when a gap or the end does, comes before it. With the questions the boxes answer (questionSpans).
 * Null when there are none.
 */
function boxSpans(c: Compiled, text: string): BoxSpan[] | null {
  const boxes = [...text.matchAll(TEXT_BOX)];
  let spans: BoxSpan[] | null = questionSpans(c, text, boxes);
  for (let k = 0; k < boxes.length; k++) {
    const m = boxes[k] as RegExpMatchArray;
    if (!UNTICKED_BOX.test(m[0])) continue;
    const at = m.index ?? 0;
    const from = at + m[0].length;
    if (LABEL_BEFORE.test(text.slice(from, from + 2))) {
      (spans ??= []).push([labelStart(text, at, boxes[k - 1]), at, 'hypothetical']);
      continue;
    }
    (spans ??= []).push([from, labelEnd(text, from), 'hypothetical']);
  }
  return spans;
}

/** Where the label after a box that ends at `from` ends: the next box, a gap, a line end. */
function labelEnd(text: string, from: number): number {
  LABEL_END.lastIndex = from + 1; // past the space that follows the box
  const end = LABEL_END.exec(text);
  return end ? end.index : text.length;
}

/**
 * The questions a line's boxes answer, as the text before its first box:
 * - left unanswered, no finding: no box ticked, and the question ends with "?" ("Bekend met hoge bloeddruk?
 *   [ ] ja [ ] nee") or its boxes offer a yes and a no ("Insuffisance cardiaque [ ] Oui [ ] Non");
 * - answered no, negated: the box ticked is a no, a word a row's status cell negates with (rowStatus)
 *   ("Hypertension artérielle [ ] Oui [x] Non").
 */
function questionSpans(c: Compiled, text: string, boxes: RegExpMatchArray[]): BoxSpan[] | null {
  let spans: BoxSpan[] | null = null;
  for (let k = 0; k < boxes.length; ) {
    const firstBox = k;
    const at = (boxes[k] as RegExpMatchArray).index ?? 0;
    const end = lineEnd(text, at);
    let start = lineStart(text, at);
    // Boxes on a line of their own answer the line above ("Ever diagnosed with diabetes?\n  [ ] Yes [ ] No").
    if (start > 0 && text.slice(start, at).trim() === '') start = lineStart(text, start - 1);
    let ticked = 0;
    let tickedNo = 0;
    let options = 0;
    let noOptions = 0;
    for (; k < boxes.length && ((boxes[k] as RegExpMatchArray).index ?? 0) < end; k++) {
      const box = boxes[k] as RegExpMatchArray;
      const from = (box.index ?? 0) + box[0].length;
      const label = text.slice(from, Math.min(labelEnd(text, from), end)).trim();
      const short = ANSWER_WORD.test(label);
      const no = short && c.rowNegated.has(fold(label).replace(/\.$/, ''));
      if (short) options++;
      if (no) noOptions++;
      if (!UNTICKED_BOX.test(box[0])) {
        ticked++;
        if (no) tickedNo++;
      }
    }
    const question = text.slice(start, at).trimEnd();
    // Every box a one-word answer, one of them a no.
    const yesNo = options >= 2 && noOptions === 1 && options === k - firstBox;
    if (ticked === 0 && (question.endsWith('?') || yesNo)) (spans ??= []).push([start, at, 'hypothetical']);
    else if (yesNo && ticked === 1 && tickedNo === 1) (spans ??= []).push([start, at, 'negated']);
  }
  return spans;
}

/** A box's label that is one short word: an answer ("Oui", "nee", "No."). */
const ANSWER_WORD = /^\p{L}{1,4}\.?$/u;

const LINE_BREAKS = `\n${BREAK}`;

function lineStart(text: string, at: number): number {
  let k = at;
  while (k > 0 && LINE_BREAKS.indexOf(text.charAt(k - 1)) === -1) k--;
  return k;
}

function lineEnd(text: string, at: number): number {
  let k = at;
  while (k < text.length && LINE_BREAKS.indexOf(text.charAt(k)) === -1) k++;
  return k;
}

/** Where a label before a box starts: after the box, gap, line end or colon before it. */
function labelStart(text: string, box: number, previous: RegExpMatchArray | undefined): number {
  let k = box - 1;
  while (k > 0 && text.charCodeAt(k) === 32) k--;
  const floor = previous ? (previous.index ?? 0) + previous[0].length : 0;
  for (; k > floor; k--) {
    const ch = text.charAt(k);
    if (ch === ':' || ch === '\t' || ch === '\n' || ch === BREAK || (ch === ' ' && text.charAt(k - 1) === ' ')) return k + 1;
  }
  return floor;
}

/**
 * True when the mark at `at` opens what follows: at a line's start or after a bracket, colon, comma or bullet
 * ("Imp: ? early COPD", "- ?asthma"), or attached to the next word after a space ("?COPD ?late-onset asthma").
 * After a word it ends a question ("Chest pain? Asthma ...", French "thoracique ? Asthme").
 */
function isPrefixMark(text: string, at: number): boolean {
  let k = at - 1;
  while (k >= 0 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 0xa0)) k--;
  if (k < 0 || OPENS_AFTER.indexOf(text.charAt(k)) !== -1) return true;
  // A spaced mark after a date or a number opens too: a problem list's "03-May-2023   ? COPD" asks nothing.
  if (k < at - 1 && isDigitCode(text.charCodeAt(k))) return true;
  const next = text.charCodeAt(at + 1);
  return k < at - 1 && next !== 32 && next !== 0xa0 && !Number.isNaN(next);
}

const OPENS_AFTER = `\t\n\r([/:,;.\-\u2022*"'\u201c\u2018\u00ab${BREAK}`;

const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** True when the text from `from` to `to` stands alone in brackets: "(mère)". */
function aloneInBrackets(text: string, from: number, to: number): boolean {
  return text.charCodeAt(from - 1) === 0x28 && text.charCodeAt(to) === 0x29;
}

/** Nothing but spaces between `at` and the end of the text, a line or a clause ("COPD? No, ...", "Diabetes: No (HbA1c 38)"). */
function endsClause(text: string, at: number): boolean {
  let k = at;
  while (k < text.length && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9 || text.charCodeAt(k) === 0xa0)) k++;
  if (k >= text.length) return true;
  // A hyphen that joins the answer to a word ("non-diabetic") ends nothing.
  if (k === at && text.charCodeAt(k) === 0x2d && k + 1 < text.length && text.charCodeAt(k + 1) !== 32) return false;
  return ANSWER_END.indexOf(text.charAt(k)) !== -1;
}

const ANSWER_END = `,.;:!?()-\u2013\u2014\n\r${BREAK}`;

/** A label at the start of a line ("Family history: mother had asthma", "Probleemlijst:"). */
export interface LineLabel {
  /** The section kinds the label names (empty for "Plan:", "BP:"). */
  kinds: Set<SectionKind>;
  label: string;
  /** Nothing follows the colon: the label heads the lines after it. */
  bare: boolean;
}

const LINE_LABEL = /^\s*([^:]{2,48}):\s*(.*)$/s;
/** A label set off by a dash between spaces ("Practice recall list – diabetes reviews due this month"). */
const DASH_LABEL = /^\s*([^:\n]{2,48}?) [-\u2013\u2014] \s*(.*)$/s;

/**
 * The label a line starts with, or null: before a colon, or before a spaced dash when it names a section and
 * no condition (a dash after a condition's name is no label: "Type 2 diabetes - diet controlled").
 */
export function lineLabel(c: Compiled, line: string): LineLabel | null {
  const m = LINE_LABEL.exec(line);
  if (m?.[1]) return { kinds: classifyHeading(c, m[1]), label: m[1].trim(), bare: !m[2]?.trim() };
  const d = DASH_LABEL.exec(line);
  if (!d?.[1] || c.prefilter.test(d[1].toLowerCase())) return null;
  const kinds = classifyHeading(c, d[1]);
  return kinds.size > 0 ? { kinds, label: d[1].trim(), bare: !d[2]?.trim() } : null;
}

/** True when a line may hold a label: a colon, or a dash between spaces. */
function mayHoldLabel(text: string): boolean {
  return text.indexOf(':') !== -1 || MAY_DASH_LABEL.test(text);
}

const MAY_DASH_LABEL = / [-\u2013\u2014] /;

/** At most this many words in a heading line that is not in capitals ("Afgesloten episodes"). */
const HEADING_LINE_WORDS = 4;

/**
 * A line that heads the lines after it without a colon, as pasted letters and exports do: one in capitals
 * that names a section ("ANTÉCÉDENTS RÉSOLUS / INACTIFS", "PROBLÈMES ACTIFS"), or a short one that names a
 * section and no condition ("Afgesloten episodes", "Family history"). A line that names no section ("COPD")
 * stays text.
 */
export function headingLine(c: Compiled, line: string): LineLabel | null {
  const text = line.trim();
  // A line ending in a full stop is a sentence ("EPDS 7 (no concerns)."), no heading.
  if (text.length < 4 || text.length > 60 || text === text.toLowerCase() || text.endsWith('.')) return null;
  const caps = text === text.toUpperCase();
  if (!caps && (text.split(/\s+/).length > HEADING_LINE_WORDS || c.prefilter.test(text.toLowerCase()))) return null;
  const kinds = classifyHeading(c, text);
  return kinds.size > 0 ? { kinds, label: text, bare: true } : null;
}

/** A stretch of a block's text that a section label puts in its section. */
export interface LabelledSpan extends LineLabel {
  from: number;
  to: number;
}

const NO_SPANS: LabelledSpan[] = [];

/**
 * The lines of a block's text (lines end at breaks) that a label naming a section puts in it, as analyzeText
 * reads lines: a label followed by text puts its own line in the section; a label alone puts the lines after
 * it, up to an empty line or the next label alone.
 */
export function labelledSpans(c: Compiled, text: string): LabelledSpan[] {
  if (!mayHoldLabel(text)) return NO_SPANS;
  const out: LabelledSpan[] = [];
  let heading: LineLabel | null = null;
  for (let from = 0; from <= text.length; ) {
    const brk = text.indexOf(BREAK, from);
    const to = brk === -1 ? text.length : brk;
    const line = text.slice(from, to);
    const label = mayHoldLabel(line) ? lineLabel(c, line) : null;
    let applies: LineLabel | null = heading;
    if (!line.trim()) heading = applies = null;
    else if (label?.bare) heading = applies = label.kinds.size > 0 ? label : null;
    else if (label && label.kinds.size > 0) applies = label;
    if (applies) {
      const last = out[out.length - 1];
      if (last?.to === from - 1 && last.label === applies.label) last.to = to;
      else out.push({ ...applies, from, to });
    }
    from = to + 1;
  }
  return out.length > 0 ? out : NO_SPANS;
}

/** Guesses the language of a text from frequent function words; null when unclear. */
export function guessLanguage(c: Compiled, text: string): Language | null {
  const counts: Record<Language, number> = { en: 0, nl: 0, fr: 0 };
  const re = /[a-z\u00e0-\u00ff]+/g;
  const folded = text.length > 6000 ? text.slice(0, 6000).toLowerCase() : text.toLowerCase();
  let m: RegExpExecArray | null;
  while ((m = re.exec(folded)) !== null) {
    const l = c.hints.get(m[0]);
    if (l) counts[l]++;
  }
  let best: Language | null = null;
  let bestN = 2;
  for (const l of ['en', 'nl', 'fr'] as const) {
    if (counts[l] > bestN) {
      best = l;
      bestN = counts[l];
    }
  }
  return best;
}
