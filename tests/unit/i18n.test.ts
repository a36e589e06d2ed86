import { describe, expect, it } from 'vitest';
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
