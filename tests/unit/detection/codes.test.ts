// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { ConditionId, Language } from '../../../lib/conditions';
import { analyzeText, defaultConditions, detectPage } from '../../../lib/detection';
import { loadHtml } from './helpers';
import { compile, lookupIcd10 } from '../../../lib/detection/compile';
import { defaultRules } from '../../../lib/detection/data';

const ids = (text: string, lang?: Language) =>
  analyzeText(text, lang)
    .conditions.map((c) => `${c.id}:${c.status}`)
    .sort();

describe('codes', () => {
  const c = compile(defaultConditions(), defaultRules());
  it.each([
    ['E11.9', ['t2dm']], ['E11', ['t2dm']], ['E11.65', ['t2dm']], ['E10.9', ['t1dm']], ['J44.1', ['copd']],
    ['J45.40', ['asthma']], ['I10', ['hypertension']], ['I11.9', ['hypertension']], ['I13.0', ['hypertension', 'heart_failure']], ['I13.2', ['hypertension', 'heart_failure', 'ckd']],
    ['I50.3', ['heart_failure']], ['I20.9', ['chd']], ['I25.10', ['chd']], ['N18.3', ['ckd']], ['F32.1', ['depression']],
    ['F33.1', ['depression']], ['F41.1', ['anxiety']], ['K58.9', ['ibs']], ['M15.0', ['osteoarthritis']], ['M17.1', ['osteoarthritis']],
    ['M19.9', ['osteoarthritis']], ['E66.9', ['obesity']], ['E66.01', ['obesity']], ['E66.3', []], ['G89.29', ['chronic_pain']], ['R52.2', ['chronic_pain']],
    ['G89.1', []], ['R52.0', []], ['E23.2', []], ['R73.03', []], ['O24.4', []], ['J30.2', []], ['I26.9', []],
    // recurrent depressive disorder in remission (ICD-10 F33.4; ICD-10-CM F33.40-F33.42)
    ['F33.4', []], ['F33.42', []], ['F33.9', ['depression']],
  ] as [string, ConditionId[]][])('ICD-10 %s by prefix -> %j', (code, want) => {
    expect(lookupIcd10(c, code).sort()).toEqual([...want].sort());
  });

  it('reads ICD-10, ICPC-2 and SNOMED CT codes in text', () => {
    expect(ids('Dx: ICD10:E11.9', 'en')).toEqual(['t2dm:confirmed']);
    expect(ids('Diagnose ICPC T90', 'nl')).toEqual(['t2dm:confirmed']);
    expect(ids('SNOMED CT 13645005', 'en')).toEqual(['copd:confirmed']);
    expect(ids('Code 709044004', 'en')).toEqual(['ckd:confirmed']);
  });

  it('reads bare 3-character codes as ICPC-2 on Dutch/French pages and as ICD-10 on English ones', () => {
    expect(ids('K86', 'nl')).toEqual(['hypertension:confirmed']);
    expect(ids('K86', 'fr')).toEqual(['hypertension:confirmed']);
    expect(ids('K86', 'en')).toEqual([]); // ICD-10 K86: pancreas
    expect(ids('K74', 'en')).toEqual([]); // ICD-10 K74: liver fibrosis, not ICPC-2 angina
    expect(ids('N18', 'en')).toEqual(['ckd:confirmed']);
    expect(ids('N18', 'nl')).toEqual([]); // ICPC-2 N18: paralysis
    // unknown language: an ambiguous bare code needs a term of the same condition beside it
    expect(ids('P76')).toEqual([]);
    expect(ids('P76 Depressie')).toEqual(['depression:confirmed']);
  });

  it('needs upper-case letters for codes', () => {
    expect(ids('room e11 is free', 'en')).toEqual([]);
  });
});

describe('terms, abbreviations and look-alikes', () => {
  it.each([
    ['DM2 matig gecontroleerd', 'nl', 't2dm'], ['T2DM on metformin', 'en', 't2dm'], ['type 2 diabetes', 'en', 't2dm'],
    ['diabète de type 2', 'fr', 't2dm'], ['Diabetes mellitus type 2, niet insulineafhankelijk', 'nl', 't2dm'],
    ['suikerziekte type 2', 'nl', 't2dm'], ['Type 1 diabetes on pump', 'en', 't1dm'], ['COPD GOLD 2', 'nl', 'copd'],
    ['BPCO stade 2', 'fr', 'copd'], ['HFrEF, EF 30%', 'en', 'heart_failure'], ['hartfalen NYHA II', 'nl', 'heart_failure'],
    ["insuffisance cardiaque à fraction d'éjection préservée", 'fr', 'heart_failure'], ['artrose van de knie', 'nl', 'osteoarthritis'],
    ['arthrose des mains', 'fr', 'osteoarthritis'], ['hypertensie', 'nl', 'hypertension'], ['HTA', 'fr', 'hypertension'],
    ['CKD stage 3a', 'en', 'ckd'], ['prikkelbaredarmsyndroom', 'nl', 'ibs'], ['syndrome du côlon irritable', 'fr', 'ibs'],
    ['Obesitas', 'nl', 'obesity'], ['fibromyalgie', 'fr', 'chronic_pain'], ['gegeneraliseerde angststoornis', 'nl', 'anxiety'],
    ['coronaire hartziekte', 'nl', 'chd'], ['angor stable', 'fr', 'chd'], ['épisode dépressif majeur', 'fr', 'depression'],
    ['Hartfalen (HFrEF, EF 35%) na VWI 2020.', 'nl', 'chd'], ['Motif: SCA ST+ inférieur, stent CD.', 'fr', 'chd'],
    ['Chronische aspecifieke lage rugpijn (L84).', 'nl', 'chronic_pain'], ['St. na onderwandinfarct 2018.', 'nl', 'chd'],
    ['Pt 67 ans connu MPOC, ex-fumeur.', 'fr', 'copd'], ['Suivi TAG, GAD-7 à 12.', 'fr', 'anxiety'], ['MRC stade 4 (DFG 24).', 'fr', 'ckd'], ['MRC 3b, DFG 38.', 'fr', 'ckd'],
    ['chronic LBP 2+ yrs, mechanical', 'en', 'chronic_pain'], ['Patient coronarien connu (stent IVA 2020).', 'fr', 'chd'], ['Angina on exertion, GTN helps', 'en', 'chd'],
    ['PMH: htn, hypercholesterolaemia', 'en', 'hypertension'], ['Gekend met COPD en AHT.', 'nl', 'hypertension'],
    ['eGFR 41, ACR 12 (G3bA2)', 'en', 'ckd'], ['eGFR nu 28 (G4A3)', 'nl', 'ckd'], ['DFG 52, stade G3aA1', 'fr', 'ckd'],
    ['Ischaemic cardiomyopathy, EF 35%.', 'en', 'chd'], ['bij gekende ischemische cardiomyopathie (CABG 2009)', 'nl', 'chd'],
    ['Cardiomyopathie ischémique, pontage aorto-coronarien 2017.', 'fr', 'chd'], ['Vg: CNS gr 3a.', 'nl', 'ckd'],
    ['Patient 80 ans, ICC connue (FEVG 35 %).', 'fr', 'heart_failure'], ['ATCD : MCAS avec tuteur IVA en 2019.', 'fr', 'chd'],
    ['1) IC à FE préservée (FEVG 55 %) : poids stable.', 'fr', 'heart_failure'], ['ATCD : IM 2020, ICP, angine stable.', 'fr', 'chd'],
    ['XR right hip: osteoarthritic changes.', 'en', 'osteoarthritis'], ['diabetische nierschade, ACR 8', 'nl', 'ckd'], ['3. Db type 2 - dx 2014, sous Janumet', 'fr', 't2dm'],
    ['Bekend met DM2 en HT (amlodipine 10).', 'nl', 'hypertension'], ['PMH: asthma/COPD overlap.', 'en', 'copd'], ['Astma/COPD-overlap.', 'nl', 'asthma'],
    ['Syndrome de chevauchement asthme/BPCO.', 'fr', 'copd'], ['Db2 - dx 2014 (metformine 1 g bid)', 'fr', 't2dm'],
    ['1. Chronic primary low back pain (>5 yrs)', 'en', 'chronic_pain'], ['Chronische primaire pijn (ICD-11 MG30.0)', 'nl', 'chronic_pain'],
    ['Douleur chronique primaire diffuse', 'fr', 'chronic_pain'],
  ] as [string, Language, ConditionId][])('%s (%s) -> %s', (text, lang, id) => {
    expect(ids(text, lang)).toContain(`${id}:confirmed`);
  });

  it.each([
    ['Central diabetes insipidus', 'en'], ['Pre-diabetes, lifestyle advice', 'en'], ['prediabetes', 'nl'],
    ['Gestational diabetes in 2001', 'en'], ['zwangerschapsdiabetes', 'nl'], ['diabète gestationnel', 'fr'],
    ['diabète insipide', 'fr'], ['pulmonary hypertension', 'en'], ['hypertension portale', 'fr'], ['ST depression on ECG', 'en'],
    ['cardiac asthma', 'en'], ['Patient asks about diabetes risk', 'en'], ['MRC dyspnoea 2', 'en'], ['acute kidney injury', 'en'],
    ['GAD-7 sent via text', 'en'], ['SCA screening negative.', 'en'], ['Dyspnée MRC 2.', 'fr'], ['Dyspnée stable, MRC 2, pas d\'exacerbation.', 'fr'], ['MRC 3 on exertion.', 'en'], ['eGFR (CKD-EPI) 72 ml/min', 'nl'], ['Angina sinds 2 dagen, keelontsteking.', 'nl'], ['HTA blouse blanche, MAPA normale.', 'fr'], ['White-coat hypertension on ABPM.', 'en'],
    ['Hypertension intraoculaire, suivie en ophtalmologie.', 'fr'], ['HTA gravidique en 2015, résolue.', 'fr'], ['CNS tumour excluded.', 'en'],
    ['S. Ahmed, Diabetes Specialist Dietitian', 'en'], ['cc: J. Reed, diabetes specialist nurse', 'en'],
    ['Diabetes gravidarum (1978)', 'nl'], ['Diabète gravidique en 2004.', 'fr'],
    ['Templates: Asthma/COPD review', 'en'], ['Contra-indicatie: bètablokker bij astma/COPD - cardioselectief.', 'nl'], ['Suivi BPCO / asthme', 'fr'],
    ['BP elevated, likely pain/anxiety re injury.', 'en'], ['Some anxiety regarding the operation.', 'en'], ['TA élevée, anxiété liée à la douleur.', 'fr'],
  ] as [string, Language][])('look-alike "%s" does not count', (text, lang) => {
    const got = ids(text, lang).filter((x) => !x.startsWith('heart_failure'));
    expect(got).toEqual([]);
  });

  it('short abbreviations only count as written', () => {
    expect(ids('HF with reduced EF', 'en')).toEqual(['heart_failure:confirmed']);
    expect(ids('the hf of it', 'en')).toEqual([]);
    expect(ids('OA of both knees', 'en')).toEqual(['osteoarthritis:confirmed']);
  });

  it('a local abbreviation counts only in text of its language ("MI": infarction in English, mitral insufficiency in Dutch)', () => {
    expect(ids('Hx of MI 2015, PCI to LAD.', 'en')).toEqual(['chd:confirmed']);
    expect(ids('Echo: MI graad 2, geen stenose.', 'nl')).toEqual([]);
    expect(ids('Echo : IM grade 2. MI ?', 'fr')).toEqual([]);
    expect(ids('mi-morning review', 'en')).toEqual([]);
    // "IC": heart failure in French; intensive care in Dutch and English; a confidence interval is no finding.
    expect(ids('ATCD : HTA, IC sous furosémide.', 'fr')).toEqual(['heart_failure:confirmed', 'hypertension:confirmed']);
    expect(ids('Œdème MI bilat + BNP 480 : IC? - écho demandée.', 'fr')).toEqual(['heart_failure:possible']);
    expect(ids('Opname IC na reanimatie.', 'nl')).toEqual([]);
    expect(ids('RR 0,8 (IC 95 % 0,6-0,9) ; IC à 90 % : 0,7-0,9.', 'fr')).toEqual([]);
    expect(analyzeText('No MI.', 'en').ruledOut.map((r) => r.id)).toEqual(['chd']);
  });

  it('a local abbreviation follows the page language (<html lang>)', () => {
    const page = (lang: string) => loadHtml(`<html lang="${lang}"><body><p>Voorgeschiedenis: MI 2015.</p></body></html>`);
    expect(detectPage(page('en'), { adapters: [] }).conditions.map((c) => c.id)).toEqual(['chd']);
    expect(detectPage(page('nl'), { adapters: [] }).conditions).toEqual([]);
  });

  it('a generic abbreviation ("DM") is weak, as written, and only in the languages that use it', () => {
    expect(ids('DM, diet controlled.', 'en')).toEqual(['t2dm:possible']);
    expect(ids('DM on gliclazide 80mg BD.', 'en')).toEqual(['t2dm:confirmed']);
    expect(ids('DM, metformine 2dd 500mg.', 'nl')).toEqual(['t2dm:confirmed']);
    expect(ids('1 dm lengte verschil', 'nl')).toEqual([]);
    expect(ids('DM consulté, metformine 850.', 'fr')).toEqual([]); // "dossier médical"
  });

  it('ICD-10 E66.3 (overweight) is not obesity', () => {
    expect(ids('E66.3 Surpoids', 'fr')).toEqual([]);
    expect(ids('E66.9 Obesity', 'en')).toEqual(['obesity:confirmed']);
  });

  it('medication hints never decide alone but support a generic term', () => {
    expect(ids('Metformin 500 mg twice daily', 'en')).toEqual([]);
    expect(ids('Spiriva 18 mcg', 'en')).toEqual([]);
    expect(ids('A10BA02', 'en')).toEqual([]);
    expect(ids('Diabetes review.', 'en')).toEqual(['t2dm:possible']);
    expect(ids('Diabetes review. Metformin 500 mg.', 'en')).toEqual(['t2dm:confirmed']);
    expect(ids('Diabetes review. A10BA02.', 'en')).toEqual(['t2dm:confirmed']);
    expect(ids('Suikerziekte, metformine 850 mg', 'nl')).toEqual(['t2dm:confirmed']);
    // Insulin lowers glucose too: a diabetes of no stated type on it is confirmed (type 2, the usual one).
    expect(ids('Diabetes on insulin (Toujeo 12 units at night).', 'en')).toEqual(['t2dm:confirmed']);
    expect(ids('Diabetes: insuline (Lantus 14 E \'s avonds).', 'nl')).toEqual(['t2dm:confirmed']);
    expect(ids('Diabète sous insuline (Toujeo 12 UI le soir).', 'fr')).toEqual(['t2dm:confirmed']);
    expect(ids('Type 1 diabetes since 1998. Lantus 20 units.', 'en')).toEqual(['t1dm:confirmed']);
    expect(ids('Insulin glargine 20 units nocte.', 'en')).toEqual([]);
  });

  it('reads a CKD stage written onto the abbreviation ("CKD4", "CKD3a")', () => {
    expect(ids('f/u CKD4 - eGFR 24 (was 27 in Oct), ACR 38.', 'en')).toEqual(['ckd:confirmed']);
    expect(ids('CKD3a, eGFR 52. Controle over 6 mnd.', 'nl')).toEqual(['ckd:confirmed']);
  });

  it('a code after a suspicion of its condition in the same sentence is as unsure as the words (en, nl, fr)', () => {
    expect(ids('COPD - suspected, 40 pk-yr smoker, FEV1 0.61, PFTs to be arranged (J44.9)', 'en')).toEqual(['copd:possible']);
    expect(ids('Hartfalen? (K77) Echo aangevraagd.', 'nl')).toEqual(['heart_failure:possible']);
    expect(ids('BPCO suspectée chez un fumeur de 40 PA, EFR à prévoir en ambulatoire (J44.9)', 'fr')).toEqual(['copd:possible']);
    // In a sentence of its own, the code stands.
    expect(ids('?COPD in 2019. Spirometry 2020 confirms it: J44.9.', 'en')).toEqual(['copd:confirmed']);
  });

  it('generic diabetes goes to type 1 when type 1 is established', () => {
    expect(ids('Type 1 diabetes since age 9. Diabetes review today.', 'en')).toEqual(['t1dm:confirmed']);
  });

  it('a diabetes only suspected as a cause goes to type 1 too, when type 1 is established (en, nl, fr)', () => {
    expect(ids('1. CKD G3b, probably diabetic. 2. Type 1 diabetes since 1989, insulin pump.', 'en')).toEqual(['ckd:confirmed', 't1dm:confirmed']);
    expect(ids('1. CNS G3b, vermoedelijk diabetisch. 2. Diabetes mellitus type 1 sinds 1989, insulinepomp.', 'nl')).toEqual(['ckd:confirmed', 't1dm:confirmed']);
    expect(ids("1. IRC G3b d'origine probablement diabétique. 2. Diabète de type 1 depuis 1989, pompe à insuline.", 'fr')).toEqual(['ckd:confirmed', 't1dm:confirmed']);
    // Without type 1, the suspicion stands.
    expect(ids("IRC G3b d'origine probablement diabétique.", 'fr')).toContain('t2dm:possible');
  });
});

describe('condition data', () => {
  it('defines the fourteen conditions with names in three languages and the required codes', () => {
    const defs = defaultConditions();
    expect(defs.map((d) => d.id).sort()).toHaveLength(14);
    const byId = new Map(defs.map((d) => [d.id, d]));
    const snomed: Record<string, string> = {
      t2dm: '44054006', t1dm: '46635009', copd: '13645005', asthma: '195967001', hypertension: '38341003',
      heart_failure: '84114007', chd: '414545008', ckd: '709044004', depression: '35489007', anxiety: '197480006',
      ibs: '10743008', osteoarthritis: '396275006', obesity: '414916001', chronic_pain: '82423001',
    };
    for (const [id, code] of Object.entries(snomed)) {
      const d = byId.get(id as ConditionId);
      expect(d?.snomed).toContain(code);
      for (const l of ['en', 'nl', 'fr'] as const) expect(d?.names[l].length).toBeGreaterThan(2);
    }
    expect(byId.get('ckd')?.icpc2).toEqual([]);
    expect(byId.get('osteoarthritis')?.icpc2).toEqual(['L89', 'L90', 'L91']);
  });
});
