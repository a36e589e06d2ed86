/** axe-core for the e2e accessibility checks in both browsers: where it is, what it returns, what fails a test. */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../scripts/browser.mjs';

export const axePath = path.join(projectRoot, 'node_modules/axe-core/axe.min.js');

let source: string | null = null;

/** axe-core's script, read once, for the realms a script tag cannot reach (isolated worlds, sandboxes). */
export function axeSource(): string {
  source ??= fs.readFileSync(axePath, 'utf8');
  return source;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

export interface AxeResults {
  violations: AxeViolation[];
  passes: unknown[];
}

/** The serious and critical violations, one line each (none is allowed). */
export const serious = (results: AxeResults): string[] =>
  results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
