/**
 * The rules as data, checked against the cases written from the seeds: every rule is matched by some
 * case and applied in some result, and every rule a result names is one whose condition held (with
 * the conditions it lists), the platform's postage rule being the first whose condition held.
 */
import { describe, expect, it } from 'vitest';
import { assess, categoryOf, type Assessment } from '../../../lib/engine/assess';
import { factsOf } from '../../../lib/engine/facts';
import { commitmentsInForce } from '../../../lib/engine/policy';
import { POSTAGE_BASE_RULES } from '../../../lib/engine/postage';
import { resolveRules, RULE_IDS } from '../../../lib/engine/rules';
import { holds, type Facts } from '../../../lib/engine/when';
import { SEED_CASES, type SeedCase } from './seed-cases';

const rules = resolveRules();

function factsFor(s: SeedCase): Facts {
  const commitments = commitmentsInForce(s.policy, Date.parse(s.c.paidAt ?? s.c.appliedAt ?? '') || s.now);
  return factsOf(s.c, categoryOf(s.c), commitments, s.policy, rules, s.now);
}

/** Each result's own `rule`, beside the rules it lists as applied. */
function named(a: Assessment): { rule: string; applied: string[] }[] {
  return [
    { rule: a.postage.rule, applied: a.postage.applied.map((r) => r.rule) },
    ...a.compensation.map((x) => ({ rule: x.rule, applied: x.applied.map((r) => r.rule) })),
    ...a.promises.map((x) => ({ rule: x.rule, applied: x.applied.map((r) => r.rule) })),
    ...(a.sevenDay.applies ? [{ rule: a.sevenDay.rule, applied: a.sevenDay.applied.map((r) => r.rule) }] : []),
    ...(a.deadline && a.deadline.at !== null && a.deadline.actor !== null && a.deadline.ruleId
      ? [{ rule: a.deadline.ruleId, applied: (a.deadline.applied ?? []).map((r) => r.rule) }]
      : []),
  ];
}

// Run inside each test, never while tests are collected (mutation testing would count every mutant as static).
const run = (s: SeedCase) => ({ s, a: assess(s.c, s.policy, s.now), facts: factsFor(s) });

describe('rules as data', () => {
  it.each([...RULE_IDS])('%s: some case matches its condition and some result applies it', (id) => {
    const when = rules.get(id)!.when;
    const runs = SEED_CASES.map(run);
    expect(runs.filter((r) => holds(when, r.facts)).map((r) => r.s.name)).not.toEqual([]);
    expect(runs.filter((r) => r.a.applied.some((x) => x.rule === id)).map((r) => r.s.name)).not.toEqual([]);
  });

  it.each(SEED_CASES.map((s) => [s.name, s] as const))(
    '%s: every rule applied is one whose condition held, with those conditions',
    (_name, s) => {
      const { a, facts } = run(s);
      for (const applied of a.applied) expect(holds(rules.get(applied.rule)!.when, facts)).toEqual(applied.held);
      for (const { rule, applied } of named(a)) expect(applied).toContain(rule);
      const base = POSTAGE_BASE_RULES.find((id) => holds(rules.get(id)!.when, facts));
      expect(a.postage.applied[0]?.rule).toBe(base);
    },
  );
});
