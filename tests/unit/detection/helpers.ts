import fs from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';

export const FIXTURES = '/work/shared/ehr-fixtures';
export const sharedDir = fs.existsSync(FIXTURES) ? FIXTURES : path.resolve(__dirname, '../../../../shared/ehr-fixtures');

/** A happy-dom document for `html`, scripts not executed (the page is data we do not control). */
export function loadHtml(html: string, url = 'http://127.0.0.1:4173/test.html'): Document {
  const w = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  w.document.write(html);
  return w.document as unknown as Document;
}

export function readFixture(name: string): string {
  return fs.readFileSync(path.join(sharedDir, name), 'utf8');
}

export interface ExpectedPage {
  conditions: string[];
  possible?: string[];
  not: string[];
  note_field?: string;
}

export function expectedPages(): Record<string, ExpectedPage> {
  const raw = JSON.parse(readFixture('expected.json')) as Record<string, unknown>;
  const out: Record<string, ExpectedPage> = {};
  for (const [k, v] of Object.entries(raw)) if (!k.startsWith('_')) out[k] = v as ExpectedPage;
  return out;
}

/** Patients of spa-chart.html, read from its PATIENTS literal (data only), and the chart its render() builds. */
export function spaPatients(): Record<string, { name: string; dob: string; problems: [string, string][]; meds: string[]; note: string }> {
  const src = readFixture('spa-chart.html');
  const m = /const PATIENTS = (\{[\s\S]*?\n\s*\});/.exec(src);
  if (!m?.[1]) throw new Error('PATIENTS not found in spa-chart.html');
  return new Function(`return (${m[1]});`)() as ReturnType<typeof spaPatients>;
}

export function spaChartHtml(pid: string): string {
  const p = spaPatients()[pid];
  if (!p) throw new Error(pid);
  // Same markup as render() in spa-chart.html.
  return `
        <header class="patient-header" data-patient-id="${pid}"><h1>${p.name}</h1><p>DOB ${p.dob}</p></header>
        <section id="problem-list"><h2>Problem list</h2><ul>${p.problems.map(([c, t]) => `<li><code>${c}</code> ${t}</li>`).join('')}</ul></section>
        <section id="med-list"><h2>Medications</h2><ul>${p.meds.map((x) => `<li>${x}</li>`).join('')}</ul></section>
        <section id="notes"><h2>Notes</h2><p>${p.note}</p></section>
        <section><h2>Consultation note</h2><textarea id="consult-note" rows="6" cols="70"></textarea></section>`;
}
