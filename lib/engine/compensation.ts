/**
 * Compensation owed, each by the rule whose condition holds: late shipment (the platform's rule, or
 * the shop's 发货时间承诺 with the higher of the two), 假一赔三, 品质承诺.
 */
import { yuan, type CaseSnapshot } from '../shared/types';
import type { Compensation } from './assessment';
import { applyRule, lateRuleOf, shipHoursOf } from './facts';
import type { CommitmentsInForce } from './policy';
import { ruleParam, type Rule } from './rules';
import type { Facts } from './when';

const paidText = (paid: number | undefined) => (paid === undefined ? '（未知）' : yuan(paid));

function lateShipment(
  c: CaseSnapshot,
  facts: Facts,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
): Compensation | null {
  const lateRule = lateRuleOf(c);
  const hit = applyRule(rules, lateRule, facts);
  if (!hit) return null;
  const paid = c.paidFen;
  const promise = commitments['shipping-promise'];
  const higher = applyRule(rules, 'compensation.higher-applies', facts);
  const percent = ruleParam(rules, lateRule, 'percent');
  const minFen = ruleParam(rules, lateRule, 'minFen');
  const maxFen = ruleParam(rules, lateRule, 'maxFen');
  const fen = paid === undefined ? null : Math.round(Math.min(maxFen, Math.max(minFen, (paid * percent) / 100)));
  const limits = `${minFen ? `最低 ${yuan(minFen)}，` : ''}最高 ${yuan(maxFen)}`;
  const why = promise
    ? `（店铺承诺 ${promise.hours} 小时内发货，与平台规定取高者）`
    : `（${shipHoursOf(c, commitments, rules)} 小时内未发货）`;
  return {
    kind: promise ? 'shipping-promise' : 'late-shipment',
    fen,
    formula: `实付${paidText(paid)} × ${percent}%，${limits}${why}`,
    rule: lateRule,
    applied: higher ? [hit, higher] : [hit],
  };
}

export function compensationOf(
  c: CaseSnapshot,
  facts: Facts,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
): Compensation[] {
  const out: Compensation[] = [];
  const paid = c.paidFen;
  const late = lateShipment(c, facts, commitments, rules);
  if (late) out.push(late);
  const fake = applyRule(rules, 'compensation.fake-3x', facts);
  if (fake) {
    const k = ruleParam(rules, 'compensation.fake-3x', 'multiplier');
    out.push({
      kind: 'fake-compensation',
      fen: paid === undefined ? null : Math.round(paid * k),
      formula: `退回实付价款，另赔实付${paidText(paid)} × ${k}，并承担全部运费`,
      rule: fake.rule,
      applied: [fake],
    });
  }
  const quality = commitments['quality-promise'];
  const promised = applyRule(rules, 'compensation.quality-promise', facts);
  if (quality && promised) {
    out.push({
      kind: 'quality-promise',
      fen: quality.amountFen,
      formula: `退回价款并补偿约定赔偿金 ${yuan(quality.amountFen)}`,
      rule: promised.rule,
      applied: [promised],
    });
  }
  return out;
}
