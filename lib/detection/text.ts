/**
 * Text normalisation and tokenisation shared by the matcher, the context rules and the data compiler.
 * Folding is length-preserving (one UTF-16 unit in, one out) so token offsets point into the original text.
 */

/** Hard break inserted between DOM blocks / <br>: always ends a sentence. */
export const BREAK = '\u2029';

const foldTable = new Map<number, string>();
const wordTable = new Map<number, boolean>();
let letterRe: RegExp | null = null;

function foldChar(code: number): string {
  let f = foldTable.get(code);
  if (f !== undefined) return f;
  const ch = String.fromCharCode(code);
  f = ch;
  if (code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x0060) f = "'";
  else if (code === 0x00a0 || code === 0x202f || code === 0x2007) f = ' ';
  else if (code === 0x2010 || code === 0x2011 || code === 0x2013 || code === 0x2014) f = '-';
  else if (code === 0xff1f) f = '?';
  else {
    let base = ch;
    try {
      base = ch.normalize('NFD').charAt(0);
    } catch {
      base = ch;
    }
    const lower = base.toLowerCase();
    f = lower.length === 1 ? lower : base.length === 1 ? base : ch;
  }
  foldTable.set(code, f);
  return f;
}

/** Lower-case, accent-free copy of `text` with exactly the same length. */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  const same = lower.length === text.length;
  const src = same ? lower : text; // rare special-casing (U+0130...): fold per char instead
  let out = '';
  let last = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src.charCodeAt(i);
    let f: string;
    if (c < 0x80) {
      if (same || c < 0x41 || c > 0x5a) continue;
      f = String.fromCharCode(c + 32);
    } else {
      f = foldChar(c);
      if (f === src.charAt(i)) continue;
    }
    out += src.slice(last, i) + f;
    last = i + 1;
  }
  return last === 0 ? src : out + src.slice(last);
}

/** True for characters that belong to a word (after folding). */
export function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  let w = wordTable.get(c);
  if (w === undefined) {
    letterRe ??= /[\p{L}\p{N}]/u;
    w = c >= 0xd800 && c <= 0xdfff ? false : letterRe.test(String.fromCharCode(c));
    wordTable.set(c, w);
  }
  return w;
}

export const enum TokKind {
  Word = 0,
  /** , : */
  Soft = 1,
  /** . ; ! ? and hard breaks: end a sentence. */
  Hard = 2,
}

export interface Tokens {
  /** Folded token text ('?' for punctuation, '\n' for breaks). */
  norm: string[];
  start: number[];
  end: number[];
  kind: TokKind[];
}

/**
 * Splits folded text into words and the punctuation that matters to context rules.
 * Hyphens, apostrophes, slashes, brackets and quotes separate words but are not tokens; a dash between single
 * spaces is a ':' (it separates a label from what it says).
 * A '.' between two word characters (E11.9, 7.8) is not a sentence end, nor one after a person's title (`titles`,
 * of two letters or more: "mw.", "Mrs.") or after an initial that follows one ("Partner mw. A. Verhoeven: DM",
 * "Épouse Mme C. Martin : diabète"), nor a Read code's padding dots ("E2B.."), nor a row's dot leader
 * ("........"). An arrow ("→", "->") is a soft token of its own (ARROW): what scopes may not cross is decided in
 * analyze.ts.
 */
export function tokenize(folded: string, titles: ReadonlySet<string> = NO_TITLES): Tokens {
  const norm: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const kind: TokKind[] = [];
  const n = folded.length;
  /** The index of the token right after a title's or an initial's dot (an initial there ends no sentence either). */
  let afterTitle = -1;
  let i = 0;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(folded.charCodeAt(j))) j++;
      norm.push(folded.slice(i, j));
      start.push(i);
      end.push(j);
      kind.push(TokKind.Word);
      i = j;
      continue;
    }
    let k: TokKind | -1 = -1;
    let t = '';
    switch (c) {
      case 0x2c /* , */:
        k = TokKind.Soft;
        t = ',';
        break;
      case 0x3a /* : */:
        k = TokKind.Soft;
        t = ':';
        break;
      case 0x2e /* . */: {
        const prev = i > 0 ? folded.charCodeAt(i - 1) : 32;
        const next = i + 1 < n ? folded.charCodeAt(i + 1) : 32;
        if (isWordCode(prev) && isWordCode(next)) break;
        const last = norm.length - 1;
        const word = kind[last] === TokKind.Word && end[last] === i ? (norm[last] as string) : '';
        const initial = word.length === 1 && (afterTitle === last || (kind[last - 1] === TokKind.Word && isTitle(titles, norm[last - 1])));
        const dots = dotRun(folded, i);
        if (dots >= LEADER_DOTS || isReadCodePadding(folded, i + dots, dots, word)) i += dots - 1;
        else if (isTitle(titles, word) || initial) afterTitle = last + 1;
        else if (!closesSoon(folded, i)) {
          k = TokKind.Hard;
          t = '.';
        }
        break;
      }
      case 0x3b /* ; */:
        k = TokKind.Hard;
        t = ';';
        break;
      case 0x21 /* ! */:
        k = TokKind.Hard;
        t = '!';
        break;
      case 0x3f /* ? */:
        k = TokKind.Hard;
        t = '?';
        break;
      case 0x2029:
        k = TokKind.Hard;
        t = '\n';
        break;
      case 0x2192 /* → */:
      case 0x21d2 /* ⇒ */:
        // An arrow leads to a conclusion: no negation or suspicion before it reaches past it (analyze.ts).
        k = TokKind.Soft;
        t = ARROW;
        break;
      case 0x3e /* > */:
        // The same arrow typed "->" or "=>".
        if (i > 0 && (folded.charCodeAt(i - 1) === 0x2d || folded.charCodeAt(i - 1) === 0x3d)) {
          k = TokKind.Soft;
          t = ARROW;
        }
        break;
      case 0x2d /* - */:
      case 0x2013 /* – */:
      case 0x2014 /* — */:
        // A dash between single spaces separates a label from what it says, as a colon does ("Diabète de type 2 -
        // non"); one among runs of spaces is an empty cell of a table laid out with spaces ("2008    -    nee").
        if (i > 1 && folded.charCodeAt(i - 1) === 32 && folded.charCodeAt(i + 1) === 32 && folded.charCodeAt(i - 2) !== 32 && folded.charCodeAt(i + 2) !== 32) {
          k = TokKind.Soft;
          t = ':';
        }
        break;
      default:
        break;
    }
    if (k !== -1) {
      norm.push(t);
      start.push(i);
      end.push(i + 1);
      kind.push(k);
    }
    i++;
  }
  return { norm, start, end, kind };
}

/**
 * True when a bracket closes shortly after the dot at `at`, with no bracket opened or line ended before: a
 * title's or an initial's dot in a name in brackets ("echtgenoot (dhr. Kramer) heeft hartfalen"), which ends
 * no sentence.
 */
function closesSoon(folded: string, at: number): boolean {
  const end = Math.min(folded.length, at + BRACKET_DOT_REACH);
  for (let k = at + 1; k < end; k++) {
    const c = folded.charCodeAt(k);
    if (c === 0x29 /* ) */) return true;
    if (c === 0x28 /* ( */ || c === 10 || c === 0x2029) return false;
  }
  return false;
}

/** The length of the run of dots at `at`. */
function dotRun(folded: string, at: number): number {
  let run = 0;
  while (folded.charCodeAt(at + run) === 0x2e /* . */) run++;
  return run;
}

/**
 * True when a run of `dots` dots ending at `after` pads a Read code to its five characters ("H33..", "E2B..",
 * "H3..."): a code's dots, not a sentence's end, so a row's status after the code still reaches its term
 * ("Depressive episode  E2B..  ended 2011 – resolved"). A single dot ("C10F.") is not told from a sentence's end
 * after an abbreviation ("T2DM.").
 */
function isReadCodePadding(folded: string, after: number, dots: number, word: string): boolean {
  return dots >= 2 && word.length + dots === READ_CODE_CHARS && /\d/.test(word) && !isWordCode(folded.charCodeAt(after));
}

/**
 * Dots enough to lead the eye along a row from a problem to its status ("Hypertension essentielle ........ à
 * confirmer"): a leader, no sentence's end. Fewer are an ellipsis or an end.
 */
const LEADER_DOTS = 4;

const READ_CODE_CHARS = 5;

/**
 * Tick boxes and radio buttons typed as text, as a pattern: unticked "[ ]", "☐", "□", "( )"; ticked "[x]", "☒",
 * "☑", "(x)", "(•)".
 */
export const TYPED_BOX = String.raw`\[ ?\]|\[[xX✓✔]\]|[☐□☒☑]|\( \)|\([xX•]\)`;
/** An unticked square box typed as text, as a pattern: "[ ]", "[]", "☐", "□". */
export const UNTICKED_SQUARE = String.raw`\[ ?\]|[☐□]`;
/** One of TYPED_BOX that is unticked: a square, or a radio button "( )". */
export const UNTICKED_BOX = new RegExp(String.raw`^(?:${UNTICKED_SQUARE}|\( \))$`);

/** The token of an arrow ("→", "⇒", "->", "=>"). */
export const ARROW = '→';

const NO_TITLES: ReadonlySet<string> = new Set();

/** A person's title of two letters or more ("mw", "mrs"): a one-letter one is too often a unit ("200 m."). */
function isTitle(titles: ReadonlySet<string>, word: string | undefined): boolean {
  return word !== undefined && word.length > 1 && titles.has(word);
}

/** How far after a dot its bracket may close for the dot to be a title's ("(dhr. J. van den Berg)"). */
const BRACKET_DOT_REACH = 24;

/** Tokens of a data phrase (terms, triggers): folded words plus meaningful punctuation. */
export function phraseTokens(phrase: string): string[] {
  return tokenize(fold(phrase)).norm;
}

/** Whitespace at an edge, two in a row, or any but a plain space: what squash has to rewrite. */
const UNSQUASHED = /^\s|\s$|\s\s|[^\S ]/;

/** Collapses whitespace and breaks into single spaces. */
export function squash(text: string): string {
  // Most short texts need nothing: a test is cheaper than a replace that rewrites every space.
  return UNSQUASHED.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/** A short plain-text excerpt around [from, to) of `text`. */
export function snippetOf(text: string, from: number, to: number, radius = 60): string {
  let a = Math.max(0, from - radius);
  let b = Math.min(text.length, to + radius);
  if (a > 0) {
    const sp = text.indexOf(' ', a);
    if (sp !== -1 && sp < from) a = sp + 1;
  }
  if (b < text.length) {
    const sp = text.lastIndexOf(' ', b);
    if (sp > to) b = sp;
  }
  const body = squash(text.slice(a, b).replace(/\u2029/g, ' | '));
  return (a > 0 ? '…' : '') + body + (b < text.length ? '…' : '');
}
