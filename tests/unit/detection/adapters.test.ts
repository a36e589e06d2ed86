// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defaultAdapters, detectPage, matchAdapter, type Adapter } from '../../../lib/detection';
import { AdapterSchema } from '../../../lib/detection/schema';
import { loadHtml } from './helpers';

const PAGE = `<html lang="en"><body>
  <div class="hdr"><span class="pid">Pt# 778-22</span></div>
  <div id="dx"><div>Heart failure</div><div>Asthma (childhood)</div></div>
  <div id="fam"><div>COPD</div></div>
  <div id="rx"><div>Metformin</div></div>
  <div id="chatter">Advert: diabetes insipidus? COPD study! Type 1 diabetes camp.</div>
  <div id="editor" contenteditable="true"></div>
</body></html>`;

const ADAPTER: Adapter = AdapterSchema.parse({
  name: 'practice-x',
  urlPatterns: ['https://ehr.example.org/chart/*'],
  patientId: { selector: '.hdr .pid', pattern: '([0-9]{3}-[0-9]{2})' },
  problemList: '#dx',
  familyHistory: '#fam',
  medicationList: '#rx',
  noteField: '#editor',
  ignore: ['#chatter'],
});

describe('site adapters', () => {
  it('every shipped adapter validates and matches its fixture on 127.0.0.1 and localhost, shared or not', () => {
    const names = defaultAdapters().map((a) => a.name).sort();
    expect(names).toEqual(expect.arrayContaining(['fr-dossier-medical', 'hostile-page', 'negations-and-lookalikes', 'nl-huisartsdossier', 'openemr-style-summary', 'spa-chart']));
    for (const a of defaultAdapters()) {
      const file = a.name === 'fhir-embedded' ? 'fhir-embedded' : a.name;
      expect(matchAdapter(defaultAdapters(), `http://127.0.0.1:43123/shared/${file}.html`)?.name).toBe(a.name);
      expect(matchAdapter(defaultAdapters(), `http://localhost:5000/${file}.html#/patient/p-1`)?.name).toBe(a.name);
    }
    expect(matchAdapter(defaultAdapters(), 'https://ehr.example.org/openemr.html')).toBeNull();
  });

  it('rejects malformed adapters', () => {
    expect(AdapterSchema.safeParse({ name: 'x', urlPatterns: [] }).success).toBe(false);
    expect(AdapterSchema.safeParse({ name: 'x', urlPatterns: ['*'], patientId: { attribute: 'a' } }).success).toBe(false);
  });

  it('uses the adapter selectors: problem list, family section, ignore, patient id pattern, note field', () => {
    const doc = loadHtml(PAGE, 'https://ehr.example.org/chart/1');
    const r = detectPage(doc, { adapters: [ADAPTER] });
    expect(r.adapter).toBe('practice-x');
    expect(r.patientRef).toBe('778-22');
    expect(r.noteField).toBe('#editor');
    expect(r.conditions.map((c) => `${c.id}:${c.status}`)).toEqual(['heart_failure:confirmed']);
    expect(r.conditions[0]?.evidence[0]?.structured).toBe(true);
    expect(r.ruledOut.find((x) => x.id === 'copd')?.evidence[0]?.context).toBe('family');
    expect(r.ruledOut.find((x) => x.id === 'asthma')?.evidence[0]?.context).toBe('historical');
  });

  it('without a matching adapter the generic detector reads the whole page', () => {
    const doc = loadHtml(PAGE, 'https://other.example.org/');
    const r = detectPage(doc, { adapters: [ADAPTER] });
    expect(r.adapter).toBe('generic');
    expect(r.conditions.map((c) => c.id)).toContain('t1dm');
  });

  it('ignores invalid selectors instead of throwing', () => {
    const bad = { ...ADAPTER, problemList: '##nope[', ignore: [':::'] };
    const doc = loadHtml(PAGE, 'https://ehr.example.org/chart/1');
    expect(() => detectPage(doc, { adapters: [bad] })).not.toThrow();
  });
});

describe('generic patient and note-field guesses', () => {
  it('finds a labelled identifier in a banner and a note textarea by its label', () => {
    const doc = loadHtml(`<body><div>Jan Peeters - INSZ: 85.01.02-123.45</div><label for="t1">Consultatieverslag</label>
      <textarea id="t1" rows="8"></textarea><textarea id="search" rows="1"></textarea></body>`);
    const r = detectPage(doc, { adapters: [] });
    expect(r.patientRef).toBe('85.01.02-123.45');
    expect(r.noteField).toBe('#t1');
  });
  it('returns null when nothing identifies the patient or looks like a note', () => {
    const doc = loadHtml('<body><p>Hello</p><textarea rows="1" name="q"></textarea></body>');
    const r = detectPage(doc, { adapters: [] });
    expect(r.patientRef).toBeNull();
    expect(r.noteField).toBeNull();
  });
  it('reads the identifier from the start of the page text, wherever the search stops', () => {
    const filler = (chars: number) => `<p>${'Review of systems unremarkable. '.repeat(Math.ceil(chars / 32))}</p>`;
    const at = (before: number, banner = 'MRN: 5550123') => detectPage(loadHtml(`<body>${filler(before)}<div>${banner}</div>${filler(3000)}</body>`), { adapters: [] }).patientRef;
    // Before, across and after the points where the text read so far is searched (256, 512, 1,024... characters).
    for (const before of [0, 200, 240, 250, 260, 500, 1000, 1010, 2040, 9000, 16380, 19900]) {
      expect(at(before), `banner after ${before} characters`).toBe('5550123');
    }
    expect(at(21000)).toBeNull(); // past the first 20,000 characters
    // The first labelled identifier wins, even when a second one ends first in the text read so far.
    const two = loadHtml(`<body>${filler(240)}<div>MRN:                                      </div><div>1112223</div><div>NHS 4445556666</div>${filler(3000)}</body>`);
    expect(detectPage(two, { adapters: [] }).patientRef).toBe('1112223');
  });
  it('takes the first element with a patient attribute in page order, skipping navigation', () => {
    const page = (body: string) => detectPage(loadHtml(`<body>${body}<p>MRN 9990009</p></body>`), { adapters: [] }).patientRef;
    expect(page('<div data-mrn="A-1">Jane</div><div data-patient-id="B-2">Jane</div>')).toBe('A-1');
    expect(page('<div data-patient-id="B-2">Jane</div><div data-mrn="A-1">Jane</div>')).toBe('B-2');
    expect(page('<nav><a href="#" data-patient-id="LIST-7">Next patient</a></nav><header data-niss="C-3">Jane</header>')).toBe('C-3');
    expect(page('<nav><a href="#" data-patient-id="LIST-7">Next patient</a></nav>')).toBe('9990009');
    expect(page('<div>NISS 61.11.02-<b>222.33</b></div>')).toBe('61.11.02-222.33');
  });
  it('never takes the identifier from what the clinician types, scripts or styles', () => {
    const doc = loadHtml(`<body><script>var x = "MRN 9990001";</script><style>/* MRN 9990002 */</style>
      <textarea>MRN 9990003</textarea><div contenteditable="true">MRN 9990004</div><p>Jane Doe, MRN 5550123</p></body>`);
    expect(detectPage(doc, { adapters: [] }).patientRef).toBe('5550123');
  });
  it('skips a filled textarea and picks the empty note', () => {
    const doc = loadHtml('<body><textarea id="note-old">COPD</textarea><textarea id="note-new" rows="5"></textarea></body>');
    (doc.getElementById('note-old') as HTMLTextAreaElement).value = 'COPD';
    expect(detectPage(doc, { adapters: [] }).noteField).toBe('#note-new');
  });
});
