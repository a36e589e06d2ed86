/**
 * Built-in detection data (data/*.json), typed by cast: no schema library at run time (the content script has
 * a size budget). tests/unit/detection/schema.test.ts parses every file with lib/detection/schema.ts and checks
 * that parsing changes nothing (no defaults needed), which is what makes these casts sound.
 */
import conditionsJson from '../../data/conditions.json';
import rulesJson from '../../data/context-rules.json';
import type { Adapter, ConditionDefinition, ContextRules } from './schema';

const adapterModules = import.meta.glob('../../data/adapters/*.json', { eager: true, import: 'default' }) as Record<
  string,
  unknown
>;

let adapters: Adapter[] | null = null;

export function defaultConditions(): ConditionDefinition[] {
  return (conditionsJson as unknown as { conditions: ConditionDefinition[] }).conditions;
}

export function defaultRules(): ContextRules {
  return rulesJson as unknown as ContextRules;
}

export function defaultAdapters(): Adapter[] {
  adapters ??= Object.keys(adapterModules)
    .sort()
    .map((k) => adapterModules[k] as Adapter);
  return adapters;
}
