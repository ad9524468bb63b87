/**
 * The assessment of one case: when the platform will decide and what it will do, what to do next,
 * who pays which leg of the postage, what compensation is owed, and which evidence to gather.
 * Pure: no DOM, no browser API, no clock (`now` is an argument).
 */
import { FINAL_STATUSES, type CaseSnapshot } from '../shared/types';
import {
  ms,
  stateUnread,
  type Assessment,
  type Deadline,
  type Needs,
  type RiskFlag,
  type Tier,
  type UnknownDeadline,
} from './assessment';
import { compensationOf } from './compensation';
import { deadlinesOf } from './deadline';
import { tierOf } from './tier';
import { factsOf } from './facts';
import { promisesOf } from './promises';
import { commitmentsInForce, type ShopPolicy } from './policy';
import { postageOf } from './postage';
import { reasonCategory, type ReasonCategory } from './reason';
import { resolveRules } from './rules';
import { sevenDayOf } from './seven-day';
import { evidenceOf, stepsOf } from './steps';
import { workingMsBetween } from './working-hours';

export type * from './assessment';
export { tierOf } from './tier';

function flagsOf(c: CaseSnapshot, tier: Tier): RiskFlag[] {
  const flags: RiskFlag[] = [];
  const unread = stateUnread(c);
  if (tier === 'overdue') flags.push({ id: 'overdue', text: unread ? '页面倒计时已到' : '已超过平台时限' });
  else if (tier === 'lt6h' || tier === 'lt24h')
    flags.push({ id: 'due-within-24h', text: unread ? '页面倒计时不足 24 小时' : '24 小时内平台将自动处理' });
  if (c.flags.platformIntervened) flags.push({ id: 'platform-intervened', text: '平台（小二）已介入：按时举证' });
  if (c.flags.platformIntervened || c.status === 'SELLER_REFUSE_BUYER')
    flags.push({ id: 'dispute-risk', text: '可能计入纠纷退款率' });
  // Whether the refund can still succeed (or already has) depends on the state: unread, not said.
  if (c.kind === 'refund' && !unread && !FINAL_STATUSES.has(c.status))
    flags.push({ id: 'counts-toward-refund-rate', text: '退款成功将计入退款率' });
  if (c.flags.buyerUrged) flags.push({ id: 'buyer-urged', text: '买家已催促' });
  return flags;
}

function needsOf(c: CaseSnapshot, deadline: Deadline | UnknownDeadline | null): Needs {
  if (!stateUnread(c)) return {};
  // The page's own words may still announce what happens (…后自动同意).
  const announced = !!deadline && deadline.at !== null && deadline.consequence !== null;
  return { actor: ['status'], ...(announced ? {} : { consequence: ['status'] }), steps: ['status'] };
}

/** The case's reason class; a 邮费单's reason names the postage, so the class is of what is left. */
export function categoryOf(c: CaseSnapshot): ReasonCategory {
  return c.kind === 'postage' && reasonCategory(c.reason) === 'postage'
    ? reasonCategory(c.reason?.replace(/退货运费|运费|邮费/g, ''))
    : reasonCategory(c.reason);
}

/**
 * Assess a case.
 * @param c the case as read (and merged) from the pages
 * @param policy the shop's commitments, rule overrides and working hours
 * @param now epoch ms of "now"
 * @example assess(snapshot, EMPTY_POLICY, Date.parse('2026-11-22T15:00:00+08:00')).deadline
 */
export function assess(c: CaseSnapshot, policy: ShopPolicy, now: number): Assessment {
  const rules = resolveRules(policy.ruleOverrides);
  const category = categoryOf(c);
  // Promises are judged as they stood when the order was paid (or, unknown, when the case was opened).
  const commitments = commitmentsInForce(policy, ms(c.paidAt) ?? ms(c.appliedAt) ?? now);
  const { deadline, deadlines } = deadlinesOf(c, rules);
  const dueAt = deadline && deadline.at !== null ? Date.parse(deadline.at) : undefined;
  const tier = tierOf(dueAt, now);
  const facts = factsOf(c, category, commitments, policy, rules, now);
  const sevenDay = sevenDayOf(c, facts, commitments, rules);
  const postage = postageOf(facts, commitments, rules);
  const compensation = compensationOf(c, facts, commitments, rules);
  const steps = stepsOf(c, facts, sevenDay, commitments, rules);
  const promises = promisesOf(c, facts, commitments, rules, now);
  const due = deadline && deadline.at !== null && deadline.actor !== null ? (deadline.applied ?? []) : [];
  const assessment: Assessment = {
    deadline,
    deadlines,
    tier,
    sevenDay,
    postage,
    compensation,
    steps: steps.steps,
    stepRules: steps.applied,
    promises,
    applied: [
      ...due,
      ...sevenDay.applied,
      ...postage.applied,
      ...compensation.flatMap((x) => x.applied),
      ...steps.applied,
      ...promises.flatMap((x) => x.applied),
    ],
    evidence: evidenceOf(c, category),
    flags: flagsOf(c, tier),
    reasonCategory: category,
    needs: needsOf(c, deadline),
    ...(policy.unsetReason ? { promiseNote: policy.unsetReason } : {}),
  };
  if (policy.workingHours && dueAt !== undefined) {
    const left = workingMsBetween(now, dueAt, policy.workingHours, policy.holidays);
    if (left !== undefined) assessment.workingMsLeft = left;
  }
  return assessment;
}

/**
 * Only the deadlines of a case: what the ledger stores for ordering (no guidance needed there).
 * @example nextDeadline(snapshot, EMPTY_POLICY) //=> { at: '2026-11-26T10:00:00+08:00', basis: 'rule', … }
 */
export function nextDeadline(c: CaseSnapshot, policy: ShopPolicy): Deadline | UnknownDeadline | null {
  return deadlinesOf(c, resolveRules(policy.ruleOverrides)).deadline;
}
