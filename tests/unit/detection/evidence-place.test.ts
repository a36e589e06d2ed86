// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../lib/detection';
import type { DetectionResult, Evidence } from '../../../lib/detection/result';
import { loadHtml } from './helpers';

/** Every piece of evidence of a result (counted or ruled out), as "condition where label". */
function places(r: DetectionResult): string[] {
  const line = (id: string, e: Evidence) => `${id} ${e.where}${e.label === undefined ? '' : ` ${e.label}`}`;
  return [...r.conditions.flatMap((c) => c.evidence.map((e) => line(c.id, e))), ...r.ruledOut.flatMap((c) => c.evidence.map((e) => line(c.id, e)))].sort();
}

const FHIR = JSON.stringify({
  resourceType: 'Condition',
  id: 'ckd-1',
  clinicalStatus: { coding: [{ code: 'active' }] },
  code: { coding: [{ system: 'http://snomed.info/sct', code: '709044004' }] },
});

describe('evidence says which kind of place it was seen in (the UI words it)', () => {
  it('problem list, medication list, family history, resolved problems, a named section, FHIR', () => {
    const doc = loadHtml(`<html><body>
      <h2>Problem list</h2><table><tr><td>E11.9</td><td>Type 2 diabetes</td><td>Active</td></tr></table>
      <h2>Medication</h2><ul><li>Salbutamol inhaler</li><li>Tiotropium 18 microgram daily</li></ul>
      <h2>Family history</h2><p>Mother: asthma.</p>
      <h2>Resolved problems</h2><ul><li>Depression</li></ul>
      <h2>Consultation 2026-03-04</h2><p>Known hypertension, well controlled. COPD stable.</p>
      <p>Knee osteoarthritis.</p>
      <script type="application/fhir+json">${FHIR}</script>
    </body></html>`);
    expect(places(detectPage(doc, { adapters: [] }))).toEqual([
      'asthma familyHistory',
      'ckd fhir ckd-1',
      'copd medicationList',
      'copd section Consultation 2026-03-04',
      'depression resolved',
      'hypertension section Consultation 2026-03-04',
      'osteoarthritis section Consultation 2026-03-04',
      't2dm problemList',
      't2dm problemList',
    ]);
  });

  it('text without any heading is "text"', () => {
    const doc = loadHtml('<html><body><div>Patient with type 2 diabetes, seen today.</div></body></html>');
    expect(places(detectPage(doc, { adapters: [] }))).toEqual(['t2dm text']);
  });
});

describe('a label at the start of a line of a page block names its section, as in free text (analyzeText)', () => {
  const detect = (body: string, lang = 'en') => detectPage(loadHtml(`<html lang="${lang}"><body>${body}</body></html>`), { adapters: [] });

  it.each([
    ['en', '<p><b>Family history:</b> mother - depression; father - type 2 diabetes, hypertension.</p>'],
    ['nl', '<p><strong>Familiale anamnese:</strong> moeder depressie; vader diabetes type 2, hypertensie.</p>'],
    ['fr', '<p>Antécédents familiaux : mère dépression ; père diabète de type 2, HTA.</p>'],
  ])('[%s] "Family history: ..." rules out every condition on its line', (lang, body) => {
    const r = detect(body, lang);
    expect(r.conditions).toEqual([]);
    expect(places(r)).toEqual(['depression familyHistory', 'hypertension familyHistory', 't2dm familyHistory']);
  });

  it('the label reaches the end of its line only; a label alone reaches the lines after it, up to an empty line', () => {
    const r = detect('<div>FH: asthma<br>Known COPD.<br>Resolved problems:<br>Depression<br>Anxiety<br><br>Hypertension</div>');
    expect(r.conditions.map((c) => c.id).sort()).toEqual(['copd', 'hypertension']);
    expect(places(r)).toEqual(['anxiety resolved', 'asthma familyHistory', 'copd text', 'depression resolved', 'hypertension text']);
  });

  it('a label that names no section changes nothing, and a problem-list label makes its line structured', () => {
    expect(places(detect('<p>Plan: review type 2 diabetes in 3 months.</p>'))).toEqual(['t2dm text']);
    const r = detect('<p>Problems: asthma, hypertension.</p><h2>Notes</h2><p>No asthma symptoms, asthma resolved.</p>');
    // a structured current mention outweighs the free text
    expect(r.conditions.map((c) => `${c.id}:${c.status}`).sort()).toEqual(['asthma:confirmed', 'hypertension:confirmed']);
    expect(places(r).filter((p) => p.endsWith('problemList'))).toEqual(['asthma problemList', 'hypertension problemList']);
  });
});
