/**
 * The JSON examples of docs/deployment.md, each after a `<!-- example:<name> -->` marker: tests use them as they
 * are written, so a practice that copies one gets what was tested.
 */
import fs from 'node:fs';
import path from 'node:path';

const deploymentDoc = fs.readFileSync(path.resolve(import.meta.dirname, '../docs/deployment.md'), 'utf8');

/** The JSON block after `<!-- example:<name> -->` in docs/deployment.md, parsed. */
export function docExample(name: string): any {
  const match = new RegExp(`<!-- example:${name} -->\\s*\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``).exec(deploymentDoc);
  if (!match) throw new Error(`docs/deployment.md has no example:${name}`);
  return JSON.parse(match[1]!);
}
