import { describe, expect, it } from 'vitest';
import { EvidencePlaceSchema, type Evidence } from '../../lib/detection/result';
import { seenIn, whyLines } from '../../lib/evidence-view';
import { MESSAGES, resolveLanguage, translator } from '../../lib/i18n';

describe('i18n', () => {
  it('has every key in every language, none empty', () => {
    const keys = Object.keys(MESSAGES.en).sort();
    for (const lang of ['nl', 'fr'] as const) {
      expect(Object.keys(MESSAGES[lang]).sort(), `keys of ${lang}`).toEqual(keys);
      for (const key of keys) expect(MESSAGES[lang][key]!.message.trim(), `${lang}.${key}`).not.toBe('');
    }
  });
  it('keeps placeholders consistent across languages', () => {
    for (const key of Object.keys(MESSAGES.en)) {
      const names = (lang: 'en' | 'nl' | 'fr') => Object.keys(MESSAGES[lang][key]?.placeholders ?? {}).sort();
      expect(names('nl'), key).toEqual(names('en'));
      expect(names('fr'), key).toEqual(names('en'));
    }
  });
  it('fills placeholders the way the browser does', () => {
    expect(translator('en')('conditionCountBadge', 3)).toBe('3 conditions detected');
    expect(translator('nl')('conditionCountBadge', 2)).toBe('2 aandoeningen gevonden');
  });
  it('resolves the language from the choice, then the browser', () => {
    expect(resolveLanguage('fr', 'nl-BE')).toBe('fr');
    expect(resolveLanguage('auto', 'nl-BE')).toBe('nl');
    expect(resolveLanguage('auto', 'de-DE')).toBe('en');
    expect(resolveLanguage('auto', undefined)).toBe('en');
  });
});

describe('where evidence was seen, in the clinician\'s language', () => {
  const all = EvidencePlaceSchema.options;

  it.each(['en', 'nl', 'fr'] as const)('%s: every place has its own wording, with the heading or resource id in it', (lang) => {
    const t = translator(lang);
    const worded = all.map((where) => seenIn(t, { where, label: 'Consultatie 12/10' }));
    expect(new Set(worded).size).toBe(all.length);
    for (const text of worded) expect(text).not.toMatch(/^seenIn|\$/);
    expect(seenIn(t, { where: 'section', label: 'Consultatie 12/10' })).toContain('Consultatie 12/10');
    expect(seenIn(t, { where: 'fhir', label: 'ckd-1' })).toContain('ckd-1');
  });

  it('reads as a clinician would in each language', () => {
    expect(seenIn(translator('en'), { where: 'problemList' })).toBe('Seen in the problem list');
    expect(seenIn(translator('nl'), { where: 'problemList' })).toBe('Gezien in de probleemlijst');
    expect(seenIn(translator('fr'), { where: 'medicationList' })).toBe('Vu dans la liste des médicaments');
  });
});

describe('the "why" lines of a condition', () => {
  const t = translator('en');
  const row = 'BPCO stade 2 (J44.9) - depuis 2017';
  const evidence: Evidence[] = [
    { kind: 'code', system: 'icd10', match: 'J44.9', snippet: row, where: 'problemList', context: null, structured: true },
    { kind: 'term', match: 'BPCO', snippet: row, where: 'problemList', context: null, structured: true },
    { kind: 'term', match: 'BPCO', snippet: row, where: 'section', label: 'Suivi', context: null, structured: false },
    { kind: 'medication', system: 'drug', match: 'Trelegy', snippet: 'Trelegy Ellipta', where: 'medicationList', context: null, structured: true },
  ];

  it('shows a code and a term of the same row as one line, in order, up to the limit', () => {
    expect(whyLines(t, evidence, 5)).toEqual([
      { snippet: row, seenIn: 'Seen in the problem list' },
      { snippet: row, seenIn: 'Seen in the section "Suivi"' },
      { snippet: 'Trelegy Ellipta', seenIn: 'Seen in the medication list' },
    ]);
    expect(whyLines(t, evidence, 2)).toHaveLength(2);
  });
});
