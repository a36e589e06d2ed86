import type { Language } from '../conditions';
import { ContentPackSchema, FLOW_STEPS, BARRIER_LEVELS, type ContentPack } from './pack-schema';
import enPack from '../../data/packs/sms-core.en.json';
import nlPack from '../../data/packs/sms-core.nl.json';
import frPack from '../../data/packs/sms-core.fr.json';

export const BUILT_IN_PACK_ID = 'sms-core';

const RAW_BUILT_IN: Record<Language, unknown> = { en: enPack, nl: nlPack, fr: frPack };
const cache = new Map<Language, ContentPack>();

export type ParsePackResult = { ok: true; pack: ContentPack } | { ok: false; error: string };

/** The built-in pack for a language, validated once and cached. Throws if a shipped file is invalid (a build error). */
export function loadBuiltInPack(lang: Language): ContentPack {
  const hit = cache.get(lang);
  if (hit) return hit;
  const result = parsePack(RAW_BUILT_IN[lang]);
  if (!result.ok) throw new Error(`built-in pack ${BUILT_IN_PACK_ID}.${lang}.json is invalid: ${result.error}`);
  cache.set(lang, result.pack);
  return result.pack;
}

/** "strategies[3].sources" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(pack)' : out;
}

/**
 * Validates an unknown value (or a JSON string) as a content pack: the zod schema, then the cross-references
 * (unique ids, known sources and barriers, the 5As in order, the three levels). The error names the field path
 * of the first problem, e.g. "strategies[3].sources: at least one source is required", and counts the others.
 */
export function parsePack(json: unknown): ParsePackResult {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (e) {
      return { ok: false, error: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
    }
  }
  const parsed = ContentPackSchema.safeParse(value);
  const problems = parsed.success
    ? packIntegrityIssues(parsed.data)
    : parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
  if (problems.length > 0 || !parsed.success) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    return { ok: false, error: `${problems[0] ?? 'invalid pack'}${more}` };
  }
  return { ok: true, pack: parsed.data };
}

/** Cross-reference problems the schema alone cannot see, as "path: message" strings (empty when the pack is sound). */
export function packIntegrityIssues(pack: ContentPack): string[] {
  const issues: string[] = [];
  const sourceIds = new Set<string>();
  const barrierIds = new Set<string>();
  const strategyIds = new Set<string>();
  const unique = (seen: Set<string>, id: string, path: string) => {
    if (seen.has(id)) issues.push(`${path}.id: duplicate id "${id}"`);
    seen.add(id);
  };
  pack.sources.forEach((s, i) => unique(sourceIds, s.id, `sources[${i}]`));
  pack.barriers.forEach((b, i) => unique(barrierIds, b.id, `barriers[${i}]`));
  pack.strategies.forEach((s, i) => unique(strategyIds, s.id, `strategies[${i}]`));

  const checkSources = (refs: readonly string[], path: string) =>
    refs.forEach((ref, j) => {
      if (!sourceIds.has(ref)) issues.push(`${path}.sources[${j}]: unknown source "${ref}"`);
    });
  pack.levels.forEach((l, i) => {
    if (l.id !== BARRIER_LEVELS[i]) issues.push(`levels[${i}].id: expected "${BARRIER_LEVELS[i]}"`);
    checkSources(l.sources, `levels[${i}]`);
  });
  pack.barriers.forEach((b, i) => checkSources(b.sources, `barriers[${i}]`));
  pack.strategies.forEach((s, i) => {
    checkSources(s.sources, `strategies[${i}]`);
    s.addresses.forEach((ref, j) => {
      if (!barrierIds.has(ref)) issues.push(`strategies[${i}].addresses[${j}]: unknown barrier "${ref}"`);
    });
  });
  pack.flow.forEach((f, i) => {
    if (f.id !== FLOW_STEPS[i]) issues.push(`flow[${i}].id: expected "${FLOW_STEPS[i]}" (the 5As in order)`);
  });
  return issues;
}

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined` members left out,
 * numbers as JSON.stringify writes them. Throws on values JSON cannot represent (NaN, functions...).
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error('canonical JSON cannot hold a non-finite number');
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const obj = value as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
    }
    default:
      throw new Error(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** SHA-256 hex of a string (UTF-8), with Web Crypto (Node 20 and browsers). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Stable checksum of a pack: SHA-256 hex of its canonical JSON, without the `checksum` field itself. */
export async function packChecksum(pack: ContentPack): Promise<string> {
  const { checksum: _ignored, ...rest } = pack;
  return sha256Hex(canonicalJson(rest));
}

/** true/false when the pack carries a checksum, null when it has none. */
export async function verifyPackChecksum(pack: ContentPack): Promise<boolean | null> {
  if (pack.checksum === undefined) return null;
  return (await packChecksum(pack)) === pack.checksum;
}
