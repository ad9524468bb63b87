import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, RULE_IDS } from '../../../lib/engine/rules';

describe('rule ids', () => {
  it('name each rule exactly once: every id has its rule and every rule its id', () => {
    expect(DEFAULT_RULES.map((r) => r.id).sort()).toEqual([...RULE_IDS].sort());
  });
});
