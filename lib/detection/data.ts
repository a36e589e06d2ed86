/** Built-in detection data (data/*.json), validated once on first use. */
import conditionsJson from '../../data/conditions.json';
import rulesJson from '../../data/context-rules.json';
import {
  AdapterSchema,
  ConditionsFileSchema,
  ContextRulesSchema,
  type Adapter,
  type ConditionDefinition,
  type ContextRules,
} from './schema';

const adapterModules = import.meta.glob('../../data/adapters/*.json', { eager: true, import: 'default' }) as Record<
  string,
  unknown
>;

let conditions: ConditionDefinition[] | null = null;
let rules: ContextRules | null = null;
let adapters: Adapter[] | null = null;

export function defaultConditions(): ConditionDefinition[] {
  conditions ??= ConditionsFileSchema.parse(conditionsJson).conditions;
  return conditions;
}

export function defaultRules(): ContextRules {
  rules ??= ContextRulesSchema.parse(rulesJson);
  return rules;
}

export function defaultAdapters(): Adapter[] {
  adapters ??= Object.keys(adapterModules)
    .sort()
    .map((k) => AdapterSchema.parse(adapterModules[k]));
  return adapters;
}
