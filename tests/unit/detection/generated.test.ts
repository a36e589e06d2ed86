import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText, defaultConditions } from '../../../lib/detection';
import { compile, compileWith } from '../../../lib/detection/compile';
import { defaultRules } from '../../../lib/detection/data';
import { generatedSource } from '../../../lib/detection/generate';
import { fromPortable, toPortable } from '../../../lib/detection/portable';
import { COMPILED_DETECTION } from '../../../lib/detection/compiled.generated';

describe('build-time compiled detection index', () => {
  it('lib/detection/compiled.generated.ts is up to date with data/*.json (else: npx vite-node scripts/compile-detection.ts)', () => {
    const file = path.resolve(__dirname, '../../../lib/detection/compiled.generated.ts');
    expect(fs.readFileSync(file, 'utf8') === generatedSource()).toBe(true);
  });

  it('reads back to the same index as compiling the data', () => {
    const fresh = compile(defaultConditions(), defaultRules());
    expect(toPortable(fromPortable(COMPILED_DETECTION))).toBe(toPortable(fresh));
  });

  it('compileWith(defs, built-in) equals compile(defs, rules), e.g. for a practice subset of conditions', () => {
    const base = fromPortable(COMPILED_DETECTION);
    const subset = defaultConditions().filter((d) => d.id !== 'copd');
    expect(toPortable(compileWith(subset, base))).toBe(toPortable(compile(subset, defaultRules())));
    const r = analyzeText('COPD and type 2 diabetes. No asthma.', 'en', { conditions: subset });
    expect(r.conditions.map((c) => c.id)).toEqual(['t2dm']);
  });
});
