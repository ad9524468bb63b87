/**
 * 七天无理由: whether it is what the case turns on (rule `seven-day.window`'s condition), its window
 * (168 h from 00:00 of the day after signing, or the shop's longer promise), and the shop's 退货承诺
 * window beside it, which covers a return the 7-day window no longer does.
 */
import { toChinaIso } from '../shared/china-time';
import type { CaseSnapshot } from '../shared/types';
import { ms, type SevenDay } from './assessment';
import { applyRule, windowEnd } from './facts';
import type { CommitmentsInForce } from './policy';
import { ruleParam, type Rule } from './rules';
import type { Facts } from './when';

const INTACT_CHECKLIST = [
  '吊牌、标签完好，未剪未拆',
  '商品未使用、未洗涤，无污渍、无人为损坏',
  '原厂包装（最小销售单元）完好；快递外包装不算',
  '配件、说明书、三包卡等齐全',
  '赠品一并退回（缺失可按价值折抵，不能因此拒绝退货）',
  '不属于不支持七天无理由的商品：定制、鲜活易腐、已拆封的音像/软件等数字商品、报刊',
];

const wall = (at: number) => toChinaIso(at).slice(0, 16).replace('T', ' ');

function returnPromiseOf(c: CaseSnapshot, commitments: CommitmentsInForce): SevenDay['returnPromise'] {
  const promise = commitments['return-promise'];
  if (!promise) return null;
  const signed = ms(c.signedAt);
  const applied = ms(c.appliedAt);
  const ends = signed === undefined ? undefined : windowEnd(signed, promise.days);
  return {
    days: promise.days,
    postagePaidBy: promise.postagePaidBy,
    endsAt: ends === undefined ? null : toChinaIso(ends),
    appliedInWindow: ends === undefined || applied === undefined ? null : applied < ends,
  };
}

export function sevenDayOf(
  c: CaseSnapshot,
  facts: Facts,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
): SevenDay {
  const promised = commitments['seven-day']?.days;
  const windowDays = promised ?? ruleParam(rules, 'seven-day.window', 'hours') / 24;
  const hit = applyRule(rules, 'seven-day.window', facts);
  const applies = hit !== null;
  const signed = ms(c.signedAt);
  const base = {
    applies,
    windowDays,
    checklist: applies ? INTACT_CHECKLIST : [],
    rule: 'seven-day.window' as const,
    applied: hit ? [hit] : [],
    returnPromise: returnPromiseOf(c, commitments),
  };
  if (signed === undefined) {
    return {
      ...base,
      endsAt: null,
      appliedInWindow: null,
      why: applies ? '签收时间未知：请打开订单或售后详情页确认签收时间' : '本单不涉及七天无理由',
    };
  }
  // From 00:00 (China time) of the day after signing, the window's days later.
  const ends = windowEnd(signed, windowDays);
  const applied = ms(c.appliedAt);
  return {
    ...base,
    endsAt: toChinaIso(ends),
    appliedInWindow: applied === undefined ? null : applied < ends,
    why: `签收次日零时起 ${windowDays} 天${promised ? '（店铺承诺）' : ''}，至 ${wall(ends)} 止`,
  };
}

/** The 退货承诺 window in words: 签收次日零时起 15 天（店铺退货承诺），至 … 止. */
export function returnPromiseWhy(p: NonNullable<SevenDay['returnPromise']>): string {
  return `签收次日零时起 ${p.days} 天（店铺退货承诺）${p.endsAt ? `，至 ${wall(Date.parse(p.endsAt))} 止` : '，签收时间未知'}`;
}
