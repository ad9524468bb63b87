/**
 * The shop's promises that bear on a case beside the money: 指定快递, 到货承诺 (seed 000: within 15
 * days of the order's close the buyer may claim, and the seller's deposit pays first) and the shop's
 * 质量问题反馈时限. What the page does not show (the carrier used and the one the buyer chose, the
 * order's close) is said plainly and never guessed.
 */
import { DAY_MS, toChinaIso } from '../shared/china-time';
import type { CaseSnapshot } from '../shared/types';
import { ms, type AppliedRule, type PromiseCheck } from './assessment';
import { applyRule } from './facts';
import type { CommitmentsInForce } from './policy';
import { ruleParam, type Rule } from './rules';
import type { Facts } from './when';

const wall = (at: number) => toChinaIso(at).slice(0, 16).replace('T', ' ');
const ORDER_CLOSE = '订单关闭时间（页面未显示，请在订单详情查看）';

const claim = (rules: Map<string, Rule>, hit: AppliedRule) =>
  `协商未果时，买家可在订单关闭之日起 ${ruleParam(rules, hit.rule, 'claimDays')} 天内发起维权，判定成立由保证金先行赔付`;

function designatedCarrier(rules: Map<string, Rule>, facts: Facts): PromiseCheck | null {
  const hit = applyRule(rules, 'promise.designated-carrier', facts);
  if (!hit) return null;
  return {
    type: 'designated-carrier',
    verdict: 'unknown',
    text: `指定快递：核对本单实际发货的快递是否为买家指定的快递；不符时主动与买家沟通。${claim(rules, hit)}`,
    missing: ['实际发货的快递公司（页面未显示）', '买家指定的快递公司（页面未显示）', ORDER_CLOSE],
    rule: hit.rule,
    applied: [hit],
  };
}

function arrival(
  c: CaseSnapshot,
  rules: Map<string, Rule>,
  facts: Facts,
  days: number,
  now: number,
): PromiseCheck | null {
  const hit = applyRule(rules, 'promise.arrival', facts);
  if (!hit) return null;
  const paid = ms(c.paidAt);
  const signed = ms(c.signedAt);
  const base = { type: 'arrival-promise' as const, rule: hit.rule, applied: [hit] };
  if (paid === undefined)
    return {
      ...base,
      verdict: 'unknown',
      text: `到货承诺（付款后 ${days} 天内送达）：付款时间未知，无法判断是否按时送达`,
      missing: ['付款时间（页面未显示）'],
    };
  const by = paid + days * DAY_MS;
  const promised = `付款后 ${days} 天内送达，即 ${wall(by)} 前`;
  if (signed !== undefined)
    return signed <= by
      ? { ...base, verdict: 'kept', text: `到货承诺已兑现：${wall(signed)} 签收（承诺${promised}）`, missing: [] }
      : {
          ...base,
          verdict: 'broken',
          text: `到货延迟：${wall(signed)} 才签收，晚于承诺（${promised}）。主动与买家协商补偿；${claim(rules, hit)}`,
          missing: [ORDER_CLOSE],
        };
  if (c.goodsStatus === 'BUYER_NOT_RECEIVED' && now > by)
    return {
      ...base,
      verdict: 'broken',
      text: `已过承诺送达时间（${promised}）仍未签收：查询物流、主动联系买家；${claim(rules, hit)}`,
      missing: [ORDER_CLOSE],
    };
  return {
    ...base,
    verdict: 'unknown',
    text: `到货承诺（${promised}）：签收时间未知，请在物流详情确认送达时间`,
    missing: ['签收时间（页面未显示）'],
  };
}

function qualityReport(rules: Map<string, Rule>, facts: Facts, hours: number): PromiseCheck | null {
  const hit = applyRule(rules, 'promise.quality-report-window', facts);
  if (!hit) return null;
  const base = { type: 'quality-report-window' as const, rule: hit.rule, applied: [hit] };
  const state = facts.windows['quality-report'];
  if (state === 'inside')
    return {
      ...base,
      verdict: 'kept',
      text: `买家在店铺约定的质量问题反馈时限内（签收后 ${hours} 小时）反馈：按质量问题处理`,
      missing: [],
    };
  if (state === 'outside')
    return {
      ...base,
      verdict: 'broken',
      text: `买家超过店铺约定的质量问题反馈时限（签收后 ${hours} 小时）才反馈：先与买家协商；确属质量问题的，仍按平台规则处理`,
      missing: [],
    };
  return {
    ...base,
    verdict: 'unknown',
    text: `店铺约定签收后 ${hours} 小时内反馈质量问题：签收或申请时间未知，无法判断是否在时限内`,
    missing: ['签收时间或申请时间（页面未显示）'],
  };
}

export function promisesOf(
  c: CaseSnapshot,
  facts: Facts,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
  now: number,
): PromiseCheck[] {
  const arrivalDays = commitments['arrival-promise']?.days;
  const reportHours = commitments['quality-report-window']?.hours;
  return [
    designatedCarrier(rules, facts),
    arrivalDays === undefined ? null : arrival(c, rules, facts, arrivalDays, now),
    reportHours === undefined ? null : qualityReport(rules, facts, reportHours),
  ].filter((x): x is PromiseCheck => x !== null);
}
