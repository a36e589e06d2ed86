import { describe, expect, it } from 'vitest';
import { createDetector, detectPage } from '../../../lib/detection';
import { mutateAndCollect } from './edits';
import { loadHtml } from './helpers';

const ids = (doc: Document) => detectPage(doc, { adapters: [] }).conditions.map((c) => c.id).sort();
const page = (body: string, lang: string) => loadHtml(`<html lang="${lang}"><body>${body}</body></html>`);
const PROBLEMS = '<h3>Problems</h3><ul><li>Osteoarthritis of knee</li></ul>';

describe('menu columns the page does not mark as navigation', () => {
  it('drops condition names beside screen names in a column of plain divs (en, nl, fr)', () => {
    const en = page(`<div class="col"><div>Summary</div><div>Consultations</div><div>Medication</div><div>Letters</div><div>Diabetes clinic</div><div>COPD</div></div>${PROBLEMS}`, 'en');
    expect(ids(en)).toEqual(['osteoarthritis']);
    const nl = page('<div class="links"><div>Journaal</div><div>Episodes</div><div>Medicatie</div><div>Ketenzorg DM</div><div>Ketenzorg Astma/COPD</div></div><p>Hartfalen, NYHA II.</p>', 'nl');
    expect(ids(nl)).toEqual(['heart_failure']);
    const fr = page('<div class="gauche"><div><b>Dossier</b></div><div>Synthèse</div><div>Antécédents</div><div>Biologie</div><div><b>Suivis</b></div><div>Insuffisance cardiaque</div><div>BPCO / Asthme</div></div><p>Diabète de type 2 sous metformine.</p>', 'fr');
    expect(ids(fr)).toEqual(['t2dm']);
  });

  it('reads a column of lists under bold labels as one menu, and spans in a strip too', () => {
    const nl = page('<div class="side"><b>Dossier</b><ul><li>Samenvatting (SumEHR)</li><li>Contacten</li><li>Probleemlijst</li><li>Labo</li></ul><b>Zorgmodules</b><ul><li>Diabetes</li><li>CARA (astma/COPD)</li><li>Hartfalen</li></ul></div><p>Artrose beide knieën.</p>', 'nl');
    expect(ids(nl)).toEqual(['osteoarthritis']);
    const fr = page('<div class="ong"><span>Consultation</span><span>Antécédents</span><span>Traitements</span><span>Biologie</span><span>Suivi BPCO</span></div><p>HTA traitée.</p>', 'fr');
    expect(ids(fr)).toEqual(['hypertension']);
  });

  it('reads a folder tree as one menu: a folder of condition modules under screens marked with icons', () => {
    const tree = (folder: string) =>
      `<div id="tree"><ul><li>📁 Summary</li><li>📁 Journal</li><li>📁 Medication</li><li>📁 Problems</li><li>${folder}<ul><li>Asthma</li><li>COPD</li><li>Hypertension</li></ul></li><li>📁 Recalls</li></ul></div><p>Eczema.</p>`;
    expect(ids(page(tree('📁 Chronic Disease Management'), 'en'))).toEqual([]);
    // A folder's label is a label, not a line of text: a long one makes the tree text.
    expect(ids(page(tree('Reviewed today with the practice nurse, who checked inhaler technique and peak flow'), 'en'))).toEqual(['asthma', 'copd', 'hypertension']);
    // A problem under a problem, as problem lists nest them, stays the patient's.
    expect(ids(page('<ul><li>Type 2 diabetes<ul><li>Diabetic retinopathy</li></ul></li><li>Hypertension</li></ul>', 'en'))).toEqual(['hypertension', 't2dm']);
  });

  it('reads a column of links alone in alphabetical order, with no label, as an index of registers (en, nl, fr)', () => {
    const index = (names: string[], wrap = (a: string) => `<div class="item">${a}</div>`) =>
      `<div class="leftcol">${names.map((n) => wrap(`<a href="#">${n}</a>`)).join('')}</div>`;
    const en = ['Asthma', 'Atrial Fibrillation', 'CHD', 'CKD', 'COPD', 'Dementia', 'Depression', 'Diabetes', 'Heart Failure', 'Hypertension'];
    expect(ids(page(`${index(en)}<p>Osteoarthritis of knee.</p>`, 'en'))).toEqual(['osteoarthritis']);
    const nl = ['Astma', 'COPD', 'Diabetes mellitus', 'Hartfalen', 'Hypertensie', 'Obesitas'];
    expect(ids(page(`${index(nl, (a) => `<li>${a}</li>`).replace(/div class="leftcol"|\/div>$/g, (m) => (m.startsWith('/') ? '/ul>' : 'ul'))}<p>Artrose.</p>`, 'nl'))).toEqual(['osteoarthritis']);
    const fr = ['Asthme', 'BPCO', 'Dépression', 'Diabète de type 2', 'HTA', 'Insuffisance cardiaque'];
    expect(ids(page(`${index(fr, (a) => a)}<p>Gonarthrose.</p>`, 'fr'))).toEqual(['osteoarthritis']);
    // Not an index: out of order, a label among the links, fewer than six, or text beside a link.
    const shuffled = ['Hypertension', 'Asthma', 'COPD', 'Depression', 'Heart Failure', 'CKD'];
    expect(ids(page(index(shuffled), 'en'))).toEqual(['asthma', 'ckd', 'copd', 'depression', 'heart_failure', 'hypertension']);
    expect(ids(page(index(en).replace('<div class="item">', '<div><b>Problems</b></div><div class="item">'), 'en'))).toContain('asthma');
    expect(ids(page(index(en.slice(0, 5)), 'en'))).toEqual(['asthma', 'chd', 'ckd', 'copd']);
    expect(ids(page(index(en).replace('>Asthma</a>', '>Asthma</a> since 2019'), 'en'))).toContain('asthma');
  });

  it('reads a tree whose folders hold templates and guideline titles as one menu', () => {
    const tree = (guideline: string, folder = 'Templates &amp; Protocols') =>
      `<div id="tree"><ul><li>▸ Summary</li><li>▸ Consultations</li><li>▸ Medication</li><li>▸ Problems</li><li>▸ Investigations</li><li>▸ Referrals</li><li>▾ ${folder}<ul><li>Asthma Annual Review v7</li><li>COPD Annual Review</li><li>Heart Failure Review</li></ul></li><li>▸ Resources<ul><li><a href="#">${guideline}</a></li></ul></li></ul></div><p>Sore throat.</p>`;
    expect(ids(page(tree('NICE NG28 Type 2 diabetes in adults'), 'en'))).toEqual([]);
    // An item longer than a menu entry (a link's, here) is text: the tree is then read, but for a folder of templates,
    // a menu of its own.
    const note = 'Reviewed with the nurse, who checked inhaler technique and peak flow today; back in 3 months';
    expect(ids(page(tree(note, 'Annual reviews'), 'en'))).toEqual(['asthma', 'copd', 'heart_failure']);
    expect(ids(page(tree(note), 'en'))).toEqual([]);
  });

  it("counts a folder of templates, guidelines or recalls as screens: each item opens one (en, nl, fr)", () => {
    const tree = (templates: string, recalls: string, names: string[]) =>
      `<div class="tree"><ul><li>▸ ${names[0]}</li><li>▸ ${names[1]}</li><li>▸ ${names[2]}</li><li>▸ Strategies<ul><li>Diabetes QOF</li><li>Asthma QOF</li><li>COPD QOF</li><li>Heart Failure QOF</li><li>Depression QOF</li></ul></li>` +
      `<li>▸ ${templates}<ul><li>Asthma Review</li><li>COPD Review</li><li>Heart Failure Review</li><li>Depression Review</li><li>CKD</li></ul></li>` +
      `<li>▸ ${recalls}<ul><li>BROWN Lisa - Asthma review</li><li>DAVIES Owen - COPD review</li><li>EVANS Gwen - Heart failure review</li></ul></li></ul></div>`;
    expect(ids(page(`${tree('Templates', 'Overdue recalls (practice)', ['Summary', 'Journal', 'Medication'])}<p>Type 2 diabetes.</p>`, 'en'))).toEqual(['t2dm']);
    expect(ids(page(`${tree('Sjablonen', 'Oproeplijst', ['Journaal', 'Medicatie', 'Episodes'])}<p>Artrose knie.</p>`, 'nl'))).toEqual(['osteoarthritis']);
    expect(ids(page(`${tree('Modèles', 'Rappels', ['Sommaire', 'Médication', 'Biologie'])}<p>Gonarthrose.</p>`, 'fr'))).toEqual(['osteoarthritis']);
    // Folders named otherwise leave the tree too mixed to be a menu: its items are read.
    expect(ids(page(tree('Reviews', 'Notes', ['Summary', 'Journal', 'Medication']), 'en'))).toContain('copd');
  });

  it('reads a tree of screens drawn as text, a branch per line, as a menu (en, nl, fr)', () => {
    const en = page('<div class="tree">Clinical Tree\n├ Problems\n├ Questionnaires\n│  ├ PHQ-9\n│  └ Diabetic Foot Check\n├ Care Plans\n│  ├ Heart Failure\n│  └ Hypertension\n└ Communications</div><p>Sore throat.</p>', 'en');
    expect(ids(en)).toEqual([]);
    const nl = page('<div>Dossier<br>├ Episodes<br>├ Zorgprogramma\'s<br>│  ├ Diabetes<br>│  └ COPD<br>└ Correspondentie</div><p>Otitis.</p>', 'nl');
    expect(ids(nl)).toEqual([]);
    const fr = page('<div class="arbre">Dossier\n├ Antécédents\n├ Suivis\n│  ├ Insuffisance cardiaque\n│  └ HTA\n└ Courriers</div><p>Entorse.</p>', 'fr');
    expect(ids(fr)).toEqual([]);
    // Lines of findings with a branch or two among them stay findings.
    expect(ids(page('<div>Problems\n├ Asthma\nCOPD since 2015\nHypertension, treated</div>', 'en'))).toEqual(['asthma', 'copd', 'hypertension']);
  });

  it('reads a tree of divs whose folders hold entries as one menu', () => {
    const tree = '<div class="tree"><div class="node">▸ Clinical Tree<div class="node">New Journal</div><div class="node">Summary</div><div class="node">Problems</div><div class="node">Care Plans</div><div class="node">▾ Clinical Templates<div class="node">Asthma</div><div class="node">COPD</div><div class="node">Heart Failure</div></div><div class="node">Recalls</div></div></div>';
    expect(ids(page(`${tree}<p>Essential hypertension.</p>`, 'en'))).toEqual(['hypertension']);
    // With no screens around them, a folder's entries are read.
    expect(ids(page('<div>▾ Chronic problems<div>Asthma</div><div>COPD</div></div>', 'en'))).toEqual(['asthma', 'copd']);
  });

  it("reads SystmOne's clinical tree by its own node names ('Patient Home', 'Test Requests', 'Communications & Letters') as a menu", () => {
    const nodes = ['Auto-Consultation', 'New Journal', 'Patient Home', 'Summary'].map((n) => `<div>${n}</div>`).join('');
    const plans = '<div><b>Care Plans</b><div>Asthma</div><div>CHD</div><div>COPD</div><div>Diabetes</div><div>CKD</div></div>';
    const more = ['Questionnaires', 'Medication', 'Repeat Templates', 'Test Requests', 'Communications &amp; Letters'].map((n) => `<div>${n}</div>`).join('');
    expect(ids(page(`<div id="tree">${nodes}${plans}${more}</div><p>Sore throat.</p>`, 'en'))).toEqual([]);
  });

  it("reads a bar of Dutch care programmes as a menu: 'CVRM', 'GGZ', 'Ouderen' are the HIS's modules (nl)", () => {
    const bar = '<div id="mods"><span>Diabetes</span><span>COPD</span><span>Astma</span><span>CVRM</span><span>Hartfalen</span><span>GGZ / depressie</span><span>Obesitas (GLI)</span><span>Ouderen</span></div>';
    expect(ids(page(`${bar}<p>Verruca plantaris.</p>`, 'nl'))).toEqual([]);
    // Beside only one programme, the bar's names are read.
    expect(ids(page('<div><span>Diabetes</span><span>COPD</span><span>CVRM</span><span>Hartfalen</span></div>', 'nl'))).toEqual(['copd', 'heart_failure', 't2dm']);
  });

  it('reads a column of screens and forms under group names as a menu (fr, Quebec)', () => {
    const col = '<div class="lateral"><div class="grp">Dossier</div><div class="it">Sommaire</div><div class="it">Notes</div><div class="it">Liste de problèmes</div><div class="it">Laboratoires</div><div class="grp">Formulaires</div><div class="it">Suivi MPOC</div><div class="it">Insuffisance cardiaque</div></div>';
    expect(ids(page(`${col}<p>Diabète de type 2.</p>`, 'fr'))).toEqual(['t2dm']);
    // A list of modules named as such, beside a list of screens.
    expect(ids(page('<div><ul><li>Anamnèse</li><li>Médication</li></ul><ul><li>Module Diabète</li><li>Module Cardiologie</li><li>Module Pneumologie</li></ul></div><p>Arthrose.</p>', 'fr'))).toEqual(['osteoarthritis']);
  });

  it("reads Belgian care pathways as modules, and a guideline's long link title as one of a menu's entries (nl, fr)", () => {
    const col = (pathways: string[], guideline: string) =>
      `<div id="kol"><div class="kop">Zorgtrajecten</div>${pathways.map((p) => `<a href="#">${p}</a>`).join('')}<div class="kop">Richtlijnen</div><a href="#">${guideline}</a><a href="#">Domus Medica: Angststoornissen</a></div>`;
    const pathways = ['Zorgtraject diabetes type 2', 'Zorgtraject chronische nierinsufficiëntie', 'Voortraject diabetes'];
    const long = 'Domus Medica: Lage rugpijn en lumbosacraal radiculair syndroom';
    expect(ids(page(`${col(pathways, long)}<p>Gonartrose links.</p>`, 'nl'))).toEqual(['osteoarthritis']);
    // A long item that is no link alone is text: the column is read.
    expect(ids(page(col(pathways, long).replace(`<a href="#">${long}</a>`, `<span>${long}</span>`), 'nl'))).toEqual(['ckd', 't2dm']);
    const fr = col(['Trajet de soins diabète', 'Trajet de soins insuffisance rénale', 'Trajets de soins (aperçu)'], 'Domus Medica : Diabète sucré de type 2 chez l’adulte');
    expect(ids(page(`${fr.replace('Zorgtrajecten', 'Suivis').replace('Richtlijnen', 'Recommandations')}<p>Gonarthrose.</p>`, 'fr'))).toEqual(['osteoarthritis']);
  });

  it('reads a label in an inline wrapper of its own as the title of a column of spans', () => {
    const aside = '<aside><span><b>Clinical modules</b></span><span>Asthma</span><span>COPD</span><span>Heart Failure</span></aside><p>Gout.</p>';
    expect(ids(page(aside, 'en'))).toEqual([]);
    expect(ids(page(aside.replace('Clinical modules', 'Today'), 'en'))).toEqual(['asthma', 'copd', 'heart_failure']);
  });

  it('keeps a short problem list, and one with a few screen-like words among many findings', () => {
    const en = page('<div><div>Type 2 diabetes</div><div>COPD</div><div>Hypertension</div><div>Obesity</div></div>', 'en');
    expect(ids(en)).toEqual(['copd', 'hypertension', 'obesity', 't2dm']);
    // Labels that name screens over lists of findings are a summary, not a menu: the labels are not counted.
    const fr = page('<div><div><b>Problèmes</b></div><div>Diabète de type 2</div><div><b>Traitements</b></div><div>Metformine 850</div><div><b>Biologie</b></div><div>HbA1c 7,2 %</div><div><b>Vaccins</b></div><div>Grippe 2024</div></div>', 'fr');
    expect(ids(fr)).toEqual(['t2dm']);
    // An item longer than a menu entry makes the column text.
    const nl = page('<div><div>Journaal</div><div>Medicatie</div><div>Uitslagen</div><div>COPD GOLD 2, exacerbatie in maart met prednisolonkuur</div></div>', 'nl');
    expect(ids(nl)).toEqual(['copd']);
  });
});

describe('rosters: lists of other patients', () => {
  it('drops an agenda or call list whose items open with a title or a listed name (en, nl, fr)', () => {
    const en = page(`<div><b>Recall list</b><ul><li>Mrs D Carver - COPD review</li><li>Mr S Iqbal - Type 2 diabetes 6/12</li><li>Miss R Flynn - Depression review</li></ul></div>${PROBLEMS}`, 'en');
    expect(ids(en)).toEqual(['osteoarthritis']);
    const nl = page('<ul><li>Hendriks, W. - COPD jaarcontrole</li><li>Yilmaz, F. - astma jaarcontrole</li><li>Bos, J. - CVRM / hypertensie</li></ul><p>Depressie, sertraline.</p>', 'nl');
    expect(ids(nl)).toEqual(['depression']);
    // Surnames with an initial, before or after them; an agenda in a cell of a page laid out as a table.
    const initials = page('<div><b>Rota - PM</b><div>14:00 J Whitaker - DM review</div><div>14:20 M Bell - COPD rescue pack</div><div>14:30 A. Nowak - hypertension review</div></div><p>Osteoarthritis of knee.</p>', 'en');
    expect(ids(initials)).toEqual(['osteoarthritis']);
    const layout = page('<table><tr><td><p>Asthme allergique, actif.</p></td><td><b>Rendez-vous</b><ol><li>14h00 Favre P. - contrôle HTA</li><li>14h40 Rochat M. - BPCO</li><li>15h00 Dubois E. - insuffisance cardiaque</li></ol></td></tr></table>', 'fr');
    expect(ids(layout)).toEqual(['asthma']);
    // A condition's name in title case is no surname with an initial.
    expect(ids(page('<ul><li>Heart Failure - review</li><li>Type 2 Diabetes - annual</li><li>Chronic Kidney Disease - bloods</li></ul>', 'en'))).toEqual(['ckd', 'heart_failure', 't2dm']);
    // Surnames with their particles, in a table of names and points of attention.
    const particles = page('<table><tr><th>Naam</th><th>Aandachtspunt</th></tr><tr><td>Meijer, C.</td><td>COPD, valrisico</td></tr><tr><td>de Graaf, P.</td><td>DM2 met insuline</td></tr><tr><td>van den Berg, L.</td><td>Depressie</td></tr></table><p>Hartfalen.</p>', 'nl');
    expect(ids(particles)).toEqual(['heart_failure']);
    // An agenda's label heads what follows it in its container, as any heading does: here the agenda has one of its own.
    const fr = page('<div><b>Agenda du jour</b><ul><li>08:30 M. Pittet J. - contrôle diabète</li><li>08:50 Mme Rochat C. - contrôle asthme</li><li>09:10 M. Favre L. - BPCO</li></ul></div><p>Arthrose du genou.</p>', 'fr');
    expect(ids(fr)).toEqual(['osteoarthritis']);
  });

  it('reads a first and last name after a time, and a title after a bed or room, as a person (nl, en)', () => {
    const agenda = page('<div id="rechts"><div class="titel">Vandaag</div><div>08:30 Wouters Marc – DM2 zorgtraject</div><div>08:45 Janssens Lies – hypertensie opvolging</div><div>09:15 De Smet Rik – lage rugpijn chronisch</div></div><p>Astma.</p>', 'nl');
    expect(ids(agenda)).toEqual(['asthma']);
    const ward = page('<div class="wl"><div>C4-05-1 Mw. T. Visser – COPD exacerbatie</div><div>C4-05-2 Dhr. J. Kok – DM2 ontregeld, hypertensie</div><div>C4-06-1 Mw. L. Peters – AF, angststoornis</div></div><p>Hartfalen.</p>', 'nl');
    expect(ids(ward)).toEqual(['heart_failure']);
    // Without a time, two capitalized words are no name: a list of problems in title case stays the patient's.
    expect(ids(page('<ul><li>Chronic Kidney Disease – stage 3</li><li>Essential Hypertension – treated</li><li>Heart Failure – NYHA II</li></ul>', 'en'))).toEqual(['ckd', 'heart_failure', 'hypertension']);
  });

  it("reads a listed name after a list's number as a person: a theatre list, a numbered recall list (en, nl, fr)", () => {
    const en = page('<div class="list"><div>1. JONES, Peter - lap chole - T2DM, CKD3</div><div>2. THOMPSON, Karen - lap chole</div><div>3. SINGH, Ravi - inguinal hernia - COPD</div><div>4. MURPHY, Eileen - asthma, angina</div></div><p>Hypertension.</p>', 'en');
    expect(ids(en)).toEqual(['hypertension']);
    const nl = page('<div><div>1) Jansen, P. - COPD controle</div><div>2) Bakker, M. - DM2</div><div>3) Visser, A. - hartfalen</div></div><p>Astma.</p>', 'nl');
    expect(ids(nl)).toEqual(['asthma']);
    const fr = page('<div><div>1. MARTIN Paul - BPCO</div><div>2. DUBOIS Anne - diabète de type 2</div><div>3. LEROY Marc - HTA</div></div><p>Asthme.</p>', 'fr');
    expect(ids(fr)).toEqual(['asthma']);
    // A numbered list of problems in title case stays the patient's.
    expect(ids(page('<div><div>1. Essential Hypertension - 2008</div><div>2. Heart Failure - NYHA II</div><div>3. Chronic Kidney Disease - stage 3</div></div>', 'en'))).toEqual(['ckd', 'heart_failure', 'hypertension']);
  });

  it('drops the lines of one block most of which name a person, under a heading that names no roster (en, nl, fr)', () => {
    const nl = page('<div class="pan"><h4>Vandaag</h4>09:00 Dhr. Postma - AF, hypertensie<br>09:20 Mw. El Amrani - CABG controle<br><b>09:40 Mw. Dijkstra-Bosman</b><br>10:00 Dhr. Kramer - hartfalen, COPD</div><p>Artrose knie.</p>', 'nl');
    expect(ids(nl)).toEqual(['osteoarthritis']);
    const en = page('<div><h4>Queue</h4>1. Mr B. Smith - insulin (T1DM) - fridge<br>2. Mrs F. Ozturk - sertraline start<br>3. Mr T. Baker - tiotropium (COPD)</div><p>Asthma.</p>', 'en');
    expect(ids(en)).toEqual(['asthma']);
    const fr = page('<div><h4>Salle</h4>14h00 M. Favre - contrôle HTA<br>14h20 Mme Rochat - BPCO<br>14h40 M. Dubois - insuffisance cardiaque</div><p>Asthme.</p>', 'fr');
    expect(ids(fr)).toEqual(['asthma']);
    // A worklist's heading names other patients' work, whoever its lines name.
    for (const [heading, lang] of [['Werklijst vandaag', 'nl'], ['My worklist', 'en'], ['Liste de travail', 'fr']] as const)
      expect(ids(page(`<div><h4>${heading}</h4><div>DM2 / T2DM</div><div>COPD / BPCO</div></div><p>Enkeldistorsie.</p>`, lang)), heading).toEqual([]);
    // Lines of the patient's own note, one of them naming the GP, stay the patient's.
    const note = page('<div><h4>Consult</h4>Bekend met COPD GOLD 2.<br>Dhr. Jansen (HA) belt terug.<br>Hypertensie, amlodipine.</div>', 'nl');
    expect(ids(note)).toEqual(['copd', 'hypertension']);
  });

  it('drops a table most of whose rows name a patient, and keeps the problem list beside a roster', () => {
    const en = page('<table><tr><th>Time</th><th>Patient</th><th>Reason</th></tr><tr><td>10:00</td><td>GRANT, Lesley</td><td>COPD exacerbation</td></tr><tr><td>10:10</td><td>PATEL, Nish</td><td>Type 1 diabetes</td></tr><tr><td>10:20</td><td>LI, Wei</td><td>CKD bloods</td></tr></table><p>Asthma, well controlled.</p>', 'en');
    expect(ids(en)).toEqual(['asthma']);
    const fr = page('<table><tr><td>08:45</td><td>PERRIN Annie - renouvellement BPCO</td></tr><tr><td>09:15</td><td>HAMIDI Sonia - asthme</td></tr><tr><td>09:30</td><td>COLIN Marc - insuffisance cardiaque</td></tr></table>', 'fr');
    expect(ids(fr)).toEqual([]);
    const nl = page('<div><h4>Probleemlijst</h4><ul><li>R95 COPD - actief sinds 2016</li><li>P74 Angststoornis - actief</li></ul><h4>Terugbellijst</h4><ol><li>mw. De Groot - uitslag spirometrie</li><li>dhr. Yilmaz - herhaalrecept, DM2</li><li>mw. Bos - hartfalen</li></ol></div>', 'nl');
    expect(ids(nl)).toEqual(['anxiety', 'copd']);
    // A page laid out as a table: the roster is the table in one column's cell, not the layout around it.
    const laidOut = page(
      '<table><tr><td><div>Recalls due</div><table><tr><td>Diabetes annual review</td><td>PATEL R.</td></tr><tr><td>COPD review</td><td>MCKENZIE D.</td></tr><tr><td>Depression r/v</td><td>SINGH A.</td></tr></table></td>' +
        '<td><dl><dt>Active</dt><dd>16 Mar 1998 Asthma (195967001)</dd><dd>09 Jun 2021 Generalised anxiety disorder</dd></dl></td></tr></table>',
      'en',
    );
    expect(ids(laidOut)).toEqual(['anxiety', 'asthma']);
  });

  it("drops a drug from an item that names another patient, so it supports none of this patient's conditions", () => {
    const status = (list: string) => {
      const r = detectPage(page(`<p>Diabetes, diet only.</p>${list.startsWith('<tr>') ? `<table>${list}</table>` : `<ul>${list}</ul>`}`, 'en'), { adapters: [] });
      const t2dm = r.conditions.find((c) => c.id === 't2dm');
      return `${t2dm?.status} ${t2dm?.evidence.map((e) => e.match).join(', ')}`;
    };
    // In the patient's own medication list, metformin makes "diabetes" type 2 diabetes.
    expect(status('<li>Metformin 500 mg bd</li><li>Ramipril 5 mg od</li><li>Atorvastatin 20 mg</li>')).toBe('confirmed Diabetes, Metformin');
    // In a call list, the item names Mr Iqbal: his metformin is no evidence of this patient's.
    expect(status('<li>Mr S Iqbal - metformin review</li><li>Mrs D Carver - COPD review</li><li>Miss R Flynn - Depression review</li>')).toBe('possible Diabetes');
    // In an agenda table, the drug's row names the other patient in a cell of its own.
    expect(status('<tr><td>10:00</td><td>GRANT, Lesley</td><td>metformin review</td></tr><tr><td>10:10</td><td>PATEL, Nish</td><td>asthma</td></tr><tr><td>10:20</td><td>LI, Wei</td><td>bloods</td></tr>')).toBe('possible Diabetes');
  });

  it('keeps a condition whose name in capitals opens a list item: no surname', () => {
    const en = page('<ul><li>COPD Review - due</li><li>CKD Check - done</li><li>HTN Review - booked</li></ul>', 'en');
    expect(ids(en)).toEqual(['ckd', 'copd', 'hypertension']);
  });
});

describe('links out of the EHR', () => {
  it("leaves a link to another site unread: a guideline, wherever it stands (en, nl, fr)", () => {
    const en = page('<details open><summary>Links</summary><span><a href="https://www.sign.ac.uk/">SIGN guidelines</a></span><span><a href="https://www.nice.org.uk/guidance/ng136">NICE NG136 Hypertension</a></span></details><p>Asthma.</p>', 'en');
    expect(ids(en)).toEqual(['asthma']);
    const nl = page('<p>Astma, goed onder controle. Info voor de patiënt: <a href="https://www.thuisarts.nl/hartfalen">Thuisarts - Hartfalen</a></p>', 'nl');
    expect(ids(nl)).toEqual(['asthma']);
    const fr = page('<div>Liens : <a href="//www.has-sante.fr/bpco">HAS - Guide parcours BPCO</a></div><p>Asthme.</p>', 'fr');
    expect(ids(fr)).toEqual(['asthma']);
  });

  it("reads a link within the EHR's own site: a problem the chart links to", () => {
    const own = page('<ul><li><a href="/problems/42">COPD</a></li><li><a href="http://127.0.0.1:4173/problems/43">Hypertension</a></li><li><a href="#">Asthma</a></li></ul>', 'en');
    expect(ids(own)).toEqual(['asthma', 'copd', 'hypertension']);
  });

  it('reads a link again when its address changes', () => {
    const doc = page('<p>Problems: <a id="l" href="/problems/42">COPD</a>. Also asthma.</p>', 'en');
    const det = createDetector(doc, { adapters: [] });
    expect(det.detect().conditions.map((c) => c.id).sort()).toEqual(['asthma', 'copd']);
    const link = doc.getElementById('l') as HTMLElement;
    const r = det.onMutations(mutateAndCollect(doc, () => link.setAttribute('href', 'https://www.nice.org.uk/guidance/ng115')));
    expect(r).toEqual(detectPage(doc, { adapters: [] }));
    expect(r?.conditions.map((c) => c.id)).toEqual(['asthma']);
  });
});

describe('column verdicts after a change', () => {
  it('reads a column again when a change makes it a menu or a roster, or one no more', () => {
    const doc = page('<div id="col"><div>Journaal</div><div>Medicatie</div><div id="x">Astma</div><div>COPD</div></div><ul id="calls"><li>Mrs D Carver - COPD review</li><li>Mr S Iqbal - diabetes</li><li id="y">Hypertension</li></ul>', 'en');
    const det = createDetector(doc, { adapters: [] });
    expect(det.detect().conditions.map((c) => c.id).sort()).toEqual(['asthma', 'copd', 'hypertension', 't2dm']);
    const step = (mutate: () => void) => {
      const r = det.onMutations(mutateAndCollect(doc, mutate)) ?? det.detect();
      expect(r).toEqual(detectPage(doc, { adapters: [] }));
      return r.conditions.map((c) => c.id).sort();
    };
    const col = doc.getElementById('col') as HTMLElement;
    // A third screen name makes the column a menu: both of its conditions go.
    expect(step(() => col.prepend(Object.assign(doc.createElement('div'), { textContent: 'Uitslagen' })))).toEqual(['copd', 'hypertension', 't2dm']);
    // A long item makes it text again.
    const x = doc.getElementById('x') as HTMLElement;
    expect(step(() => (x.textContent = 'Astma sinds de kindertijd, ICS-onderhoud, goed onder controle'))).toEqual(['asthma', 'copd', 'hypertension', 't2dm']);
    // A third patient's name makes the list a roster.
    const y = doc.getElementById('y') as HTMLElement;
    expect(step(() => ((y.firstChild as Text).data = 'Miss R Flynn - Hypertension'))).toEqual(['asthma', 'copd']);
    expect(step(() => y.remove())).toEqual(['asthma', 'copd', 't2dm']);
  });

  it('a new full read judges columns on the page as it is now, not as an earlier read saw it', () => {
    const doc = page('<div id="col"><div>Journaal</div><div>Medicatie</div><div>Astma</div></div>', 'nl');
    const det = createDetector(doc, { adapters: [] });
    expect(det.detect().conditions.map((c) => c.id)).toEqual(['asthma']);
    // Changed without the detector being told: a third screen name makes the column a menu.
    (doc.getElementById('col') as HTMLElement).prepend(Object.assign(doc.createElement('div'), { textContent: 'Uitslagen' }));
    expect(det.detect()).toEqual(detectPage(doc, { adapters: [] }));
    expect(det.detect().conditions).toEqual([]);
  });
});

describe('bold labels that name a section', () => {
  it('reads shortcuts, practice guides, pathways, ward lists and a health maintenance table as no findings of the patient (en, nl, fr)', () => {
    const shortcuts = [
      page('<div style="font-weight:600">Shortcuts</div><ul><li><a href="#">Hyperkalaemia protocol</a></li><li><a href="#">Heart failure (ESC 2023)</a></li></ul><p>Sore throat.</p>', 'en'),
      page('<div style="font-weight:600">Snelkoppelingen</div><ul><li><a href="#">Protocol hyperkaliëmie</a></li><li><a href="#">Richtlijn Hartfalen (NVVC)</a></li></ul><p>Pneumonie.</p>', 'nl'),
      page('<div style="font-weight:600">Raccourcis</div><ul><li><a href="#">Protocole hyperkaliémie</a></li><li><a href="#">Insuffisance cardiaque (ESC 2023)</a></li></ul><p>Entorse.</p>', 'fr'),
    ];
    expect(shortcuts.map(ids)).toEqual([[], [], []]);
    const guides = [
      page('<p><a href="#">ADA Standards of Care - Diabetes</a></p><p>Sore throat.</p>', 'en'),
      page('<p><a href="#">EBMPracticeNet — Diabetes type 2</a> · <a href="#">Domus Medica — Chronische lage rugpijn</a></p><p>Pneumonie.</p>', 'nl'),
      page('<div class="sec"><div class="sech">Guides de pratique</div><a href="#">SSMG — Asthme</a> · <a href="#">Domus Medica — Lombalgie chronique</a> · <a href="#">EBMPracticeNet — Diabète de type 2</a></div><p>Entorse.</p>', 'fr'),
    ];
    expect(guides.map(ids)).toEqual([[], [], []]);
    const pathways = [
      page('<div><b>Klinische paden</b><div>COPD-exacerbatie (zorgpad)</div><div>Hartfalen - decompensatie</div></div><p>Pneumonie.</p>', 'nl'),
      page('<div><b>Parcours / chemins cliniques</b><div>Parcours BPCO - PRADO</div><div>Diabète - protocole insuline IV</div></div><p>Entorse.</p>', 'fr'),
    ];
    expect(pathways.map(ids)).toEqual([[], []]);
    const wardLists = [
      page('<div style="background:#c8102e;color:#fff">Liste du service – Méd. int. B</div><table><tr><td>201</td><td>BERSET Anne, 84</td><td>décompensation cardiaque</td></tr><tr><td>202</td><td>REY Marcel, 71</td><td>exacerbation BPCO</td></tr></table><p>Entorse.</p>', 'fr'),
      page('<div style="background:#036;color:#fff">Afdelingslijst – Interne B</div><table><tr><td>201</td><td>BAKKER Anne, 84</td><td>hartfalen</td></tr><tr><td>202</td><td>DE JONG Kees, 71</td><td>COPD-exacerbatie</td></tr></table><p>Pneumonie.</p>', 'nl'),
    ];
    expect(wardLists.map(ids)).toEqual([[], []]);
    // the day's home visits under the waiting room (round 48)
    const homeVisits = [
      page('<div><div style="font-weight:bold">Home visits</div><div>14:00 Mrs Clarke - heart failure, oedema</div></div><p>Sore throat.</p>', 'en'),
      page('<div><div style="font-weight:bold">Huisbezoeken</div><div>14:00 Mevr. Claes - hartfalen, oedeem</div></div><p>Keelpijn.</p>', 'nl'),
      page('<div><div style="font-weight:bold">Visites à domicile</div><div>14h00 Mme Claes - insuffisance cardiaque, œdèmes</div></div><p>Angine.</p>', 'fr'),
    ];
    expect(homeVisits.map(ids)).toEqual([[], [], []]);
    // the practice's reminders about other patients (round 49)
    const reminders = [
      page('<div><div class="titel">Practice reminders</div><div>Mason P. - HbA1c 3-monthly</div><div>Webb A. - spirometry COPD</div></div><p>Sore throat.</p>', 'en'),
      page('<div><div class="titel">Herinneringen praktijk</div><div>Maes P. - HbA1c 3-maandelijks</div><div>Wouters A. - spirometrie COPD</div></div><p>Keelpijn.</p>', 'nl'),
      page('<div><div class="titel">Rappels du cabinet</div><div>Martin P. - HbA1c trimestrielle</div><div>Dubois A. - spirométrie BPCO</div></div><p>Angine.</p>', 'fr'),
    ];
    expect(reminders.map(ids)).toEqual([[], [], []]);
    const maintenance = page('<div class="h">Health Maintenance</div><table><tr><th>Topic</th><th>Status</th></tr><tr><td>Diabetic eye exam</td><td>Not applicable</td></tr></table><p>Sore throat.</p>', 'en');
    expect(ids(maintenance)).toEqual([]);
  });

  it('puts the links after a guideline label in its block out of the patient findings (en, nl, fr)', () => {
    const en = page('<p><b>Guidelines</b><br><a href="#">NICE NG80 Asthma</a><br><a href="#">NICE NG18 Diabetes in children</a></p><p>Otitis media.</p>', 'en');
    expect(ids(en)).toEqual([]);
    const nl = page('<p><b>NHG-Standaarden</b><br><a href="#">Astma bij volwassenen (M27)</a><br><a href="#">Depressie (M44)</a></p>', 'nl');
    expect(ids(nl)).toEqual([]);
    const fr = page('<p><b>Référentiels</b><br><a href="#">HAS — Prise en charge de l\'HTA</a></p><p>Entorse de cheville.</p>', 'fr');
    expect(ids(fr)).toEqual([]);
    const references = page('<div class="card"><h3>Références</h3><div><a href="#">Diabète Canada – Lignes directrices 2018</a><br><a href="#">INESSS – MRC de stade 1 à 3</a></div></div><p>Entorse.</p>', 'fr');
    expect(ids(references)).toEqual([]);
    const referentiel = page('<div>Référentiel : HAS - Guide parcours insuffisance cardiaque · SFGG - Dépression du sujet âgé</div><p>Entorse.</p>', 'fr');
    expect(ids(referentiel)).toEqual([]);
    // the publisher's name alone heads a line of its guidelines (round 45)
    const publishers = [
      page('<p>Sore throat.</p><p>NICE <a href="#">Asthma</a> · <a href="#">COPD</a> · <a href="#">Type 2 diabetes</a></p>', 'en'),
      page('<p>Keelpijn.</p><p>NHG-Standaard <a href="#">Acute keelpijn</a> · <a href="#">Astma bij volwassenen</a> · <a href="#">COPD</a></p>', 'nl'),
      page('<p>Angine.</p><p>HAS <a href="#">Asthme</a> · <a href="#">BPCO</a> · <a href="#">Diabète de type 2</a></p>', 'fr'),
    ];
    expect(publishers.map(ids)).toEqual([[], [], []]);
    // Quebec's word for a chart's templates
    const gabarits = page('<div><h6>Gabarits</h6><a href="#">Suivi MPOC</a><a href="#">Suivi diabète (DB2)</a><a href="#">Insuffisance cardiaque</a></div><p>Entorse.</p>', 'fr');
    expect(ids(gabarits)).toEqual([]);
    // a column of the practice's care protocols
    const protocols = [
      page('<div><b>Protocols / Chronic care</b><ul><li>Asthma/COPD</li><li>Heart failure</li><li>CKD</li></ul></div><p>Ingrown toenail.</p>', 'en'),
      page('<div><b>Protocollen / Ketenzorg</b><ul><li>Astma/COPD (CASPIR)</li><li>Hartfalen</li><li>Chronische nierschade</li></ul></div><p>Unguis incarnatus.</p>', 'nl'),
      page('<div><b>Protocoles</b><ul><li>BPCO</li><li>Insuffisance cardiaque</li><li>IRC</li></ul></div><p>Ongle incarné.</p>', 'fr'),
    ];
    expect(protocols.map(ids)).toEqual([[], [], []]);
    // EMIS Web's Resource Publisher, a column of the practice's templates (round 51)
    const publisher = page('<div><div class="grp">Resource Publisher</div><a href="#">Diabetes Annual Review v4.2</a><a href="#">COPD Annual Review (Ardens)</a><a href="#">Heart Failure Review</a></div><p>Ingrown toenail.</p>', 'en');
    expect(ids(publisher)).toEqual([]);
    // a <header> holding its text alone heads a side column as a div would (HiX, round 52)
    const headers = [
      page('<div><header>Protocols / Care pathways</header><div>Pathway COPD exacerbation</div><div>Pathway heart failure</div><header>Guidelines</header><div>x</div></div><p>Pneumonia.</p>', 'en'),
      page('<div><header>Protocollen / Zorgpaden</header><div>Zorgpad COPD-longaanval</div><div>Zorgpad Hartfalen (decompensatie)</div><header>Richtlijnen</header><div>x</div></div><p>Pneumonie.</p>', 'nl'),
      page('<div><header>Protocoles / Chemins cliniques</header><div>Chemin clinique BPCO</div><div>Chemin clinique insuffisance cardiaque</div><header>Références</header><div>x</div></div><p>Pneumonie.</p>', 'fr'),
    ];
    expect(headers.map(ids)).toEqual([[], [], []]);
    // a doctor's recall, lines of other patients with no dash after their names
    const recall = page('<div class="hd">Recall – Dr H. Oduya</div><div class="pane">SMITH, Arthur COPD 02/12<br>KHAN, Amina DM2 03/12<br>PRICE, Gwen HF 05/12</div><p>Sore throat.</p>', 'en');
    expect(ids(recall)).toEqual([]);
    // a ward's list of its patients, one per line
    const wards = [
      page('<div><b>Ward list - 7B</b><br>Bay 1 - Mr COLE - COPD exacerbation<br>Bay 2 - Mrs HART - DKA, T1DM</div><p>Cellulitis.</p>', 'en'),
      page('<aside><b>Afdelingsoverzicht B3 Longziekten</b><br>301 Dhr. de Jong - COPD-exacerbatie<br>303 Mw. Yildiz - astma-exacerbatie</aside><p>Pneumonie.</p>', 'nl'),
      page('<div><b>Liste des patients - UF 3B</b><br>Ch. 11 - M. FONTAINE - BPCO exacerbée<br>Ch. 14 - Mme MOREL - DT1 déséquilibré</div><p>Pneumopathie.</p>', 'fr'),
    ];
    expect(wards.map(ids)).toEqual([[], [], []]);
    // Epic's order sets, a day's agenda in one word
    const smartSets = page('<div><b>SmartSets</b><div>• Diabetes Mellitus Type 2 - Adult</div><div>• CHF Outpatient</div></div><p>Asthma.</p>', 'en');
    expect(ids(smartSets)).toEqual(['asthma']);
    const navigator = page('<div class="story"><div><b>Chart Navigator</b></div><div><a href="#">Diabetes Navigator</a></div><div><a href="#">COPD Action Plan</a></div></div><p>Asthma.</p>', 'en');
    expect(ids(navigator)).toEqual(['asthma']);
    const dagagenda = page('<div><b>Dagagenda dr. Meijer</b><ul><li>08:00 DM2 controle</li><li>08:30 COPD longaanval</li></ul></div><p>Enkeldistorsie.</p>', 'nl');
    expect(ids(dagagenda)).toEqual([]);
    // Domus Medica's guidelines are its 'aanbevelingen'; a patient's intake questionnaire asks, it does not say
    const aanbevelingen = page('<div><b>Aanbevelingen</b><br><a href="#">Domus Medica - Diabetes mellitus type 2</a><br><a href="#">Domus Medica - Hartfalen</a></div><p>Verstuiking enkel.</p>', 'nl');
    expect(ids(aanbevelingen)).toEqual([]);
    // A ward's bed board: a patient in each bed
    const beds = [
      page('<div><div class="titel">Beddenoverzicht C3</div><div>C3-06 Dhr. de Boer – COPD exacerbatie</div><div>C3-07 Mw. Yilmaz – DM1, ketoacidose</div></div><p>Hartfalen.</p>', 'nl'),
      page('<div><div class="t">Bed board - Ward 7</div><div>7-01 Mr Hale – COPD exacerbation</div><div>7-02 Mrs Ito – DKA, type 1 diabetes</div></div><p>Heart failure.</p>', 'en'),
      page('<div><div class="t">Tableau des lits 6B</div><div>6B-18 M. Favre – BPCO</div><div>6B-19 Mme Berset – DT1</div></div><p>Insuffisance cardiaque.</p>', 'fr'),
    ];
    expect(beds.map(ids)).toEqual([['heart_failure'], ['heart_failure'], ['heart_failure']]);
    // A label naming patients, in the plural, lists others ("Patienten" in Dutch already did)
    const units = [
      page("<div><b>Patients de l'unité 6B</b><ul><li>6B-18 M. Favre – décompensation cardiaque</li><li>6B-19 Mme Berset – DT1</li></ul></div><p>BPCO.</p>", 'fr'),
      page('<div><b>Ward 7 patients</b><ul><li>7-01 Mr Hale – heart failure</li><li>7-02 Mrs Ito – type 1 diabetes</li></ul></div><p>COPD.</p>', 'en'),
    ];
    expect(units.map(ids)).toEqual([['copd'], ['copd']]);
    const terugroeplijst = page('<div><b>Terugroeplijst DM-controles (april)</b><br>Jansen, P.<br>Bakker, M.</div><p>Verstuiking.</p>', 'nl');
    expect(ids(terugroeplijst)).toEqual([]);
    // A clinic's list of the day, Quebec's abbreviation for appointments, a doctor's inbox of messages about anyone
    const polilijst = page('<div class="wl"><div style="font-weight:bold">Polilijst - di 14 mei</div><div>08:30 Mw. Çelik - hypertensie</div><div>08:50 Dhr. Prins - COPD/ dyspnoe</div></div><p>Hartfalen.</p>', 'nl');
    expect(ids(polilijst)).toEqual(['heart_failure']);
    const rdv = page('<div class="rdv"><b>RDV du jour</b><p>09:00 Lavoie, Sylvie - DB2 suivi<br>10:00 Roy, Kevin - asthme</p></div><p>MPOC.</p>', 'fr');
    expect(ids(rdv)).toEqual(['copd']);
    const inboxes = [
      page('<div class="card"><h3>eHealthBox</h3><div class="msg">Labo MCM: Dhr. Maes Jan - eGFR 38 (CNI)</div><div class="msg">AZ Sint-Maarten: ontslagbrief Mw. Claes - decompensatio cordis</div></div><p>Obesitas.</p>', 'nl'),
      page('<div><b>In Basket</b><div>Result note: K. Dunn - HbA1c 9.1, type 2 diabetes</div></div><p>Obesity.</p>', 'en'),
      page('<div><h4>Boîte de réception</h4><p>Courrier cardio : M. Petit - insuffisance cardiaque</p></div><p>Obésité.</p>', 'fr'),
    ];
    expect(inboxes.map(ids)).toEqual([['obesity'], ['obesity'], ['obesity']]);
    // The day's schedule, by its name in each language
    const schedules = [
      page("<div class=\"card\"><div class=\"t\">Today's Schedule</div><div>08:20 <b>Salazar, Maria</b> – pain mgmt<br>08:40 Chen, Wei – asthma<br>09:00 Patel, Ravi – knee OA injection</div></div><p>Obesity.</p>", 'en'),
      page('<div><b>Planning</b><div>09:00 Janssens, Piet - astma</div><div>09:20 Claes, Mia - artrose knie</div></div><p>Obesitas.</p>', 'nl'),
      page('<div><b>Horaire du jour</b><div>09:00 Tremblay, Luc - asthme</div><div>09:20 Gagnon, Marie - arthrose</div></div><p>Obésité.</p>', 'fr'),
    ];
    expect(schedules.map(ids)).toEqual([['obesity'], ['obesity'], ['obesity']]);
    // A tree of care programmes, their protocols named by condition
    const programmes = [
      page('<div role="tree"><div role="treeitem">Zorgprogramma\'s<div role="group"><div role="treeitem">Protocol COPD</div><div role="treeitem">Protocol Astma</div><div role="treeitem">Protocol Hartfalen</div></div></div></div><p>Obesitas.</p>', 'nl'),
      page('<div role="tree"><div role="treeitem">Care programmes<div role="group"><div role="treeitem">COPD protocol</div><div role="treeitem">Asthma protocol</div><div role="treeitem">Heart failure protocol</div></div></div></div><p>Obesity.</p>', 'en'),
      page('<div role="tree"><div role="treeitem">Programmes de soins<div role="group"><div role="treeitem">Protocole BPCO</div><div role="treeitem">Protocole asthme</div><div role="treeitem">Protocole insuffisance cardiaque</div></div></div></div><p>Obésité.</p>', 'fr'),
    ];
    expect(programmes.map(ids)).toEqual([['obesity'], ['obesity'], ['obesity']]);
    // Flemish for a waiting room, its count beside it
    const wachtzaal = page('<div><div class="kop">Wachtzaal (2)</div><div>10:05 — Wouters Jan (controle diabetes)</div><div>10:15 — Peeters An (COPD, hoest)</div></div><p>Verstuiking.</p>', 'nl');
    expect(ids(wachtzaal)).toEqual([]);
    const intake = page('<div><h4>Intakevragenlijst (ingevuld door patiënt)</h4><p>Depressie in voorgeschiedenis?</p></div><p>Astma.</p>', 'nl');
    expect(ids(intake)).toEqual(['asthma']);
    // SystmOne's clinical tree, a column of its nodes
    const clinicalTree = page('<div class="tree"><div class="f">Clinical Tree</div><div>Problems</div><div>Asthma</div><div>COPD</div><div>Heart Failure</div><div class="f">Quick Templates</div><div>Depression Review</div></div><p>Type 2 diabetes.</p>', 'en');
    expect(ids(clinicalTree)).toEqual(['t2dm']);
  });

  it('reads a span that opens a line with a label as the heading of the text after it in its block', () => {
    // a column of spans styled as lines, a label among them; a label before links on lines
    const columns = [
      page('<div class="kolom"><span class="k">Werkbak</span> <span>Herhaalrecept – Dhr. Bos (DM2, metformine)</span> <span>Brief longarts – Dhr. Smits (COPD)</span> <span class="k">Protocollen</span> <span>Astma</span> <span>Hartfalen</span></div><p>Wrat.</p>', 'nl'),
      page('<div class="side"><span class="h">Clinical audits</span> <span>Diabetes register audit</span> <span>CKD – ACR in last 12m</span></div><p>Sprained ankle.</p>', 'en'),
      page('<div><table><tr><td>Entorse.</td></tr></table><span class="lbl">Références</span> <a href="#">INESSS — Trouble d\'anxiété généralisée</a><br><a href="#">Diabète Canada — Lignes directrices</a></div>', 'fr'),
    ];
    expect(columns.map(ids)).toEqual([[], [], []]);
    // spans side by side in a sentence name no section: the label before them still heads them
    const sentence = page('<p><b>Family history</b><br><span>Father</span> <span>COPD</span></p><p><span>Known</span> <span>asthma</span>.</p>', 'en');
    expect(ids(sentence)).toEqual(['asthma']);
  });

  it('reads a block holding only a label as the heading of the list after it', () => {
    const en = page('<div class="col"><p><b>Clinical modules</b></p><ul><li>Diabetes</li><li>Asthma</li><li>COPD</li></ul></div><p>Sprained ankle.</p>', 'en');
    expect(ids(en)).toEqual([]);
    const nl = page('<div><p><strong>Modules</strong></p><ul><li>Hartfalen</li><li>COPD</li></ul></div>', 'nl');
    expect(ids(nl)).toEqual([]);
  });

  it('reads a bold label alone between blocks, with no block of its own, as the heading of the block after it', () => {
    const side = '<div class="side"><b>Today</b><ul><li>Flu clinic</li></ul><b>Guidance</b><ul><li><a href="#">NICE NG106 Chronic heart failure</a></li></ul></div>';
    expect(ids(page(`${side}<p>Essential hypertension.</p>`, 'en'))).toEqual(['hypertension']);
    const family = detectPage(page('<div><b>Antécédents familiaux</b><ul><li>Père : BPCO</li></ul></div>', 'fr'));
    expect(family.conditions).toEqual([]);
    expect(family.ruledOut.map((r) => r.id)).toEqual(['copd']);
    // Bold words in a line, with text beside them, are no heading of the block after them.
    expect(ids(page('<div>As per <b>Guidance</b><ul><li>Asthma</li></ul></div>', 'en'))).toEqual(['asthma']);
    expect(ids(page('<div><b>Guidance</b><ul><li>Inhaler technique</li></ul><p>Asthma, well controlled.</p></div>', 'en'))).toEqual([]);
  });

  it("ends a patient list's section at the next label block styled as its own (en, nl, fr)", () => {
    const en = page('<div><div class="gap"><b>Past problems</b></div><div>2006 Anxiety state - ended</div><div class="gap"><b>Comorbidity check</b></div><div>[x] Osteoarthritis - both knees</div></div>', 'en');
    expect(ids(en)).toEqual(['osteoarthritis']);
    const nl = page('<div><p><b>Passieve problemen</b></p><p>Depressie 2010</p><p><b>Controle 12/03</b></p><p>Artrose beide knieën, paracetamol.</p></div>', 'nl');
    expect(ids(nl)).toEqual(['osteoarthritis']);
    const fr = page('<div><div><b>Antécédents familiaux</b></div><div>Père : BPCO</div><div><b>Mode de vie</b></div><div>Tabac 20 PA, HTA traitée.</div></div>', 'fr');
    expect(ids(fr)).toEqual(['hypertension']);
    // A label of another style names a part of the list, and a reference column's labels name more of it.
    expect(ids(page('<div><div class="gap"><b>Past problems</b></div><div><b>2006</b></div><div>Anxiety state</div></div>', 'en'))).toEqual([]);
    const side = '<div class="col"><p><b>Clinical modules</b></p><ul><li>Diabetes</li><li>Asthma</li></ul><p><b>Links</b></p><ul><li><a href="#">NICE CG177 Osteoarthritis</a></li></ul></div>';
    expect(ids(page(`${side}<p>Sprained ankle.</p>`, 'en'))).toEqual([]);
  });

  it('reads a longer bold label on a line of its own as a heading: a form with a note of how far it is filled in (en, nl, fr)', () => {
    const outOf = (body: string, lang: string) =>
      detectPage(page(body, lang), { adapters: [] }).ruledOut.flatMap((c) => c.evidence.map((e) => `${c.id} ${e.where}`));
    const nl = '<div><b>Vragenlijst intake POH-GGZ (deels ingevuld)</b><table><tr><td>Is er een depressie vastgesteld?</td><td>-</td></tr></table></div>';
    expect(outOf(nl, 'nl')).toEqual(['depression section']);
    const en = '<div><div><b>Questionnaire: Mood screen (partially completed)</b></div><dl><dt>Diagnosed anxiety disorder?</dt><dd>—</dd></dl></div>';
    expect(outOf(en, 'en')).toEqual(['anxiety section']);
    const fr = '<div><strong>Questionnaire de dépistage (rempli en partie)</strong><p>Dépression diagnostiquée ? —</p></div>';
    expect(outOf(fr, 'fr')).toEqual(['depression section']);
  });

  it('reads "Links" and "Taken" as a section only in a short heading: longer, they are words of another language', () => {
    const links = page('<div class="panel"><div class="hdr">Links</div><ul><li><a href="#">NICE NG84 Sore throat</a></li><li><a href="#">BTS/SIGN/NICE Asthma 2024</a></li></ul></div><p>Sore throat.</p>', 'en');
    expect(ids(links)).toEqual([]);
    const taken = page('<div><b>Mijn taken</b><ul><li>Herhaalrecept metformine dhr. Smit</li><li>Uitslag HbA1c mw. Bos (DM2)</li></ul></div><p>Enkeldistorsie.</p>', 'nl');
    expect(ids(taken)).toEqual([]);
    // "Bloods taken" is English; "RX knie links" is the left knee.
    const bloods = detectPage(page('<p>Bloods taken for GP: eGFR 58 – GP queried early CKD, awaiting repeat.</p>', 'en'), { adapters: [] });
    expect(bloods.conditions.map((c) => `${c.id} ${c.status}`)).toEqual(['ckd possible']);
    expect(ids(page('<div><b>RX knie links</b><p>Gonartrose, mediaal compartiment.</p></div>', 'nl'))).toEqual(['osteoarthritis']);
  });

  it("puts a block's own text after a label block among its children in the label's section (links in a side cell)", () => {
    const cell = '<table><tr><td><p><b>Views</b></p><a>Journal</a> <a>Therapy</a><p><b>Guidelines</b></p><a>NICE NG28 Type 2 diabetes in adults</a><p><b>Clinical Audit</b></p><a>COPD register</a></td><td><p>Asthma, well controlled.</p></td></tr></table>';
    expect(ids(page(cell, 'en'))).toEqual(['asthma']);
    // After a label that names no section, the cell's own text is read as before.
    expect(ids(page(cell.replace('Clinical Audit', 'Notes'), 'en'))).toEqual(['asthma', 'copd']);
    const nl = page('<aside><h5>Dossier</h5><a>Journaal</a> <a>Medicatie</a><h5>Richtlijnen</h5><a>NHG-Standaard Hartfalen</a></aside><p>Astma.</p>', 'nl');
    expect(ids(nl)).toEqual(['asthma']);
  });

  it('reads a bold label on a line of its own inside a block as the heading of the lines after it (en, nl, fr)', () => {
    const nl = page('<div class="rem"><b>Herinneringen</b><br>Griepvaccinatie<br><br><b>Agenda</b><br>10:15 Hermans W. – COPD<br>10:30 Lemmens A. – hartfalen</div><p>Astma.</p>', 'nl');
    expect(ids(nl)).toEqual(['asthma']);
    const en = page('<div class="tasks"><b>Tasks</b><br>• Review bloods for Mr T. AHMED (CKD 3a)<br>• Repeat request: Mrs J. COLE – sertraline (depression)</div><p>COPD.</p>', 'en');
    expect(ids(en)).toEqual(['copd']);
    const fr = page('<div>Suivi du jour<br><b>Antécédents familiaux</b><br>Père : BPCO</div>', 'fr');
    expect(detectPage(fr).ruledOut.map((r) => `${r.id}:${r.evidence[0]?.context}`)).toEqual(['copd:family']);
    // A label with text beside it on its line is a line's label, not a heading.
    expect(ids(page('<div>Seen today.<br><b>Tasks</b> done, COPD stable<br>ok</div>', 'en'))).toEqual(['copd']);
  });

  it('leaves the list in the section around it when the label names none', () => {
    const problems = page('<h2>Problems</h2><p><b>Cardiovascular</b></p><ul><li>Hypertension</li></ul>', 'en');
    expect(ids(problems)).toEqual(['hypertension']);
    const bare = page('<h2>Resolved problems</h2><div><b>Respiratory</b><ul><li>Asthma</li></ul></div>', 'en');
    expect(ids(bare)).toEqual([]);
    const family = detectPage(page('<h2>Antécédents familiaux</h2><p><b>Côté maternel</b></p><ul><li>Asthme</li></ul>', 'fr'));
    expect(family.conditions).toEqual([]);
    expect(family.ruledOut.map((r) => r.id)).toContain('asthma');
  });
});

describe('leaf labels: a short line alone in a styled div or paragraph', () => {
  it('heads the blocks after it when it names a reference section, up to the next label styled as it is (en, nl, fr)', () => {
    const en = page(
      '<div class="col"><div class="hd">Guidelines</div><div class="gl"><span>Asthma</span><span>COPD</span><span>Heart Failure</span></div>' +
        '<div class="hd">Problems</div><div>Hypertension</div></div>',
      'en',
    );
    expect(ids(en)).toEqual(['hypertension']);
    const nl = page(
      '<div><div class="kop">Formulieren</div><div>Diabetes jaarcontrole</div><div>COPD longaanval</div>' +
        '<div class="kop">Journaal</div><div>Hartfalen, NYHA II, stabiel.</div></div>',
      'nl',
    );
    expect(ids(nl)).toEqual(['heart_failure']);
    const fr = page(
      '<div><div class="lbl">Formulaires</div><div>MPOC - plan d\'action</div><div>Asthme - plan d\'action</div>' +
        '<div class="lbl">Notes</div><div>HTA connue, bien contrôlée.</div></div>',
      'fr',
    );
    expect(ids(fr)).toEqual(['hypertension']);
  });

  it('keeps an item whose words name a section among the items of the label above it (en, nl, fr)', () => {
    const fr = page(
      '<div><div class="h">Formulaires</div><p>Suivi diabète</p><p>Asthme - questionnaire de maîtrise</p><p>Insuffisance cardiaque - suivi</p><p>HTA - Hypertension Canada</p>' +
        '<div class="h">Notes</div><p>BPCO stade 2.</p></div>',
      'fr',
    );
    expect(ids(fr)).toEqual(['copd']);
    const en = page(
      '<div><div class="hd">Templates</div><div>Diabetes review</div><div>Asthma questionnaire</div><div>Heart failure review</div><div>Hypertension review</div></div><p>Osteoarthritis.</p>',
      'en',
    );
    expect(ids(en)).toEqual(['osteoarthritis']);
    const nl = page(
      '<div><div class="kop">Formulieren</div><p>DM2 jaarcontrole</p><p>Astma vragenlijst</p><p>Hartfalen controle</p><p>Hypertensie controle</p></div><p>Artrose.</p>',
      'nl',
    );
    expect(ids(nl)).toEqual(['osteoarthritis']);
    // The first item too, right under a label block, and the items after it.
    const first = (lang: string, label: string, items: string[], finding: string) =>
      ids(page(`<div><div><b>${label}</b></div>${items.map((t) => `<div>${t}</div>`).join('')}</div><p>${finding}</p>`, lang));
    expect(first('nl', 'Formulieren', ['Anesthesie POS-vragenlijst', 'Delirium-risicoscreening (DOS)', 'Diabetes perioperatief protocol', 'Hartfalen - vochtbalans'], 'Artrose.')).toEqual(['osteoarthritis']);
    expect(first('en', 'Forms', ['Pre-op questionnaire', 'Diabetes peri-operative protocol', 'Heart failure - fluid balance'], 'Osteoarthritis.')).toEqual(['osteoarthritis']);
    expect(first('fr', 'Formulaires', ['Questionnaire pré-anesthésique', 'Protocole diabète péri-opératoire', 'Insuffisance cardiaque - bilan hydrique'], 'Arthrose.')).toEqual(['osteoarthritis']);
    // A label styled apart from the items before it still heads the items after it.
    const screening = page(
      '<div><div class="hd">Templates</div><div>Diabetes review</div><div class="q">Questionnaires</div><div>Hypertension? yes</div></div>',
      'en',
    );
    const labels = detectPage(screening, { adapters: [] }).ruledOut.flatMap((c) => c.evidence.map((e) => `${c.id} ${e.label}`));
    expect(labels).toEqual(['t2dm Templates', 'hypertension Questionnaires']);
  });

  it('reads a label in an underline or a span of its own, and a table row of one cell holding one (en, nl, fr)', () => {
    const underlined = page(
      '<div class="gauche"><div><u>Formulaires</u></div><div>› Suivi diabète (Diabète Canada)</div><div>› Suivi IC (insuffisance cardiaque)</div>' +
        '<div><u>Notes</u></div><div>BPCO stable.</div></div>',
      'fr',
    );
    expect(ids(underlined)).toEqual(['copd']);
    const rows = page(
      '<table><tr><td><u>Resource Publisher - Templates</u></td></tr><tr><td><a href="#">Asthma Annual Review</a></td></tr><tr><td><a href="#">Heart Failure QOF</a></td></tr>' +
        '<tr><td>&nbsp;</td></tr><tr><td><u>Appointments - Today</u></td></tr><tr><td>09:00 Peter - COPD review</td></tr></table><p>Essential hypertension.</p>',
      'en',
    );
    expect(ids(rows)).toEqual(['hypertension']);
    const spans = page('<table class="side">\n<tr>\n<td><span>Sjablonen</span></td>\n</tr>\n<tr><td>Astma jaarcontrole</td></tr><tr><td>COPD longaanval</td></tr></table><p>Hartfalen.</p>', 'nl');
    expect(ids(spans)).toEqual(['heart_failure']);
    // Links or lines of text after it, with no block of their own, are in its section too.
    const links = page('<div class="box"><div class="lbl">Recommandations</div><a href="#">EBPracticeNet - BPCO</a><br><a href="#">Domus Medica - Insuffisance cardiaque</a></div><p>Asthme.</p>', 'fr');
    expect(ids(links)).toEqual(['asthma']);
    const lines = page('<div id="lijst"><div class="kop">Dagagenda dr. Meijer</div>08:00 Mw. Schouten - DM2<br>08:30 Dhr. Kuipers - COPD longaanval<br></div><p>Enkeldistorsie.</p>', 'nl');
    expect(ids(lines)).toEqual([]);
    const recall = page('<div><div class="t">Recalls</div>Diabetes review - 3 patients<br>COPD review - 5 patients</div><p>Hypertension.</p>', 'en');
    expect(ids(recall)).toEqual(['hypertension']);
    // A label with a style of its own is set apart from the plain divs under it, which then do not end its section.
    const styled = page('<div id="rts"><div style="font-weight:bold">Agenda dr. Vermeulen - di 12 mrt</div><div>08:30 P. Jansen - astma controle</div><div>09:00 H. de Vries - COPD longaanval</div><div>09:20 T. Mulder - hartfalen</div></div><p>Hypertensie.</p>', 'nl');
    expect(ids(styled)).toEqual(['hypertension']);
    // A label naming the questionnaires asked of everyone puts their names and scores out of the findings.
    const questionnaires = (label: string, lang: string) =>
      page(`<div id="main"><div class="kopje">${label}</div><table class="q"><tr><td>ACQ (astma)</td><td>open</td></tr><tr><td>CCQ (COPD)</td><td>niet van toepassing</td></tr></table><div class="kopje">Medicatie</div><div>salbutamol zn</div></div><p>Depressie.</p>`, lang);
    expect(ids(questionnaires('Vragenlijsten', 'nl'))).toEqual(['depression']);
    expect(ids(questionnaires('Questionnaires', 'fr'))).toEqual(['depression']);
    expect(ids(questionnaires('Screening', 'en'))).toEqual(['depression']);
    // A row of more than one cell is no label row.
    expect(ids(page('<table><tr><td><u>Templates</u></td><td>2024</td></tr><tr><td>Asthma</td></tr></table>', 'en'))).toEqual(['asthma']);
  });

  it("reads a table's bold title in a row of one cell as a label: a tracking board, a waiting room (en, nl, fr)", () => {
    const board = (title: string, rows: string[][], own: string, lang: string) =>
      page(
        `<p>${own}</p><table><tr><td colspan="4"><b>${title}</b></td></tr>` +
          rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('') +
          '</table>',
        lang,
      );
    const en = board('ED Tracking Board', [['Rm 5', '66 F', 'COPD exac, on BiPAP', 'ESI 2'], ['Rm 9', '24 F', 'hypoglycemia, T1DM', 'ESI 3']], 'Ankle sprain. Asthma.', 'en');
    expect(ids(en)).toEqual(['asthma']);
    const nl = board('Wachtkamer', [['09:10', 'Mw. Visser', 'astma controle']], 'Enkeldistorsie. COPD.', 'nl');
    expect(ids(nl)).toEqual(['copd']);
    const ward = board('Mijn patiënten (C4)', [['k.409', 'Mw. Yilmaz', 'AF, DM type 2']], 'Decompensatio cordis.', 'nl');
    expect(ids(ward)).toEqual(['heart_failure']);
    const fr = board("Salle d'attente", [['09:10', 'Mme Roy', 'suivi diabète']], 'Entorse. HTA.', 'fr');
    expect(ids(fr)).toEqual(['hypertension']);
    // A bold title that names no list of others leaves its rows the patient's.
    expect(ids(board('Problems', [['COPD', 'J44.9', '2019', 'Active']], 'Ankle sprain.', 'en'))).toEqual(['copd']);
  });

  it('reads a column of pathways, order sets or a menu under its label as navigation (en, nl, fr)', () => {
    const column = (label: string, items: string[], own: string, lang: string) =>
      page(`<div class="tocs"><p class="h">${label}</p>${items.map((i) => `<p>${i}</p>`).join('')}</div><div class="content"><p>${own}</p></div>`, lang);
    expect(ids(column('Pathways / PowerPlans', ['Diabetes Management', 'Heart Failure Navigator', 'Sepsis Bundle'], 'Ankle sprain. Asthma.', 'en'))).toEqual(['asthma']);
    expect(ids(column('Menu', ['Diabetes Management', 'Heart Failure Navigator'], 'Ankle sprain.', 'en'))).toEqual([]);
    expect(ids(column('Zorgpaden', ['Diabetes mellitus type 2', 'Hartfalen'], 'Enkeldistorsie. COPD.', 'nl'))).toEqual(['copd']);
    expect(ids(column('External links', ['NICE NG136 Hypertension', 'SIGN 158 Asthma'], 'Ankle sprain.', 'en'))).toEqual([]);
    expect(ids(column('Externe links', ['NHG-Standaard Astma bij volwassenen', 'Thuisarts: hoge bloeddruk'], 'Enkeldistorsie.', 'nl'))).toEqual([]);
    expect(ids(column('Parcours de soins', ['Diabète de type 2', 'Insuffisance cardiaque'], 'Entorse. HTA.', 'fr'))).toEqual(['hypertension']);
  });

  it("reads a list's item set apart by a wrapper or a class, holding a label, as the heading of the items after it (en, nl, fr)", () => {
    const tools = (label: string, items: string[], other: string) =>
      `<ul class="outils"><li><u>${label}</u></li>${items.map((i) => `<li>${i}</li>`).join('')}<li><u>${other}</u></li><li>Hernie inguinale</li></ul>`;
    const fr = tools('Outils de suivi', ['Suivi diabète', 'Suivi HTA (Hypertension Canada)', 'Insuffisance cardiaque'], 'Notes');
    expect(ids(page(`${fr}<p>MPOC stable.</p>`, 'fr'))).toEqual(['copd']);
    const en = tools('Templates', ['Asthma review', 'Heart failure QOF'], 'Problems');
    expect(ids(page(`${en}<p>Gout.</p>`, 'en'))).toEqual([]);
    const nl = tools('Sjablonen', ['Astma jaarcontrole', 'Hartfalen'], 'Problemen');
    expect(ids(page(nl.replace(/<\/?u>/g, (t) => t.replace('u', 'i')), 'nl'))).toEqual([]);
    // Or set apart by a class of its own (Weda's side column).
    expect(ids(page(fr.replace(/<li><u>([^<]*)<\/u><\/li>/g, '<li class="t">$1</li>'), 'fr'))).toEqual([]);
    // A plain item, styled as the items after it, heads none of them: they are read.
    expect(ids(page(en.replace('<u>Templates</u>', 'Templates'), 'en'))).toEqual(['asthma', 'heart_failure']);
  });

  it('names no other section: a status or a word in a grid of divs heads nothing', () => {
    expect(ids(page('<div><div>Asthma</div><div>Resolved</div><div>COPD</div><div>Family</div><div>Hypertension</div></div>', 'en'))).toEqual([
      'asthma',
      'copd',
      'hypertension',
    ]);
  });

  it('heads the blocks after it when it names past problems in more than a word (en, nl, fr)', () => {
    const list = (active: string, own: string, inactive: string, past: string, lang: string) =>
      page(`<div class="k">${active}</div><dl><dt>K86</dt><dd>${own}</dd></dl><div class="k">${inactive}</div><dl><dt>R96</dt><dd>${past}</dd></dl>`, lang);
    expect(ids(list('Active problems', 'Hypertension', 'Inactive problems', 'Asthma - childhood, no inhalers', 'en'))).toEqual(['hypertension']);
    expect(ids(list('Actieve episoden', 'Hypertensie', 'Inactieve episoden', 'Astma - kinderastma, geen medicatie', 'nl'))).toEqual(['hypertension']);
    expect(ids(list('Problèmes actifs', 'HTA', 'Problèmes inactifs', "Asthme - dans l'enfance", 'fr'))).toEqual(['hypertension']);
  });

  it('heads the blocks after it when it names a family history in more than a word (en, nl, fr)', () => {
    const form = (label: string, family: string, own: string, lang: string) =>
      page(`<div class="col"><div class="cap">${label}</div><div>☑ ${family} &nbsp; ☐ Asthma</div><div class="cap">Diagnoses</div><div>${own}</div></div>`, lang);
    expect(ids(form('Family history', 'Type 2 diabetes (mother)', 'Osteoarthritis', 'en'))).toEqual(['osteoarthritis']);
    expect(ids(form('Familiale anamnese', 'Diabetes type 2 (moeder)', 'Artrose', 'nl'))).toEqual(['osteoarthritis']);
    expect(ids(form('Anamnèse familiale', 'Diabète de type 2 (mère)', 'Arthrose', 'fr'))).toEqual(['osteoarthritis']);
  });

  it("reads the programmes a heading says the patient takes part in as theirs, not as the practice's list (en, nl, fr)", () => {
    const card = (label: string, boxes: string, lang: string) => page(`<div class="kader"><div class="h">${label}</div><div>${boxes}</div></div>`, lang);
    expect(ids(card('Deelname zorgprogramma', '[x] COPD &nbsp; [ ] Astma &nbsp; [ ] DM2', 'nl'))).toEqual(['copd']);
    expect(ids(card('Enrolled care programmes', '[x] COPD &nbsp; [ ] Asthma &nbsp; [ ] Diabetes', 'en'))).toEqual(['copd']);
    expect(ids(card('Inscription aux programmes de soins', '[x] BPCO &nbsp; [ ] Asthme &nbsp; [ ] Diabète', 'fr'))).toEqual(['copd']);
    // Without such a word the heading names the practice's programmes, a reference.
    expect(ids(card('Zorgprogramma', '[x] COPD &nbsp; [ ] Astma', 'nl'))).toEqual([]);
  });
});
