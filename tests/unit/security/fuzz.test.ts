// @vitest-environment happy-dom
/**
 * Bad input never breaks the extension: random and malformed input to the parts that take text from the page,
 * the clinician or storage. Each property states what must hold for every input, and fast-check shrinks any
 * counter-example to a small one. Case counts are sized so the file stays well under 30 s on a 2-core CI machine.
 * FUZZ_SCALE=10 npx vitest run tests/unit/security/fuzz.test.ts runs ten times as many cases.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CONDITION_IDS, type ConditionId } from '../../../lib/conditions';
import { loadBuiltInPack, parsePack } from '../../../lib/content/packs';
import { buildSummary } from '../../../lib/content/summary';
import { RequestSchema } from '../../../lib/messages';
import { analyzeText, detectPage } from '../../../lib/detection';
import { DetectionResultSchema } from '../../../lib/detection/result';
import { salvageSettings } from '../../../lib/settings/salvage';
import { SettingsPatchSchema, SettingsSchema } from '../../../lib/settings/schema';
import { parseSettingsFile } from '../../../lib/transfer/settings';
import type { Goal } from '../../../lib/storage/records';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) });

/** Text that tends to break parsers and sanitizers: markup, code, control and astral characters, huge tokens. */
const nastyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.constantFrom(
    '<img src=x onerror="window.__xss_fired=true">',
    '<script>window.__xss_fired=true</script>',
    '<a<b>>',
    '<<script>script>',
    '<svg/onload=alert(1)>',
    '</textarea><b>',
    '\u202e\u2028\u0000\ufeff',
    '{{constructor.constructor("return 1")()}}',
    '${alert(1)}',
    '"; DROP TABLE patients; --',
    '__proto__',
  ),
  fc.array(fc.constantFrom('<', '>', '/', 'a', 'b', 'img', ' ', '"', '=', '\n'), { maxLength: 40 }).map((a) => a.join('')),
  fc.integer({ min: 1000, max: 20000 }).map((n) => 'x'.repeat(n)),
);

/** Generous: real pages take a few ms. A case over this means a pathological (super-linear) path, i.e. a hang. */
const CASE_BUDGET_MS = 200;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const clinical = fc.constantFrom(
  'Type 2 diabetes mellitus', 'E11.9', 'J44.9', 'I10', 'T90', 'K86', 'no asthma', 'geen astma', 'pas de diabète',
  'family history of COPD', 'suspected heart failure', 'diabetes insipidus', 'pre-diabetes', 'Metformin 500 mg', 'A10BA02',
  'Problem list', 'Probleemlijst', 'Antécédents familiaux', 'History:', '44054006', 'hypertensie', 'BPCO',
);
const words = fc.oneof(clinical, nastyText, fc.string({ unit: 'grapheme', maxLength: 30 }));

/** Random HTML: nested tables and lists, scripts (FHIR JSON too), unclosed and stray tags, attributes. */
const htmlTree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    words,
    fc.tuple(fc.constantFrom('div', 'section', 'table', 'tr', 'td', 'th', 'ul', 'li', 'p', 'span', 'h2', 'textarea', 'template', 'svg', 'pre', 'b'),
      fc.constantFrom('', ' id="problems"', ' class="problem-list"', ' data-patient-id="X-1"', ' contenteditable="true"', ' hidden', ' style="display:none"', ' onclick="x()"'),
      fc.array(tie('node'), { maxLength: 5 }), fc.boolean())
      .map(([tag, attr, kids, close]) => `<${tag}${attr}>${kids.join('')}${close ? `</${tag}>` : ''}`),
    fc.tuple(fc.constantFrom('application/fhir+json', 'application/json', 'text/javascript'), fc.oneof(fc.jsonValue().map((v) => JSON.stringify(v)), words))
      .map(([type, body]) => `<script type="${type}">${body}</script>`),
    fc.constantFrom('<table><tr><td>', '</div></div></table>', '<!--', '<![CDATA[', '<td>E11.9<td>Type 2 diabetes', '<iframe srcdoc="<p>asthma</p>"></iframe>'),
  ),
})).node;

describe('detection on random and malformed pages and text', () => {
  it('detectPage never throws, returns a valid result and never hangs', () => {
    // The first call compiles the condition definitions: warm up so the budget measures the page, not that.
    detectPage(new DOMParser().parseFromString('<p>Type 2 diabetes</p>', 'text/html'), { url: 'http://127.0.0.1/' });
    let slowest = 0;
    fc.assert(
      fc.property(fc.array(htmlTree, { minLength: 1, maxLength: 8 }), (parts) => {
        const doc = new DOMParser().parseFromString(`<!doctype html><html><body>${parts.join('')}</body></html>`, 'text/html');
        const { value, ms } = timed(() => detectPage(doc, { url: 'http://127.0.0.1/chart' }));
        slowest = Math.max(slowest, ms);
        expect(DetectionResultSchema.safeParse(value).success).toBe(true);
        expect(ms).toBeLessThan(CASE_BUDGET_MS);
      }),
      runs(500),
    );
    console.log(`detectPage: slowest case ${slowest.toFixed(1)} ms`);
  });

  it('analyzeText never throws, returns a valid result and never hangs', () => {
    analyzeText('Type 2 diabetes', 'en');
    let slowest = 0;
    fc.assert(
      fc.property(
        fc.array(words, { maxLength: 30 }).map((w) => w.join(fc.sample(fc.constantFrom(' ', '\n', ', ', ': ', '\n\n'), 1)[0])),
        fc.option(fc.constantFrom('en' as const, 'nl' as const, 'fr' as const), { nil: undefined }),
        (text, lang) => {
          const { value, ms } = timed(() => analyzeText(text, lang));
          slowest = Math.max(slowest, ms);
          expect(DetectionResultSchema.safeParse(value).success).toBe(true);
          expect(ms).toBeLessThan(CASE_BUDGET_MS);
        },
      ),
      runs(1500),
    );
    console.log(`analyzeText: slowest case ${slowest.toFixed(1)} ms`);
  });
});

describe('buildSummary with random ticks, strategies and goals', () => {
  const packs = { en: loadBuiltInPack('en'), nl: loadBuiltInPack('nl'), fr: loadBuiltInPack('fr') };
  const someId = (ids: string[]) => fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 30 }));
  const goal: fc.Arbitrary<Goal | null> = fc.option(
    fc.record({
      text: nastyText,
      when: nastyText,
      confidence: fc.option(fc.integer({ min: 0, max: 10 })),
      followUp: fc.option(fc.constantFrom('2026-03-18', '1999-12-31')),
    }),
  );
  // The pack is drawn by language so a counter-example prints short.
  const input = fc.record({
    lang: fc.constantFrom('en' as const, 'nl' as const, 'fr' as const),
    conditions: fc.array(fc.record({ id: fc.constantFrom(...CONDITION_IDS) as fc.Arbitrary<ConditionId>, status: fc.constantFrom('confirmed' as const, 'possible' as const) }), { maxLength: 20 }),
    barriers: fc.array(someId(packs.en.barriers.map((b) => b.id)), { maxLength: 40 }),
    strategies: fc.array(someId(packs.en.strategies.map((s) => s.id)), { maxLength: 40 }),
    goal,
    date: fc.option(fc.date({ noInvalidDate: true }), { nil: undefined }),
    localStrategies: fc.array(fc.record({ id: fc.string({ maxLength: 20 }), label: nastyText }), { maxLength: 5 }),
  });
  const summaryOf = ({ lang, ...rest }: typeof input extends fc.Arbitrary<infer T> ? T : never) => buildSummary({ ...rest, pack: packs[lang] });

  it('never throws and stays short', () => {
    fc.assert(
      fc.property(input, (i) => {
        const text = summaryOf(i);
        // 7 lines at most; free text is capped at 200 characters, pack labels are short.
        expect(text.split('\n').length).toBeLessThanOrEqual(7);
        expect(text.length).toBeLessThan(4000);
      }),
      runs(1500),
    );
  });

  it('never writes anything a note that renders HTML would read as a tag (no "<" before a letter)', () => {
    fc.assert(
      fc.property(input, (i) => {
        expect(summaryOf(i)).not.toMatch(/<[a-z]/i);
      }),
      runs(1500),
    );
  });
});

describe('schemas at the boundaries reject junk without throwing', () => {
  const junk = fc.oneof(
    fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, maxDepth: 4 }),
    nastyText,
    fc.jsonValue(),
  );

  it('RequestSchema (every message to the background)', () => {
    fc.assert(
      fc.property(junk, fc.option(fc.constantFrom('record/save', 'record/load', 'settings/save', 'pack/import', 'data/erase', 'action-plan/open')), (value, type) => {
        const message = type && typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value, type } : value;
        const parsed = RequestSchema.safeParse(message);
        if (parsed.success) expect(typeof parsed.data.type).toBe('string'); // e.g. { type: 'data/erase' } plus junk keys
      }),
      runs(1500),
    );
  });

  it('settings: the schema, a patch, the salvage of a stored blob and an imported settings file', () => {
    fc.assert(
      fc.property(junk, (value) => {
        SettingsSchema.safeParse(value);
        SettingsPatchSchema.safeParse(value);
        const { settings } = salvageSettings(value);
        expect(SettingsSchema.safeParse(settings).success).toBe(true); // whatever was stored, the result is usable
        const asText = typeof value === 'string' ? value : (() => { try { return JSON.stringify(value) ?? ''; } catch { return ''; } })();
        parseSettingsFile(asText);
      }),
      runs(1000),
    );
  });

  it('parsePack (an imported content pack)', () => {
    const en = loadBuiltInPack('en');
    const mutated = fc
      .record({ key: fc.constantFrom(...Object.keys(en)), value: junk })
      .map(({ key, value }) => ({ ...en, [key]: value }));
    fc.assert(
      fc.property(fc.oneof(junk, mutated, nastyText.map((t) => `{"id":${t}`)), (value) => {
        const result = parsePack(value);
        if (!result.ok) expect(typeof result.error).toBe('string');
      }),
      runs(800),
    );
  });
});
