/**
 * The range of each rule parameter a shop may set (平台规则): what the options page accepts, narrowed to
 * what the platform publishes. The options page's inputs and the team's rule documents (lib/sync/validate.ts)
 * use the same ranges, so a value staff could not type is a value no colleague's document can set.
 */
import { DEFAULT_RULES } from '../engine/rules';

/**
 * Each rule parameter's range: what the options page accepts, narrowed to what the platform publishes
 * (a percent of the price is at most 100; deadlines are days, not years; 假一赔三 pays at most three times).
 */
export const RULE_PARAM_RANGES: Record<string, { min: number; max: number }> = {
  hours: { min: 0, max: 24 * 30 },
  defaultShipHours: { min: 0, max: 24 * 90 },
  percent: { min: 0, max: 100 },
  minFen: { min: 0, max: 100_000_00 },
  maxFen: { min: 0, max: 100_000_00 },
  multiplier: { min: 0, max: 3 },
};

const RULE_PARAMS = new Map(DEFAULT_RULES.map((r) => [r.id as string, r.params]));

/** Why rule overrides cannot be the shop's rules, or undefined when they can. */
export function ruleOverridesProblem(value: Record<string, Record<string, number>>): string | undefined {
  for (const [id, params] of Object.entries(value)) {
    const defaults = RULE_PARAMS.get(id);
    if (!defaults) return `没有这条规则：${id.slice(0, 80)}`;
    for (const [name, val] of Object.entries(params)) {
      const range = RULE_PARAM_RANGES[name];
      if (!Object.hasOwn(defaults, name) || !range) return `规则 ${id} 没有参数 ${name.slice(0, 40)}`;
      if (!(val >= range.min && val <= range.max))
        return `规则 ${id} 的 ${name} 超出范围（${range.min}–${range.max}）：${val}`;
    }
    const lo = params.minFen ?? defaults.minFen;
    const hi = params.maxFen ?? defaults.maxFen;
    if (lo !== undefined && hi !== undefined && lo > hi) return `规则 ${id} 的最低额高于最高额`;
  }
  return undefined;
}
