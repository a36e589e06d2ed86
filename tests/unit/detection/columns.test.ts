import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../../lib/detection';
import { textRowStatus, textTableOf } from '../../../lib/detection/columns';
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
    const table = textTableOf(c, 'Code  Omschrijving  Einde  Attentie');
    expect(table).not.toBeNull();
    if (!table) return;
    expect(textRowStatus(c, table, 'T90   Diabetes mellitus type 2 zonder complicaties')).toBeNull();
    expect(textRowStatus(c, table, 'P76   Depressie     2019')).toBe('historical');
    expect(textTableOf(c, 'Einde van het gesprek')).toBeNull();
    expect(textTableOf(c, 'Code  Problem  Onset')).toBeNull();
  });

  it('reads a status column as a status cell', () => {
    const list = [
      'Liste des problèmes',
      'Problème                      Statut       Depuis',
      'Diabète de type 2             Actif        2016',
      'Asthme                        Inactif      2002',
      'Dépression                    Antécédent   2014',
      'BPCO                          Exclue       2020',
    ].join('\n');
    expect(found(list, 'fr')).toEqual(['t2dm']);
    expect(analyzeText(list, 'fr').ruledOut.map((r) => `${r.id}:${r.evidence[0]?.context}`).sort()).toEqual([
      'asthma:historical', 'copd:negated', 'depression:historical',
    ]);
  });

  it('reads a status not yet confirmed as possible, and an end date as stronger than it', () => {
    const list = 'Problem | Status | End date\nCOPD | Probable | \nAsthma | Suspected | 2019\nHypertension | Active | ';
    const r = analyzeText(list, 'en');
    expect(r.conditions.map((x) => `${x.id}:${x.status}`).sort()).toEqual(['copd:possible', 'hypertension:confirmed']);
    expect(r.ruledOut.map((x) => `${x.id}:${x.evidence[0]?.context}`)).toEqual(['asthma:historical']);
  });

  it('reads pipe-separated columns by field', () => {
    expect(found('Problem | Status | Since\nAsthma | Resolved | 2004\nCOPD | Active | 2019', 'en')).toEqual(['copd']);
  });

  it('stops at an empty line', () => {
    expect(found('Code  Problem  Start  End\nJ45  Asthma  1998  2004\n\nJ45  Asthma  1998  2004', 'en')).toEqual(['asthma']);
  });
});
