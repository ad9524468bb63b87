/** 七天无理由: whether it is what the case turns on, and its window (168 h from 00:00 of the day after signing). */
import { DAY_MS, HOUR_MS, startOfChinaDay, toChinaIso } from '../shared/china-time';
import type { CaseSnapshot } from '../shared/types';
import { ms, type SevenDay } from './assessment';
import type { CommitmentsInForce } from './policy';
import type { ReasonCategory } from './reason';
import { ruleParam, type Rule } from './rules';

const INTACT_CHECKLIST = [
  '吊牌、标签完好，未剪未拆',
  '商品未使用、未洗涤，无污渍、无人为损坏',
  '原厂包装（最小销售单元）完好；快递外包装不算',
  '配件、说明书、三包卡等齐全',
  '赠品一并退回（缺失可按价值折抵，不能因此拒绝退货）',
  '不属于不支持七天无理由的商品：定制、鲜活易腐、已拆封的音像/软件等数字商品、报刊',
];

export function sevenDayOf(
  c: CaseSnapshot,
  category: ReasonCategory,
  commitments: CommitmentsInForce,
  rules: Map<string, Rule>,
): SevenDay {
  const promised = commitments['seven-day']?.days;
  const windowHours = promised ? promised * 24 : ruleParam(rules, 'seven-day.window', 'hours');
  const windowDays = windowHours / 24;
  const applies =
    (c.kind === 'refund' || c.kind === 'exchange') &&
    (category === 'no-reason' || category === 'unknown') &&
    c.goodsStatus !== 'BUYER_NOT_RECEIVED' &&
    !(c.refundType === '仅退款' && c.shipped === false);
  const signed = ms(c.signedAt);
  const base = { applies, windowDays, checklist: applies ? INTACT_CHECKLIST : [], rule: 'seven-day.window' as const };
  if (signed === undefined) {
    return {
      ...base,
      endsAt: null,
      appliedInWindow: null,
      why: applies ? '签收时间未知：请打开订单或售后详情页确认签收时间' : '本单不涉及七天无理由',
    };
  }
  // From 00:00 (China time) of the day after signing, the window's hours later.
  const ends = startOfChinaDay(signed) + DAY_MS + windowHours * HOUR_MS;
  const applied = ms(c.appliedAt);
  return {
    ...base,
    endsAt: toChinaIso(ends),
    appliedInWindow: applied === undefined ? null : applied < ends,
    why: `签收次日零时起 ${windowDays} 天${promised ? '（店铺承诺）' : ''}，至 ${toChinaIso(ends).slice(0, 16).replace('T', ' ')} 止`,
  };
}
