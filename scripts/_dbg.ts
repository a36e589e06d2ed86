import { analyzeText } from '../lib/detection';
for (const t of ['HF excluded.', 'NT-proBNP 88 - HF excluded', 'Echo normal - HF excluded', 'Heart failure excluded.', '?heart failure: echo normal, HF excluded']) {
  const r = analyzeText(t, 'en');
  console.log(t, '=>', JSON.stringify(r.conditions.map((c) => [c.id, c.status, c.evidence.map((e) => `${e.match}/${e.context}`)])), 'ruledOut', JSON.stringify(r.ruledOut.map((x) => [x.id, x.evidence.map((e) => `${e.match}/${e.context}`)])));
}
