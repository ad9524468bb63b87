/** The promises module's table: what staff read for 到货承诺 and the 质量问题反馈时限, and what the page did not show. */
import { describe, expect, it } from 'vitest';
import { assess, type ShopPolicy } from '../../../lib/engine';
import type { CaseSnapshot } from '../../../lib/shared/types';
import { at, iso, NOW, snap } from './helpers';
import { on } from './seed-cases';

const ORDER_CLOSE = '订单关闭时间（页面未显示，请在订单详情查看）';
const CLAIM = '协商未果时，买家可在订单关闭之日起 15 天内发起维权，判定成立由保证金先行赔付';
const ARRIVAL: ShopPolicy = { commitments: [on({ type: 'arrival-promise', days: 3 })] };
const REPORT: ShopPolicy = { commitments: [on({ type: 'quality-report-window', hours: 48 })] };
const paid = { paidAt: iso(2026, 11, 10, 10) };
const notReceived = {
  ...paid,
  refundType: '仅退款' as const,
  goodsStatus: 'BUYER_NOT_RECEIVED' as const,
  reason: '快递一直未送到',
};

describe('what a promise check says', () => {
  it.each<[string, Partial<CaseSnapshot>, ShopPolicy, number, string, string, string[]]>([
    [
      '到货：按时',
      { ...paid, signedAt: iso(2026, 11, 13, 10) },
      ARRIVAL,
      NOW,
      'kept',
      '到货承诺已兑现：2026-11-13 10:00 签收（承诺付款后 3 天内送达，即 2026-11-13 10:00 前）',
      [],
    ],
    [
      '到货：延迟',
      { ...paid, signedAt: iso(2026, 11, 13, 10, 1) },
      ARRIVAL,
      NOW,
      'broken',
      `到货延迟：2026-11-13 10:01 才签收，晚于承诺（付款后 3 天内送达，即 2026-11-13 10:00 前）。主动与买家协商补偿；${CLAIM}`,
      [ORDER_CLOSE],
    ],
    [
      '到货：过时未收到',
      notReceived,
      ARRIVAL,
      at(2026, 11, 13, 10) + 1,
      'broken',
      `已过承诺送达时间（付款后 3 天内送达，即 2026-11-13 10:00 前）仍未签收：查询物流、主动联系买家；${CLAIM}`,
      [ORDER_CLOSE],
    ],
    [
      '到货：正到承诺时间，未收到',
      notReceived,
      ARRIVAL,
      at(2026, 11, 13, 10),
      'unknown',
      '到货承诺（付款后 3 天内送达，即 2026-11-13 10:00 前）：签收时间未知，请在物流详情确认送达时间',
      ['签收时间（页面未显示）'],
    ],
    [
      '到货：付款时间未知',
      { paidAt: undefined },
      ARRIVAL,
      NOW,
      'unknown',
      '到货承诺（付款后 3 天内送达）：付款时间未知，无法判断是否按时送达',
      ['付款时间（页面未显示）'],
    ],
    [
      '反馈时限内',
      { reason: '质量问题', signedAt: iso(2026, 11, 20, 10), appliedAt: iso(2026, 11, 21) },
      REPORT,
      NOW,
      'kept',
      '买家在店铺约定的质量问题反馈时限内（签收后 48 小时）反馈：按质量问题处理',
      [],
    ],
    [
      '超过反馈时限',
      { reason: '描述不符', signedAt: iso(2026, 11, 18, 10), appliedAt: iso(2026, 11, 21) },
      REPORT,
      NOW,
      'broken',
      '买家超过店铺约定的质量问题反馈时限（签收后 48 小时）才反馈：先与买家协商；确属质量问题的，仍按平台规则处理',
      [],
    ],
    [
      '反馈时限，签收时间未知',
      { reason: '质量问题' },
      REPORT,
      NOW,
      'unknown',
      '店铺约定签收后 48 小时内反馈质量问题：签收或申请时间未知，无法判断是否在时限内',
      ['签收时间或申请时间（页面未显示）'],
    ],
  ])('%s', (_what, patch, policy, now, verdict, text, missing) => {
    expect(assess(snap(patch), policy, now).promises).toEqual([expect.objectContaining({ verdict, text, missing })]);
  });

  it('a promise whose condition does not hold says nothing: 到货承诺 on an order never shipped', () => {
    const c = snap({ refundType: '仅退款', shipped: false, goodsStatus: 'BUYER_NOT_RECEIVED', reason: '不想要了' });
    expect(assess(c, ARRIVAL, NOW).promises).toEqual([]);
  });

  it('指定快递 lists what the page cannot show', () => {
    const [p] = assess(snap(), { commitments: [on({ type: 'designated-carrier' })] }, NOW).promises;
    expect(p?.missing).toEqual(['实际发货的快递公司（页面未显示）', '买家指定的快递公司（页面未显示）', ORDER_CLOSE]);
  });
});
