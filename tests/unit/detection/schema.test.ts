import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AdapterSchema, ConditionsFileSchema, ContextRulesSchema } from '../../../lib/detection/schema';

const root = path.resolve(__dirname, '../../..');
const readJson = (p: string): unknown => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));

/**
 * The content script uses the bundled JSON by cast (no zod at run time). These tests are what makes that sound:
 * every file parses, and parsing changes nothing (no default had to be filled in).
 */
describe('detection data validates with the schemas (checked here, not at run time)', () => {
  it('data/conditions.json', () => {
    const raw = readJson('data/conditions.json');
    expect(ConditionsFileSchema.parse(raw)).toEqual(raw);
  });

  it('data/context-rules.json', () => {
    const raw = readJson('data/context-rules.json');
    expect(ContextRulesSchema.parse(raw)).toEqual(raw);
  });

  it('every adapter in data/adapters', () => {
    const files = fs.readdirSync(path.join(root, 'data/adapters')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const raw = readJson(`data/adapters/${f}`);
      expect(AdapterSchema.parse(raw), f).toEqual(raw);
    }
  });

  it('the detection entry point does not import zod (content-script size budget)', () => {
    // Value imports reachable from lib/detection/index.ts, followed through relative imports.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = fs.readFileSync(file, 'utf8');
      expect(src, file).not.toMatch(/from\s+['"]zod['"]/);
      for (const m of src.matchAll(/^import\s+(?!type\b)[^'"]*?from\s+['"](\.[^'"]+)['"]/gm)) {
        const spec = m[1] as string;
        if (spec.endsWith('.json')) continue;
        const base = path.resolve(path.dirname(file), spec);
        const cand = [`${base}.ts`, path.join(base, 'index.ts')].find((p) => fs.existsSync(p));
        if (cand) visit(cand);
      }
    };
    visit(path.join(root, 'lib/detection/index.ts'));
    expect(seen.size).toBeGreaterThan(3);
  });
});
