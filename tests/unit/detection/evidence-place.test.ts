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
