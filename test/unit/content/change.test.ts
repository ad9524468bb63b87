// A reading that changed reaches the ledger: the content script hands a page's cases on only when a
// reading differs from the last one handed on (`sameCase`), and that decision covers every field the
// ledger stores (`mergeCase`), by the same list (lib/shared/case-fields.ts).
import { describe, expect, it } from 'vitest';
import { CASE_FIELDS, sameCase, STORED_FIELDS } from '../../../lib/shared/case-fields';
import type { CaseSnapshot, Observation } from '../../../lib/shared/types';
import { mergeCase } from '../../../lib/storage/cases';

const base: CaseSnapshot = {
  platform: 'taobao',
  disputeId: '2871000001',
  kind: 'refund',
  orderId: '4012000001',
  refundType: '退货退款',
  phase: 'aftersale',
  shipped: true,
  goodsStatus: 'BUYER_RETURNED_GOODS',
  status: 'WAIT_SELLER_CONFIRM_GOODS',
  statusText: '待商家收货',
  refundFen: 12800,
  paidFen: 12800,
  postageFen: 1200,
  appliedAt: '2026-11-20T13:05:22+08:00',
  paidAt: '2026-11-18T09:00:00+08:00',
  shippedAt: '2026-11-18T18:00:00+08:00',
  signedAt: '2026-11-19T12:00:00+08:00',
  pageDeadline: { at: '2026-11-25T10:00:00+08:00', action: 'auto-refund', text: '还剩3天0时0分' },
  reason: '质量问题',
  item: '羊毛围巾 灰色',
  itemId: '612345678901',
  returnLogistics: { carrier: '中通快递', number: 'ZT0001', state: '运输中', shippedAt: '2026-11-21T10:00:00+08:00' },
  history: [{ at: '2026-11-20T13:05:22+08:00', actor: '买家', text: '发起了退款申请' }],
  buyer: '张**',
  flags: { freightInsurance: true },
  fromData: ['paidAt'],
  drift: ['退款金额：页面上有两个不同的值，未采用'],
  unparsed: { times: { appliedAt: '2026-11-20 13:05:22' }, countdown: ['还剩3天0时0分'] },
};

/** For every field of a snapshot but its identity, one or more changes a later reading may bring. */
const CHANGES: Record<Exclude<keyof CaseSnapshot, 'platform' | 'disputeId'>, [string, Partial<CaseSnapshot>][]> = {
  shop: [['another shop', { shop: '青禾家居旗舰店' }]],
  kind: [['another kind', { kind: 'exchange' }]],
  orderId: [['an order id appears', { orderId: '4012000002' }]],
  refundType: [['仅退款 instead', { refundType: '仅退款' }]],
  phase: [['售中 instead', { phase: 'onsale' }]],
  shipped: [['not shipped', { shipped: false }]],
  goodsStatus: [['goods status', { goodsStatus: 'BUYER_RECEIVED' }]],
  status: [['status', { status: 'SUCCESS' }]],
  statusText: [['status text', { statusText: '退款成功' }]],
  refundFen: [['refund amount', { refundFen: 6400 }]],
  paidFen: [['paid amount', { paidFen: 25600 }]],
  postageFen: [['postage', { postageFen: 1500 }]],
  appliedAt: [['applied at', { appliedAt: '2026-11-20T13:06:00+08:00' }]],
  paidAt: [['paid at', { paidAt: '2026-11-18T09:30:00+08:00' }]],
  shippedAt: [['shipped at', { shippedAt: '2026-11-18T19:00:00+08:00' }]],
  signedAt: [['signed at', { signedAt: '2026-11-19T13:00:00+08:00' }]],
  pageDeadline: [
    [
      'the deadline shown',
      { pageDeadline: { ...base.pageDeadline!, at: '2026-11-25T06:00:00+08:00', text: '还剩2天20时0分' } },
    ],
    ['what happens at the end', { pageDeadline: { ...base.pageDeadline!, action: 'auto-close' } }],
  ],
  reason: [['reason', { reason: '7天无理由退换货' }]],
  item: [['item', { item: '羊毛围巾 黑色' }]],
  itemId: [['item id', { itemId: '612345678902' }]],
  returnLogistics: [
    [
      'the return is signed for',
      { returnLogistics: { ...base.returnLogistics, state: '已签收', signedAt: '2026-11-22T10:00:00+08:00' } },
    ],
    [
      'the return signedAt alone',
      { returnLogistics: { ...base.returnLogistics, signedAt: '2026-11-22T10:00:00+08:00' } },
    ],
    ['carrier', { returnLogistics: { ...base.returnLogistics, carrier: '顺丰速运' } }],
    ['tracking number', { returnLogistics: { ...base.returnLogistics, number: 'SF0002' } }],
    ['return shipped at', { returnLogistics: { ...base.returnLogistics, shippedAt: '2026-11-21T11:00:00+08:00' } }],
  ],
  history: [
    [
      'a new 协商历史 entry',
      { history: [...base.history!, { at: '2026-11-21T10:00:00+08:00', actor: '卖家', text: '同意退货' }] },
    ],
    ['an entry reworded', { history: [{ ...base.history![0]!, text: '修改了退款申请' }] }],
  ],
  buyer: [['buyer', { buyer: '李**' }]],
  flags: [
    ['a flag turns on', { flags: { freightInsurance: true, buyerUrged: true } }],
    ['a flag turns off (same keys)', { flags: { freightInsurance: false } }],
  ],
  fromData: [['filled from data', { fromData: ['paidAt', 'shippedAt'] }]],
  drift: [['a new drift note', { drift: ['售后状态：页面上有两个不同的值，未采用'] }]],
  unparsed: [
    [
      'a row time shown',
      { unparsed: { ...base.unparsed, times: { appliedAt: '2026-11-20 13:05:22', paidAt: '2026-11-18 09:00:00' } } },
    ],
    ['the row countdown shown', { unparsed: { ...base.unparsed, countdown: ['还剩2天23时59分'] } }],
  ],
};

const seenAt: Observation = {
  page: 'refund-list',
  url: 'https://example.invalid/refund-list',
  readAt: '2026-11-22T10:00:00+08:00',
};
/** The ledger's record of a snapshot, without the bookkeeping of when each field was seen. */
const stored = (c: CaseSnapshot) => {
  const { fieldSeenAt: _seen, ...rec } = mergeCase(undefined, c, seenAt);
  return rec;
};

describe('a changed reading reaches the ledger', () => {
  it('a reading that repeats the last one is the same (nothing to hand on)', () => {
    expect(sameCase(base, structuredClone(base))).toBe(true);
  });

  it("a countdown's instant moving with the clock, the text unchanged, is the same", () => {
    expect(sameCase(base, { ...base, pageDeadline: { ...base.pageDeadline!, at: '2026-11-25T10:00:30+08:00' } })).toBe(
      true,
    );
  });

  it('a countdown that moved with the clock, naming the same deadline to the minute shown, is the same', () => {
    const ticked = { at: '2026-11-25T10:00:50+08:00', text: '还剩2天23时59分' };
    expect(sameCase(base, { ...base, pageDeadline: { ...base.pageDeadline!, ...ticked } })).toBe(true);
    const moved = { at: '2026-11-25T10:03:00+08:00', text: '还剩2天23时59分' };
    expect(sameCase(base, { ...base, pageDeadline: { ...base.pageDeadline!, ...moved } })).toBe(false);
  });

  it('a flag read as absent or as undefined is the same', () => {
    expect(sameCase({ ...base, flags: { freightInsurance: true, buyerUrged: undefined } }, base)).toBe(true);
  });

  const cases = Object.entries(CHANGES).flatMap(([field, changes]) =>
    changes.map(([what, patch]) => [field, what, patch] as const),
  );
  it.each(cases)('%s: %s is a change', (_field, _what, patch) => {
    expect(sameCase(base, { ...base, ...patch })).toBe(false);
  });

  it.each(cases.filter(([field]) => field !== 'unparsed'))(
    '%s: %s is stored by the ledger differently, so it must be handed on',
    (_field, _what, patch) => {
      expect(stored({ ...base, ...patch })).not.toEqual(stored(base));
    },
  );

  it('every field the ledger stores is covered above (and the list is the one the merge uses)', () => {
    expect(Object.keys(CHANGES).sort()).toEqual(
      Object.keys(CASE_FIELDS)
        .filter((f) => CASE_FIELDS[f as keyof typeof CASE_FIELDS] !== 'identity')
        .sort(),
    );
    // Each field the merge copies is stored as read.
    const record = mergeCase(undefined, base, seenAt);
    for (const field of STORED_FIELDS) expect(record[field], field).toEqual(base[field]);
  });
});
