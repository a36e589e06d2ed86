/** Edits a single-page EHR makes to its page, for tests of incremental detection. */

/** Runs `mutate`, then returns the MutationRecords it caused (as the content script's observer sees them). */
export function mutateAndCollect(doc: Document, mutate: () => void): MutationRecord[] {
  const win = doc.defaultView as unknown as { MutationObserver: typeof MutationObserver };
  const obs = new win.MutationObserver(() => {});
  obs.observe(doc, { subtree: true, childList: true, characterData: true, characterDataOldValue: true, attributes: true });
  mutate();
  const records = obs.takeRecords();
  obs.disconnect();
  return records;
}

/** Attribute edits are drawn twice as often: they are the rarer way an SPA changes what a text means. */
export const EDIT_KINDS = ['text', 'typing', 'inline', 'insert', 'remove', 'row', 'move', 'attribute', 'attribute', 'choice', 'link', 'label', 'grid', 'href'] as const;

export interface Edit {
  kind: (typeof EDIT_KINDS)[number];
  at: number;
  to: number;
  text: string;
}

const ANSWERS = ['No', 'nee', 'Non', 'Yes'];
const STATUSES = ['Active', 'Resolved', 'Excluded: echo normal', 'No'];

const ATTRIBUTES: [string, string | null][] = [
  ['class', 'inactive'], ['class', 'active'], ['hidden', ''], ['hidden', null], ['id', 'family-history'], ['id', 'problems'],
  ['aria-label', 'Medication'], ['role', 'heading'], ['contenteditable', 'true'], ['contenteditable', null],
  ['class', 'menu'], ['role', 'navigation'], ['role', null], ['role', 'checkbox'], ['aria-checked', 'true'], ['aria-checked', 'false'],
  ['style', 'font-weight:bold'], ['style', null],
];

/** A guideline on another site: a link there leads out of the EHR (dom.ts offSiteLinks). */
const OFF_SITE = 'https://www.nice.org.uk/guidance/ng136';

/**
 * One edit a single-page EHR might make: retype a cell or a text in place, add inline content, a paragraph or a
 * problem row, drop or move a part, mark a row inactive, hide a part, relabel a section, make a part navigation,
 * add or tick a tick box, name one by a `<label for>`, add a link, a strip or a column of links, add a bold label (alone in its block, opening it, or alone between blocks)
 * or an underlined one (in a div or list item of its own, or in a table row of one cell), or add a grid of divs, or
 * add a link out of the EHR or point a link there.
 */
export function applyEdit(doc: Document, e: Edit): void {
  const body = doc.body;
  const elements = Array.from(body.querySelectorAll('p, li, td, th, div, span, h2, h3, tr, section, dt, dd'));
  const el = elements[e.at % Math.max(1, elements.length)];
  if (!el) return;
  if (e.kind === 'text') el.textContent = e.text;
  else if (e.kind === 'typing') {
    // Frameworks update a text node in place (a characterData record, no childList).
    const texts: Text[] = [];
    const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.parentElement?.localName !== 'script') texts.push(n as Text);
    const node = texts[e.at % Math.max(1, texts.length)];
    if (node) node.data = e.text;
  } else if (e.kind === 'inline') {
    // Inline content added to a block, sometimes with a block inside it.
    const span = doc.createElement('span');
    span.textContent = e.text;
    if (e.to % 3 === 0) span.appendChild(doc.createElement('p')).textContent = e.text;
    el.appendChild(span);
  } else if (e.kind === 'insert') {
    const p = doc.createElement('p');
    p.textContent = e.text;
    el.parentElement?.insertBefore(p, el);
  } else if (e.kind === 'remove') el.remove();
  else if (e.kind === 'attribute') {
    // Rows, their cells and badges, list items and sections are where attributes change what a text means.
    const parts = Array.from(body.querySelectorAll('tr, td, li, section, div, span, h2'));
    const part = parts[e.at % Math.max(1, parts.length)];
    const [name, value] = ATTRIBUTES[e.to % ATTRIBUTES.length] as [string, string | null];
    if (value === null) part?.removeAttribute(name);
    else part?.setAttribute(name, value);
  } else if (e.kind === 'choice') {
    // A register form's tick box: one added with its label or with none (ticked or not), or one ticked or unticked.
    const boxes = Array.from(body.querySelectorAll('input'));
    const box = boxes[e.at % Math.max(1, boxes.length)];
    if (box && e.to % 2 === 0) {
      if (box.hasAttribute('checked')) box.removeAttribute('checked');
      else box.setAttribute('checked', '');
    } else {
      // Sometimes a question with a yes/no radio button, its answer read on the question's line when ticked.
      const answer = e.to % 4 === 1 ? (ANSWERS[e.at % ANSWERS.length] as string) : null;
      if (!answer && e.to % 5 === 2) {
        // A box with no label of its own, its text after it; sometimes with an id, which a label may name later.
        const bare = doc.createElement('input');
        bare.type = 'checkbox';
        if (e.to % 3 === 0) bare.setAttribute('checked', '');
        if (e.at % 2 === 0) bare.id = `box${e.at % 3}`;
        el.append(bare, ` ${e.text} `);
        return;
      }
      if (!answer && e.to % 5 === 4 && e.at % 2 === 1) {
        // A `<label for>` elsewhere naming a box by its id, one there already or one added later.
        const label = el.appendChild(doc.createElement('label'));
        label.htmlFor = `box${e.at % 3}`;
        label.textContent = e.text;
        return;
      }
      if (answer) el.append(`${e.text}: `);
      const label = doc.createElement('label');
      const input = label.appendChild(doc.createElement('input'));
      input.type = answer ? 'radio' : 'checkbox';
      if (e.to % 3 === 0) input.setAttribute('checked', '');
      label.append(` ${answer ?? e.text}`);
      el.appendChild(label);
    }
  } else if (e.kind === 'link') {
    // A link added beside others (a tab strip of links grows), a strip of links with a separator, or a column
    // of links alone (an index of registers when in alphabetical order, which the text put among them may break).
    if (e.to % 3 === 0) el.appendChild(doc.createElement('a')).textContent = e.text;
    else if (e.to % 3 === 1) {
      const bar = el.appendChild(doc.createElement('div'));
      for (const t of ['Summary', e.text, 'Diabetes clinic']) bar.append(Object.assign(doc.createElement('a'), { textContent: t }), ' | ');
    } else {
      const names = ['Asthma', 'CKD', 'COPD', 'Diabetes', 'Heart Failure', 'Hypertension'];
      names.splice(e.at % 7, 0, e.text);
      const column = el.appendChild(doc.createElement('div'));
      for (const t of names) column.appendChild(doc.createElement('div')).appendChild(doc.createElement('a')).textContent = t;
    }
  } else if (e.kind === 'label') {
    // A bold label: a block's whole content, a block of its own before a part, the first line of a block, or
    // alone before a part with no block around it. Or a label in an underline: in a div (or list item) of its own
    // before a part, or in a table row of one cell before a row.
    const b = doc.createElement(e.to % 6 < 4 ? 'b' : 'u');
    b.textContent = e.text;
    if (e.to % 6 === 0) el.replaceChildren(b);
    else if (e.to % 6 === 1) el.parentElement?.insertBefore(doc.createElement('p'), el).append(b);
    else if (e.to % 6 === 2) el.prepend(b, doc.createElement('br'));
    else if (e.to % 6 === 3) el.parentElement?.insertBefore(b, el);
    else if (e.to % 6 === 4) el.parentElement?.insertBefore(doc.createElement(el.localName === 'li' ? 'li' : 'div'), el).append(b);
    else {
      const row = el.closest('tr');
      if (row) row.parentElement?.insertBefore(doc.createElement('tr'), row).appendChild(doc.createElement('td')).append(b);
      else el.parentElement?.insertBefore(doc.createElement('div'), el).append(b);
    }
  } else if (e.kind === 'grid') {
    // A problem list laid out as a CSS grid of divs: bold column headings, then rows of as many cells.
    const heads = e.to % 2 === 0 ? ['Problem', 'Status'] : ['Problem', 'Since', 'Status'];
    const rows = [[e.text, '2019', STATUSES[e.to % STATUSES.length] as string], ['Asthma', '2010', 'Active']];
    const grid = el.appendChild(doc.createElement('div'));
    for (const h of heads) grid.appendChild(doc.createElement('div')).appendChild(doc.createElement('b')).textContent = h;
    for (const row of rows) for (const text of heads.length === 2 ? [row[0], row[2]] : row) grid.appendChild(doc.createElement('div')).textContent = text as string;
  } else if (e.kind === 'href') {
    // A link out of the EHR: one added, or a link's address set to another site, or taken away.
    const links = Array.from(body.querySelectorAll('a'));
    if (e.to % 3 === 0 || links.length === 0) {
      const a = el.appendChild(doc.createElement('a'));
      a.textContent = e.text;
      a.setAttribute('href', OFF_SITE);
    } else {
      const link = links[e.at % links.length] as Element;
      if (e.to % 3 === 1) link.setAttribute('href', OFF_SITE);
      else link.removeAttribute('href');
    }
  } else if (e.kind === 'row' && e.at % 3 === 0) {
    // A form's question and answer: a description list's term (its text in a label, sometimes) and description.
    const dl = body.querySelector('dl') ?? body.appendChild(doc.createElement('dl'));
    const dt = dl.appendChild(doc.createElement('dt'));
    (e.to % 2 ? dt.appendChild(doc.createElement('label')) : dt).textContent = e.text;
    dl.appendChild(doc.createElement('dd')).textContent = STATUSES[e.to % STATUSES.length] as string;
  } else if (e.kind === 'row') {
    const tbody = body.querySelector('tbody') ?? body;
    const tr = doc.createElement('tr');
    for (const t of [e.text, ['Active', 'Resolved', 'Excluded', 'No'][e.to % 4] as string]) {
      const td = doc.createElement('td');
      td.textContent = t;
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  } else {
    const target = elements[e.to % elements.length];
    if (target && !el.contains(target) && target.parentElement) target.parentElement.insertBefore(el, target);
  }
}
