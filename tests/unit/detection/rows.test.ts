// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createDetector, detectPage, type DetectionResult } from '../../../lib/detection';
import { mutateAndCollect } from './edits';
import { loadHtml } from './helpers';

/** A problem list of one table row whose cells are given as HTML (no whitespace between cells, as SPAs render). */
const problemRow = (cells: string[], heading = '<h2>Problem list</h2>') =>
  `<html lang="en"><body>${heading}<table><tbody><tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr></tbody></table></body></html>`;

const state = (r: DetectionResult, id: string) =>
  r.conditions.some((c) => c.id === id)
    ? 'current'
    : (r.ruledOut.find((c) => c.id === id)?.evidence[0]?.context ?? 'absent');

const asthmaTerm = (r: DetectionResult) =>
  [...r.conditions, ...r.ruledOut].find((c) => c.id === 'asthma')?.evidence.find((e) => e.match === 'Asthma');

describe('problem-list rows: status and code come from the text detection reads', () => {
  it('a status badge the page hides is not the row\'s status; the one it shows is', () => {
    const shown = detectPage(loadHtml(problemRow(['Asthma', '<span hidden>Active</span><span>Resolved</span>'])));
    expect(state(shown, 'asthma')).toBe('historical');
    const hidden = detectPage(loadHtml(problemRow(['Asthma', '<span>Active</span><span hidden>Resolved</span>'])));
    expect(state(hidden, 'asthma')).toBe('current');
  });

  it('a part the adapter ignores is not read for the status either', () => {
    const html = problemRow(['Asthma', '<span class="undo-label">Resolved</span>'], '<h2>Problems</h2>');
    const adapter = {
      name: 'test-ehr',
      urlPatterns: ['http://127.0.0.1:4173/*'],
      ignore: ['.undo-label'],
    };
    expect(state(detectPage(loadHtml(html)), 'asthma')).toBe('historical');
    expect(state(detectPage(loadHtml(html), { adapters: [adapter] }), 'asthma')).toBe('current');
  });

  it('a code in a cell of its own makes the row structured, cells rendered without whitespace between them', () => {
    const r = detectPage(loadHtml(problemRow(['Asthma', 'J45.9', '2019'], '')));
    expect(asthmaTerm(r)?.structured).toBe(true);
  });

  it('a code the page hides, or one in a form control, does not', () => {
    for (const cell of ['Asthma<span hidden> J45.9</span>', 'Asthma <button>J45 lookup</button>']) {
      const r = detectPage(loadHtml(problemRow([cell, '2019'], '')));
      expect(asthmaTerm(r)?.structured, cell).toBe(false);
    }
  });

  it('follows a badge being shown or hidden, as a full detection would', () => {
    const doc = loadHtml(problemRow(['Asthma', '<span>Active</span><span hidden>Resolved</span>']));
    const det = createDetector(doc);
    expect(state(det.detect(), 'asthma')).toBe('current');
    const [active, resolved] = Array.from(doc.querySelectorAll('span'));
    const toggle = mutateAndCollect(doc, () => {
      active?.setAttribute('hidden', '');
      resolved?.removeAttribute('hidden');
    });
    const r = det.onMutations(toggle);
    expect(r && state(r, 'asthma')).toBe('historical');
    expect(r).toEqual(detectPage(doc));
  });
});

describe('a status badge opening a cell, a comment after it', () => {
  it('states the row\'s status; a plain "No" there opens a phrase (en, nl, fr)', () => {
    for (const [lang, copd, badge, comment] of [
      ['en', 'COPD', 'Ruled out', 'spiro reversible, never smoker'],
      ['nl', 'COPD', 'Uitgesloten', 'spirometrie normaal'],
      ['fr', 'BPCO', 'Exclu', 'EFR normale'],
    ] as const) {
      const html = problemRow([copd, `<span class="badge">${badge}</span> ${comment}`]).replace('lang="en"', `lang="${lang}"`);
      expect(state(detectPage(loadHtml(html)), 'copd'), lang).toBe('negated');
    }
    expect(state(detectPage(loadHtml(problemRow(['COPD', '<b>No</b> exacerbations this year']))), 'copd')).toBe('current');
    // The first cell names the problem: a badge opening it is no status of the row.
    expect(state(detectPage(loadHtml(problemRow(['<span>Resolved</span> asthma flare, now COPD', 'J44.9']))), 'copd')).toBe('current');
    // Text before the badge: it is no badge opening the cell.
    expect(state(detectPage(loadHtml(problemRow(['COPD', 'GOLD 2 <span>ruled out</span> asthma overlap']))), 'copd')).toBe('current');
    // A cell never read (navigation) states nothing, its badge neither (found by an unseeded property run).
    const nav = problemRow(['COPD', 'J44.9']).replace('</tr>', '<td role="navigation"><b>Ruled out</b><br>Active</td></tr>');
    expect(state(detectPage(loadHtml(nav)), 'copd')).toBe('current');
  });
});

describe('problem-list rows and headings that state a status', () => {
  const page = (lang: string, heading: string, rows: string[][]) =>
    loadHtml(
      `<html lang="${lang}"><body><h3>${heading}</h3><table>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`,
    );

  it.each([
    ['en', 'Problems', ['Essential hypertension', 'I10', 'Excluded'], 'hypertension'],
    ['nl', 'Probleemlijst', ['Arteriële hypertensie', 'I10', 'uitgesloten - wittejassenhypertensie'], 'hypertension'],
    ['fr', 'Problèmes', ['HTA essentielle', 'I10', 'Exclue (MAPA normale)'], 'hypertension'],
    ['en', 'Diagnoses', ['E11.9', 'Type 2 diabetes', 'Not retained (HbA1c 5.9%)'], 't2dm'],
    ['nl', 'Diagnoses', ['E11.9', 'Diabetes mellitus type 2', 'Niet weerhouden (HbA1c 5,9 %)'], 't2dm'],
    ['fr', 'Diagnostics du séjour', ['E11.9', 'Diabète de type 2', 'Non retenu (HbA1c 5,9 %)'], 't2dm'],
  ])('[%s] a row whose status cell says excluded rules the condition out, a comment after the status too', (lang, heading, row, id) => {
    const r = detectPage(page(lang, heading, [row, ['Asthma', 'J45.9', 'Active']]));
    expect(state(r, id)).toBe('negated');
    expect(state(r, 'asthma')).toBe('current');
  });

  it.each([
    ['en', 'Active and past problems', 'Resolved'],
    ['nl', 'Actieve en passieve problemen', 'opgelost'],
    ['fr', 'Problèmes actifs et résolus', 'résolu (2019)'],
    ['nl', 'Episodelijst (actueel + afgesloten)', 'afgesloten'],
    ['fr', 'Antécédents résolus et actuels', 'résolu'],
  ])('[%s] "%s": the rows say which are past, the heading does not make them all past', (lang, heading, resolved) => {
    const r = detectPage(page(lang, heading, [['Asthma', 'J45.9', ''], ['Depression', 'F32.9', resolved]]));
    expect(state(r, 'asthma')).toBe('current');
    expect(state(r, 'depression')).toBe('historical');
  });

  it.each([
    ['fr', 'Problèmes', 'antécédent – résolu (2012)'],
    ['fr', 'Problèmes', 'résolu 2021'],
    ['en', 'Problems', 'Closed 03/2019'],
    ['en', 'Problems', 'Ended 30-Jan-2014'],
    ['nl', 'Probleemlijst', 'Afgesloten 12 mrt 2019'],
    ['fr', 'Problèmes', 'Résolu le 3 févr. 2020'],
    ['nl', 'Probleemlijst', 'vervallen (diagnose herzien)'],
    ['nl', 'Probleemlijst', '2010, hersteld'],
    ['fr', 'Problèmes', 'inactif depuis 2018'],
    ['fr', 'Antécédents', '2010–2019'],
    ['nl', 'Probleemlijst', '02-2018 - 09-2019'],
  ])('[%s] the status "%s" after a dash, or followed by a date, or a closed period, is read', (lang, heading, status) => {
    expect(state(detectPage(page(lang, heading, [['Depression', 'F32.9', status]])), 'depression')).toBe('historical');
  });

  it.each([
    ['en', 'Journal', ['A', 'K77', 'Heart failure? (working diagnosis) - dd asthma exacerbation']],
    ['nl', 'Journaal', ['E', 'K77', 'Hartfalen? (werkhypothese) - dd astma-exacerbatie']],
    ['fr', 'Journal', ['A', 'K77', 'Insuffisance cardiaque ? (hypothèse) - dd exacerbation d\'asthme']],
  ])('[%s] a status in brackets after the problem is read: the row\'s code is as unsure as its words', (lang, heading, cells) => {
    const r = detectPage(page(lang, heading, [cells]));
    expect(r.conditions.find((c) => c.id === 'heart_failure')?.status).toBe('possible');
  });

  it('a period still open, or a single date, is no status', () => {
    expect(state(detectPage(page('en', 'Problems', [['Depression', 'F32.9', '2018 - present']])), 'depression')).toBe('current');
    expect(state(detectPage(page('en', 'Problems', [['Depression', 'F32.9', '2018']])), 'depression')).toBe('current');
  });

  it.each([
    ['en', 'Problems', 'Probable - smoking history 25 pack-years, persistent airflow limitation after bronchodilator; for full lung function tests'],
    ['nl', 'Probleemlijst', 'Werkhypothese'],
    ['fr', 'Problèmes', 'À confirmer (EFR demandées)'],
  ])('[%s] a row whose status is not yet confirmed ("%s") is possible, its code too', (lang, heading, status) => {
    const r = detectPage(page(lang, heading, [['COPD', 'J44.9', status]]));
    expect(r.conditions.find((c) => c.id === 'copd')?.status).toBe('possible');
  });

  it('a table row whose first cell names a relative is a family member\'s problem (en, nl, fr)', () => {
    for (const [lang, who, what, id] of [
      ['en', 'Maternal grandfather', 'Myocardial infarction aged 62', 'chd'],
      ['nl', 'Vader', 'DM type 2, hypertensie', 't2dm'],
      ['fr', 'Mère', 'BPCO (tabac)', 'copd'],
    ] as const) {
      const r = detectPage(page(lang, 'Problems', [[who, what, '']]));
      expect(state(r, id), lang).toBe('family');
      expect(r.ruledOut.find((x) => x.id === id)?.evidence[0]?.where, lang).toBe('familyHistory');
    }
    // A badge that says the row is family history, in a row of cells or of spans.
    for (const [lang, html, id] of [
      ['en', '<table><tr><td>Type 2 diabetes - father</td><td><span class="pill">Family history</span></td></tr><tr><td>Asthma</td><td>Active</td></tr></table>', 't2dm'],
      ['nl', '<div class="el"><span>Depressie – moeder</span><span><span class="pill">Familiaal antecedent</span></span></div><div class="el"><span>Astma</span><span>Actief</span></div>', 'depression'],
      ['fr', '<div class="el"><span>Diabète de type 2 (père)</span> <span class="badge">Antécédent familial</span></div><div class="el"><span>Asthme</span> <span>Actif</span></div>', 't2dm'],
    ] as const) {
      const r = detectPage(loadHtml(`<html lang="${lang}"><body><h2>Problems</h2>${html}</body></html>`));
      expect(state(r, id), lang).toBe('family');
      expect(state(r, 'asthma'), lang).toBe('current');
    }
    // A first cell that names no relative leaves the row the patient's.
    expect(state(detectPage(page('en', 'Problems', [['2019', 'Myocardial infarction', '']])), 'chd')).toBe('current');
  });

  it("a table's title row over its columns is no header row: the columns' headings under it still decide (en, nl, fr)", () => {
    for (const [lang, title, end] of [['en', 'Problems (current)', 'End date'], ['nl', 'Episodelijst (actueel)', 'Eind'], ['fr', 'Problèmes', 'Date de fin']] as const) {
      const r = detectPage(
        loadHtml(
          `<html lang="${lang}"><body><table><tr><th colspan="4">${title}</th></tr><tr><th>ICPC</th><th>Omschrijving</th><th>Begin</th><th>${end}</th></tr>` +
            '<tr><td>K86</td><td>Hypertension</td><td>2009</td><td></td></tr><tr><td>P76</td><td>Depression</td><td>2015</td><td>2016</td></tr></table></body></html>',
        ),
        { adapters: [] },
      );
      expect(state(r, 'hypertension'), lang).toBe('current');
      expect(state(r, 'depression'), lang).toBe('historical');
    }
    // The title still names the table's section where a column's heading names none: its rows are a problem list.
    const titled = detectPage(loadHtml('<html lang="en"><body><table><tr><th colspan="2">Problems</th></tr><tr><th>Problem</th><th>Status</th></tr><tr><td>Asthma</td><td>Active</td></tr></table></body></html>'));
    expect(titled.conditions.find((c) => c.id === 'asthma')?.evidence[0]?.where).toBe('problemList');
  });

  it("a yes/no cell's 'no' after the row's begin date is a flag column's, not the problem's status (en, nl, fr)", () => {
    for (const [lang, heads, no] of [
      ['en', ['Code', 'Problem', 'Onset', 'Ended', 'Flag'], 'No'],
      ['nl', ['ICPC', 'Omschrijving', 'Begin', 'Einde', 'Attentie'], 'nee'],
      ['fr', ['Code', 'Problème', 'Début', 'Fin', 'Alerte'], 'non'],
    ] as const) {
      const head = `<tr>${heads.map((h) => `<td>${h}</td>`).join('')}</tr>`;
      const rows = `<tr><td>L90</td><td>Osteoarthritis</td><td>12-09-2018</td><td></td><td>${no}</td></tr><tr><td>P76</td><td>Depression</td><td>03-2014</td><td>10-2015</td><td>${no}</td></tr>`;
      const r = detectPage(loadHtml(`<html lang="${lang}"><body><h2>Episodes</h2><table>${head}${rows}</table></body></html>`), { adapters: [] });
      expect(state(r, 'osteoarthritis'), lang).toBe('current');
      // The first row's plain cells head the columns: a date under its end column ends the problem.
      expect(state(r, 'depression'), lang).toBe('historical');
    }
    // With no date before it, the "no" answers the row: a form's "COPD | No".
    expect(state(detectPage(loadHtml(problemRow(['J44', 'COPD', 'No']))), 'copd')).toBe('negated');
  });

  it('follows the first row of plain cells becoming the column headings, as a full detection would', () => {
    const doc = loadHtml('<html lang="nl"><body><table><tr><td>ICPC</td><td>Omschrijving</td><td>Begin</td><td>Opmerking</td></tr><tr><td>P76</td><td>Depressie</td><td>2014</td><td>2015</td></tr></table></body></html>');
    const det = createDetector(doc, { adapters: [] });
    expect(state(det.detect(), 'depression')).toBe('current');
    const head = doc.querySelectorAll('td')[3] as Element;
    const ended = det.onMutations(mutateAndCollect(doc, () => (head.textContent = 'Einde')));
    expect(ended && state(ended, 'depression')).toBe('historical');
    expect(state(detectPage(doc, { adapters: [] }), 'depression')).toBe('historical');
  });

  it('a heading that names only past problems still makes its rows past', () => {
    expect(state(detectPage(page('en', 'Past problems', [['Asthma', 'J45.9', '']])), 'asthma')).toBe('historical');
    expect(state(detectPage(page('nl', 'Passieve problemen', [['Astma', 'R96', '']])), 'asthma')).toBe('historical');
  });
});

describe('forms: a description list term and its description, a table row answered "no"', () => {
  const form = (lang: string, pairs: [string, string][]) =>
    loadHtml(`<html lang="${lang}"><body><h1>Review</h1><dl>${pairs.map(([t, d]) => `<dt><label>${t}</label></dt><dd>${d}</dd>`).join('')}</dl></body></html>`);

  it.each([
    ['en', [['Heart failure', 'No (echo 2024 normal)'], ['Hypertension', 'Yes, on amlodipine']]],
    ['nl', [['Hartfalen', 'Uitgesloten: NT-proBNP normaal'], ['Hypertensie', 'Ja, onder amlodipine']]],
    ['fr', [['Insuffisance cardiaque', 'Non (écho normale)'], ['Hypertension artérielle', 'Oui, traitée']]],
  ] as [string, [string, string][]][])('[%s] a term answered "no" or "excluded" is ruled out; one answered "yes" is current', (lang, pairs) => {
    const r = detectPage(form(lang, pairs));
    expect(state(r, 'heart_failure')).toBe('negated');
    expect(state(r, 'hypertension')).toBe('current');
  });

  it('a description list of problems with their status, and a block alone in a table cell', () => {
    const dl = detectPage(form('en', [['Asthma', 'Active since 2019'], ['Depression', 'Resolved']]));
    expect(state(dl, 'asthma')).toBe('current');
    expect(state(dl, 'depression')).toBe('historical');
    const wrapped = detectPage(loadHtml(problemRow(['<p>Asthma</p>', '<p>Resolved</p>'], '<h2>Diagnoses</h2>')));
    expect(state(wrapped, 'asthma')).toBe('historical');
    const answered = detectPage(loadHtml(problemRow(['Diabetes', 'No'], '<h2>Screening questions</h2>')));
    expect(state(answered, 't2dm')).toBe('negated');
  });

  it.each([
    ['en', 'Medical', 'Type 2 diabetes (E11.9) since 2013', 'Hernia L5-S1 operated - resolved'],
    ['nl', 'Medisch', 'Diabetes mellitus type 2 (T90) sinds 2013', 'Hernia L5-S1 geopereerd - genezen'],
    ['fr', 'Médicaux', 'Diabète de type 2 (E11.9) depuis 2013', 'Hernie discale L5-S1 opérée – guérie'],
  ])('[%s] a term heading several descriptions lists items: one item\'s status is not the others\'', (lang, term, diabetes, hernia) => {
    const doc = loadHtml(`<html lang="${lang}"><body><h2>PMH</h2><dl><dt>${term}</dt><dd>${hernia}</dd></dl></body></html>`);
    const det = createDetector(doc, { adapters: [] });
    det.detect();
    // An item added before the resolved one: the term now heads two items, read as such incrementally too.
    const dd = doc.createElement('dd');
    dd.textContent = diabetes;
    const changed = det.onMutations(mutateAndCollect(doc, () => doc.querySelector('dt')?.after(dd)));
    expect(changed && state(changed, 't2dm')).toBe('current');
    expect(state(detectPage(doc, { adapters: [] }), 't2dm')).toBe('current');
  });

  it.each([
    ['en', 'Postnatal depression', 'Jun 2014', 'inactive - recovered'],
    ['nl', 'Depressie postpartum', '2014', 'inactief - hersteld'],
    ['fr', 'Dépression du post-partum', 'depuis 2014', 'inactif - guérie'],
  ])('[%s] a term with a date and a badge after it: the descriptions are its row\'s cells', (lang, term, date, badge) => {
    const doc = loadHtml(
      `<html lang="${lang}"><body><h2>PMH</h2><dl><dt>${term}</dt><dd id="d">${date}</dd><dd><span class="pill">${badge}</span></dd></dl></body></html>`,
    );
    const det = createDetector(doc, { adapters: [] });
    expect(state(det.detect(), 'depression')).toBe('historical');
    // A description that states no date: the term heads items again, read as such incrementally too.
    const changed = det.onMutations(mutateAndCollect(doc, () => ((doc.getElementById('d') as Element).textContent = 'see letter')));
    expect(changed && state(changed, 'depression')).toBe('current');
    expect(state(detectPage(doc, { adapters: [] }), 'depression')).toBe('current');
  });

  it('a term heading dated items keeps them items: one item\'s status is not the others\' (fr)', () => {
    const doc = loadHtml(
      '<html lang="fr"><body><h2>Antécédents</h2><dl><dt>Médicaux</dt><dd>HTA depuis 2008 - sous Coversyl 5 mg</dd><dd>Gonarthrose bilatérale (radio 2021)</dd><dd>Dépression post-partum 1985 (résolue)</dd></dl></body></html>',
    );
    const r = detectPage(doc, { adapters: [] });
    expect(state(r, 'hypertension')).toBe('current');
    expect(state(r, 'osteoarthritis')).toBe('current');
  });

  it('reads a status badge before a code and a comment set off by a long dash', () => {
    const r = detectPage(form('en', [['Chronic kidney disease', '<span class="pill">Probable</span> N18.9 &mdash; to be confirmed at 3 months'], ['Heart failure', 'Confirmed I50.0 &mdash; echo 2022']]));
    expect(r.conditions.map((x) => `${x.id}:${x.status}`).sort()).toEqual(['ckd:possible', 'heart_failure:confirmed']);
    const fr = detectPage(form('fr', [['Asthme', 'Résolu J45 &mdash; dernier épisode 2004']]));
    expect(state(fr, 'asthma')).toBe('historical');
  });

  it('reads the cell after a cell that holds a tick box alone as its label: an unticked one is no finding (en, nl, fr)', () => {
    for (const [lang, ticked, unticked, id] of [
      ['en', 'Hypertension', 'Chronic kidney disease', 'hypertension'],
      ['nl', 'Hypertensie', 'Chronische nierschade', 'hypertension'],
      ['fr', 'Diabète de type 2', 'Insuffisance rénale chronique', 't2dm'],
    ] as const) {
      const r = detectPage(
        loadHtml(`<html lang="${lang}"><body><table><tr><td><input type="checkbox" checked></td><td>${ticked}</td><td><input type="checkbox"></td><td>${unticked}</td></tr></table></body></html>`),
      );
      expect(r.conditions.map((c) => c.id), lang).toEqual([id]);
    }
  });

  it('reads a box drawn with ARIA as a tick box: an unticked one\'s label is never read, a ticked one\'s is (en, nl, fr)', () => {
    for (const [lang, ticked, unticked, id, other] of [
      ['en', 'Obesity (BMI 30 or above)', 'Hypertension', 'obesity', 'hypertension'],
      ['nl', 'Obesitas (BMI ≥ 30)', 'Arteriële hypertensie', 'obesity', 'hypertension'],
      ['fr', 'Obésité (IMC ≥ 30)', 'Diabète de type 2', 'obesity', 't2dm'],
    ] as const) {
      const r = detectPage(
        loadHtml(
          `<html lang="${lang}"><body><div class="cb" role="checkbox" aria-checked="true"><span class="box"></span>${ticked}</div>` +
            `<div class="cb" role="checkbox" aria-checked="false"><span class="box"></span>${unticked}</div><div role="switch">Asthma</div></body></html>`,
        ),
      );
      expect(r.conditions.map((c) => c.id), lang).toEqual([id]);
      expect(state(r, other), lang).toBe('absent');
    }
  });

  it('reads an ARIA box drawn empty with its label after it, in the block it is alone in (en, nl, fr)', () => {
    const box = (ticked: boolean, label: string) => `<div><span role="checkbox" aria-checked="${ticked}"></span> ${label}</div>`;
    for (const [lang, ticked, unticked] of [
      ['en', 'Heart failure', 'Type 2 diabetes'],
      ['nl', 'Hartfalen', 'Diabetes mellitus type 2'],
      ['fr', 'Insuffisance cardiaque', 'Diabète de type 2'],
    ] as const) {
      const r = detectPage(loadHtml(`<html lang="${lang}"><body><h2>Risk profile</h2>${box(true, ticked)}${box(false, unticked)}</body></html>`));
      expect([state(r, 'heart_failure'), state(r, 't2dm')], lang).toEqual(['current', 'absent']);
    }
    const doc = loadHtml(`<html lang="en"><body>${box(false, 'Hypertension')}<p>Asthma.</p></body></html>`);
    const det = createDetector(doc);
    expect(det.detect().conditions.map((c) => c.id)).toEqual(['asthma']);
    const ticked = det.onMutations(mutateAndCollect(doc, () => doc.querySelector('[role]')?.setAttribute('aria-checked', 'true')));
    expect(ticked).toEqual(detectPage(doc));
    expect(ticked?.conditions.map((c) => c.id)).toEqual(['asthma', 'hypertension']);
  });

  it('follows an ARIA box being ticked or unticked, as a full detection would', () => {
    const doc = loadHtml('<html lang="en"><body><div id="b" role="checkbox" aria-checked="false">Hypertension</div><p>Asthma.</p></body></html>');
    const det = createDetector(doc);
    expect(det.watchedAttributes).toContain('aria-checked');
    expect(det.detect().conditions.map((c) => c.id)).toEqual(['asthma']);
    const box = doc.getElementById('b') as Element;
    const ticked = det.onMutations(mutateAndCollect(doc, () => box.setAttribute('aria-checked', 'true')));
    expect(ticked).toEqual(detectPage(doc));
    expect(ticked?.conditions.map((c) => c.id)).toEqual(['asthma', 'hypertension']);
    const unticked = det.onMutations(mutateAndCollect(doc, () => box.setAttribute('aria-checked', 'false')));
    expect(unticked?.conditions.map((c) => c.id)).toEqual(['asthma']);
  });

  it('reads a status under its label, in a part set off by a dot (en, nl, fr)', () => {
    const en = detectPage(form('en', [['Heart failure', 'Confirmation: <b>Ruled Out</b> &middot; BNP 45'], ['Chronic obstructive pulmonary disease', 'Confirmation: <b>Probable</b> &middot; PFTs ordered'], ['Hypertension', 'Confirmation: Confirmed &middot; Active']]));
    expect(en.conditions.map((x) => `${x.id}:${x.status}`).sort()).toEqual(['copd:possible', 'hypertension:confirmed']);
    expect(state(en, 'heart_failure')).toBe('negated');
    const nl = detectPage(form('nl', [['Hartfalen', 'Status: uitgesloten &middot; echo normaal']]));
    expect(state(nl, 'heart_failure')).toBe('negated');
    const fr = detectPage(form('fr', [['Insuffisance cardiaque', 'Statut : exclu &middot; ETT normale']]));
    expect(state(fr, 'heart_failure')).toBe('negated');
    // A status that says the row was entered in error.
    for (const [lang, term, status] of [['en', 'Hypertension (I10)', 'Status: entered in error 2023'], ['nl', 'Hypertensie (I10)', 'Status: onjuist geregistreerd 2023'], ['fr', 'HTA (I10)', 'Statut : saisie par erreur']] as const) {
      expect(state(detectPage(form(lang, [[term, status]])), 'hypertension'), lang).toBe('negated');
    }
    // A label that names no status says nothing of the term: "Exacerbations: no" leaves COPD current.
    expect(state(detectPage(form('en', [['COPD', 'Exacerbations: no']])), 'copd')).toBe('current');
  });

  it('reads statuses set off by a spaced slash, "not present" and "removed" (en, nl, fr)', () => {
    for (const [lang, terms, past, absent, removed] of [
      ['en', ['Depression', 'Type 2 diabetes', 'Hypertension', 'Asthma'], 'In remission / inactive since 2011', 'Not present (HbA1c 37)', '2016 &middot; white-coat effect &middot; removed'],
      ['nl', ['Depressie', 'Diabetes type 2', 'Hypertensie', 'Astma'], 'In remissie / Inactief sinds 2011', 'Niet aanwezig (HbA1c 37)', '2016 &middot; witte-jasseneffect &middot; verwijderd'],
      ['fr', ['Dépression', 'Diabète de type 2', 'HTA', 'Asthme'], 'En rémission / inactif depuis 2011', 'Absent (HbA1c 37)', '2016 &middot; effet blouse blanche &middot; supprimé'],
    ] as const) {
      const [depression, diabetes, hypertension, asthma] = terms;
      const r = detectPage(form(lang, [[depression, past], [diabetes, absent], [hypertension, removed], [asthma, '2009 &middot; active']]));
      expect([state(r, 'depression'), state(r, 't2dm'), state(r, 'hypertension'), state(r, 'asthma')], lang).toEqual(['historical', 'negated', 'historical', 'current']);
    }
  });

  it('reads "éliminé" as a status that rules the problem out, as "ruled out" and "uitgesloten" are (fr; en, nl pinned)', () => {
    for (const [lang, heart, asthma, out] of [
      ['fr', 'Insuffisance cardiaque', 'Asthme', 'Éliminé (échocardiographie normale, NT-proBNP 45)'],
      ['en', 'Heart failure', 'Asthma', 'Ruled out (normal echo, NT-proBNP 45)'],
      ['nl', 'Hartfalen', 'Astma', 'Uitgesloten (echo normaal, NT-proBNP 45)'],
    ] as const) {
      const r = detectPage(form(lang, [[heart, out], [asthma, '2009 &middot; active']]));
      expect([state(r, 'heart_failure'), state(r, 'asthma')], lang).toEqual(['negated', 'current']);
    }
  });

  it('a term that is a code alone, or descriptions that open with a status however long, make one row (nl, en, fr)', () => {
    const dl = (lang: string, rows: string[][]) =>
      loadHtml(`<html lang="${lang}"><body><h2>Episodelijst</h2><dl>${rows.map(([t, ...dds]) => `<dt>${t}</dt>${dds.map((d) => `<dd>${d}</dd>`).join('')}`).join('')}</dl></body></html>`);
    const coded = detectPage(dl('nl', [['K86', 'Hypertensie', 'sinds 2009', '<span>actief</span>'], ['P76', 'Depressie', '2015 – 2016', '<span>afgesloten</span>']]));
    expect([state(coded, 'hypertension'), state(coded, 'depression')]).toEqual(['current', 'historical']);
    const en = detectPage(dl('en', [['Hypertension (I10)', '2010', 'Resolved - normotensive off meds since 2021'], ['Asthma', '1998', 'Active']]));
    expect([state(en, 'hypertension'), state(en, 'asthma')]).toEqual(['historical', 'current']);
    const fr = detectPage(dl('fr', [['HTA', '2010', 'Résolue - normotendue sans traitement depuis 2021'], ['Asthme', '1998', 'Actif']]));
    expect([state(fr, 'hypertension'), state(fr, 'asthma')]).toEqual(['historical', 'current']);
  });

  it('reads "no longer current" as a past status (en, nl, fr)', () => {
    for (const [lang, terms, past] of [
      ['en', ['Depression', 'Asthma'], 'No longer current'],
      ['nl', ['Depressie', 'Astma'], 'Niet meer actueel'],
      ['fr', ['Dépression', 'Asthme'], "Plus d'actualité"],
    ] as const) {
      const [depression, asthma] = terms;
      const r = detectPage(form(lang, [[depression, past], [asthma, '2009 &middot; active']]));
      expect([state(r, 'depression'), state(r, 'asthma')], lang).toEqual(['historical', 'current']);
    }
  });

  it('a question in a table row whose answer cell is blank is no finding; answered, it is read (en, nl, fr)', () => {
    // 'uncertain': the context a question asked of everyone is reported in, among the conditions ruled out.
    const questionnaire = (lang: string, rows: [string, string][]) =>
      loadHtml(`<html lang="${lang}"><body><p>Registration form</p><table>${rows.map(([q, a]) => `<tr><td>${q}</td><td>${a}</td></tr>`).join('')}</table></body></html>`);
    const en = detectPage(questionnaire('en', [['Do you have diabetes?', ''], ['Do you have high blood pressure?', ' - '], ['Have you been diagnosed with asthma?', '<b>Yes</b>, inhalers']]));
    expect([state(en, 't2dm'), state(en, 'hypertension'), state(en, 'asthma')]).toEqual(['uncertain', 'uncertain', 'current']);
    const nl = detectPage(questionnaire('nl', [['Heeft u suikerziekte?', ''], ['Heeft u COPD?', 'ja']]));
    expect([state(nl, 't2dm'), state(nl, 'copd')]).toEqual(['uncertain', 'current']);
    const fr = detectPage(questionnaire('fr', [['Avez-vous une hypertension artérielle ?', '']]));
    expect(state(fr, 'hypertension')).toBe('uncertain');
    // A row of one cell answers nothing: it is read as a question.
    const alone = loadHtml('<html lang="en"><body><table><tr><td>Diabetes?</td></tr></table></body></html>');
    expect(detectPage(alone).conditions.map((c) => [c.id, c.status])).toEqual([['t2dm', 'possible']]);
  });

  it('follows an answer typed into a blank cell, as a full detection would', () => {
    const doc = loadHtml('<html lang="en"><body><table><tr><td>Do you have COPD?</td><td></td></tr></table></body></html>');
    const det = createDetector(doc);
    expect(state(det.detect(), 'copd')).toBe('uncertain');
    const cell = doc.querySelectorAll('td')[1] as Element;
    const answered = det.onMutations(mutateAndCollect(doc, () => (cell.textContent = 'Yes - GOLD 2')));
    expect(answered && state(answered, 'copd')).toBe('current');
    expect(state(detectPage(doc), 'copd')).toBe('current');
  });

  it('follows a description being changed, or a part put between term and description, as a full detection would', () => {
    const doc = form('en', [['Heart failure', 'Active']]);
    const det = createDetector(doc);
    expect(state(det.detect(), 'heart_failure')).toBe('current');
    const dd = doc.querySelector('dd') as Element;
    const answer = det.onMutations(mutateAndCollect(doc, () => (dd.textContent = 'Excluded: echo normal')));
    expect(answer && state(answer, 'heart_failure')).toBe('negated');
    const between = det.onMutations(mutateAndCollect(doc, () => dd.before(doc.createElement('p'))));
    expect(between && state(between, 'heart_failure')).toBe(state(detectPage(doc), 'heart_failure'));
    expect(state(detectPage(doc), 'heart_failure')).toBe('current');
  });
});

describe('a list laid out as a table, its first item the column headings', () => {
  it('reads a date under its end-date column as the end of the row\'s problem (en, nl, fr)', () => {
    for (const [lang, heads, depression, asthma] of [
      ['en', ['Code', 'Problem', 'Start', 'End'], 'Depression', 'Asthma'],
      ['nl', ['ICPC', 'Omschrijving', 'Begin', 'Einde'], 'Depressie', 'Astma'],
      ['fr', ['Code', 'Problème', 'Début', 'Fin'], 'Dépression', 'Asthme'],
    ] as const) {
      const item = (cells: string[], cls = '') => `<li${cls}>${cells.map((c) => `<span>${c}</span>`).join('')}</li>`;
      const doc = loadHtml(
        `<html lang="${lang}"><body><ul class="ep">${item([...heads], ' class="kop"')}` +
          `${item(['P76', depression, '14-01-2016', '30-11-2016'])}${item(['R96', asthma, '03-03-2008', '-'])}</ul></body></html>`,
      );
      const r = detectPage(doc);
      expect([state(r, 'depression'), state(r, 'asthma')], lang).toEqual(['historical', 'current']);
    }
  });

  it('follows the first item\'s headings being changed, as a full detection would', () => {
    const doc = loadHtml('<html lang="nl"><body><ul><li><span>Omschrijving</span><span>Begin</span><span id="h">Datum</span></li><li><span>Depressie</span><span>2016</span><span>2017</span></li></ul></body></html>');
    const det = createDetector(doc);
    expect(state(det.detect(), 'depression')).toBe('current');
    const r = det.onMutations(mutateAndCollect(doc, () => ((doc.getElementById('h') as Element).textContent = 'Einde')));
    expect(r && state(r, 'depression')).toBe('historical');
    expect(r).toEqual(detectPage(doc));
  });
});

describe('a problem list laid out as a grid of divs (bold column headings, then rows of as many cells)', () => {
  const grid = (lang: string, heads: string[], rows: string[][], title = 'Problems') =>
    loadHtml(
      `<html lang="${lang}"><body><div class="h">${title}</div><div class="grid">` +
        heads.map((h) => `<div><b>${h}</b></div>`).join('') +
        rows.flat().map((c) => `<div>${c}</div>`).join('') +
        '</div></body></html>',
    );

  it('reads each row\'s status from the cells on its line (en, nl, fr)', () => {
    for (const [lang, heads, rows] of [
      ['en', ['Name', 'Classification', 'Date', 'Status'], [
        ['Asthma, moderate persistent (J45.40)', 'Chronic', '2008', '<span class="b">Confirmed</span>'],
        ['Chronic obstructive pulmonary disease', 'Historical', '2022', '<span class="b">Ruled Out</span> spiro reversible'],
        ['Postnatal depression', 'Historical', '2019', '<span class="b">Resolved</span>'],
      ]],
      ['nl', ['Probleem', 'Sinds', 'Status'], [
        ['Astma (R96)', '2008', '<span>Actief</span>'],
        ['COPD', '03-2024', '<span>Uitgesloten (spirometrie normaal)</span>'],
        ['Depressie (F32.1)', '2018', '<span>Inactief - volledige remissie</span>'],
      ]],
      ['fr', ['Problème', 'Depuis', 'Statut'], [
        ['Asthme (J45)', '2008', '<span>Actif</span>'],
        ['BPCO', '2022', '<span>Exclu (EFR normale)</span>'],
        ['Dépression', '2019', '<span>Résolu</span>'],
      ]],
    ] as const) {
      const r = detectPage(grid(lang, [...heads], rows.map((row) => [...row])));
      expect([state(r, 'asthma'), state(r, 'copd'), state(r, 'depression')], lang).toEqual(['current', 'negated', 'historical']);
    }
  });

  it('reads an end date under an end-date column heading', () => {
    const r = detectPage(grid('nl', ['Probleem', 'Begin', 'Einde'], [['Depressie', '2015', '2017'], ['Astma', '2008', '']]));
    expect([state(r, 'depression'), state(r, 'asthma')]).toEqual(['historical', 'current']);
  });

  it('is no grid when the cells do not fill whole rows, or a heading comes after the cells (sections, not columns)', () => {
    const ragged = detectPage(grid('en', ['Problem', 'Status'], [['Asthma', 'Active'], ['COPD']]).body.ownerDocument);
    expect(state(ragged, 'asthma')).toBe('current');
    // Two section headings, each with its items under it: "Resolved" is an item, not the status of the item before it.
    const sections = loadHtml(
      '<html lang="en"><body><div><div><b>Problems</b></div><div><b>Notes</b></div><div>Asthma</div><div>Resolved</div>' +
        '<div><b>Plan</b></div><div>Review</div></div></body></html>',
    );
    expect(state(detectPage(sections), 'asthma')).toBe('current');
  });

  it('follows a status cell or a column heading being changed, as a full detection would', () => {
    const doc = grid('en', ['Problem', 'Since', 'Status'], [['Asthma', '2010', 'Active'], ['COPD', '2019', 'Active']]);
    const det = createDetector(doc);
    expect(det.detect().conditions.map((c) => c.id).sort()).toEqual(['asthma', 'copd']);
    const cells = doc.querySelectorAll('.grid > div');
    const step = (mutate: () => void) => {
      const r = det.onMutations(mutateAndCollect(doc, mutate)) ?? det.detect();
      expect(r).toEqual(detectPage(doc));
      return [state(r, 'asthma'), state(r, 'copd')];
    };
    expect(step(() => ((cells[8] as Element).textContent = 'Excluded'))).toEqual(['current', 'negated']);
    // A heading no longer bold: no grid, each cell read alone; bold again, a grid again.
    const bold = (text: string) => Object.assign(doc.createElement('b'), { textContent: text });
    for (const [i, text] of [[0, 'Problem'], [1, 'Since']] as const) {
      expect(step(() => ((cells[i] as Element).textContent = text))).toEqual(['current', 'current']);
      expect(step(() => (cells[i] as Element).replaceChildren(bold(text)))).toEqual(['current', 'negated']);
    }
  });
});
