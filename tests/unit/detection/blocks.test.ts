// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockWalker, collectBlocks, isBlockTag, isSkippedTag, pageScan, type Block } from '../../../lib/detection/dom';
import { BREAK } from '../../../lib/detection/text';
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
const TEXTS = ['No asthma', 'type 2', ' diabetes', 'E11.9', '2024-01-01', ' ', 'geen COPD', 'Dia', 'betes'];

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
  for (const k of t.kids) el.appendChild(typeof k === 'string' ? doc.createTextNode(k) : build(doc, k));
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
