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

describe('problem-list rows and headings that state a status', () => {
  const page = (lang: string, heading: string, rows: string[][]) =>
    loadHtml(
      `<html lang="${lang}"><body><h3>${heading}</h3><table>${rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</table></body></html>`,
    );

  it.each([
    ['en', 'Problems', ['Essential hypertension', 'I10', 'Excluded'], 'hypertension'],
    ['nl', 'Probleemlijst', ['Arteriële hypertensie', 'I10', 'uitgesloten - wittejassenhypertensie'], 'hypertension'],
    ['fr', 'Problèmes', ['HTA essentielle', 'I10', 'Exclue (MAPA normale)'], 'hypertension'],
  ])('[%s] a row whose status cell says excluded rules the condition out, a comment after the status too', (lang, heading, row, id) => {
    const r = detectPage(page(lang, heading, [row, ['Asthma', 'J45.9', 'Active']]));
    expect(state(r, id)).toBe('negated');
    expect(state(r, 'asthma')).toBe('current');
  });

  it.each([
    ['en', 'Active and past problems', 'Resolved'],
    ['nl', 'Actieve en passieve problemen', 'opgelost'],
    ['fr', 'Problèmes actifs et résolus', 'résolu (2019)'],
  ])('[%s] "%s": the rows say which are past, the heading does not make them all past', (lang, heading, resolved) => {
    const r = detectPage(page(lang, heading, [['Asthma', 'J45.9', ''], ['Depression', 'F32.9', resolved]]));
    expect(state(r, 'asthma')).toBe('current');
    expect(state(r, 'depression')).toBe('historical');
  });

  it('a heading that names only past problems still makes its rows past', () => {
    expect(state(detectPage(page('en', 'Past problems', [['Asthma', 'J45.9', '']])), 'asthma')).toBe('historical');
    expect(state(detectPage(page('nl', 'Passieve problemen', [['Astma', 'R96', '']])), 'asthma')).toBe('historical');
  });
});
