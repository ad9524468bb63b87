/**
 * The facts the rules read about a case (lib/engine/when.ts): read once per assessment from the
 * snapshot, the reason class, the shop's commitments in force and the rules' numbers.
 */
import { DAY_MS, HOUR_MS, startOfChinaDay } from '../shared/china-time';
import type { CaseSnapshot } from '../shared/types';
import { ms, type AppliedRule } from './assessment';
import type { CommitmentsInForce, CommitmentType, ShopPolicy } from './policy';
import type { ReasonCategory } from './reason';
import { ruleParam, type Rule, type RuleId } from './rules';
import { holds, type Facts, type Tri, type WindowState } from './when';

/** The end of a window of `days` counted from 00:00 (China time) of the day after signing. */
export const windowEnd = (signed: number, days: number): number => startOfChinaDay(signed) + DAY_MS + days * DAY_MS;

/** Whether `applied` falls before `end` (unknown when either is). */
export const within = (applied: number | undefined, end: number | undefined): WindowState =>
  applied === undefined || end === undefined ? 'unknown' : applied < end ? 'inside' : 'outside';

/** The rule of late shipment on the case's platform. */
export const lateRuleOf = (c: CaseSnapshot): RuleId =>
  c.platform === 'tmall' ? 'compensation.late-shipment-tmall' : 'compensation.late-shipment-taobao';

/** The hours the order had to ship in: the shop's 发货时间承诺, else the platform's default. */
export const shipHoursOf = (c: CaseSnapshot, commitments: CommitmentsInForce, rules: Map<string, Rule>): number =>
  commitments['shipping-promise']?.hours ?? ruleParam(rules, lateRuleOf(c), 'defaultShipHours');

function shippedLate(
  c: CaseSnapshot,
  category: ReasonCategory,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
  now: number,
): Tri {
  if (category === 'late-shipment') return true;
  const paidAt = ms(c.paidAt);
  const shippedAt = ms(c.shippedAt);
  if (paidAt === undefined) return 'unknown';
  const limit = shipHoursOf(c, commitments, rules) * HOUR_MS;
  if (shippedAt !== undefined) return shippedAt - paidAt > limit;
  // Never shipped: late once the limit has passed (a refund before shipping is not late in itself).
  if (c.shipped === false) return now - paidAt > limit;
  return 'unknown';
}

/**
 * @param c the case as read
 * @param category its reason class
 * @param commitments the shop's promises in force for it
 * @param now epoch ms, for an order never shipped
 */
export function factsOf(
  c: CaseSnapshot,
  category: ReasonCategory,
  commitments: CommitmentsInForce,
  policy: ShopPolicy,
  rules: Map<string, Rule>,
  now: number,
): Facts {
  const signed = ms(c.signedAt);
  const applied = ms(c.appliedAt);
  const sevenDays = commitments['seven-day']?.days ?? ruleParam(rules, 'seven-day.window', 'hours') / 24;
  const promise = commitments['return-promise'];
  const report = commitments['quality-report-window'];
  const freeShipping = c.flags.freeShipping ?? policy.freeShippingDefault;
  return {
    kind: c.kind,
    status: c.status,
    platform: c.platform,
    refundType: c.refundType ?? 'unknown',
    shipped: c.shipped ?? 'unknown',
    goods: c.goodsStatus ?? 'unknown',
    reason: category,
    freeShipping: freeShipping ?? 'unknown',
    freightInsurance: !!(c.flags.freightInsurance || commitments['freight-insurance']),
    platformIntervened: !!c.flags.platformIntervened,
    returnSigned: ms(c.returnLogistics?.signedAt) !== undefined,
    shippedLate: shippedLate(c, category, commitments, rules, now),
    commitments: new Set(Object.keys(commitments) as CommitmentType[]),
    windows: {
      'seven-day': within(applied, signed === undefined ? undefined : windowEnd(signed, sevenDays)),
      'return-promise': promise
        ? within(applied, signed === undefined ? undefined : windowEnd(signed, promise.days))
        : 'outside',
      'quality-report': report
        ? within(applied, signed === undefined ? undefined : signed + report.hours * HOUR_MS + 1)
        : 'outside',
    },
  };
}

/** A rule applied to a case, with the conditions of its `when` that held. */
export function applyRule(rules: Map<string, Rule>, id: RuleId, facts: Facts): AppliedRule | null {
  const rule = rules.get(id)!;
  const held = holds(rule.when, facts);
  return held ? { rule: id, title: rule.title, held } : null;
}

/** The first of `ids` (in order: the first applicable wins) whose condition holds. */
export function firstRule(rules: Map<string, Rule>, ids: readonly RuleId[], facts: Facts): AppliedRule | null {
  for (const id of ids) {
    const hit = applyRule(rules, id, facts);
    if (hit) return hit;
  }
  return null;
}
