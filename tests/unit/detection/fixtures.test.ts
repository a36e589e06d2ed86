// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../lib/detection';
import { DetectionResultSchema, type DetectionResult } from '../../../lib/detection/result';
import { expectedPages, loadHtml, readFixture, spaChartHtml, type ExpectedPage } from './helpers';

const expected = expectedPages();

function pageFor(key: string): { doc: Document; url: string } {
  const [file, hash] = key.split('#');
  const url = `http://127.0.0.1:4173/shared/${file}${hash ? `#${hash}` : ''}`;
  const doc = loadHtml(readFixture(file as string), url);
  if (hash) {
    const pid = /patient\/(p-\d+)/.exec(hash)?.[1] as string;
    const chart = doc.getElementById('chart');
    if (!chart) throw new Error('no #chart');
    chart.innerHTML = spaChartHtml(pid);
  }
  return { doc, url };
}

function check(r: DetectionResult, exp: ExpectedPage): void {
  expect(DetectionResultSchema.safeParse(r).success).toBe(true);
  const confirmed = r.conditions.filter((c) => c.status === 'confirmed').map((c) => c.id).sort();
  const possible = r.conditions.filter((c) => c.status === 'possible').map((c) => c.id).sort();
  expect(confirmed).toEqual([...exp.conditions].sort());
  expect(possible).toEqual([...(exp.possible ?? [])].sort());
  const all = r.conditions.map((c) => c.id as string);
  for (const n of exp.not) expect(all).not.toContain(n);
  for (const c of r.conditions) {
    expect(c.evidence.length).toBeGreaterThan(0);
    expect(c.evidence.some((e) => e.kind !== 'medication')).toBe(true);
  }
  if (exp.note_field) expect(r.noteField).toBe(exp.note_field);
}

describe('shared EHR fixtures (expected.json)', () => {
  for (const [key, exp] of Object.entries(expected)) {
    it(`${key} with its adapter`, () => {
      const { doc, url } = pageFor(key);
      const r = detectPage(doc, { url });
      expect(r.adapter).not.toBe('generic');
      check(r, exp);
    });
    it(`${key} with the generic detector only`, () => {
      const { doc, url } = pageFor(key);
      const r = detectPage(doc, { url, adapters: [] });
      expect(r.adapter).toBe('generic');
      check(r, exp);
    });
  }

  it('finds the patient reference on every page that shows one', () => {
    const refs: Record<string, string> = {
      'openemr-style-summary.html': 'MRN-0048213',
      'nl-huisartsdossier.html': '56.07.21-123.45',
      'fr-dossier-medical.html': '61.11.02-222.33',
      'spa-chart.html#/patient/p-1002': 'p-1002',
      'negations-and-lookalikes.html': '44-1190-7',
      'hostile-page.html': 'LEG-5521',
      'fhir-embedded.html': 'example-7731',
    };
    for (const [key, ref] of Object.entries(refs)) {
      const { doc, url } = pageFor(key);
      expect(detectPage(doc, { url }).patientRef, key).toBe(ref);
      expect(detectPage(doc, { url, adapters: [] }).patientRef, `${key} generic`).toBe(ref);
    }
  });

  it('explains what it ruled out and why', () => {
    const { doc, url } = pageFor('negations-and-lookalikes.html');
    const r = detectPage(doc, { url });
    const ctx = (id: string) => r.ruledOut.find((x) => x.id === id)?.evidence.map((e) => e.context);
    expect(ctx('heart_failure')).toContain('family');
    expect(ctx('hypertension')).toContain('negated');
    expect(ctx('asthma')).toEqual(expect.arrayContaining(['family', 'historical']));
    expect(ctx('ckd')).toContain('negated');
    // look-alikes are not even mentions
    expect(JSON.stringify(r.ruledOut)).not.toMatch(/insipidus/i);
  });

  it('keeps HTML-looking problem text as plain text in evidence', () => {
    const { doc, url } = pageFor('hostile-page.html');
    const r = detectPage(doc, { url });
    const dep = r.conditions.find((c) => c.id === 'depression');
    expect(dep?.status).toBe('confirmed');
    expect(dep?.evidence.some((e) => e.structured)).toBe(true);
    expect(doc.querySelector('img')).toBeNull();
  });

  it('the SPA before any patient is selected shows nothing and no patient', () => {
    const { doc, url } = pageFor('spa-chart.html');
    const r = detectPage(doc, { url });
    expect(r.conditions).toEqual([]);
    expect(r.patientRef).toBeNull();
  });
});
