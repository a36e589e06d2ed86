import { describe, expect, it } from 'vitest';
import { CONDITION_IDS } from '../../lib/conditions';
import { ConditionIdSchema } from '../../lib/conditions-schema';
import { DEFAULT_SETTINGS } from '../../lib/settings/schema';

describe('shared contracts', () => {
  it('knows the fourteen conditions of the fixtures', () => {
    expect(CONDITION_IDS).toHaveLength(14);
    expect(ConditionIdSchema.safeParse('diabetes').success).toBe(false);
  });
  it('defaults prompt for every condition', () => {
    expect(DEFAULT_SETTINGS.promptConditions).toEqual([...CONDITION_IDS]);
    expect(DEFAULT_SETTINGS.role).toBe('gp');
  });
});
