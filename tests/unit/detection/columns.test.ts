import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/detection';
import { endColumnOf, hasEnded } from '../../../lib/detection/columns';
import { COMPILED_DETECTION } from '../../../lib/detection/compiled.generated';
import { fromPortable } from '../../../lib/detection/portable';

const c = fromPortable(COMPILED_DETECTION);
const found = (text: string, lang: 'en' | 'nl' | 'fr') => analyzeText(text, lang).conditions.map((x) => x.id).sort();

describe('plain-text tables with an end-date column', () => {
  it('reads a row with a date under "Einde" as ended, in a list laid out with spaces', () => {
    const list = [
      'Episodelijst',
      'ICPC   Omschrijving                     Begin     Einde     Attentie',
      'T90    Diabetes mellitus type 2         03-2015             J',
      'P76    Depressie                        02-2018   09-2019',
      'R96    Astma                            1995      2004',
      'L90    Artrose knie                     06-2021             J',
    ].join('\n');
    expect(found(list, 'nl')).toEqual(['osteoarthritis', 't2dm']);
    // Without the header, the same rows are all current.
    expect(found(list.replace(/^ICPC.*$/m, ''), 'nl')).toEqual(['asthma', 'depression', 'osteoarthritis', 't2dm']);
  });

  it('reads tab-separated columns by field, in each language', () => {
    expect(found('Code\tProblem\tStart date\tEnd date\nJ45\tAsthma\t1998\t2004\nI10\tHypertension\t2011\t', 'en')).toEqual(['hypertension']);
    expect(found('CIM-10\tPathologie\tDébut\tDate de fin\nF32\tÉpisode dépressif\t2016\t2017\nM17\tGonarthrose\t2020\t', 'fr')).toEqual(['osteoarthritis']);
  });

  it('does not take a long description running on into the column for a date', () => {
    const col = endColumnOf(c, 'Code  Omschrijving  Einde  Attentie');
    expect(col).not.toBeNull();
    if (!col) return;
    expect(hasEnded(col, 'T90   Diabetes mellitus type 2 zonder complicaties')).toBe(false);
    expect(hasEnded(col, 'P76   Depressie     2019')).toBe(true);
    expect(endColumnOf(c, 'Einde van het gesprek')).toBeNull();
    expect(endColumnOf(c, 'Code  Problem  Status')).toBeNull();
  });

  it('stops at an empty line', () => {
    expect(found('Code  Problem  Start  End\nJ45  Asthma  1998  2004\n\nJ45  Asthma  1998  2004', 'en')).toEqual(['asthma']);
  });
});
