import { describe, expect, it } from 'vitest';
import type { ConditionId, Language } from '../../../lib/conditions';
import { analyzeText, detectPage } from '../../../lib/detection';
import { loadHtml } from './helpers';

/** 'hypothetical': ruled out as a risk, a screening, a fear or a condition ('if ...'), not the patient's (shown as uncertain). */
type Want = 'confirmed' | 'possible' | 'negated' | 'family' | 'historical' | 'hypothetical' | 'absent';

/** [language, text, condition, what the engine must conclude] */
const CASES: [Language, string, ConditionId, Want][] = [
  // negation
  ['en', 'No asthma.', 'asthma', 'negated'],
  ['en', 'Patient denies COPD.', 'copd', 'negated'],
  ['en', 'Hypertension ruled out on ambulatory monitoring.', 'hypertension', 'negated'],
  ['en', 'Heart failure excluded by echocardiography.', 'heart_failure', 'negated'],
  ['en', 'Sleeps well without depression symptoms.', 'depression', 'negated'],
  ['nl', 'Geen astma.', 'asthma', 'negated'],
  ['nl', 'Niet gekend met COPD.', 'copd', 'negated'],
  ['nl', 'Hartfalen uitgesloten na echo.', 'heart_failure', 'negated'],
  ['nl', 'Slaapt goed, zonder depressie.', 'depression', 'negated'],
  ['fr', "Pas d'asthme.", 'asthma', 'negated'],
  ['fr', 'Absence de BPCO.', 'copd', 'negated'],
  ['fr', 'Insuffisance cardiaque exclue.', 'heart_failure', 'negated'],
  ['fr', 'Dort bien, sans dépression.', 'depression', 'negated'],
  ['fr', 'HTA exclu après MAPA.', 'hypertension', 'negated'],
  // family history
  ['en', 'Family history of type 2 diabetes.', 't2dm', 'family'],
  ['en', 'Mother had asthma.', 'asthma', 'family'],
  ['en', 'Father: COPD.', 'copd', 'family'],
  ['en', 'Brother has heart failure.', 'heart_failure', 'family'],
  ['nl', 'Familiale anamnese: diabetes type 2.', 't2dm', 'family'],
  ['nl', 'Vader: COPD.', 'copd', 'family'],
  ['nl', 'Broer: astma.', 'asthma', 'family'],
  ['nl', 'Moeder heeft hartfalen.', 'heart_failure', 'family'],
  ['fr', 'Antécédents familiaux : diabète de type 2.', 't2dm', 'family'],
  ['fr', 'Mère: asthme.', 'asthma', 'family'],
  ['fr', 'Père: BPCO.', 'copd', 'family'],
  // a cause of death is someone else's: the patient is alive
  ['en', 'Worried after a friend died of a heart attack.', 'chd', 'family'],
  ['nl', "Wil 'check-up' na overlijden collega aan hartinfarct.", 'chd', 'family'],
  ['fr', "Inquiet depuis le décès d'un collègue d'un infarctus du myocarde.", 'chd', 'family'],
  // a title's or an initial's dot in the relative's name ends no sentence
  ['en', 'Husband Mr J. P. Smith: diabetes review booked.', 't2dm', 'family'],
  ['nl', 'Partner mw. A. Verhoeven: DM-controle gepland 12-03.', 't2dm', 'family'],
  ['fr', 'Épouse Mme C. Martin : diabète de type 2.', 't2dm', 'family'],
  ['nl', 'Loopt 200 m. Astma bekend.', 'asthma', 'confirmed'],
  // historical / resolved
  ['en', 'Asthma, resolved.', 'asthma', 'historical'],
  ['en', 'Had asthma as a child.', 'asthma', 'historical'],
  ['en', 'Depression in remission since 2019.', 'depression', 'historical'],
  ['nl', 'Astma, opgelost.', 'asthma', 'historical'],
  ['nl', 'Astma als kind.', 'asthma', 'historical'],
  ['nl', 'Depressie (passief).', 'depression', 'historical'],
  ['fr', 'Asthme résolu.', 'asthma', 'historical'],
  ['fr', "Asthme dans l'enfance.", 'asthma', 'historical'],
  ['en', '"Asthma as a kid" - no inhalers since age 12.', 'asthma', 'historical'],
  ['nl', 'Astma in zijn jeugd, nu klachtenvrij.', 'asthma', 'historical'],
  ['fr', 'Asthme étant enfant, plus de traitement.', 'asthma', 'historical'],
  ['en', 'PMH: asthma in childhood, symptom-free since age 15.', 'asthma', 'historical'],
  ['nl', 'Voorgeschiedenis: astma in de kinderjaren, sinds het 15e jaar klachtenvrij.', 'asthma', 'historical'],
  // "now free of symptoms" after a past episode and its treatment: the episode is over
  ['nl', 'Voorgeschiedenis: depressie (2005), destijds behandeld, sindsdien klachtenvrij.', 'depression', 'historical'],
  ['en', 'Depression in 2005, treated at the time, symptom-free since then.', 'depression', 'historical'],
  ['fr', 'Dépression en 2005, traitée à l\'époque, asymptomatique depuis lors.', 'depression', 'historical'],
  ['en', 'Depression 2019, sertraline at the time, now symptom-free.', 'depression', 'historical'],
  ['nl', 'Depressie in VG (2019), toen citalopram, nu geen klachten meer.', 'depression', 'historical'],
  ['fr', "Dépression en 2019, sertraline à l'époque, n'a plus de symptômes depuis 2021.", 'depression', 'historical'],
  ['fr', "Antécédents : asthme dans l'enfance, asymptomatique depuis 15 ans.", 'asthma', 'historical'],
  ['nl', 'Astma sinds de kinderjaren, ICS.', 'asthma', 'confirmed'],
  // a code heading its episode's title shares the title's context; after a term, the words between are the term's
  ['nl', 'E: R96 Verdenking astma', 'asthma', 'possible'],
  ['en', 'J45.9 Suspected asthma', 'asthma', 'possible'],
  ['fr', 'E11.9 Suspicion de diabète de type 2', 't2dm', 'possible'],
  ['fr', 'HTA ancienne (I11.0) sous ramipril.', 'hypertension', 'confirmed'],
  // a generic word its own block says is no disorder of the kind
  ['en', 'Anxiety about the results, but no anxiety disorder.', 'anxiety', 'negated'],
  ['nl', 'Wat spanning op werk; angstklachten, geen angststoornis.', 'anxiety', 'negated'],
  ['fr', 'Anxiété ++ le matin mais pas de TAG, évalué et écarté.', 'anxiety', 'negated'],
  ['nl', 'Angstklachten bij benauwdheid, mogelijk angststoornis.', 'anxiety', 'possible'],
  // a colleague's role names a field, not the patient's condition
  ['nl', 'Spirometrie beoordeeld door kaderarts COPD.', 'copd', 'hypothetical'],
  ['nl', 'Spirometrie beoordeeld door kaderarts astma/COPD.', 'copd', 'absent'],
  ['fr', 'Dépression en rémission.', 'depression', 'historical'],
  ['nl', 'P76 Depressieve episode - afgesloten 2019', 'depression', 'historical'],
  ['nl', 'P76 Depressie - stemming al maanden stabiel, medicatie afgebouwd, episode afgesloten.', 'depression', 'historical'],
  ['nl', 'Depressie in 2012, volledig hersteld.', 'depression', 'historical'],
  ['nl', 'R96 Astma - vervallen (diagnose herzien naar COPD, 2020)', 'asthma', 'historical'],
  ['en', 'Depression 2015, fully recovered.', 'depression', 'historical'],
  ['en', "Pt previously labelled IBS - diagnosis now revised: Crohn's disease.", 'ibs', 'historical'],
  ['en', 'IBS code removed from problem list.', 'ibs', 'historical'],
  ['nl', 'Afgesloten: astma (2010).', 'asthma', 'historical'],
  // uncertainty -> possible, never confirmed
  ['en', 'Suspected COPD.', 'copd', 'possible'],
  ['en', 'Imp: working dx IBS (mixed), review response to tx before coding.', 'ibs', 'possible'],
  ['fr', 'Impression : épisode dépressif majeur à r/o, revoir dans 2 sem.', 'depression', 'possible'],
  ['nl', 'Voorlopige diagnose PDS, beloop afwachten.', 'ibs', 'possible'],
  ['fr', 'Diagnostic de travail : côlon irritable, à revoir.', 'ibs', 'possible'],
  // what it "sounds like" or "looks like" is an impression, not a diagnosis
  ['en', 'Symptoms sound like IBS but she has lost weight.', 'ibs', 'possible'],
  ['nl', 'Klachten lijken op PDS, maar ze is afgevallen.', 'ibs', 'possible'],
  ['nl', 'Het klinkt als PDS, calprotectine volgt.', 'ibs', 'possible'],
  ['fr', "Ça ressemble à un côlon irritable, calprotectine en attente.", 'ibs', 'possible'],
  ['en', 'Possible depression.', 'depression', 'possible'],
  ['en', 'Query heart failure.', 'heart_failure', 'possible'],
  ['en', 'COPD?', 'copd', 'possible'],
  ['nl', 'Vermoeden van COPD.', 'copd', 'possible'],
  ['nl', 'Verdenking op hartfalen.', 'heart_failure', 'possible'],
  ['nl', 'Depressie?', 'depression', 'possible'],
  ['fr', 'Suspicion de BPCO.', 'copd', 'possible'],
  ['fr', 'Dépression à explorer.', 'depression', 'possible'],
  ['fr', 'Insuffisance cardiaque ?', 'heart_failure', 'possible'],
  // "débutant(e)" (early) follows its noun: it makes that one possible, not the next one
  ['fr', 'BPCO débutante.', 'copd', 'possible'],
  // a status word after the problem's name, as a badge writes it (round 46)
  ['nl', 'COPD vermoedelijk - 45 pakjaren, longfunctie gepland.', 'copd', 'possible'],
  ['en', 'COPD suspected - 45 pack-years, spirometry planned.', 'copd', 'possible'],
  ['fr', 'BPCO suspectée - 45 PA, EFR prévue.', 'copd', 'possible'],
  // a questionnaire's title is no finding: the test is a look-alike (round 48)
  ['en', 'Asthma Control Test (ACT) - not completed.', 'asthma', 'absent'],
  ['nl', 'Astma Controle Test (ACT) - niet ingevuld.', 'asthma', 'absent'],
  ['fr', "Test de contrôle de l'asthme (ACT) - non rempli.", 'asthma', 'absent'],
  // a fear of getting it; "not yet diagnosed", Quebec's "NYD" (round 48)
  ['fr', "Ancien fumeur. Inquiet d'avoir une MPOC comme son père.", 'copd', 'hypothetical'],
  ['nl', 'Ex-roker. Bang om COPD te krijgen zoals zijn vader.', 'copd', 'hypothetical'],
  ['en', 'Ex-smoker. Worried about getting COPD like his father.', 'copd', 'hypothetical'],
  ['fr', 'GAD-7 à 12. Trouble anxieux NYD - à réévaluer avec son MD.', 'anxiety', 'possible'],
  ['en', 'GAD-7 12. Anxiety disorder not yet diagnosed - reassess.', 'anxiety', 'possible'],
  ['nl', 'GAD-7 12. Angststoornis nog niet vastgesteld, herevaluatie.', 'anxiety', 'possible'],
  // someone "suspects" it (round 48)
  ['nl', 'Sinds vorige week oedeem. HA vermoedt hartfalen -> furosemide gestart, echo gepland.', 'heart_failure', 'possible'],
  ['en', 'Ankle oedema since last week. GP suspects heart failure, furosemide started, echo booked.', 'heart_failure', 'possible'],
  ['fr', "Œdèmes depuis une semaine. Le MT soupçonne une insuffisance cardiaque, furosémide débuté.", 'heart_failure', 'possible'],
  // a form's field answered "not known" (Flemish "niet gekend"), right after it (round 48)
  ['nl', 'Oorzaak: vermoedelijk hypertensieve nefropathie.\nDiabetes: niet gekend.', 't2dm', 'negated'],
  ['fr', 'Diabète : non connu. HTA traitée.', 't2dm', 'negated'],
  ['en', 'Diabetes: none known. HTN on ramipril.', 't2dm', 'negated'],
  // the patient's own name for it is no diagnosis (round 48)
  ['en', "67M. Pt calls it 'my asthma' but spirometry shows fixed obstruction.", 'asthma', 'hypothetical'],
  ['nl', "Pt noemt het zelf 'mijn astma', maar spirometrie past bij COPD.", 'asthma', 'hypothetical'],
  ['fr', 'Le patient appelle ça « son asthme », mais la spirométrie montre une BPCO.', 'asthma', 'hypothetical'],
  ['fr', 'Néphropathie débutante - IRC stade 3a (DFG 50).', 'ckd', 'confirmed'],
  ['nl', 'Beginnende artrose.', 'osteoarthritis', 'possible'],
  ['en', 'Incipient heart failure.', 'heart_failure', 'possible'],
  ['en', 'XR: early OA medial compartment.', 'osteoarthritis', 'possible'],
  ['en', 'COPD - provisional (J44.9), spirometry pending.', 'copd', 'possible'],
  ['nl', 'Conclusie: beginnend hartfalen.', 'heart_failure', 'possible'],
  ['en', '?PMR - differential fibromyalgia (multiple tender points).', 'chronic_pain', 'possible'],
  ['nl', 'Ik denk aan fibromyalgie, maar wil reuma laten uitsluiten.', 'chronic_pain', 'possible'],
  ['fr', "Douleurs thoraciques à l'effort évoquant un angor d'effort.", 'chd', 'possible'],
  ['fr', "Merci d'éliminer une coronaropathie.", 'chd', 'possible'],
  // "X vs Y": a differential, both possible; a number compared is not
  ['en', 'Imp: ?COPD vs asthma.', 'asthma', 'possible'],
  ['nl', 'E: COPD vs astma, spirometrie aanvragen.', 'copd', 'possible'],
  ['fr', 'BPCO versus asthme, EFR demandée.', 'asthma', 'possible'],
  ['en', 'Type 2 diabetes, HbA1c 58 vs 62 last year.', 't2dm', 'confirmed'],
  // a differential judged "less likely" or "not plausible" is set aside
  ['en', 'Wheeze on exertion only. Asthma implausible.', 'asthma', 'negated'],
  ['nl', 'Geen DM, geen hypertensie. Astma niet aannemelijk.', 'asthma', 'negated'],
  ['fr', 'Asthme peu vraisemblable, EFR normale.', 'asthma', 'negated'],
  ['en', '?COPD. Asthma less likely (no atopy).', 'asthma', 'negated'],
  ['nl', 'Verdenking COPD. DD astma minder waarschijnlijk.', 'asthma', 'negated'],
  ['fr', 'Suspicion de BPCO. Asthme moins probable.', 'asthma', 'negated'],
  ['en', 'No reversibility -> asthma not felt likely, ACO not diagnosed.', 'asthma', 'negated'],
  ['en', 'Angina not thought likely: pain reproducible on palpation.', 'chd', 'negated'],
  ['nl', 'Astma wordt niet waarschijnlijk geacht, geen reversibiliteit.', 'asthma', 'negated'],
  ['fr', 'Un asthme ne semble pas probable, pas de réversibilité.', 'asthma', 'negated'],
  // a test planned "to confirm" or "to exclude" a condition leaves it open
  ['en', 'Likely IBS-M; please exclude IBD before we confirm IBS.', 'ibs', 'possible'],
  ['en', 'Repeat eGFR to confirm kidney disease before adding to CKD registry.', 'ckd', 'possible'],
  ['en', 'Smoker, morning cough. Spirometry booked to exclude COPD.', 'copd', 'possible'],
  ['en', 'Creat 142. Repeat eGFR in 3 months to confirm CKD.', 'ckd', 'possible'],
  ['nl', 'Roker, hoest. Spirometrie ter uitsluiting van COPD.', 'copd', 'possible'],
  ['fr', 'Fumeur, toux. EFR pour exclure une BPCO.', 'copd', 'possible'],
  ['fr', 'Créat 150. Contrôle DFG dans 3 mois pour confirmer une IRC.', 'ckd', 'possible'],
  // a suspicion answered "no" later in the same block; answered first and raised again, it stands
  ['en', 'Ankle oedema ?heart failure: echo LVEF 58%, NT-proBNP 88 - HF excluded.', 'heart_failure', 'negated'],
  ['nl', 'Vermoeden van hartfalen; echo normaal, hartfalen uitgesloten.', 'heart_failure', 'negated'],
  ['fr', "Suspicion d'insuffisance cardiaque ; écho normale, insuffisance cardiaque exclue.", 'heart_failure', 'negated'],
  ['en', 'HF excluded in 2020. New oedema: ?HF, echo requested.', 'heart_failure', 'possible'],
  // an acute event ruled out answers a suspicion of an acute event, not of the chronic condition
  ['en', 'Imp: ?stable angina, no evidence of ACS (troponin neg).', 'chd', 'possible'],
  ['nl', 'E: verdenking AP (stabiel), geen aanwijzing voor ACS op dit moment.', 'chd', 'possible'],
  ['fr', "Suspicion d'angor stable, pas de SCA.", 'chd', 'possible'],
  ['en', 'Chest pain ?ACS. Troponin x2 normal, ACS ruled out.', 'chd', 'negated'],
  // a list's "no" outweighs the text's "has it", not a suspicion raised again
  ['en', 'PMH: no known IHD.\nImp: ?stable angina - refer.', 'chd', 'possible'],
  ['nl', 'Voorgeschiedenis: geen coronairlijden.\nE: verdenking angina pectoris.', 'chd', 'possible'],
  ['fr', "Antécédents : pas de coronaropathie.\nConclusion : suspicion d'angor.", 'chd', 'possible'],
  // a question answered "no" in the next words (the answer set off by a comma or a full stop)
  ['en', 'Asthma? No, exercise-induced wheeze only.', 'asthma', 'negated'],
  ['en', 'Diabetes? No complications.', 't2dm', 'possible'],
  ['nl', 'Artrose? Nee, eerder reumatoïde artritis.', 'osteoarthritis', 'negated'],
  ['nl', 'Depressie? Neen.', 'depression', 'negated'],
  // answered "yes", it is a finding (a form's answered question is the patient's)
  ['nl', 'Artrose? Ja.', 'osteoarthritis', 'confirmed'],
  ['fr', 'Diabète ? Non, glycémie normale.', 't2dm', 'negated'],
  ['fr', 'Arthrose ? Non.', 'osteoarthritis', 'negated'],
  // a finding looked for and not found: "X: no evidence"; Dutch "X nee" right after it, as a form writes it (a
  // "nee" further on, in an attention column after the dates, is not about it)
  ['en', 'Asthma: no evidence, no reversibility on spirometry.', 'asthma', 'negated'],
  ['nl', 'Astma: geen aanwijzingen, geen reversibiliteit bij longfunctie.', 'asthma', 'negated'],
  ['fr', "Asthme : pas d'argument, EFR normale.", 'asthma', 'negated'],
  ['en', 'Depression: not present (HADS-D 5).', 'depression', 'negated'],
  ['nl', 'Depressie: niet aanwezig (HADS-D 5).', 'depression', 'negated'],
  ['fr', 'Dépression : non présente (HADS-D 4).', 'depression', 'negated'],
  ['nl', 'Dyspnoe laatst bekeken: hartfalen nee (echo 2022 nl).', 'heart_failure', 'negated'],
  ['en', 'COPD - no evidence of asthma.', 'copd', 'confirmed'],
  ['nl', 'K86 Hypertensie  14-03-2012  -  nee', 'hypertension', 'confirmed'],
  // hypothetical: a risk, a screening, a fear, a condition - not the patient's
  ['en', 'At risk of type 2 diabetes.', 't2dm', 'hypothetical'],
  // a guideline's title names its population, not the patient
  ['en', 'NICE NG136 – Hypertension in adults: diagnosis and management', 'hypertension', 'hypothetical'],
  ['nl', 'Astma bij volwassenen (M27)', 'asthma', 'hypothetical'],
  ['fr', "HAS – Prise en charge de l'HTA de l'adulte", 'hypertension', 'hypothetical'],
  // a template's name, not the patient's problem
  ['en', 'Template: COPD annual review', 'copd', 'hypothetical'],
  ['nl', 'Sjablonen: Hartfalen', 'heart_failure', 'hypothetical'],
  ['fr', 'Modèle : suivi BPCO', 'copd', 'hypothetical'],
  ['en', 'Screening for COPD.', 'copd', 'hypothetical'],
  ['en', 'If heart failure develops, refer.', 'heart_failure', 'hypothetical'],
  ['nl', 'Verhoogd risico op diabetes type 2.', 't2dm', 'hypothetical'],
  ['nl', 'Screening op COPD.', 'copd', 'hypothetical'],
  ['nl', 'Bang voor hartfalen.', 'heart_failure', 'hypothetical'],
  ['fr', 'Risque de diabète de type 2.', 't2dm', 'hypothetical'],
  ['fr', 'Dépistage de la BPCO.', 'copd', 'hypothetical'],
  ['fr', "Peur d'insuffisance cardiaque.", 'heart_failure', 'hypothetical'],
  ['nl', 'Wil gecheckt worden op suikerziekte.', 't2dm', 'hypothetical'],
  // a condition that "runs in the family", the patient not having it
  ['nl', "Hoge bloeddruk zit in familie (broer, vader), zelf niet.", 'hypertension', 'family'],
  ['fr', 'HTA très présente dans sa famille (père, frère), pas chez lui.', 'hypertension', 'family'],
  // "in full remission" at the end of a sentence about a past episode; "before any" label, the code is not given yet
  ['en', 'PMH: depressive episode 2018, treated w/ CBT, in full remission, no meds since 2019.', 'depression', 'historical'],
  ['nl', 'VG: depressieve episode 2018, behandeld met CGT bij de POH, in volledige remissie.', 'depression', 'historical'],
  ['fr', 'ATCD : épisode dépressif 2018, traité par TCC chez la psychologue, en rémission complète.', 'depression', 'historical'],
  ['en', 'eGFR 52 on adm, likely AKI; needs repeat in 3/12 before any CKD label.', 'ckd', 'possible'],
  ['nl', 'eGFR 52, waarschijnlijk dehydratie; herhalen in 3 mnd alvorens te coderen: CNS.', 'ckd', 'possible'],
  ['fr', 'DFG 52, probable IRA ; contrôle à 3 mois avant tout diagnostic de MRC.', 'ckd', 'possible'],
  // a questionnaire left blank names its condition only; an item answered with a frequency is a symptom scored
  ['en', 'CAT (COPD) - not completed', 'copd', 'hypothetical'],
  ['nl', 'CCQ (COPD): niet ingevuld', 'copd', 'hypothetical'],
  ['fr', 'CAT (BPCO) - non complété', 'copd', 'hypothetical'],
  ['en', 'GAD-7 | 1. Feeling nervous, anxiety, on edge: Several days | 2. Not being able to stop worrying: Not at all', 'anxiety', 'hypothetical'],
  ['nl', 'PHQ-9 | 1. Weinig plezier: Helemaal niet | 2. Somberheid, depressie: Meerdere dagen', 'depression', 'hypothetical'],
  ['fr', "GAD-7 | 1. Nervosité, anxiété, tension : Plusieurs jours | 2. Incapable d'arrêter de s'inquiéter : Jamais", 'anxiety', 'hypothetical'],
  ['en', 'Generalised anxiety disorder, on sertraline; sleep poor several days a week.', 'anxiety', 'confirmed'],
  // pseudo-triggers: a "no" that negates nothing after it
  ['nl', 'K86 Hypertensie zonder orgaanbeschadiging (2010) P76 Depressie (2023, actief)', 'depression', 'confirmed'],
  ['en', 'Essential hypertension without end-organ damage, type 2 diabetes.', 't2dm', 'confirmed'],
  ['fr', "HTA sans atteinte d'organe cible, diabète de type 2.", 't2dm', 'confirmed'],
  ['en', 'No change in asthma symptoms.', 'asthma', 'confirmed'],
  ['en', 'No exacerbations of COPD this year.', 'copd', 'confirmed'],
  ['en', 'Not well controlled type 2 diabetes.', 't2dm', 'confirmed'],
  ['nl', 'Geen verandering in astma.', 'asthma', 'confirmed'],
  ['nl', 'Geen exacerbaties van COPD dit jaar.', 'copd', 'confirmed'],
  ['nl', 'Geen verergering van hartfalen.', 'heart_failure', 'confirmed'],
  ['fr', "Pas de changement pour l'asthme.", 'asthma', 'confirmed'],
  ['fr', "Pas d'exacerbation de BPCO cette année.", 'copd', 'confirmed'],
  ['fr', "Pas d'aggravation de l'insuffisance cardiaque.", 'heart_failure', 'confirmed'],
  // GAD antibodies are a test for type 1 diabetes, no anxiety disorder; an antenatal diabetes clinic is pregnancy's
  ['en', 'Type 1 DM since age 11 (GAD ab +ve).', 'anxiety', 'absent'],
  ['nl', 'DM1 sinds 2009, anti-GAD positief.', 'anxiety', 'absent'],
  ['fr', 'DT1, anticorps anti-GAD positifs.', 'anxiety', 'absent'],
  ['en', 'Antenatal diabetes clinic - 29+3 weeks.', 't2dm', 'absent'],
  ['en', 'GDM on OGTT at 26/40 - started metformin 500mg BD by diabetes antenatal team.', 't2dm', 'absent'],
  ['en', 'GDM, metformin 500mg BD. Plan: DSN/obstetric diabetes clinic 2/52.', 't2dm', 'absent'],
  ['nl', 'Zwangerschapsdiabetes, metformine. Controle poli diabetes en zwangerschap over 2 weken.', 't2dm', 'absent'],
  ['fr', 'Diabète gestationnel sous metformine. RDV consultation diabète et grossesse dans 15 jours.', 't2dm', 'absent'],
  // a finding that does not support it, a question to rule out, an early stage, years without symptoms
  ['en', 'Spirometry reviewed, no reversibility. Asthma not supported.', 'asthma', 'negated'],
  ['en', 'Chest pain, R/O angina pectoris.', 'chd', 'possible'],
  ['fr', 'Douleur thoracique atypique, R/O angor.', 'chd', 'possible'],
  ['fr', "Début d'arthrose digitale.", 'osteoarthritis', 'possible'],
  ['nl', 'Depressie in 2008, behandeld met paroxetine, al jaren klachtenvrij.', 'depression', 'historical'],
  ['nl', 'Depressie in 2012, geen recidief.', 'depression', 'historical'],
  ['en', 'Depression 2015, no recurrence since.', 'depression', 'historical'],
  ['fr', 'Épisode dépressif en 2012, pas de récidive.', 'depression', 'historical'],
  ['fr', 'Asthme soupçonné en 2021, non retenu par la pneumologue.', 'asthma', 'negated'],
  ['fr', "Douleurs constrictives à l'effort, évocatrices d'un angor.", 'chd', 'possible'],
  // a relative named by a possessive; guidance named for anyone; an option not ticked in typed text
  ['nl', 'Haar man heeft COPD.', 'copd', 'family'],
  ['nl', 'Zie NHG-Standaard Hartfalen.', 'heart_failure', 'hypothetical'],
  ['en', 'Managed as in NICE guideline on hypertension.', 'hypertension', 'hypothetical'],
  ['fr', 'Remis : fiche patient insuffisance cardiaque.', 'heart_failure', 'hypothetical'],
  ['nl', 'Diagnose:  [x] Astma   [ ] COPD   [ ] Astma-COPD overlap', 'copd', 'hypothetical'],
  ['nl', 'Diagnose:  [x] Astma   [ ] COPD', 'asthma', 'confirmed'],
  ['en', '☐ Heart failure ☒ Hypertension', 'heart_failure', 'hypothetical'],
  ['en', '☐ Heart failure ☒ Hypertension', 'hypertension', 'confirmed'],
  ['fr', 'Pathologies suivies : [x] Diabète type 2   [ ] BPCO   [ ] Risque cardiovasculaire', 't2dm', 'confirmed'],
  ['en', 'Register: Asthma [x]  COPD [ ]', 'copd', 'hypothetical'],
  ['en', 'Register: Asthma [ ]  COPD [x]', 'copd', 'confirmed'],
  // radio buttons typed as text: "( )" not chosen, "(x)" or "(•)" chosen
  ['en', 'Have you ever been told you have high blood pressure? ( ) Yes ( ) No', 'hypertension', 'hypothetical'],
  ['nl', 'Bekend met hoge bloeddruk? ( ) ja (x) nee', 'hypertension', 'negated'],
  ['fr', 'Diagnostic : (•) Asthme   ( ) BPCO', 'copd', 'hypothetical'],
  ['fr', 'Diagnostic : (•) Asthme   ( ) BPCO', 'asthma', 'confirmed'],
  ['nl', 'Beeld ws. passend bij paniekstoornis.', 'anxiety', 'possible'],
  ['fr', 'Recommandation : SSMG lombalgie chronique.', 'chronic_pain', 'hypothetical'],
  ['fr', 'INESSS - MPOC, outil 2022.', 'copd', 'hypothetical'],
  // a questionnaire's title names what it asks about, for anyone it is given to
  ['en', 'Questionnaire (COPD) to fill in at next review.', 'copd', 'hypothetical'],
  ['nl', 'Vragenlijst CCQ (COPD) invullen bij volgende controle.', 'copd', 'hypothetical'],
  ['fr', 'Questionnaire CAT (MPOC) à remplir au prochain contrôle.', 'copd', 'hypothetical'],
  // a questionnaire's subscale scores are no diagnosis; "links" is Dutch for left, no heading of links
  ['nl', 'HADS: angst 5, depressie 4', 'depression', 'hypothetical'],
  ['nl', '4DKL: distress 18, depressie 1, angst 8', 'depression', 'hypothetical'],
  ['nl', 'RX knie links: beginnende gonartrose mediaal compartiment.', 'osteoarthritis', 'possible'],
  // a form's or template's answer: "No" ending the clause after a condition and a colon or "?"
  ['en', 'Hypertension: No', 'hypertension', 'negated'],
  ['en', 'COPD? No', 'copd', 'negated'],
  ['en', 'Asthma: no exacerbations this year.', 'asthma', 'confirmed'],
  ['nl', 'Hartfalen: nee', 'heart_failure', 'negated'],
  ['nl', 'Astma: geen exacerbaties dit jaar.', 'asthma', 'confirmed'],
  ['fr', 'Autres problèmes : asthme ; hypertension : non', 'hypertension', 'negated'],
  ['fr', 'Diabète de type 2 : non (HbA1c 5,4 %)', 't2dm', 'negated'],
  // or after a dash between spaces, which separates a label from what it says as a colon does; a hyphen does not
  ['en', 'Type 2 diabetes - no (HbA1c 38)', 't2dm', 'negated'],
  ['nl', 'Hartfalen – nee (echo normaal)', 'heart_failure', 'negated'],
  ['fr', 'Hypertension artérielle - non (auto-mesures normales, 2023)', 'hypertension', 'negated'],
  ['en', 'HbA1c 44 — non-diabetic hyperglycaemia range.', 't2dm', 'negated'],
  // a relative who tells the history is the informant, not the one who has the condition
  ['en', 'According to his wife he has COPD and still smokes.', 'copd', 'confirmed'],
  ['en', 'Mum reports asthma since age 3, uses salbutamol.', 'asthma', 'confirmed'],
  ['nl', 'Volgens dochter heeft pte suikerziekte, neemt metformine.', 't2dm', 'confirmed'],
  ['nl', 'Heteroanamnese via dochter: gekend hartfalen, nu meer oedeem.', 'heart_failure', 'confirmed'],
  ['fr', 'Selon son épouse, il a une BPCO et fume encore.', 'copd', 'confirmed'],
  ['fr', "La mère rapporte un asthme depuis l'âge de 3 ans.", 'asthma', 'confirmed'],
  // a clause about a relative stays theirs
  ['en', 'Cares for her husband, who has severe COPD and is housebound.', 'copd', 'family'],
  ['nl', 'Zorgt voor haar moeder, die hartfalen heeft.', 'heart_failure', 'family'],
  ['fr', 'S\'occupe de son mari, qui a une BPCO sévère.', 'copd', 'family'],
  // ... also after the relative's name or a short apposition, and in a clause whose subject is the relative
  ['en', 'Lives with wife Grace, who has heart failure and dementia.', 'heart_failure', 'family'],
  ['en', 'Wife, Mary, has COPD and smokes indoors.', 'copd', 'family'],
  ['en', 'Wife present, patient has COPD.', 'copd', 'confirmed'],
  ['nl', 'Zoon inwonend, heeft zelf COPD en rookt binnen.', 'copd', 'family'],
  ['nl', 'Zijn vrouw Ans, die astma heeft, rookt niet.', 'asthma', 'family'],
  ['nl', 'Echtgenote aanwezig, patiënt heeft COPD.', 'copd', 'confirmed'],
  ['fr', 'Son épouse, présente, a une BPCO et un diabète.', 'copd', 'family'],
  ['fr', 'Sa fille Julie, qui a un asthme, est venue.', 'asthma', 'family'],
  ['fr', 'Épouse présente, le patient a une BPCO.', 'copd', 'confirmed'],
  // a relative's appositions, where the relative is named or opens the sentence, are the relative's
  ['en', 'Hard at home: husband, Tom, type 1 diabetic, recently had an amputation.', 't1dm', 'family'],
  ['en', 'Lives with wife, independent, COPD stable.', 'copd', 'confirmed'],
  ['nl', 'Zijn dochter, bekend met astma, komt mee.', 'asthma', 'family'],
  ['nl', 'Woont met partner, zelfstandig, COPD stabiel.', 'copd', 'confirmed'],
  ['fr', 'Sa fille, diabétique sous insuline, est présente.', 't2dm', 'family'],
  ['fr', 'Son épouse, asthmatique, souhaite qu\'il arrête.', 'asthma', 'family'],
  ['fr', 'Vit avec son mari, autonome, BPCO stable.', 'copd', 'confirmed'],
  // ... but a relative who has it stays family history
  ['en', 'Mum has asthma.', 'asthma', 'family'],
  ['nl', 'Dochter heeft astma.', 'asthma', 'family'],
  ['fr', 'Sa fille a un asthme.', 'asthma', 'family'],
  // "never diagnosed with", "n'est pas", "ne pas être"; "not applicable" in a form
  ['en', 'Never diagnosed with high blood pressure.', 'hypertension', 'negated'],
  ['fr', "Le patient, lui, n'est pas diabétique.", 't2dm', 'negated'],
  ['fr', 'La patiente précise ne pas être diabétique.', 't2dm', 'negated'],
  ['en', 'Diabetes care pathway: not applicable', 't2dm', 'hypothetical'],
  ['nl', 'Zorgtraject diabetes: niet van toepassing', 't2dm', 'hypothetical'],
  ['fr', 'Trajet de soins diabète : non applicable', 't2dm', 'hypothetical'],
  // "never dx"; a code entered in error is no diagnosis
  ['en', 'Childhood wheeze only, never dx asthma -> removed from repeats.', 'asthma', 'negated'],
  ['en', 'Asthma code removed previously (entered in error 2017).', 'asthma', 'negated'],
  ['nl', 'Astma - onjuist geregistreerd (2015), spirometrie normaal.', 'asthma', 'negated'],
  ['fr', 'Asthme saisi par erreur en 2016, EFR normale.', 'asthma', 'negated'],
  // a diagnosis revised, a code inactivated: over, as a label withdrawn is
  ['en', 'Originally coded asthma 2010 - diagnosis revised, COPD on spirometry; asthma code inactivated.', 'asthma', 'historical'],
  ['nl', 'Astma in 2009, diagnose herzien na spirometrie.', 'asthma', 'historical'],
  ['fr', 'Asthme en 2009, diagnostic révisé après EFR.', 'asthma', 'historical'],
  // Flemish "not retained" for a diagnosis considered and set aside, as the French "non retenu"
  ['nl', 'Artrose als verklaring niet weerhouden: prothese goed gepositioneerd.', 'osteoarthritis', 'negated'],
  // "no recurrence of" before the condition, as after it: it was there, and is over
  ['en', 'Mood fine, no recurrence of depression.', 'depression', 'historical'],
  ['nl', 'Stemming goed, geen recidief depressie.', 'depression', 'historical'],
  ['fr', 'Humeur stable, pas de récidive de dépression.', 'depression', 'historical'],
  // a closed period of years right after it: an episode that is over; a code beside its term shares its context
  ['nl', '- Depressie 2012-2013: behandeld met escitalopram.', 'depression', 'historical'],
  ['en', 'Asthma (2001-2004), no symptoms since.', 'asthma', 'historical'],
  ['fr', 'P76 Épisode dépressif (2014-2015), terminé.', 'depression', 'historical'],
  ['nl', 'P74 Paniekstoornis 2012-2014', 'anxiety', 'historical'],
  ['en', 'Asthma since 2010, on Clenil.', 'asthma', 'confirmed'],
  // a supposed condition is a suspicion, and a later "ruled out" answers it
  ['nl', 'Vermeende COPD, longfunctie nog af te wachten.', 'copd', 'possible'],
  ['en', 'Supposed asthma, spirometry pending.', 'asthma', 'possible'],
  ['fr', 'Diagnostic présumé de BPCO, EFR à prévoir.', 'copd', 'possible'],
  ['nl', 'Vermeende COPD in HIS: longfunctie normaal - COPD uitgesloten.', 'copd', 'negated'],
  // a past infarct is coronary heart disease for good, its episode closed or not; a past angina is over
  ['nl', 'K75 Acuut myocardinfarct 06-2016 afgesloten 12-2016', 'chd', 'confirmed'],
  ['en', 'Myocardial infarction 2016 - resolved', 'chd', 'confirmed'],
  ['fr', 'Infarctus du myocarde 2016 – résolu', 'chd', 'confirmed'],
  ['en', 'Angina 2016 - resolved', 'chd', 'historical'],
  // an arrow leads to a conclusion: a negation or suspicion before it does not reach past it; an "if" does
  ['nl', 'Spirometrie: geen significante reversibiliteit → COPD GOLD 2.', 'copd', 'confirmed'],
  ['en', 'No significant reversibility -> COPD GOLD 2.', 'copd', 'confirmed'],
  ['fr', 'Pas de réversibilité significative => BPCO stade 2.', 'copd', 'confirmed'],
  ['en', 'COPD → ruled out on spirometry.', 'copd', 'negated'],
  // a Read code's padding dots end no sentence: the row's status after the code reaches its term
  ['en', '2009  Depressive episode  E2B..  ended 2011 – resolved', 'depression', 'historical'],
  ['nl', '2009  Depressieve episode  E2B..  beëindigd 2011 – opgelost', 'depression', 'historical'],
  ['fr', '2009  Épisode dépressif  E2B..  terminé en 2011 – résolu', 'depression', 'historical'],
  // a row's dot leader leads to its status: no sentence's end
  ['en', 'I10   Essential hypertension ............ to be confirmed (ABPM requested)', 'hypertension', 'possible'],
  ['nl', 'K86   Essentiële hypertensie ............ te bevestigen (ABPM aangevraagd)', 'hypertension', 'possible'],
  ['fr', 'I10   Hypertension essentielle ........... à confirmer (MAPA demandée)', 'hypertension', 'possible'],
  ['en', 'Known T2DM... no, type 1 diabetes.', 't2dm', 'confirmed'],
  // a form's answer to a label covers the bracketed list of what the label means
  ['nl', 'Hart- en vaatziekten (hartinfarct, hartfalen, CVA): nee', 'chd', 'negated'],
  ['en', 'Heart disease (angina, heart attack, heart failure)? No', 'heart_failure', 'negated'],
  ['fr', 'Maladies cardiaques (infarctus, insuffisance cardiaque) : non', 'heart_failure', 'negated'],
  // a dash in a run of spaces is an empty cell of a table laid out with spaces, not a label's dash
  ['nl', 'Prikkelbaredarmsyndroom   2008   -   nee', 'ibs', 'confirmed'],
  // "not diagnosed" after it; "éliminé" a few words after it; a count of patients on a register is the practice's
  ['en', 'White coat effect only. Hypertension NOT diagnosed, recheck annually.', 'hypertension', 'negated'],
  ['nl', 'Hypertensie niet gediagnosticeerd, thuismetingen normaal.', 'hypertension', 'negated'],
  ['fr', 'HTA non diagnostiquée, automesures normales.', 'hypertension', 'negated'],
  ['fr', "Le diagnostic d'asthme évoqué antérieurement est éliminé.", 'asthma', 'negated'],
  ['en', 'Practice: 14 patients on COPD register without review this year.', 'copd', 'hypothetical'],
  ['nl', 'Praktijk: 12 patiënten met COPD zonder jaarcontrole.', 'copd', 'hypothetical'],
  ['fr', 'Cabinet : 9 patients avec BPCO sans suivi cette année.', 'copd', 'hypothetical'],
  // a label set off by a spaced dash, when it names a section and no condition; a longer label before a colon
  ['en', 'Practice recall list – diabetes reviews due this month', 't2dm', 'hypothetical'],
  ['nl', 'Terugbellijst – DM-controle mw. Jansen', 't2dm', 'hypothetical'],
  ['fr', 'Liste de rappel – suivi BPCO M. Favre', 'copd', 'hypothetical'],
  ['en', 'Type 2 diabetes - diet controlled', 't2dm', 'confirmed'],
  ['fr', 'Éléments de soins inactifs / antécédents : dépression 2015', 'depression', 'historical'],
  // "geen episode" is about the record, not the patient: it does not answer a suspicion
  ['nl', 'COPD? Tiotropium 1dd, maar geen episode COPD in HIS.', 'copd', 'possible'],
  // a code the record once had is no diagnosis now; a lab value "in the diabetes range" is a value, not a diagnosis
  ['en', 'He was previously coded as "hypertension"; this was white-coat hypertension.', 'hypertension', 'historical'],
  ['nl', 'Eerder gecodeerd als hypertensie, maar 24-uurs RR normaal.', 'hypertension', 'historical'],
  ['fr', 'Anciennement codé HTA, MAPA normale.', 'hypertension', 'historical'],
  // a label in quotes that a look-alike of it later in the block revises; unquoted, the two are two findings
  ['en', "Her GP had found 'high blood pressure'. Since then ABPM 129/79: white-coat hypertension.", 'hypertension', 'historical'],
  ['nl', "Eerder 'hypertensie' in HIS genoteerd - 24-uurs meting normaal, wittejassenhypertensie.", 'hypertension', 'historical'],
  ['fr', "Le « HTA » noté par le cardiologue : MAPA normale, HTA blouse blanche.", 'hypertension', 'historical'],
  ['en', 'High blood pressure on amlodipine. Also ocular hypertension.', 'hypertension', 'confirmed'],
  ['en', 'HbA1c 49 mmol/mol - in the diabetes range, repeat needed.', 't2dm', 'absent'],
  // a register's check: the patient is not on it
  ['en', 'Obesity register (BMI ≥30): not on register - last BMI 27.4', 'obesity', 'negated'],
  ['nl', 'DM-register: niet in register.', 't2dm', 'negated'],
  ['nl', 'Registratiecontrole: patiënt staat niet in register hartfalen.', 'heart_failure', 'negated'],
  ['fr', 'Registre BPCO : pas dans le registre.', 'copd', 'negated'],
  // a question marked as not answered asks only
  ['en', 'Do you have chronic pain? (no response)', 'chronic_pain', 'hypothetical'],
  ['nl', 'Heeft u astma? (geen antwoord)', 'asthma', 'hypothetical'],
  ['fr', "Avez-vous de l'asthme ? (pas de réponse)", 'asthma', 'hypothetical'],
  ['en', 'Depression, no response to sertraline.', 'depression', 'confirmed'],
  // ... whatever it names, however far before the mark
  ['en', '2. Has a doctor ever told you that you have angina or had a heart attack? (not answered)', 'chd', 'hypothetical'],
  ['nl', 'Heeft een arts ooit gezegd dat u suikerziekte of een hartinfarct heeft? (niet beantwoord)', 't2dm', 'hypothetical'],
  ['fr', "Un médecin vous a-t-il déjà dit que vous aviez du diabète ou de l'hypertension ? (sans réponse)", 't2dm', 'hypothetical'],
  // a quoted referral question: the quote mark opens it as a bracket would
  ['en', 'Referred by GP: "?hypertension + chest pain".', 'hypertension', 'possible'],
  ['fr', "Motif : « ?HTA » selon le médecin traitant.", 'hypertension', 'possible'],
  // "?" marks the term after it ("?late-onset asthma"), not a term after a question ("Chest pain? Asthma ...")
  ['en', 'Imp: ?COPD ?late-onset asthma', 'asthma', 'possible'],
  ['nl', 'E: ?beginnende artrose', 'osteoarthritis', 'possible'],
  ['fr', 'Conclusion : ? BPCO débutante', 'copd', 'possible'],
  ['en', 'Any chest pain? Asthma well controlled.', 'asthma', 'confirmed'],
  ['nl', 'Roken? Nee. Astma goed onder controle.', 'asthma', 'confirmed'],
  ['fr', 'Douleur thoracique ? Asthme bien contrôlé.', 'asthma', 'confirmed'],
  // ICPC-2 K85 "elevated blood pressure" is a reading, not hypertension
  ['en', 'K85 Elevated blood pressure - recheck in 3 months', 'hypertension', 'absent'],
  ['nl', 'K85 Verhoogde bloeddruk - actief', 'hypertension', 'absent'],
  // ECG "ST depression" is no depression; a questionnaire's subscale mid-sentence is no diagnosis
  ['en', 'ECG: 1 mm ST depression V4-V6.', 'depression', 'absent'],
  ['nl', 'ECG ambulance: ST-depressie V4-V6.', 'depression', 'absent'],
  ['fr', 'ECG : dépression du segment ST en V5.', 'depression', 'absent'],
  ['nl', 'Stemming redelijk - geen depressie. 4DKL: distress 18, depressie 2, angst 9.', 'depression', 'negated'],
  ['fr', 'Suspicion de BPCO non confirmée (spirométrie normale).', 'copd', 'negated'],
  // a line's label answered by its own line: the label takes the answer's context, a label answered otherwise stays
  ['en', 'Asthma: no history of asthma, no atopy.', 'asthma', 'negated'],
  ['nl', 'Astma: geen astma bekend, wel hooikoorts.', 'asthma', 'negated'],
  ['fr', "Asthme : pas d'asthme connu, pas d'atopie.", 'asthma', 'negated'],
  ['en', 'Diabetes: no complications, HbA1c 52.', 't2dm', 'possible'],
  ['en', 'Asthma: well controlled, no asthma attacks this year.', 'asthma', 'confirmed'],
  // working hypotheses, wondering, borderline values, full recovery, a French pain-centre HAD scale
  ['en', 'Working hypothesis: heart failure, echo requested.', 'heart_failure', 'possible'],
  ['nl', 'Werkhypothese hartfalen naast gekende COPD.', 'heart_failure', 'possible'],
  ['en', 'I wonder about an underlying anxiety disorder.', 'anxiety', 'possible'],
  ['fr', 'TA 142/88 ; HTA limite, à recontrôler.', 'hypertension', 'possible'],
  ['nl', 'Depressieve episode in 2018, behandeld met escitalopram en CGT, volledig hersteld.', 'depression', 'historical'],
  ['en', 'Depressive episode 2015, treated with sertraline and CBT, fully recovered.', 'depression', 'historical'],
  // "in remission" reaches back over the episode's dates and treatment (round 49)
  ['nl', 'Depressie in 2019 behandeld, sinds 2021 in remissie, AD afgebouwd.', 'depression', 'historical'],
  ['en', 'Depression in 2019 treated, since 2021 in remission, ADs tapered.', 'depression', 'historical'],
  ['fr', 'Dépression en 2019 traitée, depuis 2021 en rémission, AD arrêtés.', 'depression', 'historical'],
  // an episode's story may run long before its end is told (round 45)
  ['en', 'Postnatal depression after 1st baby (2019) - treated, discharged from perinatal MH team 2020, fully recovered.', 'depression', 'historical'],
  ['nl', 'Postnatale depressie na eerste kind (2019), behandeld, in 2020 ontslagen uit de zorg van het team, volledig hersteld.', 'depression', 'historical'],
  ['fr', "Dépression du post-partum (2019), traitée par sertraline, suivie en psychiatrie périnatale jusqu'en 2020, complètement guérie.", 'depression', 'historical'],
  ['fr', 'Échelle HAD : anxiété 7, dépression 6.', 'depression', 'hypothetical'],
  ['en', 'Urine ACR raised twice - possible early diabetic kidney disease.', 'ckd', 'possible'],
  // rounds 18-19: excluded and unlikely, asking whether, queried, ended, guideline titles, Quebec abbreviations
  ['fr', 'Conclusion : SCA éliminé, embolie pulmonaire éliminée.', 'chd', 'negated'],
  ['nl', 'COPD niet waarschijnlijk (jonge leeftijd, nooit gerookt).', 'copd', 'negated'],
  ['nl', 'Patiënte vraagt of zij ook COPD heeft.', 'copd', 'hypothetical'],
  ['en', 'She asks whether she has asthma like her sister.', 'asthma', 'hypothetical'],
  ['en', 'Hypertension was queried in 2021 but ABPM was normal.', 'hypertension', 'possible'],
  ['en', '2011-2013 E2B.. Depressive disorder NEC (ended 06/2013)', 'depression', 'historical'],
  ['en', 'SIGN 158 British guideline on asthma', 'asthma', 'hypothetical'],
  ['fr', 'Vidal Recos – BPCO', 'copd', 'hypothetical'],
  ['en', 'Local formulary – heart failure', 'heart_failure', 'hypothetical'],
  ['en', 'Guideline: NICE CKS – Asthma: diagnosis and monitoring', 'asthma', 'hypothetical'],
  ['en', 'Repeat U&E in 3 months to see whether this is CKD; not coded.', 'ckd', 'possible'],
  ['fr', "EFR pour voir s'il s'agit d'une BPCO.", 'copd', 'possible'],
  ['en', 'Asked whether she has diabetes.', 't2dm', 'hypothetical'],
  ['fr', "DB1 diagnostiqué à l'âge de 10 ans, pompe à insuline.", 't1dm', 'confirmed'],
  ['nl', 'Suikerziekte: neemt Metformax 850 mg 2x/dag sinds 2018.', 't2dm', 'confirmed'],
  ['fr', 'ATCD de diabète de grossesse, HGOP normale.', 't2dm', 'absent'],
  ['nl', 'Pulmonale arteriële hypertensie (PAH), bosentan.', 'hypertension', 'absent'],
  // rounds 20-21: a comment that closes the item, "no longer now", a score under a HADS, "to be ruled out", ACS
  ['en', 'PMH: depressive episode in 2016 treated with citalopram - fully resolved, off treatment.', 'depression', 'historical'],
  ['fr', 'Épisode dépressif en 2016 traité par sertraline - complètement résolu.', 'depression', 'historical'],
  ['nl', 'Eerder depressie (2010), nu niet meer, geen medicatie.', 'depression', 'historical'],
  ['nl', 'COPD GOLD 2, rookt nu niet meer sinds 2019.', 'copd', 'confirmed'],
  ['nl', 'HADS angst 5, depressie 4.', 'depression', 'hypothetical'],
  ['en', 'HADS anxiety 9, depression 3.', 'anxiety', 'hypothetical'],
  ['fr', 'HADS anxiété 6, dépression 8.', 'depression', 'hypothetical'],
  ['en', 'Impression: ?ACS - MI to be ruled out.', 'chd', 'possible'],
  ['en', 'Heart failure to be ruled out with an echo.', 'heart_failure', 'possible'],
  ['nl', 'E: verdenking acuut coronair syndroom.', 'chd', 'possible'],
  ['en', 'Admitted 2019 with ACS, PCI to LAD.', 'chd', 'confirmed'],
  // Dutch "AP" is angina pectoris, not an X-ray's projection; a PCI is coronary heart disease
  ['nl', 'VG: AP, DM2 op tabletten.', 'chd', 'confirmed'],
  ['nl', 'Verdenking stabiele AP.', 'chd', 'possible'],
  ['nl', 'X-thorax AP: geen afwijkingen.', 'chd', 'absent'],
  ['nl', 'Status na PCI RCA 2017.', 'chd', 'confirmed'],
  ['fr', "Angioscanner avec injection de PCI : pas d'embolie.", 'chd', 'absent'],
  ['en', 'PCI to RCA 2017, on clopidogrel.', 'chd', 'confirmed'],
  ['nl', 'eGFR 56, beginnende nierfunctievermindering? Herhalen.', 'ckd', 'possible'],
  // a drug's dosing advice names the condition it is adjusted for, not the patient's
  ['nl', 'Metformine: dosis aanpassen bij nierfunctievermindering.', 'ckd', 'hypothetical'],
  ['en', 'Metformin: reduce dose in chronic kidney disease.', 'ckd', 'hypothetical'],
  ['fr', "Metformine : contre-indiqué dans l'insuffisance rénale chronique sévère.", 'ckd', 'hypothetical'],
  // plain positives
  ['en', 'Known COPD, uses tiotropium.', 'copd', 'confirmed'],
  ['nl', 'Gekend met hypertensie.', 'hypertension', 'confirmed'],
  ['fr', 'Patiente hypertendue connue.', 'hypertension', 'confirmed'],
  // a status said last closes its sentence: it reaches back past its window to the sentence's start (round 52)
  ['en', 'PMH panic disorder 2012 - treated with CBT, no panic attacks in >8 yrs, off meds, resolved.', 'anxiety', 'historical'],
  ['fr', 'ATCD : trouble panique en 2015, traité en TCC, aucune attaque depuis, résolu.', 'anxiety', 'historical'],
  ['nl', 'VG: paniekstoornis 2015, behandeld met CGT, sindsdien geen aanvallen meer, hersteld.', 'anxiety', 'historical'],
  ['fr', "MPOC évoquée à l'urgence en 2022 - spirométrie normale, éliminée.", 'copd', 'negated'],
  ['en', 'COPD queried in A&E in 2022 - spirometry normal, later ruled out.', 'copd', 'negated'],
  ['nl', 'COPD geopperd op de SEH in 2022 - spirometrie normaal, uitgesloten.', 'copd', 'negated'],
  // ... not when it is said elsewhere in the sentence: then its window holds
  ['en', 'Panic disorder 2012 treated with CBT and sertraline for a year, resolved since, and asthma.', 'anxiety', 'confirmed'],
  ['fr', 'Trouble panique en 2015 traité en TCC pendant un an, résolu depuis, et asthme.', 'anxiety', 'confirmed'],
  // a medicine never taken (round 51)
  ['en', 'Known diabetic, diet only; has never been on insulin.', 't2dm', 'possible'],
  // not meeting a diagnosis's criteria (round 50)
  ['en', "Worry about finances, GAD-7 7, doesn't meet criteria for GAD.", 'anxiety', 'negated'],
  ['nl', 'Piekert over geld, GAD-7 7, voldoet niet aan de criteria voor een gegeneraliseerde angststoornis.', 'anxiety', 'negated'],
  ['fr', "Soucis financiers, GAD-7 à 7, ne remplit pas les critères d'un trouble anxieux généralisé.", 'anxiety', 'negated'],
  // a score line that names a questionnaire is a sentence, no heading of the lines after it (round 52)
  ['en', 'EPDS 7 (no concerns).\nGAD dx 2019 on sertraline 100mg, stable through pregnancy.', 'anxiety', 'confirmed'],
  ['nl', 'EPDS 7 (geen zorgen).\nAngststoornis sinds 2019, sertraline 100 mg, stabiel.', 'anxiety', 'confirmed'],
  ['fr', 'EPDS 7 (rassurant).\nTAG depuis 2019 sous sertraline 100 mg, stable.', 'anxiety', 'confirmed'],
  // a spaced "?" after a date opens what follows: a problem list's "03-May-2023 ? COPD" (round 50)
  ['en', 'Active problems\n  03-May-2023   ? COPD - ex-smoker, spirometry booked', 'copd', 'possible'],
  ['nl', 'Actieve problemen\n  03-05-2023   ? COPD - ex-roker, spirometrie gepland', 'copd', 'possible'],
  ['fr', 'Problèmes actifs\n  03/05/2023   ? BPCO - ex-fumeur, spirométrie prévue', 'copd', 'possible'],
  // the Dutch 4DKL written with its hyphen (round 51)
  ['nl', '4-DKL: distress 18, angst 9 (verhoogd), depressie 1, somatisatie 12.', 'depression', 'hypothetical'],
  ['en', '4-DKL: distress 18, anxiety 9, depression 1, somatisation 12.', 'depression', 'hypothetical'],
  // names and look-alikes (rounds 50, 51)
  ['en', 'PMH: diabetes, high BP, gout.', 'hypertension', 'confirmed'],
  ['fr', 'Connu pour de la haute pression depuis 2015.', 'hypertension', 'confirmed'],
  ['en', 'Chest pain Jan - MSK; CTCA CAD-RADS 0.', 'chd', 'absent'],
  ['nl', 'Facetartrose L4-L5 en L5-S1 op MRI.', 'osteoarthritis', 'confirmed'],
  ['en', 'Facet joint arthropathy L4-L5 on MRI.', 'osteoarthritis', 'confirmed'],
  ['fr', 'MAPA : moyenne 118/74, HTA sarrau blanc.', 'hypertension', 'absent'],
  // a spouse's condition (round 53)
  ['fr', "Pas de douleurs thoraciques. Sa femme souffre d'une BPCO, il demande conseil pour elle.", 'copd', 'family'],
  ['nl', 'Geen pijn op de borst. Zijn echtgenote heeft COPD, hij vraagt advies voor haar.', 'copd', 'family'],
  ['en', 'No chest pain. His wife has COPD, he asks advice for her.', 'copd', 'family'],
  // an advisory that the patient may be eligible for case finding (round 53)
  ['en', 'BestPractice Advisory: this patient has a smoking history and may be eligible for COPD case finding.', 'copd', 'hypothetical'],
  // "full remission" reaches as "in full remission" does; a relapse signature is drawn up for an episode that is over (round 53)
  ['en', 'Hx: Recurrent depressive disorder - last episode 2019-2020, full remission since, sertraline stopped.', 'depression', 'historical'],
  ['nl', 'VG: recidiverende depressie - laatste episode 2019-2020, sindsdien volledige remissie, sertraline gestopt.', 'depression', 'historical'],
  ['fr', 'ATCD : trouble dépressif récurrent - dernier épisode 2019-2020, rémission complète depuis, sertraline arrêtée.', 'depression', 'historical'],
  ['en', 'Plan: continue CBT, r/v 3m. Relapse signature for depression discussed.', 'depression', 'historical'],
  ['nl', 'Plan: CGT vervolgen. Terugvalpreventieplan depressie besproken.', 'depression', 'historical'],
  ['fr', 'Plan : poursuivre la TCC. Prévention de la rechute de la dépression discutée.', 'depression', 'historical'],
  ['nl', 'Tevens chronische pijnproblematiek (lage rug + knieën) > 5 jaar, opgevolgd in het pijncentrum.', 'chronic_pain', 'confirmed'],
];

/** Scope: a terminator ends the trigger's reach, in each language. */
const SCOPE: [Language, string, ConditionId, Want, ConditionId, Want][] = [
  // a "?" questions its own list item; a trigger in brackets stays in them
  ['en', 'PMH: T2DM, COPD? (never had spirometry), depression.', 't2dm', 'confirmed', 'depression', 'confirmed'],
  ['nl', 'Voorgeschiedenis: DM2, COPD? (nooit spirometrie gedaan), depressie.', 't2dm', 'confirmed', 'depression', 'confirmed'],
  ['fr', "ATCD : DT2, BPCO ? (jamais d'EFR), dépression.", 't2dm', 'confirmed', 'depression', 'confirmed'],
  ['en', 'No (known) asthma. COPD (no exacerbations).', 'asthma', 'negated', 'copd', 'confirmed'],
  ['en', 'No asthma but has COPD.', 'asthma', 'negated', 'copd', 'confirmed'],
  ['en', 'Denies chest pain; hypertension on treatment.', 'hypertension', 'confirmed', 'asthma', 'absent'],
  ['en', 'Mother: asthma. Patient has COPD.', 'asthma', 'family', 'copd', 'confirmed'],
  ['nl', 'Geen astma maar wel COPD.', 'asthma', 'negated', 'copd', 'confirmed'],
  ['nl', 'Moeder: diabetes type 2. Patiënt heeft hypertensie.', 't2dm', 'family', 'hypertension', 'confirmed'],
  ['fr', "Pas d'asthme mais une BPCO.", 'asthma', 'negated', 'copd', 'confirmed'],
  ['fr', 'Père: BPCO. Patiente: arthrose des genoux.', 'copd', 'family', 'osteoarthritis', 'confirmed'],
  // a dash after a relative opens their list as a colon does, to the sentence's end; the comma ends a plain relative's clause
  ['en', 'Father – hypertension. Mother – heart failure, type 2 diabetes. Patient: asthma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['en', 'Mother has heart failure, type 2 diabetes since 2019.', 'heart_failure', 'family', 't2dm', 'confirmed'],
  ['nl', 'Vader - hypertensie. Moeder - hartfalen, DM2. Patiënt: astma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['fr', 'Père – IDM, HTA. Patient : BPCO.', 'hypertension', 'family', 'copd', 'confirmed'],
  // with the relative's name in brackets before the dash, a title's dot in them included
  ['en', 'Reminder: husband (Mr. J. Peeters) - flu jab, COPD review due. Patient: asthma.', 'copd', 'family', 'asthma', 'confirmed'],
  ['nl', 'Herinnering: echtgenoot (dhr. Jef Peeters) - griepvaccin + controle COPD inplannen. Patiënt: astma.', 'copd', 'family', 'asthma', 'confirmed'],
  ['fr', 'Rappel : époux (M. J. Favre) – vaccin grippe, contrôle BPCO. Patiente : asthme.', 'copd', 'family', 'asthma', 'confirmed'],
  // or the relative alone in brackets after their name; a bracket with more than the relative keeps it in
  ['en', 'Message: Mrs Patel (wife) - HbA1c result, diabetes review. Patient: asthma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['nl', 'Bericht: mw. De Vries (echtgenote) - uitslag spirometrie, COPD controle. Patiënt: astma.', 'copd', 'family', 'asthma', 'confirmed'],
  ['fr', 'Rappel : Mme Lambert (épouse) - suivi BPCO à planifier. Patient : asthme.', 'copd', 'family', 'asthma', 'confirmed'],
  ['fr', 'BPCO (épouse suivie aussi) - HTA.', 'copd', 'confirmed', 'hypertension', 'confirmed'],
  // a problem marked as no longer current
  ['en', 'Depression (2009), treated - no longer current. Asthma.', 'depression', 'historical', 'asthma', 'confirmed'],
  ['nl', 'Depressie (2009), behandeld - niet meer actueel. Astma.', 'depression', 'historical', 'asthma', 'confirmed'],
  ['fr', "Dépression (2009), traitée - plus d'actualité. Asthme.", 'depression', 'historical', 'asthma', 'confirmed'],
  // a relative who also has a "relative:" trigger ("mother:" once matched the bracket and the dash after it)
  ['en', 'Reminder: carer for Mrs Isla Fraser (mother) - her diabetes review and CHD review overdue. Patient: asthma.', 'chd', 'family', 'asthma', 'confirmed'],
  ['nl', 'Herinnering: mantelzorger voor mw. Jansen (moeder) - haar DM2-controle is achterstallig. Patiënt: astma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['fr', 'Rappel : aidant de Mme Dubois (mère) - son suivi BPCO est en retard. Patient : asthme.', 'copd', 'family', 'asthma', 'confirmed'],
  // the relative's name with no brackets (titles, initials, a double surname), or more in the relative's bracket
  ['nl', 'Herinnering: partner mw. G. Mulder-Smit - griepvaccinatie + DM2-kwartaalcontrole. Patiënt: astma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['en', 'Linked record: HOLLOWAY, Sarah (wife, carer) - COPD review due. Patient: asthma.', 'copd', 'family', 'asthma', 'confirmed'],
  ['fr', 'Message : époux M. Favre - résultats HbA1c, suivi diabète. Patiente : asthme.', 't2dm', 'family', 'asthma', 'confirmed'],
  // the relative's name, then a bracket about them
  ['en', 'Reminder: husband SMITH, Robert (registered at this practice) – COPD review overdue. Patient: asthma.', 'copd', 'family', 'asthma', 'confirmed'],
  ['nl', 'Herinnering: echtgenoot JANSEN, Piet (ook patiënt hier) – COPD-controle te laat. Patiënt: astma.', 'copd', 'family', 'asthma', 'confirmed'],
  ['fr', 'Rappel : époux MARTIN, Paul (suivi au cabinet) – contrôle BPCO en retard. Patiente : asthme.', 'copd', 'family', 'asthma', 'confirmed'],
  // a title's dot in a name in brackets ends no sentence: the relative's clause goes on after the bracket
  ['nl', 'Echtgenoot (dhr. J. van den Berg) heeft hartfalen. Patiënt: astma.', 'heart_failure', 'family', 'asthma', 'confirmed'],
  ['en', 'Her husband (Mr. J. Peeters) has COPD. Patient: asthma.', 'copd', 'family', 'asthma', 'confirmed'],
  ['fr', 'Son époux (M. R. Favre) a une BPCO. Patiente : asthme.', 'copd', 'family', 'asthma', 'confirmed'],
  ['en', 'Asthma (since 2010). Mother has COPD.', 'asthma', 'confirmed', 'copd', 'family'],  // a status after a list closes its last item, not the items before a comma; a question's answer answers all of it
  ['en', 'PMH: chronic back pain, depression 2015 - fully recovered.', 'chronic_pain', 'confirmed', 'depression', 'historical'],
  ['nl', 'VG: chronische pijn knieën, prediabetes, depressie 2015 - volledig hersteld.', 'chronic_pain', 'confirmed', 'depression', 'historical'],
  ['fr', 'ATCD : lombalgie chronique, dépression 2015 - complètement guérie.', 'chronic_pain', 'confirmed', 'depression', 'historical'],
  ['fr', 'Maladie pulmonaire (BPCO, asthme) ?  non', 'copd', 'negated', 'asthma', 'negated'],
  // the relative's bracket, then a colon, opens their list as a dash does
  ['en', 'Linked record (mother, Mrs Julie Barker): diabetes review overdue. Patient: asthma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['nl', 'Gekoppeld dossier (moeder, mw. J. Bakker): DM2-controle te laat. Patiënt: astma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['fr', 'Dossier lié (mère, Mme J. Martin) : suivi diabète de type 2 en retard. Patiente : asthme.', 't2dm', 'family', 'asthma', 'confirmed'],
  // a bracket right after a relative is about them, past the commas in it; the relative's reach ends with it
  ['nl', 'Herinnering: griepvaccinatie partner (dhr. Verhoeven, hartfalen). Patiënt: astma.', 'heart_failure', 'family', 'asthma', 'confirmed'],
  ['en', 'Lives with wife (her carer, COPD), asthma since childhood.', 'copd', 'family', 'asthma', 'confirmed'],
  ['fr', 'Vit avec son époux (M. Favre, BPCO sévère), asthme.', 'copd', 'family', 'asthma', 'confirmed'],
  // a relative alone in brackets right after a condition has it; a relative just after one, out of brackets, may not
  ['en', 'Type 2 diabetes (mother), asthma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['nl', 'Diabetes type 2 (vader), astma.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['fr', 'Diabète de type 2 (mère), asthme.', 't2dm', 'family', 'asthma', 'confirmed'],
  ['en', 'Depression – since husband died 2022, on mirtazapine. Asthma.', 'depression', 'confirmed', 'asthma', 'confirmed'],
  // "without" qualifies the noun it follows: a comma ends it, and the next list item is the patient's again
  ['en', 'Stroke 2018 without residual deficit, osteoarthritis of hips.', 'osteoarthritis', 'confirmed', 'asthma', 'absent'],
  ['nl', 'CVA 2018 zonder restverschijnselen, artrose heupen.', 'osteoarthritis', 'confirmed', 'asthma', 'absent'],
  ['fr', 'AVC 2018 sans séquelles, arthrose des hanches.', 'osteoarthritis', 'confirmed', 'asthma', 'absent'],
  ['nl', 'Slaapt slecht, zonder depressie of angststoornis.', 'depression', 'negated', 'anxiety', 'negated'],
];

/** The conditions the engine finds in a text, in its order. */
const idsIn = (text: string, lang: Language) => analyzeText(text, lang).conditions.map((c) => c.id);

function conclusion(text: string, lang: Language, id: ConditionId): Want {
  const r = analyzeText(text, lang);
  const hit = r.conditions.find((c) => c.id === id);
  if (hit) return hit.status;
  const ruled = r.ruledOut.find((c) => c.id === id);
  if (!ruled) return 'absent';
  const ctx = ruled.evidence.map((e) => e.context);
  for (const k of ['family', 'negated', 'historical'] as const) if (ctx.includes(k)) return k;
  if (ctx.includes('uncertain')) return 'hypothetical';
  return 'absent';
}

describe('context rules, table-driven in en / nl / fr', () => {
  it.each(CASES)('[%s] %s -> %s %s', (lang, text, id, want) => {
    expect(conclusion(text, lang, id)).toBe(want);
  });
  it.each(SCOPE)('[%s] scope: %s', (lang, text, a, wantA, b, wantB) => {
    expect(conclusion(text, lang, a)).toBe(wantA);
    expect(conclusion(text, lang, b)).toBe(wantB);
  });
  it('works without a language hint (one mechanism for all languages)', () => {
    expect(conclusion('Geen astma.', undefined as unknown as Language, 'asthma')).toBe('negated');
    expect(conclusion("Pas d'asthme.", undefined as unknown as Language, 'asthma')).toBe('negated');
  });
  it('a section heading puts the following lines in its context', () => {
    const r = analyzeText('Family history:\nCOPD\nAsthma\n\nProblem list:\nHypertension', 'en');
    expect(r.conditions.map((c) => c.id)).toEqual(['hypertension']);
    expect(r.ruledOut.map((c) => c.id).sort()).toEqual(['asthma', 'copd']);
  });
  it('a short line that names a section and no condition heads the lines after it, as a line in capitals does', () => {
    expect(idsIn('Active problems\nHypertension\n\nClosed problems\nDepression 2016-2017', 'en')).toEqual(['hypertension']);
    expect(idsIn('Actieve episodes\nK86 Hypertensie\n\nAfgesloten episodes\nP76 Depressie 2016 t/m 2017', 'nl')).toEqual(['hypertension']);
    expect(idsIn('Problèmes actifs\nHTA\n\nProblèmes résolus\nDépression 2016-2017', 'fr')).toEqual(['hypertension']);
    // A short line that names a condition is text, not a heading.
    expect(idsIn('Family history\nAsthma\n\nCOPD resolved\nHypertension', 'en')).toEqual(['hypertension']);
    // A printed SystmOne problem list: "Past - Significant", "Past - Minor".
    expect(idsIn('ACTIVE - SIGNIFICANT\n  2021  Essential hypertension\nPAST - SIGNIFICANT\n  2012  Depressive episode\nPAST - MINOR\n  2014  Asthma', 'en')).toEqual(['hypertension']);
  });
  it('a screening section asks about what it names; a "Historie" heading makes its problems past', () => {
    for (const [text, lang] of [
      ['Screening:\nDepression - PHQ-2 to do\nCOPD - questionnaire given\n\nProblems:\nHypertension', 'en'],
      ['Screeningsvragen:\nDepressie - PHQ-2 nog af te nemen\nCOPD - vragenlijst meegegeven\n\nProblemen:\nHypertensie', 'nl'],
      ['Dépistages :\nSyndrome dépressif - PHQ-9 à faire\nBPCO - questionnaire remis\n\nProblèmes :\nHTA', 'fr'],
    ] as const) {
      expect(idsIn(text, lang), text).toEqual(['hypertension']);
      // The same lines under no heading are findings.
      expect(analyzeText(text.slice(text.indexOf('\n') + 1), lang).conditions.length, text).toBe(3);
    }
    const page = loadHtml('<body><h3>Historie</h3><ul><li>P74 Paniekstoornis</li></ul><h3>Actueel</h3><ul><li>Astma</li></ul></body>');
    expect(detectPage(page, { adapters: [] }).conditions.map((c) => c.id)).toEqual(['asthma']);
    // A Flemish practice's prevention questionnaire, its question left blank (round 52).
    expect(idsIn('Preventievragenlijst\nGekende astma: —\nRoken: nee', 'nl')).toEqual([]);
  });

  it('guidance and links for anyone, and questionnaires, are no findings; a card\'s title heads its own text', () => {
    const page = loadHtml(
      '<body><div class="card"><h3>Active problems</h3><ul><li>Type 1 diabetes</li></ul></div>' +
        '<div class="card"><h3>Guidance</h3><a href="#">NICE: Depression in adults</a><br><a href="#">COPD self-management leaflet</a></div>' +
        '<p>Zie: <a href="#">NHG-Standaard Astma bij volwassenen</a></p>' +
        '<section><h3>Questionnaire GAD-7</h3><p>1. Panic disorder: <select><option></option></select></p></section></body>',
    );
    expect(detectPage(page, { adapters: [] }).conditions.map((x) => x.id)).toEqual(['t1dm']);
    // The same card under a title that names no section keeps the page's reading.
    const plain = loadHtml('<body><h2>Family history</h2><div><h4>Mother</h4>Type 2 diabetes</div></body>');
    expect(detectPage(plain, { adapters: [] }).conditions).toEqual([]);
  });

  it('the text after a tick box with no label of its own is its label: an unticked one is no finding (en, fr)', () => {
    const en = loadHtml('<body><div><b>Long term conditions</b><br><input type="checkbox" checked> Type 2 diabetes &nbsp; <input type="checkbox"> Heart failure &nbsp; <input type="checkbox"> COPD<br>Smoking: never</div></body>');
    expect(detectPage(en, { adapters: [] }).conditions.map((c) => c.id)).toEqual(['t2dm']);
    const fr = loadHtml('<body><div><input type="checkbox" checked> Asthme &nbsp;\n <input type="checkbox"> BPCO &nbsp;\n <input type="checkbox"> HTA</div></body>');
    expect(detectPage(fr, { adapters: [] }).conditions.map((c) => c.id)).toEqual(['asthma']);
  });

  it('a condition asked with yes / no boxes is negated by a ticked no, no finding with none ticked, found with a ticked yes (en, nl, fr)', () => {
    const form = (rows: string[]) =>
      loadHtml(`<body>${rows.map((r) => `<div class="q"><span>${r}</span></div>`).join('')}</body>`);
    const yesNo = (q: string, yes: string, no: string, ticked: 'yes' | 'no' | null, note = '') =>
      `${q}</span><span><input type="radio"${ticked === 'yes' ? ' checked' : ''}> ${yes} <input type="radio"${ticked === 'no' ? ' checked' : ''}> ${no}</span><span>${note}`;
    const en = detectPage(form([yesNo('Hypertension', 'Yes', 'No', 'no', 'BP 128/79'), yesNo('Heart failure', 'Yes', 'No', null), yesNo('Obesity', 'Yes', 'No', 'yes', 'BMI 34')]), { adapters: [] });
    expect(en.conditions.map((c) => c.id)).toEqual(['obesity']);
    expect(en.ruledOut.find((c) => c.id === 'hypertension')?.evidence[0]?.context).toBe('negated');
    const nl = detectPage(form([yesNo('Diabetes mellitus type 2', 'ja', 'nee', 'no'), yesNo('Astma', 'ja', 'nee', null), yesNo('COPD', 'ja', 'nee', 'yes')]), { adapters: [] });
    expect(nl.conditions.map((c) => c.id)).toEqual(['copd']);
    const fr = detectPage(form([yesNo('Hypertension artérielle', 'Oui', 'Non', 'no', 'TA 128/79'), yesNo('Insuffisance cardiaque', 'Oui', 'Non', null), yesNo('Douleurs chroniques', 'Oui', 'Non', 'yes')]), { adapters: [] });
    expect(fr.conditions.map((c) => c.id)).toEqual(['chronic_pain']);
    // Typed in text too; boxes whose labels are no yes and no ("[x] CKD [ ] COPD") are options, not answers.
    expect(idsIn('Angina [ ] yes [x] no\nCKD [x] yes [ ] no', 'en')).toEqual(['ckd']);
    expect(idsIn('Register: [x] CKD [ ] COPD', 'en')).toEqual(['ckd']);
  });

  it("a row whose cell holds yes / no boxes with no labels of their own says the answer ticked, or none (en, nl, fr)", () => {
    const row = (q: string, yes: string, no: string, ticked: 'yes' | 'no' | null) =>
      `<tr><td>${q}</td><td><input type="radio"${ticked === 'yes' ? ' checked' : ''}> ${yes} <input type="radio"${ticked === 'no' ? ' checked' : ''}> ${no}</td></tr>`;
    const form = (rows: string[]) => detectPage(loadHtml(`<body><table>${rows.join('')}</table></body>`), { adapters: [] }).conditions.map((c) => c.id);
    expect(form([row('Hypertension', 'Yes', 'No', 'no'), row('Asthma', 'Yes', 'No', 'yes'), row('COPD', 'Yes', 'No', null)])).toEqual(['asthma']);
    expect(form([row('Hypertensie', 'ja', 'neen', 'no'), row('Astma', 'ja', 'neen', 'yes'), row('COPD', 'ja', 'neen', null)])).toEqual(['asthma']);
    expect(form([row('HTA', 'oui', 'non', 'no'), row('Asthme', 'oui', 'non', 'yes'), row('BPCO', 'oui', 'non', null)])).toEqual(['asthma']);
    // Answers drawn as text: radio marks or typed boxes, each before one short word.
    const drawn = (q: string, answers: string) => `<tr><td>${q}</td><td>${answers}</td></tr>`;
    const other = '<tr><td>Obesity</td><td>BMI 34</td></tr>';
    expect(form([drawn('Do you have asthma or COPD?', '○ Yes ● No'), drawn('Heart problems (heart failure, angina)?', '○ Yes ○ No'), other])).toEqual(['obesity']);
    expect(form([drawn('Heeft u astma of COPD?', '○ ja ● nee'), drawn('Heeft u hartproblemen (hartfalen, angina pectoris)?', '○ ja ○ nee'), other])).toEqual(['obesity']);
    expect(form([drawn('Asthme ou BPCO ?', '[ ] oui [x] non'), drawn('Problème cardiaque (insuffisance cardiaque, angor) ?', '[ ] oui [ ] non'), other])).toEqual(['obesity']);
    // A scale's marks with no words (the words head the columns), and a cell's one box with no label (rounds 51, 53).
    expect(form([drawn('Nervousness, anxiety or tension', '○ ○ ○ ○'), drawn('Known heart failure', '☐ — echo 2022: EF 60%'), drawn('Chronic pain', '☑ VAS 6/10'), other])).toEqual(['obesity', 'chronic_pain']);
    expect(form([drawn('Zenuwachtig, angstig of gespannen', '○ ○ ○ ○'), drawn('Gekend hartfalen', '☐'), drawn('Chronische pijn', '☑ VAS 6/10'), other])).toEqual(['obesity', 'chronic_pain']);
    expect(form([drawn('Nervosité, anxiété ou tension', '○ ○ ○ ○'), drawn('Insuffisance cardiaque connue', '☐ — ETT 2022 : FEVG 60 %'), drawn('Douleurs chroniques', '☑ EVA 6/10'), other])).toEqual(['obesity', 'chronic_pain']);
    // Answered on the scale, the question is read as before.
    expect(form([drawn('Nervousness, anxiety or tension', '○ ● ○ ○'), other])).toEqual(['anxiety', 'obesity']);
  });

  it('a question left unanswered in a form is no finding: an empty drop-down, or boxes none of which is ticked', () => {
    const form = (answer: string) => loadHtml(`<body><p>Does the patient have asthma or COPD? <select>${answer}</select></p><p>Hypertension.</p></body>`);
    expect(detectPage(form('<option selected></option><option>Yes</option><option>No</option>'), { adapters: [] }).conditions.map((c) => c.id)).toEqual(['hypertension']);
    expect(detectPage(form('<option>-- select --</option><option>Yes</option>'), { adapters: [] }).conditions.map((c) => c.id)).toEqual(['hypertension']);
    // Answered, the question is read as before (a question: possible).
    expect(detectPage(form('<option></option><option selected>Yes</option>'), { adapters: [] }).conditions.map((c) => c.id).sort()).toEqual(['asthma', 'copd', 'hypertension']);
    const radios = loadHtml('<body><p>Bekend met hoge bloeddruk? <input type="radio" name="a"> ja <input type="radio" name="a"> nee</p><p>Astma.</p></body>');
    expect(detectPage(radios, { adapters: [] }).conditions.map((c) => c.id)).toEqual(['asthma']);
    expect(idsIn('Bekend met hoge bloeddruk? [x] ja [ ] nee', 'nl')).toEqual(['hypertension']);
    // Boxes on a line of their own in a page's source answer the line above.
    const laidOut = (q: string, yes: string, no: string, other: string) =>
      detectPage(
        loadHtml(`<body><p>${q}\n  <label><input type="radio" name="q"> ${yes}</label>\n  <label><input type="radio" name="q"> ${no}</label>\n</p><p>${other}</p></body>`),
        { adapters: [] },
      ).conditions.map((c) => c.id);
    expect(laidOut('Has the patient ever been diagnosed with diabetes?', 'Yes', 'No', 'Asthma.')).toEqual(['asthma']);
    expect(laidOut('Bekend met hartfalen?', 'ja', 'nee', 'Astma.')).toEqual(['asthma']);
    expect(laidOut('Insuffisance cardiaque connue ?', 'oui', 'non', 'Asthme.')).toEqual(['asthma']);
  });

  it("a question whose yes and no are labels with their boxes, none ticked on its line, is no finding; a ticked one answers it (fr, en)", () => {
    const box = (label: string, ticked: boolean) => `<label><input type="checkbox"${ticked ? ' checked' : ''}> ${label}</label>`;
    const line = (q: string, yes: boolean, no: boolean) => `${q} ? ${box('oui', yes)} ${box('non', no)}<br>`;
    const form = (lines: string) => detectPage(loadHtml(`<body><div class="box"><div class="h">Anamnèse</div>${lines}</div><p>Entorse.</p></body>`), { adapters: [] });
    // The ticked no on the line before answers that line only.
    const unanswered = form(line('Fume-t-elle', false, true) + line('Hypertension connue', false, false));
    expect(unanswered.conditions).toEqual([]);
    expect(unanswered.ruledOut.find((c) => c.id === 'hypertension')?.evidence[0]?.context).toBe('uncertain');
    const no = form(line('Hypertension connue', false, true));
    expect(no.conditions).toEqual([]);
    expect(no.ruledOut.find((c) => c.id === 'hypertension')?.evidence[0]?.context).toBe('negated');
    expect(form(line('Hypertension connue', true, false)).conditions.map((c) => [c.id, c.status])).toEqual([['hypertension', 'confirmed']]);
    const en = loadHtml(`<body><p>Known COPD? ${box('Yes', false)} ${box('No', false)}</p><p>Gout.</p></body>`);
    expect(detectPage(en, { adapters: [] }).conditions).toEqual([]);
  });

  it('a question answered yes on its line is a finding, not a doubt (en, nl, fr)', () => {
    const status = (text: string, lang: Language) => analyzeText(text, lang).conditions.map((c) => [c.id, c.status]);
    expect(status('Known hypertension? Yes', 'en')).toEqual([['hypertension', 'confirmed']]);
    expect(status('Bekend met astma? ja', 'nl')).toEqual([['asthma', 'confirmed']]);
    expect(status('Diabète de type 2 connu ? oui', 'fr')).toEqual([['t2dm', 'confirmed']]);
    // A yes that goes on is no answer of the line's: the question stays a doubt.
    expect(status('COPD? yes to be discussed with the respiratory team', 'en')).toEqual([['copd', 'possible']]);
    expect(status('Known hypertension?', 'en')).toEqual([['hypertension', 'possible']]);
  });

  it("a relative's label with a colon reaches the whole list after it (en, nl, fr)", () => {
    expect(idsIn('Mère : hypertension artérielle, dépression. Patiente : asthme.', 'fr')).toEqual(['asthma']);
    expect(idsIn('Father: MI aged 60, type 2 diabetes. Patient: COPD.', 'en')).toEqual(['copd']);
    expect(idsIn('Moeder: hypertensie, depressie. Patiënt: astma.', 'nl')).toEqual(['asthma']);
  });

  it('a date in an end-date column ends the problem of its row', () => {
    for (const [end, lang] of [['End date', 'en'], ['Einde', 'nl'], ['Date de fin', 'fr']] as const) {
      const page = loadHtml(
        `<html lang="${lang}"><body><table><tr><th>Code</th><th>Problem</th><th>Start</th><th>${end}</th></tr>` +
          '<tr><td>P76</td><td>Depression</td><td>2015</td><td>2016</td></tr><tr><td>K86</td><td>Hypertension</td><td>2011</td><td></td></tr></table></body></html>',
      );
      const r = detectPage(page, { adapters: [] });
      expect(r.conditions.map((x) => x.id), end).toEqual(['hypertension']);
      expect(r.ruledOut.find((x) => x.id === 'depression')?.evidence[0]?.context, end).toBe('historical');
    }
    // The header row's place counts the table's own rows, not those of a table inside a cell above it.
    const nested = loadHtml(
      '<body><table><tr><td colspan="2"><table><tr><td>Dr A</td></tr><tr><td>Dr B</td></tr><tr><td>Dr C</td></tr></table></td></tr>' +
        '<tr><th>Problem</th><th>End date</th></tr><tr><td>Depression</td><td>2016</td></tr><tr><td>Hypertension</td><td></td></tr></table></body>',
    );
    expect(detectPage(nested, { adapters: [] }).conditions.map((x) => x.id)).toEqual(['hypertension']);
  });

  it('lists of other patients and audit banners are not about the patient', () => {
    const page = loadHtml(
      '<body><div class="audit">Practice audit: this patient is NOT on the hypertension register.</div>' +
        '<h4>Active problems</h4><ul><li>Panic disorder</li></ul><h4>Today\'s recall list</h4><ul><li>J. Ortega - asthma review overdue</li></ul>' +
        '<aside><h4>Patients à rappeler</h4><ul><li>Mme Gilson - contrôle BPCO</li></ul></aside></body>',
    );
    expect(detectPage(page, { adapters: [] }).conditions.map((x) => x.id)).toEqual(['anxiety']);
  });

  it('a suspicion is answered "no" further down the same pasted note, not only on its own line', () => {
    expect(analyzeText('Query asthma - follow-up\nPeak flow variability 6%.\nAsthma excluded.', 'en').conditions).toEqual([]);
    const letter = "Adressée pour suspicion d'asthme ou de BPCO.\nConclusion : l'asthme est confirmé ; une BPCO est écartée.";
    expect(analyzeText(letter, 'fr').conditions.map((x) => `${x.id}:${x.status}`)).toEqual(['asthma:confirmed']);
    // Excluded first and suspected again: it stays possible.
    expect(analyzeText('COPD excluded 2022.\n?COPD again, repeat spirometry.', 'en').conditions.map((x) => x.status)).toEqual(['possible']);
  });

  it('a line in capitals that names a section heads the lines under it; one that names none is text', () => {
    const letter = 'ANTÉCÉDENTS RÉSOLUS / INACTIFS\n- Dépression du post-partum (2017)\nPROBLÈMES ACTIFS\n- Coxarthrose droite\nBPCO';
    expect(analyzeText(letter, 'fr').conditions.map((x) => x.id).sort()).toEqual(['copd', 'osteoarthritis']);
    expect(analyzeText('COPD\nASTHMA', 'en').conditions.map((x) => x.id).sort()).toEqual(['asthma', 'copd']);
  });

  it('the negation window is bounded', () => {
    expect(conclusion('No smoking for the last ten years now and she has stable COPD.', 'en', 'copd')).toBe('confirmed');
  });
});
