// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { detectPage } from '../../../lib/detection';
import { loadHtml } from './helpers';

function condition(id: string, snomed: string, clinical?: string, verification?: string, extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Condition',
    id,
    ...(clinical ? { clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: clinical }] } } : {}),
    ...(verification ? { verificationStatus: { coding: [{ code: verification }] } } : {}),
    code: { coding: [{ system: 'http://snomed.info/sct', code: snomed }] },
    ...extra,
  };
}

function page(resources: unknown[], body = '', type = 'application/fhir+json'): Document {
  const bundle = { resourceType: 'Bundle', type: 'searchset', entry: resources.map((resource) => ({ resource })) };
  return loadHtml(`<html><body>${body}<script type="${type}">${JSON.stringify(bundle)}</script></body></html>`);
}

const status = (doc: Document, id: string) => detectPage(doc, { adapters: [] }).conditions.find((c) => c.id === id)?.status ?? null;

describe('FHIR Condition resources in the page', () => {
  it.each([
    ['active', 'confirmed', 'confirmed'],
    ['recurrence', undefined, 'confirmed'],
    ['relapse', 'confirmed', 'confirmed'],
    ['active', 'provisional', 'possible'],
    ['active', 'differential', 'possible'],
    ['active', 'refuted', null],
    ['active', 'entered-in-error', null],
    ['inactive', 'confirmed', null],
    ['remission', 'confirmed', null],
    ['resolved', 'confirmed', null],
  ] as [string, string | undefined, string | null][])('clinical %s / verification %s -> %s', (clin, ver, want) => {
    expect(status(page([condition('c', '13645005', clin, ver)]), 'copd')).toBe(want);
  });

  it('reads ICD-10 codings, application/json scripts and plain Condition resources', () => {
    const doc = loadHtml(
      `<html><body><script type="application/json">${JSON.stringify({
        resourceType: 'Condition',
        clinicalStatus: { coding: [{ code: 'active' }] },
        code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'I50.9' }] },
      })}</script></body></html>`,
    );
    expect(status(doc, 'heart_failure')).toBe('confirmed');
  });

  it('falls back to code.text when no known code is given', () => {
    expect(status(page([{ resourceType: 'Condition', clinicalStatus: 'active', code: { text: 'Chronic obstructive pulmonary disease' } }]), 'copd')).toBe('confirmed');
  });

  it('a resolved or refuted resource outweighs weak free-text mentions', () => {
    const doc = page([condition('c3', '35489007', 'resolved'), condition('c4', '195967001', 'active', 'refuted')], '<p>Depression. Asthma.</p>');
    const r = detectPage(doc, { adapters: [] });
    expect(r.conditions.map((c) => c.id)).toEqual([]);
    expect(r.ruledOut.map((c) => c.id).sort()).toEqual(['asthma', 'depression']);
  });

  it('an active resource wins over a negated sentence', () => {
    expect(status(page([condition('c1', '44054006', 'active', 'confirmed')], '<p>No diabetes complications; no diabetes distress.</p>'), 't2dm')).toBe('confirmed');
  });

  it('survives broken JSON and non-FHIR JSON', () => {
    const doc = loadHtml('<html><body><script type="application/json">{"resourceType": </script><script type="application/json">{"a":1}</script><p>COPD</p></body></html>');
    expect(detectPage(doc).conditions.map((c) => c.id)).toEqual(['copd']);
  });
});
