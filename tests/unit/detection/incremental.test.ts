// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDetector, detectPage, type DetectionResult } from '../../../lib/detection';
import { applyEdit, EDIT_KINDS, mutateAndCollect, type Edit } from './edits';
import { loadHtml, readFixture, spaChartHtml } from './helpers';

/** Applies `edits` to a shared test page one by one, checking after each that the incremental result is a full detection's. */
function replay(name: string, edits: Edit[]): DetectionResult {
  const url = `http://127.0.0.1:4173/shared/${name}`;
  const doc = loadHtml(readFixture(name), url);
  const det = createDetector(doc, { url });
  let shown: DetectionResult = det.detect();
  for (const e of edits) {
    shown = det.onMutations(mutateAndCollect(doc, () => applyEdit(doc, e))) ?? shown;
    expect(shown).toEqual(detectPage(doc, { url }));
  }
  return shown;
}

const ids = (r: { conditions: { id: string }[] } | null) => r?.conditions.map((c) => c.id).sort() ?? null;

describe('incremental detection (SPA)', () => {
  it('follows patient switches in spa-chart and matches a full detection each time', () => {
    const doc = loadHtml(readFixture('spa-chart.html'), 'http://127.0.0.1:4173/shared/spa-chart.html');
    const det = createDetector(doc, { url: 'http://127.0.0.1:4173/shared/spa-chart.html' });
    expect(det.detect().conditions).toEqual([]);
    const chart = doc.getElementById('chart') as HTMLElement;
    for (const [pid, want] of [['p-1001', ['copd', 'heart_failure']], ['p-1002', ['asthma', 'ibs']], ['p-1003', []]] as const) {
      const loading = mutateAndCollect(doc, () => (chart.innerHTML = '<p class="loading">Loading chart…</p>'));
      const mid = det.onMutations(loading);
      if (mid) expect(mid.conditions).toEqual([]);
      const recs = mutateAndCollect(doc, () => (chart.innerHTML = spaChartHtml(pid)));
      const r = det.onMutations(recs);
      const full = detectPage(doc, { url: 'http://127.0.0.1:4173/shared/spa-chart.html' });
      expect(ids(full)).toEqual([...want]);
      if (want.length) expect(ids(r)).toEqual([...want]);
      expect(det.detect()).toEqual(full);
      expect(full.patientRef).toBe(pid);
    }
  });

  describe('who the patient is, after a change', () => {
    const chart = (banner: string, rows = 200) =>
      `<html lang="en"><body><header id="banner">${banner}</header><h2>Problem list</h2><table><tbody id="rows">` +
      Array.from({ length: rows }, (_, i) => `<tr><td>Note ${i}</td><td>2024</td></tr>`).join('') +
      '<tr><td>Asthma</td><td>Active</td></tr></tbody></table></body></html>';

    it('follows a banner that names the patient in its text (no patient attribute on the page)', () => {
      const doc = loadHtml(chart('Doe, Jane · MRN 5550123'));
      const det = createDetector(doc);
      expect(det.detect().patientRef).toBe('5550123');
      const banner = doc.getElementById('banner') as HTMLElement;
      const switched = det.onMutations(mutateAndCollect(doc, () => (banner.textContent = 'Roe, Rick · MRN 7770456')));
      expect(switched?.patientRef).toBe('7770456');
      expect(switched).toEqual(detectPage(doc));
    });

    it('follows a patient attribute set, replaced with its element, or removed', () => {
      const doc = loadHtml(chart('<span data-patient-id="P-1">Doe, Jane</span>'));
      const det = createDetector(doc);
      expect(det.detect().patientRef).toBe('P-1');
      const banner = doc.getElementById('banner') as HTMLElement;
      expect(det.onMutations(mutateAndCollect(doc, () => banner.firstElementChild?.setAttribute('data-patient-id', 'P-2')))?.patientRef).toBe('P-2');
      expect(det.onMutations(mutateAndCollect(doc, () => (banner.innerHTML = '<span data-patient-id="P-3">Roe, Rick</span>')))?.patientRef).toBe('P-3');
      expect(det.onMutations(mutateAndCollect(doc, () => (banner.innerHTML = 'Nobody · MRN 4440001')))?.patientRef).toBe('4440001');
      expect(det.detect()).toEqual(detectPage(doc));
    });

    it("follows an adapter's patient element that an attribute change takes away", () => {
      // Found by the random edits below: fr-dossier-medical.html, whose adapter reads #identite-patient.
      const url = 'http://127.0.0.1:4173/shared/fr-dossier-medical.html';
      const doc = loadHtml(readFixture('fr-dossier-medical.html'), url);
      const det = createDetector(doc, { url });
      expect(det.detect().patientRef).toBe('61.11.02-222.33');
      const banner = doc.getElementById('identite-patient') as HTMLElement;
      det.onMutations(mutateAndCollect(doc, () => banner.setAttribute('id', 'elsewhere')));
      const r = det.onMutations(mutateAndCollect(doc, () => (banner.textContent = 'Asthma')));
      expect(r?.patientRef ?? null).toBe(detectPage(doc, { url }).patientRef);
      expect(det.detect()).toEqual(detectPage(doc, { url }));
    });

    it('does not look for patient attributes over the whole page again after a change elsewhere', () => {
      const doc = loadHtml(chart('Doe, Jane · MRN 5550123'));
      const det = createDetector(doc);
      det.detect();
      const rows = doc.getElementById('rows') as HTMLElement;
      const asked: string[] = [];
      const spy = (proto: { querySelector(s: string): Element | null }) => {
        const original = proto.querySelector;
        proto.querySelector = function (this: ParentNode, selector: string) {
          asked.push(selector);
          return original.call(this, selector);
        };
        return () => (proto.querySelector = original);
      };
      const restore = [spy(Object.getPrototypeOf(doc) as Document), spy(Object.getPrototypeOf(doc.body) as Element)];
      try {
        const row = doc.createElement('tr');
        for (const text of ['COPD', 'Active']) row.appendChild(doc.createElement('td')).textContent = text;
        const r = det.onMutations(mutateAndCollect(doc, () => rows.appendChild(row)));
        expect(r?.conditions.map((c) => c.id).sort()).toEqual(['asthma', 'copd']);
        expect(r?.patientRef).toBe('5550123');
      } finally {
        restore.forEach((undo) => undo());
      }
      expect(asked.filter((s) => s.includes('data-patient-id'))).toEqual([]);
    });
  });

  it('a change inside an inline heading renames the section of the blocks it holds', () => {
    // Found by the random edits below (fhir-embedded.html): <span role="heading"> around paragraphs.
    const doc = loadHtml('<html lang="en"><body><div id="overview"><button>Overview</button><span role="heading">Asthma<p>Asthma</p></span></div></body></html>');
    const det = createDetector(doc);
    det.detect();
    const heading = doc.querySelector('[role="heading"]') as HTMLElement;
    const paragraph = heading.querySelector('p') as HTMLElement;
    const added = det.onMutations(mutateAndCollect(doc, () => heading.insertBefore(doc.createElement('p'), paragraph).append('Asthma')));
    expect(added).toEqual(detectPage(doc));
    const typed = det.onMutations(mutateAndCollect(doc, () => ((heading.firstChild as Text).data = 'Reviewed')));
    expect(typed ?? det.detect()).toEqual(detectPage(doc));
    expect(det.detect()).toEqual(detectPage(doc));
  });

  it('a status typed into a paragraph inside an inline part is read as a full detection reads it', () => {
    // Found by the random edits below (fhir-embedded.html): a div of inline parts was a row, and a status in a
    // paragraph inside one of them ("Depression, in remission") made the whole div's mentions past; only the
    // paragraph was read again. A div with a block inside is no row now.
    const doc = loadHtml('<html lang="en"><body><div id="summary">Context loaded.<span>Asthma<p>Asthma</p></span><span>Asthma</span></div></body></html>');
    const det = createDetector(doc);
    det.detect();
    const paragraph = doc.querySelector('p') as HTMLElement;
    const typed = det.onMutations(mutateAndCollect(doc, () => (paragraph.textContent = 'Depression, in remission')));
    expect(typed ?? det.detect()).toEqual(detectPage(doc));
    expect(detectPage(doc).conditions.map((c) => c.id)).toEqual(['asthma']);
  });

  it('ignores typing in the note field, our own sidebar host and clocks', () => {
    const doc = loadHtml(readFixture('nl-huisartsdossier.html'), 'http://127.0.0.1:4173/nl-huisartsdossier.html');
    const det = createDetector(doc);
    const first = det.detect();
    const editor = doc.getElementById('soep-editor') as HTMLElement;
    const typing = mutateAndCollect(doc, () => {
      editor.textContent = 'Patiënt heeft astma en hartfalen';
    });
    expect(typing.length).toBeGreaterThan(0);
    expect(det.onMutations(typing)).toBeNull();
    const host = mutateAndCollect(doc, () => {
      const h = doc.createElement('sms-prompts');
      h.textContent = 'Asthma prompts';
      doc.body.appendChild(h);
    });
    expect(det.onMutations(host)).toBeNull();
    expect(det.detect().conditions).toEqual(first.conditions);
  });

  it('a note typed in a field inside a problem row is not the row\'s status, and costs nothing', () => {
    const html = '<html lang="en"><body><h2>Problem list</h2><table><tbody><tr><td>Asthma</td><td>Active</td>' +
      '<td><div contenteditable="true">comment</div></td></tr></tbody></table></body></html>';
    const doc = loadHtml(html);
    const det = createDetector(doc);
    expect(ids(det.detect())).toEqual(['asthma']);
    const field = doc.querySelector('[contenteditable]')?.firstChild as Text;
    const typing = mutateAndCollect(doc, () => (field.data = 'Resolved'));
    expect(typing.map((r) => r.type)).toEqual(['characterData']);
    expect(det.onMutations(typing)).toBeNull();
    expect(ids(detectPage(doc))).toEqual(['asthma']);
  });

  it('picks the note field again when a label it is aria-labelledby, or one of its attributes, changes', () => {
    const html = '<html lang="en"><body><p id="la">Attachments</p><textarea id="a" rows="5" aria-labelledby="la"></textarea>' +
      '<p id="lb">Other</p><textarea id="b" rows="5" aria-labelledby="lb"></textarea></body></html>';
    const doc = loadHtml(html);
    const det = createDetector(doc);
    expect(det.detect().noteField).toBeNull();
    const relabel = mutateAndCollect(doc, () => ((doc.getElementById('la')?.firstChild as Text).data = 'Consultation note'));
    expect(det.onMutations(relabel)?.noteField).toBe('#a');
    expect(detectPage(doc).noteField).toBe('#a');
    expect(det.watchedAttributes).toContain('placeholder');
    const bigger = mutateAndCollect(doc, () => {
      doc.getElementById('b')?.setAttribute('placeholder', 'Progress note');
      doc.getElementById('b')?.setAttribute('rows', '12');
    });
    expect(det.onMutations(bigger)?.noteField).toBe('#b');
    expect(detectPage(doc).noteField).toBe('#b');
  });

  it('keeps the note the clinician is writing as the note field when the page changes around it', () => {
    const doc = loadHtml('<html lang="en"><body><p>Asthma</p><label for="note">Consultation note</label><textarea id="note" rows="8"></textarea></body></html>');
    const det = createDetector(doc);
    expect(det.detect().noteField).toBe('#note');
    // Typing changes the field's value, not the DOM: no mutation. Then the page adds parts of its own.
    (doc.getElementById('note') as HTMLTextAreaElement).value = 'Inhaler technique checked.';
    const added = mutateAndCollect(doc, () => {
      const hint = doc.createElement('div');
      hint.setAttribute('hidden', '');
      hint.textContent = 'Saved draft';
      doc.body.appendChild(hint);
      const search = doc.createElement('textarea');
      search.id = 'search';
      doc.body.prepend(search);
    });
    expect(det.onMutations(added)?.noteField ?? '#note').toBe('#note');
    expect(det.detect().noteField).toBe('#note');
    // A new page (a new detector) takes the filled field for an old note shown in a form.
    expect(detectPage(doc).noteField).toBeNull();
  });

  it('picks up a new problem added to the list and a status cell change', () => {
    const doc = loadHtml(readFixture('openemr-style-summary.html'), 'http://127.0.0.1:4173/openemr-style-summary.html');
    const det = createDetector(doc, { adapters: [] });
    det.detect();
    const tbody = doc.querySelector('#medical-problems tbody') as HTMLElement;
    const add = mutateAndCollect(doc, () => {
      const tr = doc.createElement('tr');
      for (const t of ['Chronic obstructive pulmonary disease', 'ICD10:J44.9', '2020', 'Active']) {
        const td = doc.createElement('td');
        td.textContent = t;
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    });
    expect(ids(det.onMutations(add))).toContain('copd');
    const cell = tbody.lastElementChild?.lastElementChild as HTMLElement;
    const resolve = mutateAndCollect(doc, () => (cell.textContent = 'Resolved'));
    const r = det.onMutations(resolve);
    expect(ids(r)).not.toContain('copd');
    expect(r?.ruledOut.find((x) => x.id === 'copd')?.evidence[0]?.context).toBe('historical');
  });

  it('reads a part again when it becomes navigation or stops being it, and when a box is ticked or unticked', () => {
    const doc = loadHtml('<body><div id="m">Asthma clinic</div><label><input type="checkbox" id="b"> Heart failure</label><p>COPD</p></body>');
    const det = createDetector(doc, { adapters: [] });
    expect(ids(det.detect())).toEqual(['asthma', 'copd']);
    const menu = doc.getElementById('m') as HTMLElement;
    const box = doc.getElementById('b') as HTMLInputElement;
    const step = (mutate: () => void) => {
      const r = det.onMutations(mutateAndCollect(doc, mutate));
      expect(r).toEqual(detectPage(doc));
      return ids(r);
    };
    expect(step(() => menu.classList.add('menu'))).toEqual(['copd']);
    expect(step(() => box.setAttribute('checked', ''))).toEqual(['copd', 'heart_failure']);
    expect(step(() => menu.classList.remove('menu'))).toEqual(['asthma', 'copd', 'heart_failure']);
    expect(step(() => box.removeAttribute('checked'))).toEqual(['asthma', 'copd']);
    // A div.tabs is a tab strip while short; once it holds a long panel it is read, and skipped again when cut short.
    expect(step(() => (menu.className = 'tabs'))).toEqual(['copd']);
    const panel = doc.createElement('p');
    panel.textContent = 'Chronic kidney disease stage 3a, eGFR 52. '.repeat(15);
    expect(step(() => menu.appendChild(panel))).toEqual(['asthma', 'ckd', 'copd']);
    expect(step(() => (panel.textContent = 'CKD'))).toEqual(['copd']);
  });

  it('never reads a note field as a label: bold typed in it heads nothing (a sequence an unseeded property run found)', () => {
    const doc = loadHtml('<body><div contenteditable="true" id="n"><b>Active and past problems</b></div>Heart failure, NYHA II.<p>Asthma</p></body>');
    const det = createDetector(doc, { adapters: [] });
    const where = (r: DetectionResult | null) => r?.conditions.find((c) => c.id === 'heart_failure')?.evidence[0]?.where;
    expect(where(det.detect())).toBe('text');
    const note = doc.getElementById('n') as HTMLElement;
    const typed = det.onMutations(mutateAndCollect(doc, () => note.prepend(Object.assign(doc.createElement('b'), { textContent: 'Mrs D Carver - COPD review' }), doc.createElement('br'))));
    expect(typed).toBeNull();
    expect(where(detectPage(doc, { adapters: [] }))).toBe('text');
  });

  it("reads a row again when a yes / no box in one of its cells is ticked or unticked", () => {
    const doc = loadHtml('<body><table><tr><td>Hypertensie</td><td><input type="radio" name="h" id="ja"> ja <input type="radio" name="h" id="nee" checked> neen</td></tr></table><p>Astma</p></body>');
    const det = createDetector(doc, { adapters: [] });
    expect(ids(det.detect())).toEqual(['asthma']);
    const step = (mutate: () => void) => {
      const r = det.onMutations(mutateAndCollect(doc, mutate));
      expect(r).toEqual(detectPage(doc, { adapters: [] }));
      return ids(r);
    };
    const box = (id: string) => doc.getElementById(id) as Element;
    // Unanswered (ruled out as a question, no longer as a no), then answered yes, then no again.
    expect(step(() => box('nee').removeAttribute('checked'))).toEqual(['asthma']);
    expect(step(() => box('ja').setAttribute('checked', ''))).toEqual(['asthma', 'hypertension']);
    expect(step(() => box('ja').removeAttribute('checked'))).toEqual(['asthma']);
    expect(step(() => box('nee').setAttribute('checked', ''))).toEqual(['asthma']);
  });

  it("reads a box's line again when a `<label for>` comes to name it, or stops naming it", () => {
    const doc = loadHtml('<body><p><input type="checkbox" id="b1"> Heart failure <input type="checkbox" checked> COPD</p><div id="side"></div></body>');
    const det = createDetector(doc, { adapters: [] });
    expect(ids(det.detect())).toEqual(['copd']);
    const box = doc.getElementById('b1') as HTMLInputElement;
    const step = (mutate: () => void) => {
      const r = det.onMutations(mutateAndCollect(doc, mutate));
      expect(r).toEqual(detectPage(doc, { adapters: [] }));
      return ids(r);
    };
    // Named by a label elsewhere, the box is no typed "[ ]": its line is read as text.
    const label = Object.assign(doc.createElement('label'), { htmlFor: 'b1', textContent: 'Register' });
    expect(step(() => (doc.getElementById('side') as Element).appendChild(label))).toEqual(['copd', 'heart_failure']);
    expect(step(() => (box.id = 'b2'))).toEqual(['copd']);
    expect(step(() => (label.htmlFor = 'b2'))).toEqual(['copd', 'heart_failure']);
    expect(step(() => label.remove())).toEqual(['copd']);
  });

  it('reads the blocks after a leaf label again when it becomes or stops being one, or is styled as the one before it', () => {
    const doc = loadHtml(
      '<body><div><div class="hd" id="g">Guidelines</div><div id="list"><span>Asthma</span> <span>COPD</span></div>' +
        '<div id="j">Journal</div><div>Hypertension, treated.</div></div></body>',
    );
    const det = createDetector(doc, { adapters: [] });
    let shown = det.detect();
    expect(ids(shown)).toEqual([]);
    const label = doc.getElementById('g') as HTMLElement;
    const step = (mutate: () => void) => {
      shown = det.onMutations(mutateAndCollect(doc, mutate)) ?? shown;
      expect(shown).toEqual(detectPage(doc, { adapters: [] }));
      return ids(shown);
    };
    // Styled as the guidelines label, the journal's label ends their section.
    expect(step(() => ((doc.getElementById('j') as HTMLElement).className = 'hd'))).toEqual(['hypertension']);
    expect(step(() => ((doc.getElementById('j') as HTMLElement).className = ''))).toEqual([]);
    // Its words no longer name a section, or its text grows too long for a label: the blocks after it are the patient's.
    expect(step(() => ((label.firstChild as Text).data = 'Notes'))).toEqual(['asthma', 'copd', 'hypertension']);
    expect(step(() => ((label.firstChild as Text).data = 'Guidelines'))).toEqual([]);
    expect(step(() => ((label.firstChild as Text).data = 'Guidelines for the care of adults with long-term conditions'))).toEqual(['asthma', 'copd', 'hypertension']);
    expect(step(() => (label.textContent = 'Guidelines'))).toEqual([]);
    // Lines of text after it are in its section too; the label taken out.
    expect(step(() => label.after('Heart failure pack', doc.createElement('br')))).toEqual([]);
    expect(step(() => (label.nextSibling as Text).remove())).toEqual([]);
    expect(step(() => label.remove())).toEqual(['asthma', 'copd', 'hypertension']);
  });

  it("reads the rows after a label row again when its text, its wrapper or its cells change, or the row goes", () => {
    const doc = loadHtml(
      '<body><table><tbody id="tb"><tr id="r"><td id="c"><u id="u">Templates</u></td></tr><tr><td>Asthma review</td></tr><tr><td>COPD review</td></tr></tbody></table>' +
        '<div><div id="d"><u id="du">Formulaires</u></div><div>Heart failure pack</div></div><p>Hypertension.</p></body>',
    );
    const det = createDetector(doc, { adapters: [] });
    let shown = det.detect();
    expect(ids(shown)).toEqual(['hypertension']);
    const step = (mutate: () => void) => {
      shown = det.onMutations(mutateAndCollect(doc, mutate)) ?? shown;
      expect(shown).toEqual(detectPage(doc, { adapters: [] }));
      return ids(shown);
    };
    const text = () => (doc.getElementById('u') as HTMLElement).firstChild as Text;
    // Its words no longer name a section, then again; its text too long for a label.
    expect(step(() => (text().data = 'Notes'))).toEqual(['asthma', 'copd', 'hypertension']);
    expect(step(() => (text().data = 'Templates'))).toEqual(['hypertension']);
    expect(step(() => ((doc.getElementById('u') as HTMLElement).textContent = 'Templates for the review of long-term conditions'))).toEqual(['asthma', 'copd', 'hypertension']);
    expect(step(() => ((doc.getElementById('u') as HTMLElement).textContent = 'Templates'))).toEqual(['hypertension']);
    // A second cell in the row, a second part in the cell, and back.
    const cell = doc.createElement('td');
    cell.textContent = '3';
    expect(step(() => (doc.getElementById('r') as HTMLElement).appendChild(cell))).toEqual(['asthma', 'copd', 'hypertension']);
    expect(step(() => cell.remove())).toEqual(['hypertension']);
    const extra = doc.createElement('b');
    expect(step(() => (doc.getElementById('c') as HTMLElement).appendChild(extra))).toEqual(['asthma', 'copd', 'hypertension']);
    expect(step(() => extra.remove())).toEqual(['hypertension']);
    // The wrapped label in a div: its wrapper's text, a second wrapper, its removal.
    const du = doc.getElementById('du') as HTMLElement;
    expect(step(() => ((du.firstChild as Text).data = 'Journal'))).toEqual(['heart_failure', 'hypertension']);
    expect(step(() => ((du.firstChild as Text).data = 'Formulaires'))).toEqual(['hypertension']);
    const other = doc.createElement('u');
    other.textContent = 'x';
    expect(step(() => (doc.getElementById('d') as HTMLElement).appendChild(other))).toEqual(['heart_failure', 'hypertension']);
    expect(step(() => other.remove())).toEqual(['hypertension']);
    // A part with a long text put in beside the wrapper: the label's old text is the wrapper's.
    const part = doc.createElement('div');
    part.textContent = 'Scheduled reviews for the practice this month, by clinician';
    expect(step(() => (doc.getElementById('d') as HTMLElement).appendChild(part))).toEqual(['heart_failure', 'hypertension']);
    expect(step(() => part.remove())).toEqual(['hypertension']);
    // The label row taken out, then put back.
    const row = doc.getElementById('r') as HTMLElement;
    expect(step(() => row.remove())).toEqual(['asthma', 'copd', 'hypertension']);
    expect(step(() => (doc.getElementById('tb') as HTMLElement).prepend(row))).toEqual(['hypertension']);
  });

  it('reads the rows after a label row in a part never read (navigation) again when it stops being one', () => {
    // Found by an unseeded property run: a skipped part's leaf label still heads the rows after it. Here a label
    // row of "Clinical modules" with role=navigation, in the problem table, loses its cell to the text "No". The
    // attribute is set by hand: the recorded edit drew it from the property edits' list, which has grown since.
    const url = 'http://127.0.0.1:4173/shared/hostile-page.html';
    const doc = loadHtml(readFixture('hostile-page.html'), url);
    const det = createDetector(doc, { url });
    let shown: DetectionResult = det.detect();
    const step = (mutate: () => void) => {
      shown = det.onMutations(mutateAndCollect(doc, mutate)) ?? shown;
      expect(shown).toEqual(detectPage(doc, { url }));
    };
    const label = doc.createElement('tr');
    label.appendChild(doc.createElement('td')).appendChild(doc.createElement('u')).textContent = 'Clinical modules';
    const tbody = doc.querySelector('#problems tbody') as Element;
    step(() => tbody.prepend(label));
    step(() => label.setAttribute('role', 'navigation'));
    expect(shown.conditions.map((c) => c.id)).not.toContain('t2dm');
    step(() => (label.textContent = 'No'));
    expect(shown.conditions.map((c) => c.id)).toContain('t2dm');
  });

  it('finds the same section for a block after a chain of unnamed leaf labels, whatever order it looked them up in', () => {
    // Found by an unseeded property run (it fails on 0747163 too): a label met again through the memo lost the
    // style of the leaf label whose section the chain is in ("Clinical modules" ... "Biologie" ... "Mrs D Carver").
    const edits: Edit[] = [
      { kind: 'typing', at: 561832973, to: 2111400381, text: 'Chronic kidney disease stage 3' },
      { kind: 'insert', at: 39746937, to: 137214494, text: 'Biologie' },
      { kind: 'typing', at: 535282827, to: 334666094, text: 'uitgesloten - wittejassen' },
      { kind: 'insert', at: 1477863550, to: 887642086, text: 'diabetes' },
      { kind: 'attribute', at: 294193945, to: 849366883, text: 'Active and past problems' },
      { kind: 'typing', at: 1904760913, to: 1036460855, text: 'Clinical modules' },
      { kind: 'row', at: 534340666, to: 1607478321, text: 'Metformin 500 mg' },
      { kind: 'insert', at: 568113935, to: 163997424, text: 'Mrs D Carver - COPD review' },
      { kind: 'label', at: 601348840, to: 1724620253, text: 'nee' },
      { kind: 'remove', at: 1469371517, to: 475544646, text: 'Metformin 500 mg' },
    ];
    const shown = replay('fhir-embedded.html', edits);
    expect(shown.conditions.find((c) => c.id === 't2dm')?.evidence.find((e) => e.match === 'Metformin')?.label).toBe('Mrs D Carver - COPD review');
  });

  it('reads a bar of links again when it gains text of its own, a link, or an id that names navigation', () => {
    const doc = loadHtml('<body><div id="bar"><a href="#">Asthma clinic</a> <a href="#">COPD review</a></div><p id="p">Hypertension</p></body>');
    const det = createDetector(doc, { adapters: [] });
    expect(ids(det.detect())).toEqual(['asthma', 'copd', 'hypertension']);
    const bar = doc.getElementById('bar') as HTMLElement;
    const step = (mutate: () => void) => {
      const r = det.onMutations(mutateAndCollect(doc, mutate)) ?? det.detect();
      expect(r).toEqual(detectPage(doc, { adapters: [] }));
      return ids(r);
    };
    expect(step(() => bar.appendChild(Object.assign(doc.createElement('a'), { textContent: 'Diabetes flowsheet' })))).toEqual(['hypertension']);
    const label = doc.createTextNode('Problems: ');
    expect(step(() => bar.prepend(label))).toEqual(['asthma', 'copd', 'hypertension', 't2dm']);
    expect(step(() => (label.data = ' | '))).toEqual(['hypertension']);
    expect(step(() => (doc.getElementById('p') as Element).setAttribute('id', 'menu'))).toEqual([]);
  });

  it('reads a whole table again when a column header changes, is added or removed', () => {
    const doc = loadHtml(
      '<body><table><thead><tr><th id="h">Diagnoses</th><th>Since</th></tr></thead><tbody><tr><td>Asthma</td><td>2010</td></tr></tbody></table></body>',
    );
    const det = createDetector(doc, { adapters: [] });
    let shown = det.detect();
    expect(ids(shown)).toEqual(['asthma']);
    const th = doc.getElementById('h') as HTMLElement;
    const step = (mutate: () => void) => {
      shown = det.onMutations(mutateAndCollect(doc, mutate)) ?? shown;
      expect(shown).toEqual(detectPage(doc));
      return ids(shown);
    };
    expect(step(() => (th.textContent = 'Past problems'))).toEqual([]);
    expect(step(() => th.remove())).toEqual(['asthma']);
    expect(step(() => (doc.querySelector('tr') as Element).prepend(th))).toEqual([]);
  });

  it('reads a whole table again when a bold column header changes (a header row is no grid of cells: found by an unseeded property run)', () => {
    const doc = loadHtml(
      '<body><table><thead><tr><th id="h"><b>Diagnoses</b></th><th>Since</th><th>Status</th></tr></thead><tbody><tr><td>Asthma</td><td>2010</td><td>Active</td></tr></tbody></table></body>',
    );
    const det = createDetector(doc, { adapters: [] });
    let shown = det.detect();
    expect(ids(shown)).toEqual(['asthma']);
    const th = doc.getElementById('h') as HTMLElement;
    shown = det.onMutations(mutateAndCollect(doc, () => th.replaceChildren(Object.assign(doc.createElement('b'), { textContent: 'Guidelines' })))) ?? shown;
    expect(shown).toEqual(detectPage(doc));
    expect(ids(shown)).toEqual([]);
  });

  it('reads the whole table again when a header row put inside another row by a script is renamed', () => {
    const doc = loadHtml('<body><table><tbody><tr id="r"><td>Asthma</td><td>Active</td></tr><tr><td>COPD</td><td>Active</td></tr></tbody></table></body>');
    const det = createDetector(doc, { adapters: [] });
    let shown = det.detect();
    const step = (mutate: () => void) => {
      shown = det.onMutations(mutateAndCollect(doc, mutate)) ?? shown;
      expect(shown).toEqual(detectPage(doc));
      return ids(shown);
    };
    const header = doc.createElement('tr');
    header.innerHTML = '<th id="h">Problem</th><th>Status</th>';
    expect(step(() => (doc.getElementById('r') as Element).prepend(header))).toEqual(['asthma', 'copd']);
    expect(step(() => ((doc.getElementById('h') as Element).textContent = 'Past problems'))).toEqual(detectPage(doc).conditions.map((c) => c.id).sort());
  });

  it('reads a term again when a description is put after it, even outside a description list', () => {
    const doc = loadHtml('<body><dl><dt id="t">Asthma</dt></dl><dl><dd id="d">Resolved</dd></dl><p>COPD</p></body>');
    const det = createDetector(doc, { adapters: [] });
    let shown = det.detect();
    expect(ids(shown)).toEqual(['asthma', 'copd']);
    const step = (mutate: () => void) => {
      shown = det.onMutations(mutateAndCollect(doc, mutate)) ?? shown;
      expect(shown).toEqual(detectPage(doc));
      return ids(shown);
    };
    expect(step(() => doc.body.insertBefore(doc.getElementById('t') as Element, doc.querySelector('p')))).toEqual(['asthma', 'copd']);
    expect(step(() => doc.body.insertBefore(doc.getElementById('d') as Element, doc.querySelector('p')))).toEqual(['copd']);
  });

  it('reads a table again when the text of a column header changes, in a part of it never read too', () => {
    const doc = loadHtml('<body><table><tr><th>Problem<label><input type="checkbox"> <span id="s">x</span></label></th><th>Since</th></tr><tr><td>Asthma</td><td>2010</td></tr></table></body>');
    const det = createDetector(doc, { adapters: [] });
    let shown = det.detect();
    shown = det.onMutations(mutateAndCollect(doc, () => ((doc.getElementById('s') as Element).textContent = 'Past problems'))) ?? shown;
    expect(shown).toEqual(detectPage(doc));
    expect(ids(shown)).toEqual([]);
  });

  it('never throws on odd input', () => {
    const doc = loadHtml('<body><div><b>\u0130\u0000\uD800 ??? ;;; </b></div></body>');
    expect(() => createDetector(doc).onMutations([{ type: 'childList', target: doc } as unknown as MutationRecord])).not.toThrow();
    let deep = '';
    for (let i = 0; i < 1500; i++) deep += '<div>';
    const d2 = loadHtml(`<body>${deep}COPD</body>`);
    expect(() => detectPage(d2)).not.toThrow();
  });

  it('detectAsync (time-sliced) gives the same result as detect() on every shared fixture, even with 0 ms slices', async () => {
    for (const name of ['openemr-style-summary.html', 'nl-huisartsdossier.html', 'fr-dossier-medical.html', 'fhir-embedded.html', 'negations-and-lookalikes.html']) {
      const url = `http://127.0.0.1:4173/shared/${name}`;
      const doc = loadHtml(readFixture(name), url);
      const det = createDetector(doc, { url });
      expect(det.detectAsync).toBeTypeOf('function');
      const a = await det.detectAsync?.({ sliceMs: 0 });
      expect(a, name).toEqual(detectPage(doc, { url }));
      // The detector is then ready for incremental updates as after detect().
      expect(det.onMutations([])).toBeNull();
    }
  });

  it("reads the body's own text again when the page around it becomes a menu (a sequence an unseeded property run found)", () => {
    // The typing leaves "geen astma" as the body's own text; the last strip of links makes the body a menu, whose text is no finding.
    const edits: Edit[] = [
      { kind: 'inline', at: 951489449, to: 1995931113, text: '📁 Problems' },
      { kind: 'typing', at: 1891086120, to: 437475308, text: 'geen astma' },
      { kind: 'link', at: 1710414880, to: 975439932, text: 'WARD, Kevin - asthma' },
      { kind: 'remove', at: 1254430716, to: 1092000848, text: 'No' },
      { kind: 'move', at: 168528256, to: 962093575, text: 'nee' },
      { kind: 'link', at: 1246286418, to: 1169257375, text: 'J44.9' },
      { kind: 'link', at: 2077788110, to: 1455458909, text: 'Asthma' },
      { kind: 'remove', at: 2085274706, to: 1583324034, text: 'diabetes' },
      { kind: 'attribute', at: 112696456, to: 1997739972, text: 'No' },
      { kind: 'link', at: 808063079, to: 495039628, text: '📁 Problems' },
    ];
    const shown = replay('fhir-embedded.html', edits);
    expect(shown.conditions.find((c) => c.id === 'asthma')).toBeUndefined();
    expect(shown.ruledOut.find((c) => c.id === 'asthma')?.evidence.some((x) => x.snippet === 'geen astma')).toBe(false);
  });

  it('reads a grid of cells again when a cell of another tag is moved in among them (a sequence an unseeded property run found)', () => {
    // The moved cell unmakes the grid: the rows it had made are read again, cell by cell.
    const edits: Edit[] = [
      { kind: 'row', at: 1440870613, to: 1347887371, text: 'de Graaf, P. - COPD' },
      { kind: 'grid', at: 1894462388, to: 1840422423, text: 'J44.9' },
      { kind: 'text', at: 817183914, to: 593472217, text: 'uitgesloten - wittejassen' },
      { kind: 'remove', at: 1810187569, to: 1545961315, text: '-' },
      { kind: 'choice', at: 564954306, to: 139216463, text: '[ ] COPD  [x] Asthma' },
      { kind: 'attribute', at: 227232090, to: 1326274877, text: 'Active and past problems' },
      { kind: 'insert', at: 175036988, to: 1395296190, text: 'Chronic kidney disease stage 3' },
      { kind: 'move', at: 283408194, to: 2591054, text: 'nee' },
      { kind: 'typing', at: 799104809, to: 133291296, text: 'Biologie' },
      { kind: 'attribute', at: 2042213265, to: 637989016, text: 'Asthma' },
    ];
    const shown = replay('hostile-page.html', edits);
    expect(shown.conditions.map((c) => c.id)).toContain('copd');
  });

  it('reads an inline element whose own text is its block\'s with that block, blocks a script put in it too (sequences unseeded property runs found)', () => {
    // A grid of cells, or a bold label, put by a script into a `<span>` that holds text of its own: the span was
    // read again alone, as a block, and its text stayed twice, once in the span and once in its block.
    const grid: Edit[] = [
      { kind: 'attribute', at: 741387354, to: 448121377, text: 'No' },
      { kind: 'inline', at: 1563029530, to: 81145404, text: 'Clinical modules' },
      { kind: 'link', at: 876873219, to: 1078735280, text: 'Depression, in remission' },
      { kind: 'label', at: 1814363553, to: 588443780, text: 'No' },
      { kind: 'grid', at: 1567964449, to: 1909394193, text: 'No asthma' },
      { kind: 'typing', at: 165066311, to: 1801512312, text: 'Asthma' },
    ];
    const afterGrid = replay('fhir-embedded.html', grid);
    expect(afterGrid.ruledOut.find((c) => c.id === 'asthma')?.evidence.filter((e) => e.snippet.endsWith('Asthma | |'))).toHaveLength(1);
    const label: Edit[] = [
      { kind: 'link', at: 271433055, to: 187405464, text: 'Excluded' },
      { kind: 'attribute', at: 2077790775, to: 1014334209, text: 'No' },
      { kind: 'insert', at: 722796659, to: 1168288403, text: 'Do you have COPD?' },
      { kind: 'inline', at: 1994979700, to: 1712582550, text: 'J44.9' },
      { kind: 'text', at: 883113925, to: 437835500, text: 'No' },
      { kind: 'link', at: 1037128918, to: 607433271, text: 'Clinical modules' },
      { kind: 'label', at: 31750703, to: 368261023, text: 'J44.9' },
      { kind: 'remove', at: 1020564888, to: 755940225, text: 'Diabetes insipidus' },
      { kind: 'choice', at: 1201321421, to: 1372791933, text: '📁 Problems' },
    ];
    const afterLabel = replay('fhir-embedded.html', label);
    expect(afterLabel.conditions.find((c) => c.id === 'copd')?.evidence.filter((e) => e.snippet.endsWith('📁 Problems: nee |'))).toHaveLength(1);
  });

  it('after any sequence of edits, the incremental result is exactly what a full detection of the page gives', () => {
    // Texts that move decisions: confirmations, negations, family history, resolved rows, look-alikes, codes.
    const TEXTS = [
      'Asthma', 'No asthma', 'COPD GOLD 2', 'Suspected heart failure', 'Mother had type 2 diabetes', 'Diabetes insipidus',
      'Hypertension', 'Resolved', 'Active', 'E11.9', 'J44.9', 'Metformin 500 mg', 'diabetes', 'Type 1 diabetes', 'geen astma',
      'Chronic kidney disease stage 3', 'Depression, in remission', 'Nothing to note', 'Excluded', 'uitgesloten - wittejassen',
      '?Heart failure: echo normal - HF excluded', 'Active and past problems', 'Family history: asthma', 'Past problems',
      '[ ] COPD  [x] Asthma', '2010-2019', 'nee', 'No', 'Journaal', 'Biologie', 'Correspondence',
      'Mrs D Carver - COPD review', 'WARD, Kevin - asthma', 'de Graaf, P. - COPD', 'Guidelines', 'Clinical modules', '📁 Problems', 'Do you have COPD?', '-',
    ];
    const edit = fc.record({
      kind: fc.constantFrom(...EDIT_KINDS),
      at: fc.nat(),
      to: fc.nat(),
      text: fc.constantFrom(...TEXTS),
    });
    const pages = ['openemr-style-summary.html', 'nl-huisartsdossier.html', 'fr-dossier-medical.html', 'negations-and-lookalikes.html', 'fhir-embedded.html', 'hostile-page.html'];
    fc.assert(
      fc.property(fc.constantFrom(...pages), fc.array(edit, { minLength: 1, maxLength: 12 }), (name, edits) => {
        replay(name, edits);
      }),
      // Fixed seed: CI stays reproducible. It was run with 9,000+ random seeds while the rules were written.
      { numRuns: 400, seed: 20261123 },
    );
  }, 60_000);
});
