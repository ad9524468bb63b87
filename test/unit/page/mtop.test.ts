import { describe, expect, it } from 'vitest';
import { casesInResponse, dataCase, keepResponseCases, mergeDataIntoCase, type DataCase } from '../../../lib/page/mtop';
import type { CaseSnapshot } from '../../../lib/shared/types';

const NOW = Date.UTC(2026, 10, 22, 7, 0, 0);
/** What the response adds to each of its cases when the page showed nothing but the id, as the background fills it. */
const snapshotsFromResponse = (body: unknown, platform: 'taobao' | 'tmall', now: number) =>
  casesInResponse(body).map(([disputeId, v]) => mergeDataIntoCase({ platform, disputeId, kind: 'refund', status: 'UNKNOWN', flags: {} }, dataCase(v, platform, now)));
const vo = {
  disputeId: '287140000008050',
  bizOrderId: '3491483612000010007',
  bizClaimType: '退货退款',
  refundPhase: 'aftersale',
  orderShipped: true,
  goodStatus: 'BUYER_RECEIVED',
  refundStatus: 'WAIT_SELLER_AGREE',
  statusDesc: '退款待处理',
  disputeBodyVO: { refundFee: 11800, buyerActualFee: 23600, postFee: 0 },
  gmtApply: Date.UTC(2026, 10, 20, 8, 57, 3),
  gmtPay: Date.UTC(2026, 10, 18, 1, 0, 0),
  refundRemindTimeout: { timeout: '2026-11-23 16:57:03', existTimeout: true, action: '自动同意' },
  buyerNick: '王宇轩',
  history: [{ at: Date.UTC(2026, 10, 20, 8, 57, 3), actor: '买家', text: '发起退货退款申请' }],
};

describe('casesInResponse and the fields a response fills', () => {
  it('reads a disputelistv2 body', () => {
    const [s] = snapshotsFromResponse({ data: { disputeGridVOList: [vo] } }, 'taobao', NOW);
    expect(s).toMatchObject({
      disputeId: '287140000008050',
      kind: 'refund',
      refundType: '退货退款',
      status: 'WAIT_SELLER_AGREE',
      refundFen: 11800,
      paidFen: 23600,
      paidAt: '2026-11-18T09:00:00+08:00',
      buyer: '王**',
      pageDeadline: { at: '2026-11-23T16:57:03+08:00', action: 'auto-agree' },
    });
    expect(s?.history).toHaveLength(1);
  });

  it('reads a disputedetail body', () => {
    expect(snapshotsFromResponse({ data: { disputeVO: vo } }, 'taobao', NOW).map((s) => s.disputeId)).toEqual(['287140000008050']);
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'mtopjsonp1({})'],
    ['an error body', { ret: ['FAIL_SYS_ILLEGAL_ACCESS::非法请求'] }],
    ['a wrongly typed list', { data: { disputeGridVOList: 'x' } }],
    ['wrongly typed fields', { data: { disputeGridVOList: [{ ...vo, disputeId: '<b>1</b>', disputeBodyVO: { refundFee: -1 } }, { ...vo, disputeBodyVO: { refundFee: '1e9' }, gmtPay: 'yesterday' }] } }],
    ['values out of range', { data: { disputeGridVOList: [{ ...vo, disputeBodyVO: { refundFee: 1.5 }, gmtPay: 8e15 }] } }],
  ])('takes nothing invalid from %s', (_what, body) => {
    for (const s of snapshotsFromResponse(body, 'taobao', NOW)) {
      expect(s.disputeId).toMatch(/^\d+$/);
      expect(s.refundFen).toBeUndefined();
      expect(s.paidAt).toBeUndefined();
    }
  });
});

describe('mergeDataIntoCase', () => {
  const dom: CaseSnapshot = { platform: 'taobao', disputeId: '287140000008050', kind: 'refund', status: 'WAIT_SELLER_AGREE', statusText: '退款待处理', refundFen: 11800, flags: {} };
  it('fills only what the page did not show, and says so', () => {
    const m = mergeDataIntoCase(dom, dataCase({ ...vo, disputeBodyVO: { refundFee: 1, buyerActualFee: 23600 } }, 'taobao', NOW));
    expect(m?.refundFen).toBe(11800);
    expect(m?.paidFen).toBe(23600);
    expect(m?.fromData).toEqual(expect.arrayContaining(['paidFen', 'paidAt', 'orderId', 'pageDeadline']));
    expect(m?.fromData).not.toContain('refundFen');
  });

  it('converts each field once, and fills it again on the next read', () => {
    const bare: CaseSnapshot = { platform: 'taobao', disputeId: vo.disputeId, kind: 'refund', status: 'UNKNOWN', flags: {} };
    const d = dataCase(vo, 'taobao', NOW);
    const first = mergeDataIntoCase(bare, d);
    const history = first.history;
    expect(first.fromData).toEqual(expect.arrayContaining(['status', 'paidAt', 'history', 'buyer']));
    const again = mergeDataIntoCase(bare, d);
    expect(again).toEqual(first);
    expect(again.history).toBe(history);
  });

  it('never mixes another platform\'s case in', () => {
    expect(mergeDataIntoCase(dom, dataCase({ ...vo, disputeId: dom.disputeId, disputeBodyVO: { buyerActualFee: 1 } }, 'tmall', NOW))).toEqual(dom);
  });
});

describe('keepResponseCases', () => {
  it('keeps the newest response of each case, and no more than a sale-day list of cases in all', () => {
    const kept = new Map<string, DataCase>();
    const page = (from: number, n: number, fee: number) => ({ data: { disputeGridVOList: Array.from({ length: n }, (_, i) => ({ ...vo, disputeId: String(100000 + from + i), disputeBodyVO: { refundFee: fee } })) } });
    keepResponseCases(kept, page(0, 3000, 1), 'taobao', NOW);
    keepResponseCases(kept, page(0, 10, 2), 'taobao', NOW + 1);
    keepResponseCases(kept, page(3000, 3000, 3), 'taobao', NOW + 2);
    expect(kept.size).toBe(5000);
    // The cases seen again in the second response are the newest of the first lot: still kept, as then.
    expect(kept.get('100000')?.vo.disputeBodyVO).toEqual({ refundFee: 2 });
    expect(kept.has('100010')).toBe(false);
    expect(kept.has('105999')).toBe(true);
    keepResponseCases(kept, { data: 'nonsense' }, 'taobao', NOW + 3);
    expect(kept.size).toBe(5000);
  });
});
