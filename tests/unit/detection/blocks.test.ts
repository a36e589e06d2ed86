// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPILED_DETECTION } from '../../../lib/detection/compiled.generated';
import { BlockWalker, blockOf, collectBlocks, isBlockTag, isSkippedTag, pageScan, StructureMemo, type Block } from '../../../lib/detection/dom';
import { fromPortable } from '../../../lib/detection/portable';
import { BREAK, squash } from '../../../lib/detection/text';
import { loadHtml } from './helpers';

const FORMAT = new Set(['b', 'i', 'em', 'strong', 'mark']);
const HAS_LETTER = /[A-Za-z\u00C0-\u024F]/;

/**
 * The walk's rules written as plainly as possible (recursion over every child node), as the oracle for the
 * iterative walker and its shortcut for leaf elements: a block's text runs to the next block boundary; inline
 * formatting joins without a separator, other inline elements with a space around; <br> and a nested block
 * break the text; skipped parts leave a space; inner blocks come before their container.
 */
function reference(root: Element, skip: Set<Element>): Block[] {
  const out: Block[] = [];
  const read = (el: Element): string => {
    let text = '';
    for (const ch of Array.from(el.childNodes)) {
      if (ch.nodeType === 3) text += (ch as Text).data;
      if (ch.nodeType !== 1) continue;
      const child = ch as Element;
      const tag = child.localName;
      if (tag === 'br') text += BREAK;
      else if (isSkippedTag(tag) || skip.has(child)) text += ' ';
      else if (isBlockTag(tag)) {
        text += BREAK;
        const own = read(child);
        if (HAS_LETTER.test(own)) out.push({ el: child, text: own });
      } else if (FORMAT.has(tag)) text += read(child);
      else text += ` ${read(child)} `;
    }
    return text;
  };
  const own = read(root);
  if (HAS_LETTER.test(own)) out.push({ el: root, text: own });
  return out;
}

const TAGS = ['p', 'div', 'li', 'td', 'span', 'a', 'b', 'em', 'br', 'script', 'textarea', 'h3'];
/** Text nodes, and a comment (COMMENT), which the walk passes over. */
const COMMENT = '#comment';
const TEXTS = ['No asthma', 'type 2', ' diabetes', 'E11.9', '2024-01-01', ' ', 'geen COPD', 'Dia', 'betes', COMMENT];

type Tree = { tag: string; hidden: boolean; kids: (Tree | string)[] };

const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((t) => ({
  node: fc.record({
    tag: fc.constantFrom(...TAGS),
    hidden: fc.integer({ min: 0, max: 9 }).map((n) => n < 2),
    kids: fc.array(fc.oneof({ depthSize: 'small' }, fc.constantFrom(...TEXTS), t('node')), { maxLength: 4 }),
  }),
})).node;

function build(doc: Document, t: Tree): Element {
  const el = doc.createElement(t.tag);
  if (t.hidden) el.setAttribute('hidden', '');
  for (const k of t.kids) {
    if (typeof k !== 'string') el.appendChild(build(doc, k));
    else el.appendChild(k === COMMENT ? doc.createComment('x') : doc.createTextNode(k));
  }
  return el;
}

const texts = (blocks: Block[]) => blocks.map((b) => [b.el.localName, b.text]);

describe('block walk', () => {
  it('cuts a page into blocks: formatting joins, other inline gets spaces, <br> and skipped parts separate', () => {
    const doc = loadHtml(
      '<body><div><p>Known <b>Dia</b>betes, <span>no</span>asthma<br>COPD</p><p>Note <script>x()</script>text</p>' +
        '<ul><li>Metformin</li><li><em>12</em></li></ul>Follow-up</div></body>',
    );
    const blocks = collectBlocks(doc.body, pageScan(doc.body).skip);
    expect(texts(blocks)).toEqual([
      ['p', `Known Diabetes,  no asthma${BREAK}COPD`],
      ['p', 'Note  text'],
      ['li', 'Metformin'],
      ['div', `${BREAK}${BREAK}${BREAK}Follow-up`],
    ]);
  });

  it('gives the same blocks as the plain rules on random trees (leaf shortcut included)', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (roots) => {
        const doc = loadHtml('<body></body>');
        for (const r of roots) doc.body.appendChild(build(doc, r));
        const skip = pageScan(doc.body).skip;
        expect(texts(collectBlocks(doc.body, skip))).toEqual(texts(reference(doc.body, skip)));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('reads a cell whatever comments it holds, and an empty or comment-only cell as no block', () => {
    const doc = loadHtml('<body><table><tr><td><!-- a -->COPD</td><td>J44<!-- b -->.9</td><td><!-- c --></td><td></td></tr></table></body>');
    expect(texts(collectBlocks(doc.body, new Set()))).toEqual([
      ['td', 'COPD'],
      ['td', 'J44.9'],
    ]);
  });

  it('stops at a deadline and resumes to the same blocks', () => {
    const doc = loadHtml(`<body>${'<p>Asthma <span>review</span></p><ul><li>Metformin</li></ul>'.repeat(400)}</body>`);
    const skip = pageScan(doc.body).skip;
    const walker = new BlockWalker(doc.body, skip);
    let slices = 1;
    while (!walker.run(-1)) slices++;
    expect(slices).toBeGreaterThan(1);
    expect(texts(walker.out)).toEqual(texts(collectBlocks(doc.body, skip)));
  });
});

/** Trees with headings of every kind isHeadingEl knows, and ids that name sections. */
type SecTree = { tag: string; attr: number; kids: (SecTree | string)[] };
const SEC_TAGS = ['div', 'section', 'p', 'li', 'ul', 'td', 'tr', 'span', 'u', 'h2', 'h3', 'legend', 'summary', 'button', 'br', 'dl', 'dt', 'dd'];
const SEC_TEXTS = ['Family history', 'Problems', 'Medication', 'Resolved', 'Asthma', 'metformin', 'Notes', 'Hartfalen', 'Guidelines', 'Templates'];
const secTree: fc.Arbitrary<SecTree> = fc.letrec<{ node: SecTree }>((t) => ({
  node: fc.record({
    tag: fc.constantFrom(...SEC_TAGS),
    // 0-5 plain; 6 hidden; 7 role=heading; 8 id naming a family section; 9 aria-label naming the problem list
    attr: fc.integer({ min: 0, max: 9 }),
    kids: fc.array(fc.oneof({ depthSize: 'small' }, fc.constantFrom(...SEC_TEXTS), t('node')), { maxLength: 4 }),
  }),
})).node;

function buildSec(doc: Document, t: SecTree): Element {
  const el = doc.createElement(t.tag);
  if (t.attr === 6) el.setAttribute('hidden', '');
  if (t.attr === 7) el.setAttribute('role', 'heading');
  if (t.attr === 8) el.id = 'familyHistory';
  if (t.attr === 9) el.setAttribute('aria-label', 'Problem list');
  for (const k of t.kids) el.appendChild(typeof k === 'string' ? doc.createTextNode(k) : buildSec(doc, k));
  return el;
}

describe('page scan', () => {
  it('lists the note fields once each, in page order, and skips editable and hidden parts', () => {
    const doc = loadHtml(
      '<body><div contenteditable="true" id="a"></div><textarea id="b"></textarea><p hidden id="c">x</p>' +
        '<div contenteditable="false" id="d"></div><textarea contenteditable id="e"></textarea><div contenteditable id="f"></div>' +
        '<div role="heading" id="g">Problems</div></body>',
    );
    const scan = pageScan(doc.body);
    const ids = (els: Iterable<Element>) => [...els].map((e) => e.id);
    expect(ids(scan.editables)).toEqual(['a', 'b', 'e', 'f']);
    expect(ids(scan.skip).sort()).toEqual(['a', 'c', 'e', 'f']);
    expect(ids(scan.roleHeadings)).toEqual(['g']);
  });

  it('skips navigation (by tag, role or a framework class) but reads tab panels', () => {
    const doc = loadHtml(
      '<body><nav><a>Asthma clinic</a></nav><menu><li>COPD</li></menu><div role="navigation" id="r">Diabetes</div>' +
        '<ul class="nav nav-tabs" id="t"><li>Diabetes</li></ul><div class="menu" id="m">DM2 | COPD</div>' +
        '<div class="tabs" id="s"><div class="tab">Astma/COPD</div></div><ul class="onglets" id="o"><li>Suivi BPCO</li></ul>' +
        '<div class="tab-content" id="c"><div class="tab-pane" id="p">Asthma</div></div><div role="tabpanel" id="q">COPD</div></body>',
    );
    const scan = pageScan(doc.body);
    expect([...scan.skip].map((e) => e.id).sort()).toEqual(['m', 'o', 'r', 's', 't']);
    const texts = collectBlocks(doc.body, scan.skip).map((b) => squash(b.text));
    expect(texts).toContain('Asthma');
    expect(texts).toContain('COPD');
    expect(texts.join(' ')).not.toMatch(/clinic|Diabetes|DM2|Astma|Suivi/);
  });

  it('reads an element with a navigation class when its text is long: a hand-made div.tabs holding the panels', () => {
    const long = 'Type 2 diabetes on metformin, reviewed yearly. '.repeat(14);
    const doc = loadHtml(`<body><div class="tabs" id="w"><div>Summary | Problems</div><div>${long}</div></div></body>`);
    expect(pageScan(doc.body).skip.size).toBe(0);
    (doc.getElementById('w')?.lastElementChild as Element).textContent = 'Asthma';
    expect([...pageScan(doc.body).skip].map((e) => e.id)).toEqual(['w']);
  });

  it('skips the labels of unticked boxes and radio buttons, and reads ticked ones', () => {
    const doc = loadHtml(
      '<body><label id="a"><input type="checkbox"> Heart failure</label><label id="b"><input type="checkbox" checked> Hypertension</label>' +
        '<input type="checkbox" id="x"><label for="x" id="c">Asthma</label><input type="radio" id="y" checked><label for="y" id="d">CKD</label>' +
        '<ul><li id="e"><input type="checkbox"> COPD</li><li id="f"><input type="checkbox"> <b>Obesity</b></li></ul></body>',
    );
    expect([...pageScan(doc.body).skip].map((e) => e.id).sort()).toEqual(['a', 'c', 'e']);
  });

  it('skips the cell after a cell that holds an unticked box alone, as forms laid out in tables put its label', () => {
    const doc = loadHtml(
      '<body><table><tr><td><input type="checkbox" checked></td><td id="g">Hypertensie</td><td><input type="checkbox"></td><td id="h">Chronische nierschade</td></tr>' +
        // a box cell with text of its own is the box's label itself
        '<tr><td id="i"><input type="checkbox"> COPD</td><td id="j">since 2019</td></tr></table></body>',
    );
    expect([...pageScan(doc.body).skip].map((e) => e.id).sort()).toEqual(['h', 'i']);
  });

  it('reads a tick box with no label of its own as a box typed in text, and any other input as a space', () => {
    const doc = loadHtml(
      '<body><div id="t"><input type="checkbox" checked> Type 2 diabetes &nbsp; <input type="checkbox"> COPD<br>' +
        // A box its <label for> names is no typed box (the label, an unticked one's here, is never read).
        '<input type="radio" id="r"><label for="r">Asthma</label> <input type="text" value="x"> HbA1c<br>' +
        // An id alone is no label: no <label for> names these.
        '<input type="checkbox" id="q1"> CKD <input type="checkbox" id="q2" checked> Obesity</div></body>',
    );
    const scan = pageScan(doc.body);
    const read = (blocks: Block[]) => blocks.map((b) => squash(b.text.replaceAll(BREAK, '|')));
    const want = ['[x] Type 2 diabetes [ ] COPD| HbA1c| [ ] CKD [x] Obesity'];
    expect(read(collectBlocks(doc.body, scan.skip, scan))).toEqual(want);
    // Without the page scan's hints, each box's labels are asked for: the same.
    expect(read(collectBlocks(doc.body, scan.skip))).toEqual(want);
  });

  it("reads a ticked choice's one-word answer on its question's line, and any other ticked label as a block", () => {
    const doc = loadHtml(
      '<body><p id="q">Diabetes mellitus: <label><input type="radio" name="dm"> ja</label> <label id="a"><input type="radio" name="dm" checked> nee</label></p>' +
        '<p id="r">COPD: <input type="radio" id="y" checked><label for="y">No</label> Asthma: <label><input type="checkbox" checked> Yes</label></p>' +
        '<p id="s">Register: <label id="t"><input type="checkbox" checked> Heart failure</label><label id="u"><input type="checkbox" checked> Asthma</label></p></body>',
    );
    const skip = pageScan(doc.body).skip;
    const texts = collectBlocks(doc.body, skip).map((b) => [b.el.id, squash(b.text.replaceAll(BREAK, '|'))]);
    expect(texts).toEqual([
      ['q', 'Diabetes mellitus: nee|'],
      ['r', 'COPD: No| Asthma: Yes|'],
      ['t', 'Heart failure'],
      ['u', 'Asthma'],
      ['s', 'Register: ||'],
    ]);
    expect(blockOf(doc.getElementById('a')?.firstChild ?? null)?.id).toBe('q');
    expect(blockOf(doc.getElementById('t')?.firstChild ?? null)?.id).toBe('t');
  });

  it('skips bars of links however they are named, and navigation named by id; reads links with a label of their own', () => {
    const doc = loadHtml(
      '<body><div id="a"><a href="#">Chart Review</a><a href="#">Asthma Control Test</a> | <a href="#">Diabetes Flowsheet</a></div>' +
        '<div id="menubar"><a href="#">Reception</a> Clinical</div><div id="menu"><ul><li>Ketenzorg: Diabetes | COPD/Astma</li></ul></div>' +
        '<p id="b">Problems: <a href="#">COPD</a>, <a href="#">Asthma</a>, <a href="#">Hypertension</a></p>' +
        '<p id="c"><a href="#">COPD</a> <a href="#">Asthma</a></p></body>',
    );
    expect([...pageScan(doc.body).skip].map((e) => e.id).sort()).toEqual(['a', 'menu', 'menubar']);
    // Text of its own makes a bar of links a list that is read.
    (doc.getElementById('a') as Element).prepend('Modules: ');
    expect([...pageScan(doc.body).skip].map((e) => e.id).sort()).toEqual(['menu', 'menubar']);
  });

  it('skips a side bar of links in groups, each under a label of its own; a list under one label is read', () => {
    const doc = loadHtml(
      '<body><div id="side"><span class="hdr">SmartSets</span><a>CHF Admission</a><a>COPD Exacerbation</a><span class="hdr">Favorites</span>' +
        '<a>Asthma Action Plan</a><span class="hdr">In Basket</span><a>Result Note - Johnson, Mark: BMP (CKD 3a)</a></div>' +
        '<p id="one"><b>Problems:</b> <a href="#">COPD</a>, <a href="#">Asthma</a>, <a href="#">Hypertension</a></p>' +
        '<p id="rich"><span>Seen</span> <a href="#">COPD</a> <a href="#">Asthma</a> <span>and <b>HTN</b></span> <a href="#">Gout</a></p></body>',
    );
    expect([...pageScan(doc.body).skip].map((e) => e.id).sort()).toEqual(['side']);
  });

  it('adds the parts an adapter ignores, and passes over a selector it cannot read', () => {
    const doc = loadHtml('<body><aside class="ads">Asthma inhalers on sale</aside><p>COPD</p></body>');
    const scan = pageScan(doc.body, ['[[bad', 'aside.ads']);
    expect([...scan.skip].map((e) => e.localName)).toEqual(['aside']);
  });
});

describe('section of a block', () => {
  const c = fromPortable(COMPILED_DETECTION);
  const view = (s: { kinds: Set<string>; heading: string | null }) => ({ kinds: [...s.kinds].sort(), heading: s.heading });

  it('is the same from the walk as from a look back for a term after a term with a label between them (an unseeded run found it)', () => {
    const doc = loadHtml('<body><dt>Resolved</dt><p>metformin</p><dt>Problems</dt></body>');
    const scan = pageScan(doc.body);
    const walked = new StructureMemo(c, null);
    const looked = new StructureMemo(c, null);
    const blocks = collectBlocks(doc.body, scan.skip, scan);
    expect(blocks.map((b) => b.el.textContent)).toContain('Problems');
    for (const b of blocks) expect(view(walked.section(b)), b.el.outerHTML).toEqual(view(looked.section({ el: b.el, text: b.text })));
  });

  it('is the same from the headings the walk noted as from a look back in the DOM, on random trees', () => {
    fc.assert(
      fc.property(fc.array(secTree, { minLength: 1, maxLength: 5 }), (roots) => {
        const doc = loadHtml('<body></body>');
        for (const r of roots) doc.body.appendChild(buildSec(doc, r));
        const scan = pageScan(doc.body);
        const blocks = collectBlocks(doc.body, scan.skip, scan);
        const walked = new StructureMemo(c, null);
        const looked = new StructureMemo(c, null);
        for (const b of blocks) expect(view(walked.section(b)), b.el.outerHTML).toEqual(view(looked.section({ el: b.el, text: b.text })));
        // Walked without the page scan's hints (each element asked for its role): the same.
        const asked = new StructureMemo(c, null);
        for (const b of collectBlocks(doc.body, scan.skip)) expect(view(asked.section(b))).toEqual(view(looked.section({ el: b.el, text: b.text })));
      }),
      { numRuns: 400, seed: 20261123 },
    );
  }, 60_000);

  /**
   * The section of the block with a given text, as the walk places it, or (`looked`) from the DOM alone, as for
   * a block an edit added.
   */
  const sectionsOf = (html: string, looked = false) => {
    const doc = loadHtml(html);
    const scan = pageScan(doc.body);
    const blocks = collectBlocks(doc.body, scan.skip, scan);
    const memo = new StructureMemo(c, null);
    return (text: string) => {
      const b = blocks.find((x) => x.text === text);
      if (!b) throw new Error(text);
      return view(memo.section(looked ? { el: b.el, text: b.text } : b));
    };
  };

  it('notes a wrapper around a heading as the heading, and a heading block belongs to the section before it', () => {
    const of = sectionsOf(
      '<body><div><h2>Family history</h2></div><p>Mother: asthma</p><h3>Problems</h3><ul><li>COPD</li></ul>' +
        '<section aria-label="Medication"><p>metformin</p></section></body>',
    );
    expect(of('Mother: asthma')).toEqual({ kinds: ['family'], heading: 'Family history' });
    expect(of('COPD')).toEqual({ kinds: ['problemList'], heading: 'Problems' });
    expect(of('Problems')).toEqual({ kinds: ['family'], heading: 'Family history' });
    expect(of('metformin')).toEqual({ kinds: ['medication'], heading: null });
  });

  it('a table column whose header names a section adds it to its cells; other headers change nothing', () => {
    const of = sectionsOf(
      '<body><h2>Problems</h2><table><tr><th>Current diagnoses</th><th>Anciens diagnostics</th></tr>' +
        '<tr><td>Asthma</td><td>Lombalgies chroniques, 2020</td></tr></table>' +
        '<h2>Family history</h2><table><tr><th>Relative</th><th>Diagnosis</th></tr><tr><td>Mother</td><td>COPD</td></tr></table></body>',
    );
    expect(of('Asthma').kinds).toEqual(['problemList']);
    expect(of('Lombalgies chroniques, 2020').kinds).toEqual(['historical', 'problemList']);
    expect(of('COPD').kinds).toEqual(['family', 'problemList']);
  });

  it('a description list term that names a section heads its descriptions; another term leaves them in the list\'s section', () => {
    const html =
      '<body><h2>Problems</h2><dl><dt>Family history</dt><dd>Father: MI, type 2 diabetes</dd>' +
      '<dt>Hartfalen</dt><dd>Uitgesloten</dd><dt>Past problems</dt><dd><p>Depression, 2017</p></dd></dl></body>';
    for (const looked of [false, true]) {
      const of = sectionsOf(html, looked);
      expect(of('Father: MI, type 2 diabetes')).toEqual({ kinds: ['family'], heading: 'Family history' });
      expect(of('Hartfalen')).toEqual({ kinds: ['problemList'], heading: 'Problems' });
      expect(of('Uitgesloten')).toEqual({ kinds: ['problemList'], heading: 'Problems' });
      expect(of('Depression, 2017')).toEqual({ kinds: ['historical', 'problemList'], heading: 'Past problems' });
    }
  });
});
